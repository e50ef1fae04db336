import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundScope } from '../../shared/audit/chain';
import { createRound, fillPackage, PDF, registeredApplicant, upload } from '../integration/applications-helpers';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import { seedDeliberatedRound } from '../integration/notice-helpers';
import { baseUrl, useBrowser } from './browser';

// Every page fits a 375 px phone and a 1280 px desktop without the page itself scrolling sideways
// (issue #10, defect 8): a wide table may scroll only inside its own box. And the office's funnel bar
// is drawn, as wide as the share of submissions (defect 1). Real headless Chromium against the local stack.

const browser = useBrowser();

const WIDTHS = [375, 1280] as const;
const LONG_NAME = '福建省示范市高新技术产业开发区智能装备与精密制造集团股份有限公司';

let adminCookie: string;
let funnelRound: string;
let submittedId: string;
let applicantCookie: string;
let noticeRound: string;
let reviewRound: string;

/** Signs the browser in with a session cookie from the API (the site reads the session hint from localStorage). */
async function useSession(page: Page, cookie: string): Promise<void> {
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().clearCookies();
  await page.context().addCookies([{ name, value, url: `${baseUrl()}/api/` }]);
  await page.goto(`${baseUrl()}/`);
  await page.evaluate(() => localStorage.setItem('merit.signedIn', '1'));
}

interface Measured {
  scrollWidth: number;
  clientWidth: number;
  /** Elements whose right edge passes the viewport with no scrolling box holding them. */
  offenders: string[];
  /** Boxes that scroll sideways inside the page, and whether their table's first column stays in place. */
  scrollBoxes: { box: string; stickyFirstColumn: boolean }[];
}

/** How a page sits in the viewport: the page's own width, what sticks out, which boxes scroll sideways. */
async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const data = [...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}]`).join('');
      return `${el.tagName.toLowerCase()}${cls}${data}`;
    };
    const scrolls = (el: Element) => el !== root && el !== document.body && /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
    const offenders: string[] = [];
    const scrollBoxes: { box: string; stickyFirstColumn: boolean }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (/auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1) {
        const rows = [...el.querySelectorAll('tr')];
        const sticky = rows.length > 0 && rows.every((tr) => tr.cells[0] && getComputedStyle(tr.cells[0]).position === 'sticky');
        scrollBoxes.push({ box: `${name(el)} ${el.scrollWidth}/${el.clientWidth} px`, stickyFirstColumn: sticky });
      }
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      let held = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) held = true;
      if (!held) offenders.push(`${name(el)} right=${Math.round(r.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, offenders: offenders.slice(0, 8), scrollBoxes };
  });
}

/**
 * The page at one width: never wider than the viewport; at 1280 px no table scrolls sideways
 * in its box either; at 375 px a table that does keeps its first column in place.
 */
async function checkWidth(page: Page, label: string, width: number): Promise<void> {
  const m = await measure(page);
  expect.soft(m.scrollWidth, `${label} at ${width} px scrolls sideways: ${m.offenders.join(' | ')}`).toBeLessThanOrEqual(m.clientWidth);
  if (width >= 1280) expect.soft(m.scrollBoxes.map((b) => b.box), `${label} at ${width} px: boxes that scroll sideways`).toEqual([]);
  else expect.soft(m.scrollBoxes.filter((b) => !b.stickyFirstColumn).map((b) => b.box), `${label} at ${width} px: scrolling tables whose first column moves`).toEqual([]);
}

