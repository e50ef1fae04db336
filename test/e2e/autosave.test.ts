import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackRuntime } from '../integration/applications-helpers';
import { api, signInAdmin } from '../integration/helpers';
import {
  assignTeam,
  clearDeclaration,
  createReviewRound,
  eligibleApplication,
  invitedPerson,
  moveRoundTo,
  paths,
  throughToDefense,
} from '../integration/reviews-helpers';
import { baseUrl, latestLink, useBrowser } from './browser';

// The worst defect so far, walked as a person walks it in Chromium: score an item, open 提交评分表…, cancel
// (or follow one of the listed missing items), change a percentage — the card must go on saving, and a reload
// must show everything. The same for the deliberator's defense score (提交评分, 返回修改, a new score).

const browser = useBrowser();
type Person = Awaited<ReturnType<typeof invitedPerson>>;

let materialRound: string;
let materialApp: string;
let expert: Person;
let defenseRound: string;
let defenseApp: string;
let deliberator: Person;

/** A new sign-in link for someone already invited, opened in the browser. */
async function signInBrowser(page: Page, email: string) {
  const requested = await api('POST', '/api/submission/auth/links', { body: { email } });
  expect(requested.status).toBe(202);
  await page.goto(await latestLink(email));
  await page.waitForURL(`${baseUrl()}/review`);
}

/** Waits until the page says saved, and the answer to the last save has arrived. */
async function saved(card: Locator) {
  await card.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  // A round in material review with one application and a team of two (the second never opens the browser).
  materialRound = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 2 } });
  materialApp = (await eligibleApplication(materialRound, '宁德自动保存示范有限公司')).applicationId;
  expert = await invitedPerson('expert', { name: '自动保存专家', organisation: '质量协会丙' });
  const other = await invitedPerson('expert', { name: '同组专家', organisation: '质量协会丁' });
  await moveRoundTo(materialRound, 'materialReview');
  await assignTeam(materialApp, [expert, other]);
  const declared = await api('POST', paths.declare(materialApp), { cookie: expert.cookie, body: clearDeclaration });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);

  // A round at the defense with a panel of two, the deliberator declared.
  defenseRound = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 2 } });
  defenseApp = (await eligibleApplication(defenseRound, '莆田答辩保存示范有限公司')).applicationId;
  const admin = await signInAdmin();
  const experts = [await invitedPerson('expert', { name: '保存材料专家', organisation: '质量协会戊' }), await invitedPerson('expert', { name: '保存现场专家', organisation: '质量协会己' })] as const;
  deliberator = await invitedPerson('deliberator', { name: '自动保存审议员', organisation: '市政协' });
  const second = await invitedPerson('deliberator', { name: '同组审议员', organisation: '市人大' });
  await throughToDefense(defenseRound, defenseApp, experts);
  for (const d of [deliberator, second]) expect((await api('POST', paths.panel(defenseRound), { cookie: admin, body: { reviewerId: d.personId } })).status).toBe(201);
  expect((await api('POST', paths.defenseDeclare(defenseApp), { cookie: deliberator.cookie, body: clearDeclaration })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('nothing typed is lost when the submit step is opened and left', () => {
  it('the expert’s scorecard keeps saving after 提交评分表… → 取消 and after following a listed missing item', async () => {
    const page = await browser().newPage();
    await signInBrowser(page, expert.email);
    await page.goto(`${baseUrl()}/review/${materialApp}/materialReview`);
    const card = page.locator('section.review-card');
    await page.locator('#item-4-1-2-percent').waitFor();

    // Score an item and let it save.
    await page.locator('#item-4-1-2-percent').selectOption('60');
    await saved(card);

    // 提交评分表… with nothing left to save, then 取消, then another percentage: it is saved.
    await card.locator('[data-action="open-submit"]').click();
    await card.getByRole('button', { name: '取消' }).click();
    await page.locator('#item-4-1-3-percent').selectOption('45');
    await card.locator('[data-save-state="dirty"], [data-save-state="saving"]').first().waitFor();
    await saved(card);

    // Again through one of the listed missing items.
    await card.locator('[data-action="open-submit"]').click();
    await card.locator('[data-unscored] a').first().click();
    await page.locator('#item-4-1-4-percent').selectOption('30');
    await page.locator('#item-4-1-4-strengths').fill('制度健全');
    await saved(card);

    // A reload shows all of it, from the server.
    await page.reload();
    await page.locator('#item-4-1-2-percent').waitFor();
    expect(await page.locator('#item-4-1-2-percent').inputValue()).toBe('60');
    expect(await page.locator('#item-4-1-3-percent').inputValue()).toBe('45');
    expect(await page.locator('#item-4-1-4-percent').inputValue()).toBe('30');
    expect(await page.locator('#item-4-1-4-strengths').inputValue()).toBe('制度健全');
    const stored = await api('GET', paths.card(materialApp), { cookie: expert.cookie });
    expect(stored.body.items['4.1.3'].percent).toBe(45);
    expect(stored.body.items['4.1.4']).toEqual({ percent: 30, strengths: '制度健全', opportunities: '' });
  });

  it('the deliberator’s score keeps saving after 提交评分 → 返回修改', async () => {
    const page = await browser().newPage();
    await signInBrowser(page, deliberator.email);
    await page.goto(`${baseUrl()}/review/defense/${defenseApp}`);
    const card = page.locator('section.review-card[data-score-status="draft"]');
    await card.locator('#defense-points').waitFor();

    await card.locator('#defense-points').fill('800');
    await saved(card);
    await card.locator('[data-action="open-submit"]').click();
    await card.getByRole('button', { name: '返回修改' }).click();
    await card.locator('#defense-points').fill('812.5');
    await card.locator('#defense-comment').fill('陈述清晰');
    await card.locator('[data-save-state="dirty"], [data-save-state="saving"]').first().waitFor();
    await saved(card);

    await page.reload();
    await card.locator('#defense-points').waitFor();
    expect(await card.locator('#defense-points').inputValue()).toBe('812.50');
    expect(await card.locator('#defense-comment').inputValue()).toBe('陈述清晰');
    const stored = await api('GET', paths.defenseScore(defenseApp), { cookie: deliberator.cookie });
    expect(stored.body.score).toBe(81_250);
  });
});
