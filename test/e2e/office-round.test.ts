import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCalendar } from '../../shared/schedule/ics';
import { stackRuntime } from '../integration/applications-helpers';
import { reviewRoundId, seedReviewRound } from '../../infra/local/seed-review';
import { api, cookieFrom, latestToken, mailTo, signIn } from '../integration/helpers';
import { putReviewItems } from '../integration/rounds-helpers';
import { baseUrl, checkPage, explainer, signInAs, useBrowser } from './browser';

// Issue 13's "Done when", in real headless Chromium on the demo review round (infra/local/seed-review.ts, seeded here as
// `npm start` seeds it, into a programme of its own that the operator creates, so the demo round other tests read stays
// as first seeded): the office
// imports a pool of 60 experts from a CSV, draws every material-review team in one action and then every site team,
// schedules a site visit (calendar mails to the applicant and the team), a supervisor replays every draw and it
// matches, the scheduled reminders fire on a chosen clock, and the late list names who is behind — in Chinese and in
// English. Set-up that is not the point goes through the API: the shortlist (the material review's outcome) and the
// material-review due date brought near (an office's change of an operational date).

Object.assign(process.env, inject('stackEnv'));
const { handler } = await import('../../functions/publication/handler');

const browser = useBrowser();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const tag = Date.now().toString(36);
const PROGRAMME = `done13-${tag}`;
const MAIL_DOMAIN = `${PROGRAMME}.demo.test`;
const SUPERVISOR = `supervisor@${MAIL_DOMAIN}`;
const ADMIN_EMAIL = `office@${MAIL_DOMAIN}`;
const HEADER = '姓名,邮箱,库别,工作单位,单位统一社会信用代码,曾任职单位,职称/资格,专业领域,所在区县,电话,状态';
const DISTRICTS = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区'];
const FIELDS = ['C', 'M', 'I、C', 'Q', 'C、N'];
const expertRow = (i: number) => `演示专家${i},demo13-${i}.${tag}@example.org,评审专家,质量研究会${i % 9},,,高级工程师,${FIELDS[i % 5]},${DISTRICTS[i % 5]},1390000${String(i).padStart(4, '0')},在库`;

const dir = mkdtempSync(join(tmpdir(), 'merit-done13-'));
let roundId: string;
let admin: string;
let supervisorId: string;
let applications: { applicationId: string; organisation: { name: string } }[];

