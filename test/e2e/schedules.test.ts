import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCalendar } from '../../shared/schedule/ics';
import { fillPackage, PDF, registeredApplicant, stackRuntime, upload } from '../integration/applications-helpers';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import { assignTeam, createReviewRound, invitedPerson, moveRoundTo } from '../integration/reviews-helpers';
import { putReviewItems } from '../integration/rounds-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// Issue 13.3 in real headless Chromium on a 375 px phone: the office schedules a site visit on the round's board
// (Chinese), and the applicant finds it on the dashboard in Chinese and in English and downloads its calendar file.
// Set-up that is not the point (the round up to the site visits, the site team) goes through the API.

const browser = useBrowser();
const PHONE = { width: 375, height: 740 };
const ORGANISATION = '厦门日程示范有限公司';

let roundId: string;
let applicationId: string;
let applicantEmail: string;

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
const explained = explainer(browser);

/** Starts in Chinese, whatever an earlier test of this browser chose (the choice is remembered). */
async function inChinese(page: Page): Promise<void> {
  await page.locator('html[lang]').waitFor({ state: 'attached' });
  if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN') await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
}

beforeAll(async () => {
  roundId = await createReviewRound();
  const admin = await signInAdmin();
  applicantEmail = uniqueEmail('visit-e2e');
  const applicant = await registeredApplicant(roundId, applicantEmail, { name: ORGANISATION });
  applicationId = applicant.applicationId;
  await fillPackage(applicant.cookie, applicationId);
  await upload(applicant.cookie, applicationId, PDF, { category: 'businessLicence' });
  await upload(applicant.cookie, applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  expect((await api('POST', `/api/submission/applications/${applicationId}/submit`, { cookie: applicant.cookie, body: {} })).status).toBe(201);
  expect((await api('POST', `/api/submission/applications/${applicationId}/eligibility`, { cookie: admin, body: { decision: 'eligible', reason: '符合申报条件。' } })).status).toBe(200);
  const experts = [await invitedPerson('expert', { name: '日程组长', organisation: '质量协会甲' }), await invitedPerson('expert', { name: '日程组员', organisation: '质量协会乙' })];
  await moveRoundTo(roundId, 'materialReview');
  await putReviewItems(roundId, [{ kind: 'shortlist', applicationId, shortlisted: true }]);
  await moveRoundTo(roundId, 'onSite');
  await assignTeam(applicationId, experts, 'onSite');
}, 90_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('a site visit scheduled by the office and seen by the applicant, on a phone', () => {
  it('the office sets the day, time and address on the round board; the applicant sees it in both languages and downloads the calendar file', async () => {
    const page = await browser().newPage();
    await page.setViewportSize(PHONE);
    await explained(page, async () => {
      const requested = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
      expect(requested.status, 'link request (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)').toBe(202);
      await page.goto(await latestLink(inject('adminEmail')));
      await page.waitForURL(`${baseUrl()}/admin`);
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await inChinese(page);
      const panel = page.locator(`[data-schedule-panel="${roundId}"]`);
      const entry = panel.locator(`[data-schedule-candidate="${applicationId}"]`);
      await entry.getByRole('heading', { name: ORGANISATION }).waitFor();
      await entry.getByText('日程组长（组长）').waitFor();
      await entry.getByText('未安排').waitFor();

      // Opened and closed without saving: nothing changes.
      await entry.getByRole('button', { name: '安排现场评审' }).click();
      await entry.getByRole('button', { name: '取消编辑' }).click();
      await entry.getByText('未安排').waitFor();

      await entry.getByRole('button', { name: '安排现场评审' }).click();
      const form = entry.locator('form[data-visit-form]');
      await form.getByText('时间均为北京时间。').waitFor();
      await form.getByLabel('日期').fill('2027-03-10');
      await form.getByLabel('开始时间').fill('09:00');
      await form.getByLabel('结束时间').fill('12:00');
      await form.getByLabel('地址').fill('厦门市思明区湖滨北路 8 号');
      await checkPage(page, 'visit form filled');
      await form.getByRole('button', { name: '保存并通知' }).click();
      await panel.getByRole('status').getByText(`已保存“${ORGANISATION}”的现场评审安排并发出通知。`).waitFor();
      await entry.locator('[data-visit-summary="scheduled"]').getByText('2027年3月10日 09:00–12:00 · 厦门市思明区湖滨北路 8 号').waitFor();

      // The office in English: the same visit, and the change form filled with what was saved.
      await page.getByRole('button', { name: 'English' }).click();
      await entry.locator('[data-visit-summary="scheduled"]').getByText('10 Mar 2027, 09:00–12:00 · 厦门市思明区湖滨北路 8 号').waitFor();
      await entry.getByRole('button', { name: 'Change' }).click();
      expect(await entry.locator('form[data-visit-form]').getByLabel('Starts').inputValue()).toBe('09:00');
      await checkPage(page, 'change form, English');
      await entry.getByRole('button', { name: 'Close without saving' }).click();
      await inChinese(page);
    });

    // The applicant asks for a sign-in link (the page's form is not the point here) and opens it.
    const asked = await api('POST', '/api/submission/applicants/links', { body: { email: applicantEmail } });
    expect(asked.status).toBe(202);
    await explained(page, async () => {
      await page.goto(await latestLink(applicantEmail));
      await page.waitForURL(`${baseUrl()}/apply`);
      await inChinese(page);
      const visit = page.locator(`[data-my-schedule] [data-visit="${applicationId}"]`);
      await visit.getByRole('heading', { name: `现场评审：${ORGANISATION}` }).waitFor();
      await visit.getByText('2027年3月10日 09:00–12:00').waitFor();
      await visit.getByText('厦门市思明区湖滨北路 8 号').waitFor();
      // The applicant never sees the site team's names.
      expect(await visit.getByText('日程组长').count()).toBe(0);
      expect(await visit.getByText('日程组员').count()).toBe(0);
      await checkPage(page, 'dashboard with the visit, Chinese');

      await page.getByRole('button', { name: 'English' }).click();
      await visit.getByRole('heading', { name: `Site visit: ${ORGANISATION}` }).waitFor();
      await visit.getByText('10 Mar 2027, 09:00–12:00').waitFor();
      await visit.getByText('(Beijing time)').waitFor();
      await checkPage(page, 'dashboard with the visit, English');

      const [download] = await Promise.all([page.waitForEvent('download'), visit.getByRole('link', { name: 'Download the calendar file (.ics)' }).click()]);
      expect(download.suggestedFilename()).toBe(`site-visit-${applicationId}.ics`);
      const lines = readCalendar(await readFile((await download.path())!, 'utf8'));
      expect(lines.find((l) => l.name === 'DTSTART')?.value).toBe('20270310T010000Z');
      expect(lines.find((l) => l.name === 'UID')?.value).toBe(`visit-${applicationId}@${roundId}.merit`);
      expect(lines.find((l) => l.name === 'LOCATION')?.value).toBe('厦门市思明区湖滨北路 8 号');

      // A reload keeps the language and the schedule.
      await page.reload();
      await visit.getByRole('heading', { name: `Site visit: ${ORGANISATION}` }).waitFor();
      await inChinese(page);
      expect(browser().problems).toEqual([]);
    });
  });
});
