import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria';
import { stackRuntime } from '../integration/applications-helpers';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import { assignTeam, consensusItems, createReviewRound, eligibleApplication, invitedPerson, moveRoundTo, paths, scoreAndSubmit } from '../integration/reviews-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// Reviewer reliability (评审一致性) in real headless Chromium: a team of three scores one applicant (one of them
// 15 points more lenient than the consensus), the leader records the consensus; the office opens the view from
// its round board and reads the charts and their tables in Chinese and English at 1280 and 375 px; a supervisor
// opens the same view from the supervisors' round.

const browser = useBrowser();
const ITEM_IDS: string[] = GBT19580_2012.items.map((i) => i.id);
const base = (itemId: string) => 30 + (ITEM_IDS.indexOf(itemId) % 8) * 5;
const NAME = '闽侯一致性示范有限公司';

let roundId: string;
let lenientName: string;

beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 3, onSiteMin: 3, defensePanelMin: 5 } });
  const { applicationId } = await eligibleApplication(roundId, NAME);
  const experts = [];
  for (let i = 0; i < 3; i++) experts.push(await invitedPerson('expert', { name: `浏览器专家${i + 1}`, organisation: `浏览器协会${i}` }));
  lenientName = experts[1]!.name;
  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(applicationId, experts);
  await scoreAndSubmit(applicationId, experts[0]!, base);
  await scoreAndSubmit(applicationId, experts[1]!, (id) => base(id) + 15);
  await scoreAndSubmit(applicationId, experts[2]!, (id) => base(id) - 5);
  const consensus = await api('POST', paths.consensus(applicationId), { cookie: experts[0]!.cookie, body: { items: consensusItems(base) } });
  expect(consensus.status, JSON.stringify(consensus.body)).toBe(201);
}, 240_000);
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const explained = explainer(browser);

async function openLink(page: Page, email: string, lands: string) {
  await page.goto(await latestLink(email));
  await page.waitForURL(`${baseUrl()}${lands}`);
}

describe('reviewer reliability in the browser', () => {
  it('the office opens it from the round board and reads α, ICC and the flagged reviewer in Chinese and English, at 1280 and 375 px', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      const requested = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
      expect(requested.status).toBe(202);
      await openLink(page, inject('adminEmail'), '/admin');
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-round-board="${roundId}"]`).getByRole('link', { name: '评审一致性' }).click();
      await page.waitForURL(`${baseUrl()}/office/rounds/${roundId}/reliability`);

      const teams = page.locator('[data-chart="reliability-teams"]');
      await teams.getByRole('heading', { name: '各评审组的一致性（α 与 ICC）' }).waitFor();
      expect(await teams.locator('svg').count()).toBeGreaterThan(0);
      const row = teams.locator('tbody tr').filter({ hasText: NAME });
      expect(await row.locator('[data-alpha]').innerText()).toMatch(/^−?\d\.\d\d$/);
      expect(await row.locator('[data-icc]').innerText()).toMatch(/^−?\d\.\d\d$/);
      const lenient = page.locator('[data-chart="reliability-reviewers"] tbody tr').filter({ hasText: lenientName });
      expect(await lenient.locator('[data-offset]').innerText()).toBe('+15.0 偏宽');
      expect(await lenient.locator('[data-flag]').innerText()).toBe('⚑ 超出阈值');
      await page.locator('[data-chart="reliability-drift"], .card').filter({ hasText: '还没有同时具有两个阶段合议结果的申报组织。' }).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity/);
      await checkPage(page, 'Chinese, 1280 px');

      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'Chinese, 375 px');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Agreement within each team (α and ICC)' }).waitFor();
      expect(await lenient.locator('[data-flag]').innerText()).toBe('⚑ Beyond the threshold');
      expect(await lenient.locator('[data-offset]').innerText()).toBe('+15.0 lenient');
      await checkPage(page, 'English, 375 px');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.reload();
      await page.getByRole('heading', { name: 'Leniency and severity (mean offset from the consensus)' }).waitFor();
      await checkPage(page, 'English, 1280 px, reloaded');
    });
  });

  it('a supervisor of the programme opens the same view from the supervisors’ round', async () => {
    const email = uniqueEmail('supervisor');
    const invited = await api('POST', '/api/submission/people', { cookie: await signInAdmin(), body: { email, name: '一致性监督员', role: 'supervisor' } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const page = await browser().newPage();
    await explained(page, async () => {
      await openLink(page, email, '/supervise');
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-round-reviews="${roundId}"] [data-reliability-link]`).click();
      await page.waitForURL(`${baseUrl()}/supervise/rounds/${roundId}/reliability`);
      const lenient = page.locator('[data-chart="reliability-reviewers"] tbody tr').filter({ hasText: lenientName });
      await lenient.waitFor();
      expect(await lenient.locator('[data-flag]').innerText()).toMatch(/⚑/);
    });
  });
});
