import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { registeredApplicant, stackRuntime } from '../integration/applications-helpers';
import { api, uniqueEmail } from '../integration/helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// The office's rounds pages in real headless Chromium against the real rounds API (test/setup/local-stack.ts):
// the call of a new round, a change while at the call, the move to registration on the review board, what is
// locked afterwards, a registration, and the round's chain holding exactly those changes.

const browser = useBrowser();

const DAY = 24 * 60 * 60 * 1000;
const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
// Registration opened yesterday: earlier than the demo round (opened at stack start), so this round never
// sorts ahead of it in the public list other test files read. The other milestones lie ahead, in order.
const OFFSETS = {
  registrationOpens: -1,
  registrationCloses: 20,
  submissionDeadline: 30,
  materialReviewDeadline: 60,
  onSiteDeadline: 90,
  defenseDate: 120,
} as const;
const MOVED_DEADLINE = 35;

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
const explained = explainer(browser);

/** The browser's session (scoped to /api), for reading through the API what the office's pages wrote. */
const sessionCookie = async () => (await browser().context.cookies(`${baseUrl()}/api/`)).map((c) => `${c.name}=${c.value}`).join('; ');

/** `datetime-local` values (the browser's time zone, minutes) of instants `days` from now, computed in the page. */
async function localInputs(page: Page, now: number, days: Readonly<Record<string, number>>): Promise<Record<string, string>> {
  return page.evaluate(
    ({ now, days, day }) => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const local = (ms: number) => {
        const d = new Date(Math.floor(ms / 60_000) * 60_000);
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      };
      return Object.fromEntries(Object.entries(days).map(([field, n]) => [field, local(now + n * day)]));
    },
    { now, days, day: DAY },
  );
}

