import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roundScope } from '../../shared/audit/chain';
import { stackRuntime } from '../integration/applications-helpers';
import { api, signInAdmin } from '../integration/helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound } from '../integration/outcome-helpers';
import { invitedPerson } from '../integration/reviews-helpers';
import { moveTo } from '../integration/rounds-helpers';
import { baseUrl, checkPage, latestLink, launchBrowser, type TestBrowser, useBrowser } from './browser';

// Supervisors' remarks (issue 15) in real headless Chromium against the local stack: a supervisor, in Chinese,
// opens the round's chain, opens the remark form on the stage move, cancels it (nothing written), sends it empty
// (refused on the page), then writes the remark, reloads and finds it listed, also on a 375 px phone; the office,
// in English, cannot open the public notice while the remark is open (the page says how many), answers it on the
// outcome page, reloads, and opens the notice. The round before deliberation is seeded and moved through the API.

const browser = useBrowser();
let office: TestBrowser | undefined;
let roundId: string;
let supervisor: { email: string; name: string };
const REMARK = '进入审议阶段前，请说明两份征求意见复函的收文日期。';
const ANSWER = 'Both letters were received on 2 December; the receipts are on file.';

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
async function explained(page: Page, who: TestBrowser, step: () => Promise<void>) {
  try {
    await step();
    await checkPage(page);
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no page)');
    throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${who.problems.join('\n')}`);
  }
}

/** Signs a person in by a fresh mailed link, landing where their role belongs. */
async function signInByLink(page: Page, email: string, lands: string) {
  const requested = await api('POST', '/api/submission/auth/links', { body: { email } });
  expect(requested.status, 'link request (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)').toBe(202);
  await page.goto(await latestLink(email));
  await page.waitForURL(`${baseUrl()}${lands}`);
}

const remarksList = async () => (await api('GET', `/api/publication/rounds/${roundId}/remarks`, { cookie: await signInAdmin() })).body;

beforeAll(async () => {
  // One candidate through the evaluation, the opinion and the vote, by the API: the round stands at deliberation.
  const round = await seedOutcomeRound({
    applications: [{ name: '闽侯质量示范有限公司', material: consensusCard(75), onSite: consensusCard(75), panelScores: [75_000, 75_000] }],
    config: { winnersQuota: 1, opinionDepartments: ['credit'] },
  });
  roundId = round.roundId;
  const admin = await signInAdmin();
  const evaluated = await api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version: round.version } });
  expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(201);
  let version = (await api('GET', `/api/publication/rounds/${roundId}`, { cookie: admin })).body.version as number;
  const toOpinions = await moveTo(roundId, 'opinions', version, admin);
  expect(toOpinions.status, JSON.stringify(toOpinions.body)).toBe(200);
  expect((await recordOpinion(admin, roundId, round.applicationIds[0]!, 'credit')).status).toBe(201);
  const toDeliberation = await moveTo(roundId, 'deliberation', toOpinions.body.version, admin);
  expect(toDeliberation.status, JSON.stringify(toDeliberation.body)).toBe(200);
  version = toDeliberation.body.version;
  expect((await recordVote(admin, roundId, round.applicationIds[0]!, { for: 12, against: 2 })).status).toBe(201);
  supervisor = await invitedPerson('supervisor', { name: '林监督' });
}, 120_000);

afterAll(async () => {
  await office?.close();
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe("supervisors' remarks in the browser: a supervisor writes, the office answers, then the notice opens", () => {
  it('a supervisor (zh-CN) remarks on the stage move from the chain: cancel writes nothing, empty is refused, the remark stays after a reload', async () => {
    const page = await browser().newPage();
    await explained(page, browser(), async () => {
      await signInByLink(page, supervisor.email, '/supervise');
      await page.goto(`${baseUrl()}/supervise/${encodeURIComponent(roundScope(roundId))}`);
      const moved = page.locator('li[data-action="round.stageMoved"]').last();
      await moved.waitFor();
      const open = moved.locator('[data-remark-open="stageMove:deliberation"]');
      await open.click();
      const form = moved.locator('form[data-remark-form="stageMove:deliberation"]');
      expect(await form.innerText()).toContain('意见对象：进入阶段 · 审议');

      // Cancelled half written: the form closes, nothing is recorded.
      await form.getByLabel('意见内容').fill('先写一半');
      await form.getByRole('button', { name: '取消' }).click();
      await form.waitFor({ state: 'detached' });
      expect((await remarksList()).remarks).toEqual([]);

      // Sent empty: refused on the page.
      await open.click();
      expect(await form.getByLabel('意见内容').inputValue()).toBe('');
      await form.getByRole('button', { name: '提交意见' }).click();
      await form.locator('[data-remark-problem="REMARK_TEXT_EMPTY"]').waitFor();
      expect((await remarksList()).remarks).toEqual([]);

      await form.getByLabel('意见内容').fill(REMARK);
      await form.getByRole('button', { name: '提交意见' }).click();
      await moved.locator('[data-remark-sent]').getByText('监督意见已记录').waitFor();
      const listed = page.locator(`[data-remarks="${roundId}"] [data-remark-state="open"]`);
      await listed.getByText(REMARK).waitFor();

      // The list is read again after a reload: the remark is there, with the step and the author named, not open to answer here.
      await page.reload();
      await listed.getByText(REMARK).waitFor();
      const item = await listed.innerText();
      expect(item).toContain('进入阶段 · 审议');
      expect(item).toContain('林监督');
      expect(item).toContain('待答复');
      expect(await page.locator(`[data-remarks="${roundId}"] form[data-answer-form]`).count()).toBe(0);
    });

    // On a phone, the round's overview lists it too, and the remark form fits.
    await explained(page, browser(), async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-remarks="${roundId}"]`).getByText(REMARK).waitFor();
      await page.getByRole('button', { name: '对本轮总体提出监督意见' }).click();
      await page.locator(`form[data-remark-form="round:${roundId}"]`).waitFor();
      await checkPage(page, 'the remark form on a phone');
      await page.locator(`form[data-remark-form="round:${roundId}"]`).getByRole('button', { name: '取消' }).click();
      await page.setViewportSize({ width: 1280, height: 800 });
    });
    expect((await remarksList()).remarks).toHaveLength(1);
    expect(browser().problems).toEqual([]);
  });

  it('the office (en) cannot open the notice while the remark is open, answers it once on the outcome page, and then opens the notice', async () => {
    office = await launchBrowser();
    const page = await office.newPage();
    await explained(page, office, async () => {
      await signInByLink(page, inject('adminEmail'), '/admin');
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}/outcome`);
      await page.getByRole('button', { name: 'English' }).click();
      const remarks = page.locator(`[data-remarks="${roundId}"]`);
      await remarks.locator('[data-remarks-block-notice]').getByText('1 remark is not answered yet').waitFor();
      expect(await remarks.locator('[data-remark-target]').innerText()).toBe('Stage move · Deliberation');

      // The move is refused by the server, naming how many remarks are open.
      const move = page.locator('[data-stage-move="publicNotice"]');
      await move.getByRole('button').click();
      await move.getByRole('group').getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('1 supervisor remark is not answered yet; the public notice can open once each is answered.').waitFor();

      // An empty answer is refused on the page; then the answer, which replaces the form.
      const form = remarks.locator('form[data-answer-form]');
      await form.getByRole('button', { name: 'Send the answer' }).click();
      await form.locator('[data-remark-problem="REMARK_TEXT_EMPTY"]').waitFor();
      await form.getByLabel('Your answer (it cannot be changed once sent)').fill(ANSWER);
      await form.getByRole('button', { name: 'Send the answer' }).click();
      await remarks.locator('[data-remark-answer]').getByText(ANSWER).waitFor();
      expect(await remarks.locator('form[data-answer-form]').count()).toBe(0);

      await page.reload();
      await remarks.locator('[data-remark-state="answered"] [data-remark-answer]').getByText(ANSWER).waitFor();
      expect(await remarks.locator('[data-remarks-block-notice]').count()).toBe(0);
      await move.getByRole('button').click();
      await move.getByRole('group').getByRole('button', { name: 'Confirm' }).click();
      await page.locator('[data-outcome] [data-round-stage="publicNotice"]').waitFor();
    });
    const list = await remarksList();
    expect(list.open).toBe(0);
    expect(list.remarks[0].answer.text).toBe(ANSWER);
    // The one failed request is the refused move (422 REMARKS_OPEN), which Chromium logs.
    expect(office.problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    expect(office.problems).toHaveLength(1);
  });

  it('the supervisor sees the answer in English on the round overview', async () => {
    const page = await browser().newPage();
    await explained(page, browser(), async () => {
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      await page.getByRole('button', { name: 'English' }).click();
      const remarks = page.locator(`[data-remarks="${roundId}"]`);
      await remarks.getByText(ANSWER).waitFor();
      expect(await remarks.locator('[data-remark-state="answered"]').innerText()).toContain('Answered');
    });
  });
});
