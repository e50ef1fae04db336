import { createHash, timingSafeEqual } from 'node:crypto';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../../shared/api/client-header';
import { ORIGIN_VERIFY_HEADER } from '../../../shared/runtime';
import { AppError } from './errors';

/** Methods that change nothing (the route table has only GET among them). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Headers = Readonly<Record<string, string | undefined>>;

const crossSite = (reason: string) => new AppError('CROSS_SITE_REQUEST', 403, { reason });

async function originIsSite(origin: string, host: string | undefined, siteOrigin?: () => Promise<string | undefined>): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a redirect across origins) or garbage
  }
  if (host && url.host === host) return true;
  const site = await siteOrigin?.().catch(() => undefined);
  try {
    return site !== undefined && new URL(site).origin === url.origin;
  } catch {
    return false;
  }
}

/**
 * Same-site request forgery guard (issue #16.1). The session cookie is SameSite=Strict, but "site" is the registrable
 * domain: a page on another port or another subdomain of the same domain is same-site, and its HTML form would carry the
 * cookie. So a state-changing request must prove it comes from the site's own pages: the {@link CLIENT_HEADER} the
 * site's API client always sends (a form cannot set a header; another origin's script needs a CORS preflight the API
 * never grants), and, where the browser says where the request comes from, `Sec-Fetch-Site: same-origin`, or else an
 * `Origin` that is the site. Anything else is refused with 403 CROSS_SITE_REQUEST before a session is even looked up.
 * Header names are lower case (API Gateway payload v2 and the local gateway both give them so).
 */
export async function assertSameOrigin(method: string, headers: Headers, siteOrigin?: () => Promise<string | undefined>): Promise<void> {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  if (headers[CLIENT_HEADER.toLowerCase()] !== CLIENT_HEADER_VALUE) throw crossSite('client-header');
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined) {
    if (fetchSite.trim().toLowerCase() !== 'same-origin') throw crossSite('sec-fetch-site');
    return;
  }
  const origin = headers.origin;
  if (origin !== undefined && !(await originIsSite(origin.trim(), headers.host, siteOrigin))) throw crossSite('origin');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a request came through CloudFront (issue #16.9): CloudFront adds {@link ORIGIN_VERIFY_HEADER} with a secret
 * as an origin custom header, which a client calling the API Gateway endpoint directly does not know. Only then is
 * what CloudFront says about the viewer (CloudFront-Viewer-Address) true. Compared in constant time.
 */
export function fromCloudFront(headers: Headers, secret: string | undefined): boolean {
  const given = headers[ORIGIN_VERIFY_HEADER.toLowerCase()];
  if (!secret || given === undefined) return false;
  return timingSafeEqual(digest(given), digest(secret));
}