describe('the office runs the call of a round in the browser', () => {
  it('creates a round (after a refused try), changes its quota at the call, moves it to registration, then only dates ahead change; an applicant registers and the chain holds exactly that', async () => {
    const page = await browser().newPage();
    // The office works in China: dates are entered and shown in Beijing time, stored in UTC.
    await (await browser().context.newCDPSession(page)).send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Shanghai' });
    const roundId = `e2e-call-${Date.now().toString(36)}`;
    const year = new Date().getUTCFullYear();
    const adminEmail = inject('adminEmail');

    await explained(page, async () => {
      // The administrator signs in by a mailed link and lands in 管理.
      const requested = await api('POST', '/api/submission/auth/links', { body: { email: adminEmail } });
      expect(requested.status, 'link request (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)').toBe(202);
      await page.goto(await latestLink(adminEmail));
      await page.waitForURL(`${baseUrl()}/admin`);
      await page.getByRole('heading', { level: 1, name: '管理' }).waitFor();
      await checkPage(page, 'admin');

      // 管理 → 评审轮次: the demo rounds are listed.
      await page.getByRole('link', { name: '评审轮次' }).click();
      await page.waitForURL(`${baseUrl()}/admin/rounds`);
      await page.locator(`tr[data-round="city-${year}"] [data-stage="registration"]`).waitFor();
      await page.locator(`tr[data-round="city-${year}-review"] [data-stage="materialReview"]`).waitFor();

      // The call of a new round: id, both names, six dates, quota 5, the default weights — but first a weight too many.
      await page.getByRole('button', { name: '发布新一轮' }).click();
      const form = page.locator('form.round-form');
      await form.getByLabel('轮次编号').fill(roundId);
      await form.getByLabel('名称（中文）').fill('端到端测试轮次');
      await form.getByLabel('名称（英文）').fill('End-to-end test round');
      const dates = await localInputs(page, Date.now(), OFFSETS);
      for (const [field, value] of Object.entries(dates)) await page.locator(`#create-dates-${field}`).fill(value);
      await form.getByLabel('获奖名额').fill('5');
      expect(await form.getByLabel('材料审核权重').inputValue()).toBe('0.3');
      expect(await form.getByLabel('现场考核权重').inputValue()).toBe('0.5');
      expect(await form.getByLabel('陈述答辩权重').inputValue()).toBe('0.2');
      await form.getByLabel('材料审核权重').fill('0.4');
      await form.locator('[data-weight-sum="1100"]').getByText('合计须为 1').waitFor();

      // The server refuses it; the problem is shown at the weights, in Chinese and (after the switch) in English.
      const before = browser().problems.length;
      await form.getByRole('button', { name: '创建轮次' }).click();
      const atWeights = form.locator('[data-issues-for="weights"]');
      await atWeights.getByText('三个阶段的权重之和必须为 1，当前为 1.1。').waitFor();
      await form.locator('[data-issue-path="weights"]').waitFor();
      expect(await form.locator('[data-issue-path]').count()).toBe(1);
      // Each weight is marked with the problem of their sum, and the focus goes to the first.
      for (const weight of ['material', 'onSite', 'defense']) {
        const input = page.locator(`#create-weights-${weight}`);
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await input.getAttribute('aria-describedby')).toContain('create-weights-error');
      }
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('create-weights-material');
      await page.getByRole('button', { name: 'English' }).click();
      await atWeights.getByText('The three stage weights must sum to 1; they sum to 1.1.').waitFor();
      await page.getByRole('button', { name: '中文' }).click();
      await atWeights.getByText('三个阶段的权重之和必须为 1，当前为 1.1。').waitFor();
      // The refused request is the only console error.
      const refused = browser().problems.splice(before);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(/Failed to load resource: the server responded with a status of 422/);

      // Corrected, it is created; the list shows it at the call.
      await form.getByLabel('材料审核权重').fill('0.3');
      await form.locator('[data-weight-sum="1000"]').waitFor();
      await form.getByRole('button', { name: '创建轮次' }).click();
      const created = page.getByRole('status').filter({ hasText: `已创建评审轮次 ${roundId}。` });
      await created.waitFor();
      await page.locator(`tr[data-round="${roundId}"] [data-stage="call"]`).getByText('发布通知').waitFor();
      // Newest first by registration opening: the demo round open for registration stays ahead of it.
      const order = await page.locator('tr[data-round]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-round')));
      expect(order.indexOf(`city-${year}`)).toBeLessThan(order.indexOf(roundId));

      // The round's page: at the call, with its configuration.
      await created.getByRole('link', { name: '配置' }).click();
      await page.waitForURL(`${baseUrl()}/admin/rounds/${roundId}`);
      const roundPage = page.locator(`[data-round-page="${roundId}"]`);
      await roundPage.locator('[data-stage="call"]').getByText('当前阶段：发布通知').waitFor();
      await roundPage.getByRole('heading', { name: /端到端测试轮次/ }).waitFor();
      await checkPage(page, 'the round');
      const fact = (key: string) => roundPage.locator(`[data-fact="${key}"]`);
      expect(await fact('winnersQuota').innerText()).toBe('5');
      expect(await fact('weights.material').innerText()).toBe('0.3');
      expect(await fact('weights.onSite').innerText()).toBe('0.5');
      expect(await fact('weights.defense').innerText()).toBe('0.2');
      expect(await fact('name.en').innerText()).toBe('End-to-end test round');
      expect(await roundPage.locator('.locked-badge').count()).toBe(0);
      await roundPage.getByText(/^创建于 .* · 版本 1$/).waitFor();
      await roundPage.getByText('日期时间按您浏览器的时区（Asia/Shanghai）填写和显示，以 UTC 保存。').waitFor();

      // Still at the call: the quota changes to 4 (version 2).
      await roundPage.getByRole('button', { name: '修改配置' }).click();
      await page.locator('#edit-winnersQuota').fill('4');
      await roundPage.getByRole('button', { name: '保存修改' }).click();
      await roundPage.getByRole('status').getByText('已保存（版本 2）。').waitFor();
      expect(await fact('winnersQuota').innerText()).toBe('4');
      await roundPage.getByText(/^创建于 .* · 版本 2$/).waitFor();

      // The review board of the round: moved to 网上申报, once confirmed.
      await roundPage.getByRole('link', { name: '评审看板' }).click();
      await page.waitForURL(`${baseUrl()}/office/rounds/${roundId}`);
      const board = page.locator(`[data-round-board="${roundId}"]`);
      await board.locator('[data-round-stage="call"]').waitFor();
      await board.getByRole('button', { name: '进入“网上申报”阶段' }).click();
      const confirm = board.getByRole('group', { name: '进入“网上申报”阶段' });
      await confirm.getByText('确定将本轮从“发布通知”推进到“网上申报”吗？').waitFor();
      await confirm.getByRole('button', { name: '确定' }).click();
      await board.getByRole('status').getByText('本轮已进入“网上申报”阶段。').waitFor();
      await board.locator('[data-round-stage="registration"]').waitFor();

      // Back on the round's page: the quota is locked, a date still ahead moves (version 4).
      await page.goBack();
      await page.waitForURL(`${baseUrl()}/admin/rounds/${roundId}`);
      await roundPage.locator('[data-stage="registration"]').getByText('当前阶段：网上申报').waitFor();
      await roundPage.getByText(/^创建于 .* · 版本 3$/).waitFor();
      await roundPage.getByRole('button', { name: '修改配置' }).click();
      await page.locator('#round-locked-note').waitFor();
      expect(await page.locator('#edit-winnersQuota').isDisabled()).toBe(true);
      await page.locator('[data-locked="winnersQuota"]').waitFor();
      expect(await page.locator('#edit-dates-registrationOpens').isDisabled()).toBe(true);
      expect(await page.locator('#edit-dates-submissionDeadline').isDisabled()).toBe(false);
      const moved = await localInputs(page, Date.now(), { submissionDeadline: MOVED_DEADLINE });
      await page.locator('#edit-dates-submissionDeadline').fill(moved.submissionDeadline!);
      await roundPage.getByRole('button', { name: '保存修改' }).click();
      await roundPage.getByRole('status').getByText('已保存（版本 4）。').waitFor();
      // Read-only again: the quota still 4 and marked locked, the passed opening date too, the moved deadline not.
      expect(await fact('winnersQuota').innerText()).toBe('4已锁定');
      await fact('winnersQuota').locator('.locked-badge').waitFor();
      await fact('dates.registrationOpens').locator('.locked-badge').waitFor();
      expect(await fact('dates.submissionDeadline').locator('.locked-badge').count()).toBe(0);
      const [, y, m, d, hm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(moved.submissionDeadline!)!;
      expect(await fact('dates.submissionDeadline').innerText()).toBe(`${y}年${Number(m)}月${Number(d)}日 ${hm}`);
      const shown = await page.evaluate((value) => new Date(value).getTime(), moved.submissionDeadline!);
      const stored = await api('GET', `/api/publication/rounds/${roundId}`, { cookie: await sessionCookie() });
      expect(stored.status, JSON.stringify(stored.body)).toBe(200);
      expect(stored.body).toMatchObject({ stage: 'registration', version: 4, config: { winnersQuota: 4 } });
      expect(Date.parse(stored.body.config.dates.submissionDeadline)).toBe(shown);
    });

    // An applicant registers for the round (API).
    const { applicationId } = await registeredApplicant(roundId, uniqueEmail('rounds-e2e'), { name: '端到端轮次测试有限公司' });

    // The round's chain, read with the browser's session: exactly these changes, in order, and it verifies.
    const scope = `round:${roundId}`;
    const res = await api('GET', `/api/publication/audit/${encodeURIComponent(scope)}/entries?limit=1000`, { cookie: await sessionCookie() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = res.body.entries as AuditEntry[];
    expect(entries.map((e) => e.action)).toEqual(['round.created', 'round.configured', 'round.stageMoved', 'round.configured', 'application.registered']);
    expect(entries.at(-1)!.target.id).toBe(applicationId);
    expect(await verifyChain(sha256, scope, entries)).toMatchObject({ ok: true, entries: 5 });

    expect(browser().problems).toEqual([]);
  });
});
