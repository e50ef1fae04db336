/**
 * The header the site's API client (web/src/api.ts) sends on every call, as proof that the request comes from a
 * page of the site itself. An HTML form cannot set a header, and a page of another origin can only send it after a
 * CORS preflight, which the API never grants: so a page of another origin under the same site (another port, another
 * subdomain of the same government domain), which the browser lets carry the SameSite=Strict session cookie, cannot
 * make a state-changing request. Every non-GET route refuses a request without it (functions/lib/http/same-origin.ts).
 */
export const CLIENT_HEADER = 'X-Merit-Client';
/** The value of {@link CLIENT_HEADER}. */
export const CLIENT_HEADER_VALUE = '1';
/** Headers to add to a non-browser call of a state-changing route (tests, scripts). */
export const CLIENT_HEADERS: Readonly<Record<string, string>> = { [CLIENT_HEADER]: CLIENT_HEADER_VALUE };
