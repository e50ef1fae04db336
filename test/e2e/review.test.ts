import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { scorecardTotals, type Scorecard } from '../../shared/scoring';
import { stackRuntime } from '../integration/applications-helpers';
import { api, uniqueEmail } from '../integration/helpers';
import {
  clearDeclaration,
  createReviewRound,
  eligibleApplication,
  fullCard,
  invitedPerson,
  moveRoundTo,
  paths,
} from '../integration/reviews-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// Material review in real headless Chromium against the local stack (test/setup/local-stack.ts):
// the office assigns the leader on the review board, the leader declares, scores, submits and records
// the consensus, a supervisor reads it all, and the round's chain holds exactly those actions.
// Set-up that is not the point (the round, the application, the other four experts' work) goes through the API.

const browser = useBrowser();

const ORGANISATION = '福州材料审核示范有限公司';
const FLAGGED = '4.1.2';
const HTML_ITEM = '4.1.3';
const HTML_TEXT = '<b>x</b> 领导作用明显';
const RATIONALE = '组内讨论后采纳多数意见，取 60%。';
// The leader gives every item 60 % and the flagged item 80 %; the four others 55 % and 50 %: one item 30 points apart.
const leaderPercent = (itemId: string) => (itemId === FLAGGED ? 80 : 60);
const memberPercent = (itemId: string) => (itemId === FLAGGED ? 50 : 55);
const anchor = (itemId: string) => itemId.replace(/\./g, '-');
const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let applicationId: string;
let leader: { email: string; personId: string; name: string };
let members: Person[];
let adminCookie: string;