/** Opens a page, waits for it to be ready, then checks it at 375 px and at 1280 px. */
async function fitsBothWidths(page: Page, path: string, ready: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${baseUrl()}${path}`);
    await page.locator(ready).first().waitFor({ state: 'attached', timeout: 20_000 });
    await checkWidth(page, path, width);
  }
}

beforeAll(async () => {
  adminCookie = await signInAdmin();

  // A round with two registrations, one of them submitted (50%), one organisation with a long name.
  funnelRound = await createRound();
  const submitted = await registeredApplicant(funnelRound, uniqueEmail('layout-submitted'), { name: LONG_NAME, address: `${LONG_NAME}示范路 100 号` });
  await registeredApplicant(funnelRound, uniqueEmail('layout-registered'), { name: '闽侯县长安精密仪器有限公司' });
  await fillPackage(submitted.cookie, submitted.applicationId);
  await upload(submitted.cookie, submitted.applicationId, PDF, { category: 'businessLicence', fileName: `${LONG_NAME}营业执照副本扫描件.pdf` });
  await upload(submitted.cookie, submitted.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  const res = await api('POST', `/api/submission/applications/${submitted.applicationId}/submit`, { cookie: submitted.cookie, body: {} });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  submittedId = submitted.applicationId;
  applicantCookie = submitted.cookie;

  // A round at the public notice, with the evaluation, every opinion and the votes recorded.
  const deliberated = await seedDeliberatedRound();
  noticeRound = deliberated.round.roundId;
  const round = await api('GET', `/api/publication/rounds/${noticeRound}`, { cookie: adminCookie });
  const moved = await api('POST', `/api/publication/rounds/${noticeRound}/stage`, { cookie: adminCookie, body: { to: 'publicNotice', version: round.body.version } });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);

  // The demo round in material review (infra/local/seed-review.ts).
  const rounds = await api('GET', '/api/publication/rounds', { cookie: adminCookie });
  reviewRound = (rounds.body.rounds as { roundId: string }[]).find((r) => r.roundId.endsWith('-review'))!.roundId;
});

describe('every page fits 375 px and 1280 px without the page scrolling sideways', () => {
  it("the office's pages: the list, a submitted package with its receipt, the review board and the outcome with its tables", async () => {
    const page = await browser().newPage();
    await useSession(page, adminCookie);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${baseUrl()}/office`);
      await page.locator('#office-round').selectOption(funnelRound);
      await page.locator(`tr[data-application="${submittedId}"]`).waitFor();
      await checkWidth(page, '/office', width);
    }
    await fitsBothWidths(page, `/office/${submittedId}`, '[data-receipt] [data-package-sha256]');
    await fitsBothWidths(page, `/office/rounds/${reviewRound}`, '[data-round-board]');
    await fitsBothWidths(page, `/office/rounds/${noticeRound}/outcome`, '[data-section="notice"] table');
    await fitsBothWidths(page, '/admin', '[data-person]');
    await fitsBothWidths(page, '/admin/rounds', '[data-round]');
    await fitsBothWidths(page, `/admin/rounds/${reviewRound}`, '[data-round-page]');
    expect(browser().problems).toEqual([]);
  });

  it("the supervisors' pages: the chains, a chain with its filters, a round's reviews and its outcome", async () => {
    const page = await browser().newPage();
    await useSession(page, adminCookie);
    await fitsBothWidths(page, '/supervise', '[data-chain]');
    await fitsBothWidths(page, `/supervise/${encodeURIComponent(roundScope(reviewRound))}`, '[data-seq]');
    // The applicant filter offers the long name once the chain's names are read.
    await fitsBothWidths(page, `/supervise/${encodeURIComponent(roundScope(funnelRound))}`, `.filters option:text-matches("${LONG_NAME}")`);
    await fitsBothWidths(page, `/supervise/rounds/${reviewRound}`, '[data-round-reviews]');
    await fitsBothWidths(page, `/supervise/rounds/${noticeRound}/outcome`, '[data-section="opinions"] table');
    expect(browser().problems).toEqual([]);
  });

  it("the public pages and the applicant's submitted package with its receipt", async () => {
    const page = await browser().newPage();
    await page.context().clearCookies();
    await page.goto(`${baseUrl()}/`);
    await page.evaluate(() => localStorage.removeItem('merit.signedIn'));
    // The admin's session hint was still there on that load (answered 401): count only what follows.
    await page.locator('header a[href="/sign-in"]').first().waitFor();
    const before = browser().problems.length;
    await fitsBothWidths(page, '/', 'h1');
    await fitsBothWidths(page, '/sign-in', 'h1');
    await fitsBothWidths(page, `/notices/${noticeRound}`, '[data-notice] table');
    await useSession(page, applicantCookie);
    await fitsBothWidths(page, '/apply', '[data-receipt] [data-package-sha256]');
    // The notice page asks for the announcement, not published yet: 404, as for any visitor.
    expect(browser().problems.slice(before).filter((p) => !/\/notices\/.*status of 404/.test(p))).toEqual([]);
  });
});

describe("the office's funnel", () => {
  it('draws the share of submissions as a bar as wide as the share (1 of 2 registered: half the track)', async () => {
    const page = await browser().newPage();
    await useSession(page, adminCookie);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl()}/office`);
    await page.locator('#office-round').selectOption(funnelRound);
    const funnel = page.locator('[data-funnel="2/1"]');
    await funnel.waitFor();
    const bar = funnel.locator('.funnel-bar');
    const box = (await bar.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    const png = await bar.screenshot();
    const track = await bar.evaluate((el) => getComputedStyle(el).backgroundColor);

    // Read the picture's middle row in a blank page (no CSP there): how many columns are not the track's colour.
    const scratch = await browser().context.newPage();
    const filled = await scratch.evaluate(
      async ({ data, track }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const row = ctx.getImageData(0, Math.floor(img.height / 2), img.width, 1).data;
        const [tr, tg, tb] = track.match(/\d+/g)!.map(Number) as [number, number, number];
        let count = 0;
        for (let x = 0; x < img.width; x++) {
          const [r, g, b] = [row[x * 4]!, row[x * 4 + 1]!, row[x * 4 + 2]!];
          if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) > 60) count++;
        }
        return { count, width: img.width };
      },
      { data: png.toString('base64'), track },
    );
    await scratch.close();
    expect(filled.count / filled.width).toBeGreaterThan(0.45);
    expect(filled.count / filled.width).toBeLessThan(0.55);
  });
});
