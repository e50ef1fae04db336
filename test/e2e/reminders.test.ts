import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { roundScope } from '../../shared/audit/chain';
import { defaultRoundConfig } from '../../shared/round';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { registeredApplicant, stackRuntime } from '../integration/applications-helpers';
import { api, mailTo, uniqueEmail } from '../integration/helpers';
import { assignTeam, eligibleApplication, invitedPerson, moveRoundTo } from '../integration/reviews-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// The office's late list in real headless Chromium: who is behind per stage, by name, and "remind all" for one stage
// (asked first, cancelled once, then sent), on a phone and a desktop, in Chinese and English.

const browser = useBrowser();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let roundId: string;
let applicantEmail: string;
let experts: Awaited<ReturnType<typeof invitedPerson>>[];

async function nearDeadlinesRound(): Promise<string> {
  const rt = await stackRuntime();
  const awards = new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const config = {
    ...defaultRoundConfig({
      registrationOpens: at(-DAY),
      registrationCloses: at(DAY),
      submissionDeadline: at(DAY),
      materialReviewDeadline: at(DAY + 2 * HOUR),
      onSiteDeadline: at(30 * DAY),
      defenseDate: at(40 * DAY),
    }),
    teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 },
  };
  const id = `city-late-${now.toString(36)}`;
  const round = {
    programmeId: 'city',
    roundId: id,
    name: { 'zh-CN': '逾期提醒轮次', en: 'Late list round' },
    stage: 'registration',
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await rt.audit.commit({ scope: roundScope(id), actor: SYSTEM_ACTOR, action: 'round.created', target: { type: 'round', id }, state: round, requestId: 'test', now: new Date(now), writes: [awards.roundPut(round)] });
  return id;
}

beforeAll(async () => {
  roundId = await nearDeadlinesRound();
  applicantEmail = uniqueEmail('late-e2e');
  await registeredApplicant(roundId, applicantEmail, { name: '厦门迟交示范有限公司', contactPerson: '黄迟交' });
  const app = await eligibleApplication(roundId, '厦门准时示范有限公司');
  experts = [await invitedPerson('expert', { name: '专家甲未交' }), await invitedPerson('expert', { name: '专家乙未交' })];
  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(app.applicationId, experts);
}, 120_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const explained = explainer(browser);

describe("the office's late list in the browser", () => {
  it('names who is behind per stage and reminds all of one stage with one confirmed action', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      const requested = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
      expect(requested.status).toBe(202);
      await page.goto(await latestLink(inject('adminEmail')));
      await page.waitForURL(`${baseUrl()}/admin`);
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      const panel = page.locator('[data-late-panel]');
      await panel.getByRole('heading', { name: '逾期与临近截止' }).waitFor();
      const applicants = panel.locator('[data-late-group="submissionDeadline"]');
      await applicants.getByText('黄迟交').waitFor();
      await applicants.getByText('厦门迟交示范有限公司').waitFor();
      const review = panel.locator('[data-late-group="materialReview"]');
      await review.getByText('专家甲未交').waitFor();
      await review.getByText('专家乙未交').waitFor();
      expect(await review.getByText('尚未作出利益冲突声明').count()).toBe(2);

      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'late list on a phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Remind all, cancelled once (nothing sent), then confirmed.
      await review.getByRole('button', { name: '全部提醒（2 人）' }).click();
      await review.getByRole('button', { name: '取消' }).click();
      expect((await mailTo(experts[0]!.email)).filter((m) => m.subject.includes('Reminder'))).toEqual([]);
      await review.getByRole('button', { name: '全部提醒（2 人）' }).click();
      await review.getByRole('button', { name: '发送' }).click();
      await panel.getByRole('status').getByText('已提醒 2 人。').waitFor();
      await review.locator('[data-remind-one]').first().waitFor({ state: 'detached' });
      expect(await review.getByText('一小时内已提醒').count()).toBe(2);
      expect(await review.getByRole('button', { name: /全部提醒/ }).count()).toBe(0);
    });

    for (const expert of experts) {
      const mails = (await mailTo(expert.email)).filter((m) => m.subject.includes('Reminder'));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('厦门准时示范有限公司');
    }
    expect((await mailTo(applicantEmail)).filter((m) => m.subject.includes('Reminder'))).toEqual([]);

    await explained(page, async () => {
      await page.getByRole('button', { name: 'English' }).click();
      const panel = page.locator('[data-late-panel]');
      await panel.getByRole('heading', { name: 'Late and due soon' }).waitFor();
      await panel.locator('[data-late-group="materialReview"]').getByRole('heading', { name: /Material review/ }).waitFor();
      expect(await panel.getByText('Reminded within the hour').count()).toBe(2);
    });
  });
});