const roundPath = () => `/api/publication/rounds/${roundId}`;
async function setMaterialReviewDeadline(iso: string) {
  const round = (await api('GET', roundPath(), { cookie: admin })).body;
  const res = await api('PUT', roundPath(), { cookie: admin, body: { config: { ...round.config, dates: { ...round.config.dates, materialReviewDeadline: iso } }, version: round.version } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const explained = explainer(browser);

/** Starts in Chinese, whatever an earlier test of this browser chose (the choice is remembered). */
async function inChinese(page: Page): Promise<void> {
  await page.locator('html[lang]').waitFor({ state: 'attached' });
  if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN') await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
}

/** The office draws every team of a stage still needed, in one action, with the demo supervisor's value. */
async function drawAll(page: Page, stage: 'materialReview' | 'onSite', value: string) {
  await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
  await inChinese(page);
  const panel = page.locator('[data-draw-panel]');
  await panel.locator('[data-draw-rules]').getByText('每位专家本轮最多 3 项任务').waitFor();
  await panel.locator('[data-draw-stage]').selectOption(stage);
  await panel.locator('[data-draw-supervisor]').selectOption(supervisorId);
  await panel.locator('[data-draw-witness]').fill(value);
  await panel.locator('[data-draw-run]').click();
  await panel.locator('[data-draw-result="3"]').getByText('已抽取 3 个评审组。').waitFor();
}

beforeAll(async () => {
  // The operator creates the programme and invites its office; the demo review round is seeded into it.
  const operator = await signIn(inject('operatorEmail'));
  const programmes = '/api/submission/operator/programmes';
  const created = await api('POST', programmes, {
    cookie: operator,
    body: { programmeId: PROGRAMME, name: { 'zh-CN': `示范区政府质量奖${tag}`, en: `Demo District Quality Award ${tag}` }, level: 'district', issuingBody: { 'zh-CN': '示范区人民政府', en: 'Demo District People’s Government' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const invited = await api('POST', `${programmes}/${PROGRAMME}/admins`, { cookie: operator, body: { email: ADMIN_EMAIL, name: '示范区办公室' } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(ADMIN_EMAIL) } });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  admin = cookieFrom(exchanged.headers);
  const now = new Date();
  await seedReviewRound(await stackRuntime(), PROGRAMME, now, MAIL_DOMAIN);
  roundId = reviewRoundId(PROGRAMME, now.getUTCFullYear());
  const board = await api('GET', `/api/scoring/rounds/${roundId}/reviews`, { cookie: admin });
  expect(board.status, JSON.stringify(board.body)).toBe(200);
  applications = board.body.applications;
  expect(applications).toHaveLength(3);
  const people = (await api('GET', '/api/submission/people', { cookie: admin })).body.people as { email: string; personId: string }[];
  supervisorId = people.find((p) => p.email === SUPERVISOR)!.personId;
  // The material review is due in two days (real time), so the late list names the experts who have not declared yet.
  await setMaterialReviewDeadline(new Date(Date.now() + 2 * DAY).toISOString());
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('issue 13 done: a round run without spreadsheets, on the demo review round', () => {
  it('imports 60 experts, draws every team in one action, schedules a visit with calendar mails, replays the draws, reminds on a chosen clock and lists who is late', async () => {
    const page = await browser().newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const csv = join(dir, '专家库.csv');
    writeFileSync(csv, `\uFEFF${[HEADER, ...Array.from({ length: 60 }, (_, i) => expertRow(i + 1))].join('\r\n')}\r\n`);

    // 1. The office imports the pool of 60 from the CSV: previewed, then imported at once.
    await explained(page, async () => {
      await signInAs(page, ADMIN_EMAIL);
      await page.waitForURL(`${baseUrl()}/admin`);
      await inChinese(page);
      await page.goto(`${baseUrl()}/office/pool`);
      await page.locator('[data-pool-file]').setInputFiles(csv);
      await page.locator('[data-pool-preview]').getByText('新增 60 人').waitFor();
      await page.locator('[data-pool-confirm]').click();
      await page.locator('[data-pool-imported]').getByText('已导入：新增 60 人').waitFor();
    });

    // 2. Every material-review team in one action.
    await explained(page, () => drawAll(page, 'materialReview', '130601'));
    const materialTeams = await Promise.all(applications.map(async (a) => (await api('GET', `/api/scoring/applications/${a.applicationId}/reviews/materialReview`, { cookie: admin })).body.members as { reviewerId: string; reviewerName: string; drawId?: string }[]));
    for (const team of materialTeams) {
      expect(team).toHaveLength(5);
      expect(team.every((m) => m.drawId)).toBe(true);
    }

    // The office names another drawn member leader of the first team, with a reason (cancelled without one first).
    const firstApp = applications[0]!;
    const heir = materialTeams[0]!.find((m) => !(m as { leader?: boolean }).leader)!;
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}/reviews/${firstApp.applicationId}/materialReview`);
      await inChinese(page);
      const form = page.locator('[data-name-leader]');
      await form.locator('[data-name-leader-member]').selectOption(heir.reviewerId);
      await form.locator('[data-name-leader-save]').click();
      await form.getByRole('alert').getByText('请选择组员并填写理由。').waitFor();
      await form.locator('[data-name-leader-reason]').fill('具有多次现场评审组长经验。');
      await form.locator('[data-name-leader-save]').click();
      await page.locator(`.member-list [data-member="${heir.reviewerId}"] [data-leader]`).waitFor();
    });
    const leaders = ((await api('GET', `/api/scoring/applications/${firstApp.applicationId}/reviews/materialReview`, { cookie: admin })).body.members as { reviewerId: string; leader: boolean }[]).filter((m) => m.leader);
    expect(leaders.map((m) => m.reviewerId)).toEqual([heir.reviewerId]);

    // The material review's outcome (not the point here): every application goes on to a site visit.
    await putReviewItems(roundId, applications.map((a) => ({ kind: 'shortlist' as const, applicationId: a.applicationId, shortlisted: true })));

    // 3. Every site team in one action, then a visit scheduled on the board: mailed with a calendar file.
    const visited = applications[0]!;
    await explained(page, async () => {
      await drawAll(page, 'onSite', '130602');
      await page.reload();
      await inChinese(page);
      const entry = page.locator(`[data-schedule-panel="${roundId}"] [data-schedule-candidate="${visited.applicationId}"]`);
      await entry.getByRole('heading', { name: visited.organisation.name }).waitFor();
      await entry.getByRole('button', { name: '安排现场评审' }).click();
      const form = entry.locator('form[data-visit-form]');
      await form.getByLabel('日期').fill('2027-05-18');
      await form.getByLabel('开始时间').fill('09:00');
      await form.getByLabel('结束时间').fill('16:30');
      await form.getByLabel('地址').fill('福州市鼓楼区示范路 18 号');
      await form.getByRole('button', { name: '保存并通知' }).click();
      await page.locator(`[data-schedule-panel="${roundId}"]`).getByRole('status').getByText(`已保存“${visited.organisation.name}”的现场评审安排并发出通知。`).waitFor();
      await entry.locator('[data-visit-summary="scheduled"]').getByText('2027年5月18日 09:00–16:30 · 福州市鼓楼区示范路 18 号').waitFor();
      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'board with drawn teams and a visit on a phone');
      await page.setViewportSize({ width: 1280, height: 900 });
    });
    const schedule = (await api('GET', `/api/scoring/rounds/${roundId}/schedule`, { cookie: admin })).body;
    const siteTeam = schedule.candidates.find((c: { applicationId: string }) => c.applicationId === visited.applicationId).team as { reviewerId: string }[];
    expect(siteTeam).toHaveLength(3);
    const people = (await api('GET', '/api/submission/people', { cookie: admin })).body.people as { email: string; personId: string; name: string }[];
    const emailOf = (id: string) => people.find((p) => p.personId === id)!.email;
    for (const member of siteTeam) {
      const mail = (await mailTo(emailOf(member.reviewerId))).find((m) => m.subject.includes('现场评审安排')) as unknown as { attachments?: { fileName: string; content: string }[] } | undefined;
      expect(mail, `the visit mail to ${emailOf(member.reviewerId)}`).toBeDefined();
      const lines = readCalendar(mail!.attachments![0]!.content);
      expect(lines.find((l) => l.name === 'METHOD')?.value).toBe('REQUEST');
      expect(lines.find((l) => l.name === 'DTSTART')?.value).toBe('20270518T010000Z');
    }

    // 4. The supervisor replays every draw in the browser: all six match, in Chinese and in English.
    const drawn = (await api('GET', `/api/scoring/rounds/${roundId}/draws`, { cookie: admin })).body.draws.length;
    expect(drawn).toBe(6);
    await explained(page, async () => {
      await signInAs(page, SUPERVISOR);
      await page.waitForURL((url) => url.pathname.startsWith('/supervise'));
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      await inChinese(page);
      await page.locator('[data-draw-replay-run]').click();
      await page.locator(`[data-draw-replay-summary="${drawn}/0"]`).getByText(`已复核 ${drawn} 次抽取，0 次不一致。`).waitFor();
      expect(await page.locator('[data-draw-replay-ok="true"]').count()).toBe(drawn);
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('[data-draw-replay-run]').click();
      await page.locator(`[data-draw-replay-summary="${drawn}/0"]`).getByText(`Replayed ${drawn} draw(s), 0 mismatch(es).`).waitFor();
    });

    // 5. The scheduled reminders on a chosen clock: three days before the material review is due, every drawn expert
    // with open work is reminded once; the same moment again sends nothing.
    const due = Date.parse((await api('GET', roundPath(), { cookie: admin })).body.config.dates.materialReviewDeadline);
    const clock = new Date(due - 3 * DAY + HOUR).toISOString();
    await handler({ source: 'merit.reminders', time: clock, roundId });
    const expertOf = materialTeams[0]![0]!;
    const reminded = (await mailTo(emailOf(expertOf.reviewerId))).filter((m) => m.subject.includes('Reminder'));
    expect(reminded).toHaveLength(1);
    expect(reminded[0]!.text).toContain(applications[0]!.organisation.name);
    await handler({ source: 'merit.reminders', time: clock, roundId });
    expect((await mailTo(emailOf(expertOf.reviewerId))).filter((m) => m.subject.includes('Reminder'))).toHaveLength(1);

    // 6. The late list names who is behind, per stage: the drawn experts who have not declared, in both languages.
    await explained(page, async () => {
      await signInAs(page, ADMIN_EMAIL);
      await page.waitForURL(`${baseUrl()}/admin`);
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await inChinese(page);
      const late = page.locator('[data-late-panel]');
      await late.getByRole('heading', { name: '逾期与临近截止' }).waitFor();
      const review = late.locator('[data-late-group="materialReview"]');
      for (const member of materialTeams[0]!) await review.getByText(member.reviewerName, { exact: true }).first().waitFor();
      expect(await review.getByText('尚未作出利益冲突声明').count()).toBeGreaterThanOrEqual(5);
      await page.getByRole('button', { name: 'English' }).click();
      await late.getByRole('heading', { name: 'Late and due soon' }).waitFor();
      await review.getByRole('heading', { name: /Material review/ }).waitFor();
      await review.getByText(materialTeams[0]![0]!.reviewerName, { exact: true }).first().waitFor();
      await inChinese(page);
    });
    await page.close();
  }, 300_000);
});
