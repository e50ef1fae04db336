import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import { createRound, registeredApplicant } from '../integration/applications-helpers';
import { baseUrl, checkPage, useBrowser } from './browser';

// Issue #16.1, same-site request forgery, in real Chromium. The session cookie is SameSite=Strict, but a page on
// another port of the same host is the same *site*, so the browser sends the cookie with its form posts. The site is
// http://localhost:<port>; the forger serves its pages from another port of localhost (same site) and from
// 127.0.0.1 (another site).
const browser = useBrowser();

let forger: Server;
let forgerPort = 0;
/** The page the forger serves at /<name>, set per test. */
const forgedPages = new Map<string, string>();

beforeAll(async () => {
  forger = createServer((req, res) => {
    const html = forgedPages.get(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((done) => forger.listen(0, done));
  forgerPort = (forger.address() as AddressInfo).port;
});
afterAll(async () => {
  if (!forger) return; // the browser's setup failed first: no server was started
  forger.closeAllConnections();
  await new Promise((done) => forger.close(done));
});

/** An auto-submitting, body-less HTML form POST, as any page can make. */
const formPage = (action: string) =>
  `<!doctype html><html><body><form id="f" method="POST" action="${action}"></form><script>document.getElementById('f').submit()</script></body></html>`;
/** A page whose script tries the same with fetch: a no-cors POST (cookie, no custom header) and one with the header (needs CORS). */
const fetchPage = (action: string) =>
  `<!doctype html><html><body><script>
    window.attempts = Promise.all([
      fetch(${JSON.stringify(action)}, { method: 'POST', mode: 'no-cors', credentials: 'include' }).then(() => 'sent', (e) => 'failed: ' + e),
      fetch(${JSON.stringify(action)}, { method: 'POST', credentials: 'include', headers: { 'X-Merit-Client': '1' } }).then((r) => 'answered ' + r.status, (e) => 'failed: ' + e),
    ]);
  </script></body></html>`;

const site = () => new URL(baseUrl());
/** The forger's origin on the same site (localhost, another port) or on another site (127.0.0.1). */
const forgerOrigin = (where: 'same-site' | 'cross-site') => `http://${where === 'same-site' ? 'localhost' : '127.0.0.1'}:${forgerPort}`;

/** Gives the browser a session cookie of the site, as if the person had signed in there. */
async function holdSession(cookie: string): Promise<void> {
  const [name, value] = cookie.split('=') as [string, string];
  await browser().context.addCookies([{ name, value, domain: site().hostname, path: '/', httpOnly: true, sameSite: 'Strict' }]);
}

/** Opens the forger's form page and returns the API's answer to the form post it made. */
async function submitForgedForm(page: Page, where: 'same-site' | 'cross-site', target: string): Promise<{ status: number; body: any }> {
  const name = `form-${Math.random().toString(36).slice(2)}`;
  forgedPages.set(name, formPage(`${baseUrl()}${target}`));
  const answer = page.waitForResponse((res) => res.url() === `${baseUrl()}${target}`);
  await page.goto(`${forgerOrigin(where)}/${name}`);
  const res = await answer;
  return { status: res.status(), body: await res.json().catch(() => undefined) };
}

/** Opens the forger's fetch page and waits until both of its attempts settled. */
async function runForgedFetches(page: Page, where: 'same-site' | 'cross-site', target: string): Promise<string[]> {
  const name = `fetch-${Math.random().toString(36).slice(2)}`;
  forgedPages.set(name, fetchPage(`${baseUrl()}${target}`));
  await page.goto(`${forgerOrigin(where)}/${name}`);
  return page.evaluate(() => (window as unknown as { attempts: Promise<string[]> }).attempts);
}

const personStatus = async (email: string) => {
  const people = (await api('GET', '/api/submission/people', { cookie: await signInAdmin() })).body.people as { email: string; status: string }[];
  return people.find((p) => p.email === email)?.status;
};

describe('same-site request forgery (issue #16.1)', () => {
  it("a page of another origin cannot revoke a person with the administrator's cookie; the site itself still can", async () => {
    const admin = await signInAdmin();
    const email = uniqueEmail('forgery.target');
    const invited = await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: '王被停', role: 'expert' } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const target = `/api/submission/people/${invited.body.person.personId}/revoke`;
    await holdSession(admin);
    const page = await browser().newPage();
    const before = browser().problems.length;

    // Same site (another port of localhost): the browser sends the Strict cookie with the form post; the API refuses it.
    const sameSite = await submitForgedForm(page, 'same-site', target);
    expect(sameSite.status).toBe(403);
    expect(sameSite.body.error.code).toBe('CROSS_SITE_REQUEST');
    expect(sameSite.body.error.message['zh-CN']).toContain('未做任何更改');
    expect(sameSite.body.error.message.en).toContain('nothing was changed');
    expect(await personStatus(email)).toBe('active');

    // Another site (127.0.0.1): refused too.
    const crossSite = await submitForgedForm(page, 'cross-site', target);
    expect(crossSite.status).toBe(403);
    expect(await personStatus(email)).toBe('active');

    // A script on either page: a no-cors POST cannot carry the header, and one with the header never passes the preflight.
    for (const where of ['same-site', 'cross-site'] as const) {
      const attempts = await runForgedFetches(page, where, target);
      expect(attempts[1], where).toMatch(/^failed/);
      expect(await personStatus(email), where).toBe('active');
    }
    browser().problems.splice(before); // the refused posts and the blocked preflights, reported by the forger's pages

    // The site's own page revokes through its API client, with the same cookie.
    // (The browser holds the administrator's cookie; the site also remembers that it signed in, as after a link.)
    await page.goto(baseUrl());
    await page.evaluate(() => localStorage.setItem('merit.signedIn', '1'));
    await page.goto(`${baseUrl()}/admin`);
    await page.locator('[data-people-search]').fill(email);
    const row = page.locator(`tr[data-person="${email}"]`);
    await row.getByRole('button', { name: '停用', exact: true }).click();
    await row.getByRole('button', { name: '确定停用' }).click();
    await page.getByRole('status').getByText('已停用 王被停').waitFor();
    await checkPage(page, 'people after revoking');
    expect(await personStatus(email)).toBe('revoked');
    expect(browser().problems).toEqual([]);
  });

  it("a page of another origin cannot withdraw an application with the applicant's cookie (a route without a body)", async () => {
    const roundId = await createRound();
    const applicant = await registeredApplicant(roundId, uniqueEmail('forgery.applicant'));
    const target = `/api/submission/applications/${applicant.applicationId}/withdraw`;
    await holdSession(applicant.cookie);
    const page = await browser().newPage();
    const before = browser().problems.length;
    const status = async () => (await api('GET', `/api/submission/applications/${applicant.applicationId}`, { cookie: applicant.cookie })).body.status;
    const statusBefore = await status();

    for (const where of ['same-site', 'cross-site'] as const) {
      const answer = await submitForgedForm(page, where, target);
      expect(answer.status, where).toBe(403);
      expect(answer.body.error.code, where).toBe('CROSS_SITE_REQUEST');
      const attempts = await runForgedFetches(page, where, target);
      expect(attempts[1], where).toMatch(/^failed/);
      expect(await status(), where).toBe(statusBefore);
    }
    browser().problems.splice(before);
    expect(statusBefore).not.toBe('withdrawn');
  });
});
