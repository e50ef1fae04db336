import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { stackRuntime } from '../integration/applications-helpers';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import {
  clearDeclaration,
  createReviewRound,
  eligibleApplication,
  invitedPerson,
  paths,
  throughToDefense,
} from '../integration/reviews-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// The defense (陈述答辩) in real headless Chromium against the local stack (test/setup/local-stack.ts):
// the office adds a deliberator to the panel on the review board, the deliberator declares, scores and
// submits, sees the other member's score once both are in, and a supervisor reads the panel and its score.
// Set-up that is not the point (the round up to the defense, the second deliberator's work) goes through the API.

const browser = useBrowser();

const ORGANISATION = '漳州答辩示范有限公司';
const COMMENT = '<b>x</b> 陈述清楚，答辩充分';
const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let applicationId: string;
let admin: string;
let first: Invited;
let second: Person;
let supervisor: Invited;

type Invited = { email: string; personId: string; name: string };
/** The office invites someone through the API; the invitation link stays unused in the outbox for the browser. */
async function invite(role: 'deliberator' | 'supervisor', name: string, organisation?: string): Promise<Invited> {
  const email = uniqueEmail(role);
  const res = await api('POST', '/api/submission/people', { cookie: admin, body: { email, name, role, ...(organisation ? { organisation } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, personId: res.body.person.personId as string, name };
}

/** Opens a mailed link in the browser, landing where the person's role belongs. */
async function openLink(page: Page, email: string, lands: string) {
  await page.goto(await latestLink(email));
  await page.waitForURL(`${baseUrl()}${lands}`);
  expect(page.url()).not.toContain('token');
  await checkPage(page, 'after the link');
}

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
const explained = explainer(browser);

// One application through the material review, the shortlist and the site visit (API), teams of two,
// and a panel that needs two scores; the round is then at the defense with its panel still empty.
beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 2 } });
  applicationId = (await eligibleApplication(roundId, ORGANISATION)).applicationId;
  admin = await signInAdmin();
  const experts = [
    await invitedPerson('expert', { name: '答辩材料专家', organisation: '质量协会甲' }),
    await invitedPerson('expert', { name: '答辩现场专家', organisation: '质量协会乙' }),
  ] as const;
  first = await invite('deliberator', '审议员林', '市人大');
  second = await invitedPerson('deliberator', { name: '审议员郑', organisation: '市政协' });
  supervisor = await invite('supervisor', '答辩监督员');

  await throughToDefense(roundId, applicationId, experts);
}, 60_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the defense in the browser, from forming the panel to the panel score', () => {
  it('the office adds a deliberator on the board, who declares, scores and submits, then sees the other member’s submitted score', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      // The office opens the round's review board and adds the first deliberator through the panel form.
      const requested = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
      expect(requested.status, 'link request (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)').toBe(202);
      await openLink(page, inject('adminEmail'), '/admin');
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-round-board="${roundId}"] [data-round-stage="defense"]`).waitFor();
      const panel = page.locator(`[data-defense-panel="${roundId}"]`);
      await panel.locator('[data-testid="no-panel-members"]').waitFor();
      await panel.locator(`[data-defense-app="${applicationId}"]`).getByRole('heading', { name: ORGANISATION }).waitFor();
      const form = panel.locator('form[data-panel-form]');
      await form.locator('#panel-add-deliberator').selectOption(first.personId);
      await form.getByRole('button').click();
      await page.getByRole('status').getByText(first.name).waitFor();
      await panel.locator(`[data-panel-member="${first.personId}"]`).getByText(first.name).waitFor();
      await panel.locator(`[data-defense-app="${applicationId}"] [data-seat="${first.personId}"]`).waitFor();
      // The one just added is no longer offered.
      expect(await form.locator(`option[value="${first.personId}"]`).count()).toBe(0);
    });

    // The second deliberator joins through the API.
    const added = await api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: second.personId } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);

    await explained(page, async () => {
      // The first deliberator opens their invitation link and finds the application awaiting the declaration.
      await openLink(page, first.email, '/review');
      await page.getByTestId('who').getByText(first.name).waitFor();
      const listed = page.locator(`section[data-round="${roundId}"] li[data-defense="${applicationId}"]`);
      await listed.getByText(ORGANISATION).first().waitFor();
      await page.locator(`section[data-round="${roundId}"] h2`).getByText('评审测试轮次').waitFor();
      expect(await listed.getAttribute('data-status')).toBe('awaitingDeclaration');
      await listed.locator('a.button').click();
      await page.waitForURL(`${baseUrl()}/review/defense/${applicationId}`);

      // No relation, both signatures, confirmed.
      await page.locator('#sign-confidentiality').check();
      await page.locator('#sign-impartiality').check();
      await page.getByRole('button', { name: '签署并提交声明' }).click();
      await page.locator('[data-action="send-declaration"]').click();
      await page.locator('[data-declared-clear]').waitFor();

      // The score and the comment, saved after a pause.
      const card = page.locator('section.review-card[data-score-status="draft"]');
      await card.locator('#defense-points').waitFor();
      const saved = page.waitForResponse((r) => r.url().includes(`/defense/mine`) && r.request().method() === 'PUT' && r.ok());
      await card.locator('#defense-points').fill('812.35');
      await card.locator('#defense-comment').fill(COMMENT);
      await saved;
      await card.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });

      // Submitted after the confirmation: read-only, the comment shown as typed (text, not HTML).
      await card.locator('[data-action="open-submit"]').click();
      await card.locator('[data-action="submit"]').click();
      const done = page.locator('section.review-card[data-score-status="submitted"]');
      await done.locator('[data-submitted]').waitFor();
      expect(await done.locator('[data-own-points]').innerText()).toContain('812.35');
      await expect.poll(() => done.locator('[data-own-comment]').innerText()).toBe(COMMENT);
      expect(await done.locator('b').count()).toBe(0);
      expect(await page.locator('section.review-card input, section.review-card textarea').count()).toBe(0);
      // The other member has not submitted yet.
      await page.locator('[data-others]').waitFor();
      expect(await page.locator('[data-others] [data-score]').count()).toBe(0);
    });

    // The second deliberator declares and submits 777.50 (API).
    const declared = await api('POST', paths.defenseDeclare(applicationId), { cookie: second.cookie, body: clearDeclaration });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const draft = await api('PUT', paths.defenseScore(applicationId), { cookie: second.cookie, body: { score: 77_750, comment: '回答准确', version: 0 } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const submitted = await api('POST', paths.defenseSubmit(applicationId), { cookie: second.cookie, body: { version: draft.body.version } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    await explained(page, async () => {
      // Back on the page, the first deliberator sees the other's submitted score.
      await page.reload();
      const other = page.locator(`[data-others] [data-score="${second.personId}"][data-score-status="submitted"]`);
      await other.locator('[data-points]').getByText('777.50').waitFor();
      await other.getByText(second.name).waitFor();
      expect(await page.locator('[data-others] [data-score]').count()).toBe(1);

      // Back in the list, the application is submitted.
      await page.getByRole('link', { name: /返回/ }).click();
      await page.waitForURL(`${baseUrl()}/review`);
      await page.locator(`li[data-defense="${applicationId}"][data-status="submitted"]`).waitFor();
      expect(browser().problems).toEqual([]);
    });
  });

  it('a supervisor reads the panel, both scores and the panel score 794.93, read-only; the round chain verifies with the defense actions', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      await openLink(page, supervisor.email, '/supervise');
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      const panel = page.locator(`[data-defense-panel="${roundId}"]`);
      const app = panel.locator(`[data-defense-app="${applicationId}"]`);
      await app.locator('[data-panel-score="79493"]').getByText('794.93').waitFor();
      await app.locator(`[data-score="${first.personId}"] [data-points]`).getByText('812.35').waitFor();
      await app.locator(`[data-score="${second.personId}"] [data-points]`).getByText('777.50').waitFor();
      // The first deliberator's comment is text here too.
      await app.locator(`[data-score="${first.personId}"] .defense-comment`).getByText(COMMENT, { exact: true }).waitFor();
      expect(await app.locator('b').count()).toBe(0);
      expect(await panel.locator('[data-panel-member]').count()).toBe(2);
      expect(await panel.locator('[data-defense-declaration]').count()).toBe(2);
      expect(await panel.locator('button, input, select, textarea, form').count()).toBe(0);
      // Read-only: the one button is the draws' replay, which only reads and recomputes (like verifying the chain),
      // besides a supervisor's remark (their one write, test/e2e/remarks.test.ts).
      await page.locator('[data-draw-replay-run]').waitFor();
      expect(await page.locator('main button:not([data-draw-replay-run]):not([data-remark-open]), main form, main select, main textarea, main input').count()).toBe(0);
      expect(browser().problems).toEqual([]);
    });

    // The round's chain verifies outside the browser and holds the defense's actions.
    const scope = `round:${roundId}`;
    const res = await api('GET', `/api/publication/audit/${encodeURIComponent(scope)}/entries?limit=1000`, { cookie: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = res.body.entries as AuditEntry[];
    expect(await verifyChain(sha256, scope, entries)).toMatchObject({ ok: true, entries: entries.length });
    const deliberators = [first, second].map((d) => d.personId);
    const ids = (action: string, type?: string) =>
      entries.filter((e) => e.action === action && (type === undefined || e.target.type === type)).map((e) => e.target.id);
    expect(ids('assignment.made', 'panel')).toEqual(deliberators.map((p) => `${roundId}/${p}`));
    expect(ids('declaration.made').filter((id) => deliberators.some((p) => id.endsWith(`/${p}`)))).toEqual(deliberators.map((p) => `${applicationId}/${p}`));
    expect(ids('scorecard.submitted', 'defense')).toEqual(deliberators.map((p) => `${applicationId}/${p}`));
  });
});

