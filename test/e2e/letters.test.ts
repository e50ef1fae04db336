import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApplicant, stackRuntime } from '../integration/applications-helpers';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import { endNoticePeriod } from '../integration/notice-helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound } from '../integration/outcome-helpers';
import { moveTo } from '../integration/rounds-helpers';
import { baseUrl, checkPage, latestLink, launchBrowser, type TestBrowser, useBrowser } from './browser';

// Result letters and the award certificate in real headless Chromium against the local stack: a winner reads
// its letters on the dashboard and prints its certificate (A4 landscape, one page), and anyone checks the
// certificate's number on the public site, in Chinese and in English, on a phone and a desktop. The round up
// to the announcement goes through the seeding helpers and the API (the outcome page has its own test).

const browser = useBrowser();
let visitor: TestBrowser | undefined;
const WINNER = '闽侯卓越质量有限公司';
let email: string;
let applicationId: string;
let number: string;

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
async function explained(page: Page, problems: string[], step: () => Promise<void>) {
  try {
    await step();
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no page)');
    throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${problems.join('\n')}`);
  }
}

beforeAll(async () => {
  email = uniqueEmail('winner');
  const cookie = await signInApplicant(email);
  const me = await api('GET', '/api/submission/auth/session', { cookie });
  const round = await seedOutcomeRound({
    owners: [me.body.person.personId],
    config: { winnersQuota: 1, opinionDepartments: ['credit'] },
    applications: [
      { name: WINNER, material: consensusCard(80), onSite: consensusCard(80), panelScores: [80_000, 80_000] },
      { name: '闽侯落选测试有限公司', material: consensusCard(40), onSite: consensusCard(40), panelScores: [40_000, 40_000] },
    ],
  });
  applicationId = round.applicationIds[0]!;
  const admin = await signInAdmin();
  let version = round.version;
  const step = async (res: Promise<{ status: number; body: any }>) => {
    const answer = await res;
    if (answer.status >= 300) throw new Error(JSON.stringify(answer.body));
    return answer.body;
  };
  await step(api('POST', outcomePaths.evaluation(round.roundId), { cookie: admin, body: { version } }));
  version = (await step(moveTo(round.roundId, 'opinions', version))).version;
  await step(recordOpinion(admin, round.roundId, applicationId, 'credit'));
  version = (await step(moveTo(round.roundId, 'deliberation', version))).version;
  await step(recordVote(admin, round.roundId, applicationId, { for: 9, against: 1 }));
  version = (await step(moveTo(round.roundId, 'publicNotice', version))).version;
  await endNoticePeriod(round.roundId);
  await step(moveTo(round.roundId, 'announcement', version));
  number = (await step(api('GET', `/api/publication/applications/${applicationId}/letters`, { cookie }))).certificate.number;
}, 120_000);

afterAll(async () => {
  await visitor?.close();
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('result letters and the certificate in the browser', () => {
  it('the winner reads its letters on the dashboard, opens its certificate, prints it on one A4 landscape page, and reads it in English', async () => {
    const page = await browser().newPage();
    await explained(page, browser().problems, async () => {
      await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } });
      await page.goto(await latestLink(email));
      await page.waitForURL(`${baseUrl()}/apply`);
      const awarded = page.locator('[data-letter="awarded"]');
      await awarded.waitFor();
      expect(await awarded.innerText()).toContain('获奖通知');
      expect(await awarded.innerText()).toContain(number);
      expect(await awarded.locator('time').innerText()).toContain('（北京时间）');
      expect(await page.locator('[data-application-status="winner"]').innerText()).toBe('获奖');
      expect(await page.locator('[data-letter]').evaluateAll((els) => els.map((e) => e.getAttribute('data-letter')))).toEqual(['awarded', 'proposed', 'siteVisit', 'eligible']);
      await checkPage(page, 'dashboard with letters');

      await page.getByRole('link', { name: '查看和打印证书' }).click();
      await page.waitForURL(`${baseUrl()}/certificates/${applicationId}`);
      const sheet = page.locator(`[data-certificate="${number}"]`);
      await sheet.waitFor();
      expect(await sheet.innerText()).toContain(WINNER);
      expect(await sheet.innerText()).toContain(`/check/${number}`);
      await checkPage(page, 'certificate');
      await page.setViewportSize({ width: 375, height: 740 });
      await checkPage(page, 'certificate at 375 px');
      await page.setViewportSize({ width: 1280, height: 800 });

      // The print button asks the browser to print; printing gives one A4 landscape page with the sheet only.
      await page.evaluate(() => {
        window.print = () => void document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByRole('button', { name: '打印证书' }).click();
      expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '打印证书' }).isVisible()).toBe(false);
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
      // A4 landscape: 297 × 210 mm = 841.9 × 595.3 points.
      expect(Math.round(Number(box[1]))).toBe(842);
      expect(Math.round(Number(box[2]))).toBe(595);
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('Certificate of Award').waitFor();
      expect(await sheet.innerText()).toContain(`Certificate number: ${number}`);
      await checkPage(page, 'certificate in English');
    });
  });

  it('anyone checks the number on the public site, without signing in, in Chinese and English; an unknown number is said not to exist', async () => {
    visitor = await launchBrowser();
    const page = await visitor.newPage();
    await explained(page, visitor.problems, async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${baseUrl()}/`);
      await page.getByRole('link', { name: '证书核验' }).click();
      await page.waitForURL(`${baseUrl()}/check`);
      await page.getByLabel('证书编号').fill(number.toLowerCase());
      await page.getByRole('button', { name: '核验', exact: true }).click();
      const valid = page.locator('[data-check="valid"]');
      await valid.waitFor();
      expect(await valid.innerText()).toContain('证书有效');
      expect(await valid.innerText()).toContain(WINNER);
      await checkPage(page, 'valid certificate');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('This certificate is valid').waitFor();
      expect(await valid.getByRole('link', { name: 'See the announcement' }).getAttribute('href')).toMatch(/^\/notices\//);
      await page.getByLabel('Certificate number').fill('CITY-1999-99');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      const unknown = page.locator('[data-check="unknown"]');
      await unknown.waitFor();
      expect(await unknown.innerText()).toBe('There is no certificate numbered “CITY-1999-99”. Please check the number on the certificate.');
      expect(await page.locator('[data-check="valid"]').count()).toBe(0);
      await checkPage(page, 'unknown certificate');
      // Only the unknown number's lookup was answered 404 (the browser logs it on that page): nothing else failed.
      expect(visitor!.problems.filter((p) => !(p.includes('/check/CITY-1999-99') && p.includes('404')))).toEqual([]);
    });
  });
});