/** The office invites someone through the API; the invitation link stays unused in the outbox for the browser. */
async function invite(role: 'expert' | 'supervisor', name: string, organisation?: string) {
  const email = uniqueEmail(role);
  const res = await api('POST', '/api/submission/people', { cookie: adminCookie, body: { email, name, role, ...(organisation ? { organisation } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, personId: res.body.person.personId as string, name };
}

/** Asks for a sign-in link through the API (signing in is not what this test is about) and returns it from the outbox. */
async function requestLink(email: string): Promise<string> {
  const requested = await api('POST', '/api/submission/auth/links', { body: { email } });
  expect(requested.status, 'link request (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)').toBe(202);
  return latestLink(email);
}

/** Opens a mailed link in the browser, landing where the person's role belongs. */
async function openLink(page: Page, email: string, lands: string) {
  await page.goto(await latestLink(email));
  await page.waitForURL(`${baseUrl()}${lands}`);
  expect(page.url()).not.toContain('token');
  await checkPage(page, 'after the link');
}

beforeAll(async () => {
  // The administrator signs in once by a link (the per-address link budget is shared with the other e2e files).
  const link = await requestLink(inject('adminEmail'));
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: link.split('#token=')[1] } });
  expect(exchanged.status).toBe(200);
  adminCookie = exchanged.headers.getSetCookie()[0]!.split(';')[0]!;

  roundId = await createReviewRound();
  applicationId = (await eligibleApplication(roundId, ORGANISATION)).applicationId;
  leader = await invite('expert', '陈组长', '省质量协会');
  members = [];
  for (let i = 0; i < 4; i++) members.push(await invitedPerson('expert', { name: `评审专家${i + 1}`, organisation: `质量研究院${i + 1}` }));
  await moveRoundTo(roundId, 'materialReview');
}, 60_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
const explained = explainer(browser);

describe('material review in the browser, from the assignment to the consensus', () => {
  it('the office assigns the leader, who declares, scores and submits; once the team has submitted the leader records the consensus', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      // The office opens the round's review board and assigns the leader through the form.
      await requestLink(inject('adminEmail'));
      await openLink(page, inject('adminEmail'), '/admin');
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-round-board="${roundId}"] [data-round-stage="materialReview"]`).waitFor();
      const app = page.locator(`[data-board-application="${applicationId}"]`);
      await app.getByRole('heading', { name: ORGANISATION }).waitFor();
      const team = app.locator('[data-team="materialReview"]');
      const form = team.locator('form[data-assign="materialReview"]');
      await form.getByLabel('专家', { exact: true }).selectOption(leader.personId);
      await form.getByLabel('手动安排理由（必填，监督员可见）').fill('熟悉本行业的卓越绩效评价。');
      await form.getByLabel('担任组长').check();
      await form.getByRole('button', { name: '安排' }).click();
      await page.getByRole('status').getByText(leader.name).waitFor();
      const leaderRow = team.locator(`[data-member="${leader.personId}"]`);
      await leaderRow.locator('[data-leader="true"]').waitFor();
      await leaderRow.locator('[data-status="awaitingDeclaration"]').first().waitFor();

      // The other four through the API; the board shows the team of five after a reload.
      for (const member of members) {
        const res = await api('POST', paths.assign(applicationId), { cookie: adminCookie, body: { stage: 'materialReview', reviewerId: member.personId, leader: false } });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      await page.reload();
      await expect.poll(() => team.locator('[data-member]').count()).toBe(5);
      await team.locator('[data-cards="0/5"]').waitFor();

      // The leader opens their invitation link and finds the assignment awaiting the declaration.
      await openLink(page, leader.email, '/review');
      await page.getByTestId('who').getByText(leader.name).waitFor();
      const listed = page.locator(`li[data-assignment="${applicationId}"]`);
      await listed.locator('[data-assignment-status]').getByText('待声明').waitFor();
      await page.locator(`section[data-round="${roundId}"] h2`).getByText('评审轮次：评审测试轮次').waitFor();
      expect(await listed.getAttribute('data-status')).toBe('awaitingDeclaration');
      await listed.getByText('组长').waitFor();
      await listed.getByRole('link', { name: '声明并开始' }).click();
      await page.waitForURL(`${baseUrl()}/review/${applicationId}/materialReview`);

      // Nothing of the package before the declaration: no relation, both signatures, confirmed.
      await page.getByRole('heading', { name: '利益冲突声明' }).waitFor();
      expect(await page.locator('[data-section="profile"]').count()).toBe(0);
      await page.locator('#sign-confidentiality').check();
      await page.locator('#sign-impartiality').check();
      await page.getByRole('button', { name: '签署并提交声明' }).click();
      await page.locator('[data-action="send-declaration"]').click();
      await page.locator('[data-declared-clear]').waitFor();

      // The material, then every item scored beside it.
      await page.locator('[data-section="profile"]').waitFor();
      await page.locator('.review-docs [data-download]').first().waitFor();
      const card = page.locator('section.review-card');
      await card.locator(`[data-item="${GBT19580_2012.items[0]!.id}"]`).waitFor();
      for (const item of GBT19580_2012.items) {
        await page.locator(`#item-${anchor(item.id)}-percent`).selectOption(String(leaderPercent(item.id)));
      }
      await page.locator(`#item-${anchor(HTML_ITEM)}-strengths`).fill(HTML_TEXT);
      await expect.poll(() => card.locator('[data-scored="true"]').count()).toBe(23);
      const leaderTotal = scorecardTotals(Object.fromEntries(GBT19580_2012.items.map((i) => [i.id, leaderPercent(i.id)])) as Scorecard, GBT19580_2012).total;
      expect(await card.locator('[data-total]').getAttribute('data-total')).toBe(String(leaderTotal));
      // The card saves itself after a pause.
      await card.locator('[data-save-state="saved"]').getByText('已保存').waitFor({ timeout: 10_000 });

      await card.locator('[data-action="open-submit"]').click();
      await card.locator('[data-action="submit"]').click();
      await page.locator('section.review-card[data-card-status="submitted"]').waitFor();
      // Submitted, the card is read-only, and the strengths are shown as typed: text, not HTML.
      const strengths = page.locator(`#item-${anchor(HTML_ITEM)}-strengths`);
      await expect.poll(() => strengths.innerText()).toBe(HTML_TEXT);
      expect(await strengths.locator('b').count()).toBe(0);
      expect(await page.locator('section.review-card select, section.review-card textarea').count()).toBe(0);
      expect(await page.locator('section.review-card [data-total]').getAttribute('data-total')).toBe(String(leaderTotal));

      // The team is still scoring: the leader waits for the others.
      await page.locator('[data-team-view]').waitFor();
      await page.locator('[data-consensus-waiting]').waitFor();
      expect(await page.locator('#consensus-title').count()).toBe(0);
    });

    // The four other members declare, save and submit complete cards (API).
    for (const member of members) {
      const declared = await api('POST', paths.declare(applicationId), { cookie: member.cookie, body: clearDeclaration });
      expect(declared.status, JSON.stringify(declared.body)).toBe(201);
      const saved = await api('PUT', paths.card(applicationId), { cookie: member.cookie, body: { items: fullCard(memberPercent), version: 0 } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const submitted = await api('POST', paths.submit(applicationId), { cookie: member.cookie, body: { version: saved.body.version } });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    }

    await explained(page, async () => {
      // The leader comes back: five cards side by side, the divergent item flagged, and the consensus form.
      await page.reload();
      const cards = page.locator('[data-team-view] .team-cards');
      await cards.locator('th[data-card]').first().waitFor();
      expect(await cards.locator('th[data-card]').count()).toBe(5);
      await cards.locator(`tr[data-item="${FLAGGED}"][data-divergent="true"] .flag`).waitFor();
      expect(await cards.locator('tr[data-divergent="true"]').count()).toBe(1);
      // The leader's strengths, among the team's comments, are text too.
      const comment = cards.locator(`tr[data-item="${HTML_ITEM}"] .user-text`).getByText(HTML_TEXT, { exact: true });
      expect(await comment.count()).toBe(1);
      expect(await cards.locator(`tr[data-item="${HTML_ITEM}"] b`).count()).toBe(0);

      await page.locator('#consensus-title').waitFor();
      for (const item of GBT19580_2012.items) {
        await page.locator(`#consensus-${anchor(item.id)}-percent`).selectOption('60');
      }
      // A flagged item needs a rationale: the form says so before sending anything.
      await page.getByRole('button', { name: '提交合议结果…' }).click();
      await page.locator(`[data-consensus-row="${FLAGGED}"] [data-problem="rationaleRequired"]`).waitFor();
      await page.locator(`#consensus-${anchor(FLAGGED)}-rationale`).fill(RATIONALE);
      await page.getByRole('button', { name: '提交合议结果…' }).click();
      await page.locator('[data-action="record-consensus"]').click();

      // Recorded once: the form is gone, the consensus column and who recorded it are shown.
      await page.locator('[data-consensus-recorded]').getByText(leader.name).waitFor();
      expect(await page.locator('#consensus-title').count()).toBe(0);
      await cards.locator(`[data-consensus-item="${FLAGGED}"]`).getByText(RATIONALE).waitFor();
      await cards.locator('[data-consensus-total]').getByText('600.00').waitFor();

      // Back in the list, the assignment is submitted and its consensus recorded.
      await page.getByRole('link', { name: /返回我的评审任务/ }).click();
      const listed = page.locator(`li[data-assignment="${applicationId}"][data-status="submitted"]`);
      await listed.getByText('合议已记录').waitFor();
      await listed.locator('[data-assignment-status]').getByText('已提交').waitFor();
      expect(browser().problems).toEqual([]);
    });
  });

  it('a supervisor reads the declarations, the cards, the flag and the consensus, read-only; the round chain verifies with exactly these actions', async () => {
    const page = await browser().newPage();
    const supervisor = await invite('supervisor', '王监督');
    await explained(page, async () => {
      await openLink(page, supervisor.email, '/supervise');
      await page.getByTestId('who').getByText(supervisor.name).waitFor();

      // The round's chain in the workspace links to its reviews.
      await page.locator(`[data-chain="round:${roundId}"] [data-round-reviews-link]`).click();
      await page.waitForURL(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      const overview = page.locator(`[data-round-reviews="${roundId}"]`);
      await overview.locator('[data-round-stage="materialReview"]').waitFor();
      await expect.poll(() => overview.locator('tr[data-declaration]').count()).toBe(5);
      for (const expert of [leader, ...members]) {
        const row = overview.locator(`tr[data-declaration="${expert.personId}/${applicationId}"]`);
        await row.getByText(expert.name).waitFor();
        await row.locator('[data-conflicts="0"]').waitFor();
        expect(await row.locator('[data-signed="true"]').count()).toBe(2);
      }
      const team = overview.locator(`[data-board-application="${applicationId}"] [data-team="materialReview"]`);
      await team.locator('[data-cards="5/5"]').waitFor();
      expect(await team.locator('li[data-member]').evaluateAll((els) => els.map((el) => el.getAttribute('data-member')))).toEqual(
        [leader, ...members].map((p) => p.personId),
      );
      await team.locator('[data-consensus-total="60000"]').waitFor();
      // Read-only: the one button is the draws' replay, which only reads and recomputes (like verifying the chain),
      // besides a supervisor's remark (their one write, test/e2e/remarks.test.ts).
      await page.locator('[data-draw-replay-run]').waitFor();
      expect(await page.locator('main button:not([data-draw-replay-run]):not([data-remark-open]), main form, main select, main textarea').count()).toBe(0);

      // The team's work: the leader's card among five, the flag and the consensus with its rationale.
      await team.getByRole('link').click();
      await page.waitForURL(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}/reviews/${applicationId}/materialReview`);
      const view = page.locator(`[data-team-view="${applicationId}/materialReview"]`);
      await view.locator(`th[data-card="${leader.personId}"][data-card-status="submitted"]`).waitFor();
      expect(await view.locator('th[data-card-status="submitted"]').count()).toBe(5);
      // Members and cards in the pinyin order of their names, as on the board: 陈 (chén) before 评 (píng).
      const inOrder = [leader, ...members].map((p) => p.personId);
      expect(await view.locator('li[data-member]').evaluateAll((els) => els.map((el) => el.getAttribute('data-member')))).toEqual(inOrder);
      expect(await view.locator('th[data-card]:not([data-card="consensus"])').evaluateAll((els) => els.map((el) => el.getAttribute('data-card')))).toEqual(inOrder);
      await view.locator(`[data-flag="${FLAGGED}"]`).waitFor();
      expect(await view.locator('tr[data-divergent="true"]').count()).toBe(1);
      await view.locator(`tr[data-item="${FLAGGED}"] [data-rationale]`).getByText(RATIONALE).waitFor();
      await view.locator(`tr[data-item="${HTML_ITEM}"] .user-text`).getByText(HTML_TEXT, { exact: true }).waitFor();
      expect(await view.locator('b').count()).toBe(0);
      await view.locator('[data-consensus] [data-total]').getByText('600.00').waitFor();
      expect(await view.locator('[data-declaration]').count()).toBe(5);
      // Nothing to change; a remark on each submitted card, the consensus and each assignment (the supervisor's one write).
      expect(await page.locator('main button:not([data-remark-open]), main form, main select, main textarea').count()).toBe(0);
      await page.locator('[data-team-remarks]').waitFor();
      expect(await page.locator('[data-team-remarks] [data-remark-open^="card:"]').count()).toBe(5);
    });

    // The round's chain verifies outside the browser, and its review entries are exactly the team's work.
    const scope = `round:${roundId}`;
    const res = await api('GET', `/api/publication/audit/${encodeURIComponent(scope)}/entries?limit=1000`, { cookie: adminCookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = res.body.entries as AuditEntry[];
    expect(res.body.nextAfter).toBeUndefined();
    const verified = await verifyChain(sha256, scope, entries);
    expect(verified).toMatchObject({ ok: true, entries: entries.length });

    // … and in the supervisor's workspace, to the same head.
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/supervise`);
      await page.locator(`[data-chain="${scope}"] a.chain-link`).click();
      await expect.poll(() => page.locator('ol.timeline li').count()).toBe(entries.length);
      expect(await page.locator('ol.timeline li[data-action="consensus.recorded"]').count()).toBe(1);
      await page.getByRole('button', { name: '验证整条链' }).click();
      await page.locator('[data-verify="ok"]').getByText(`验证通过：共 ${entries.length} 条记录`).waitFor();
      expect(await page.locator('[data-verify="ok"]').getAttribute('title')).toBe(verified.head);
      // Issue 15: the independence check, in this browser, finds the team's cards as committed and its consensus after them.
      await page.getByRole('button', { name: '核验独立评分' }).click();
      await page.locator('[data-independence-result="ok"]').getByText('1 个评审组均符合独立评分要求。').waitFor();
      await page.locator(`[data-independence] tr[data-team="${applicationId}/materialReview"][data-ok="true"]`).getByText('一致（含合议）').waitFor();
      expect(browser().problems).toEqual([]);
    });
    const count = (action: string) => entries.filter((e) => e.action === action).length;
    expect({
      'assignment.made': count('assignment.made'),
      'declaration.made': count('declaration.made'),
      'scorecard.submitted': count('scorecard.submitted'),
      'consensus.recorded': count('consensus.recorded'),
      'recusal.logged': count('recusal.logged'),
      'application.shortlistDecided': count('application.shortlistDecided'),
    }).toEqual({
      'assignment.made': 5,
      'declaration.made': 5,
      'scorecard.submitted': 5,
      'consensus.recorded': 1,
      'recusal.logged': 0,
      'application.shortlistDecided': 0,
    });
    // The four API saves and at least one autosave of the leader's card.
    expect(count('scorecard.saved')).toBeGreaterThanOrEqual(5);
    const assigned = entries.filter((e) => e.action === 'assignment.made').map((e) => e.target.id);
    expect(assigned).toEqual([leader, ...members].map((p) => `${applicationId}/materialReview/${p.personId}`));
  });
});
