import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { api } from '../integration/helpers';
import { registration, signInApplicant } from '../integration/applications-helpers';
import { baseUrl, checkPage, latestLink, signInAs, useBrowser } from './browser';

// The site in real headless Chromium against the local stack started by test/setup/local-stack.ts
// (in-memory data with the demo seed; the gateway serves web/dist with the production CSP).
const browser = useBrowser();

describe('the public site', () => {
  it('shows the demo programme, switches language (remembered after reload), and never asks the functions for their health', async () => {
    const page = await browser().newPage();
    const asked: string[] = [];
    const record = (request: { url(): string }) => asked.push(new URL(request.url()).pathname);
    page.on('request', record);
    await page.goto(baseUrl());

    // Chinese first, for a browser that has never chosen.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { level: 1, name: '政府质量奖' }).waitFor();
    await page.locator('[data-programme="city"]').getByText('示范市政府质量奖').first().waitFor();
    await checkPage(page, 'home');
    // The demo round, open for registration, invites organisations to apply (other test files may open rounds of their own).
    await page.locator(`[data-programme="city"] [data-round="city-${new Date().getUTCFullYear()}"] a[href="/apply?programme=city"]`).getByText('在线申报').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Government Quality Award' }).waitFor();
    await page.locator('[data-programme="city"]').getByText('Demo City Government Quality Award').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Government Quality Award' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // The health panel is the office's (/admin): the public home shows none and calls no health endpoint.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-health]').count()).toBe(0);
    expect(asked.filter((path) => path.startsWith('/api/'))).not.toEqual([]);
    expect(asked.filter((path) => /health/.test(path))).toEqual([]);
    page.off('request', record);

    // Back to Chinese for the next test.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '政府质量奖' }).waitFor();
    expect(browser().problems).toEqual([]);
  });

  it('answers an unknown path with the not-found page', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl()}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await checkPage(page);
    expect(browser().problems).toEqual([]);
  });
});

describe('the supervisor workspace', () => {
  it('an administrator invites a supervisor, who signs in by link, filters the round timeline to one applicant by name and verifies the chains', async () => {
    const page = await browser().newPage();
    const adminEmail = inject('adminEmail');

    // The administrator asks for a link on the sign-in page and opens it from the outbox.
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('电子邮箱').fill(adminEmail);
    await page.getByRole('button', { name: '发送登录链接' }).click();
    await page.getByRole('status').getByText('登录链接已发送').or(page.locator('[data-error-code]')).waitFor();
    if (await page.locator('[data-error-code="RATE_LIMITED"]').count()) {
      // The stack is shared with the integration tests: together they may use up the per-address link budget.
      throw new Error(`the administrator's link requests are rate limited (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)`);
    }
    await page.getByRole('status').getByText('登录链接已发送').waitFor({ timeout: 1000 });
    const adminLink = await latestLink(adminEmail);
    expect(adminLink).toContain('#token=');
    await page.goto(adminLink);
    await page.waitForURL(`${baseUrl()}/admin`);
    expect(page.url()).not.toContain('token'); // the token left the address bar
    await page.getByTestId('who').getByText('评审委员会办公室管理员').waitFor();
    // The office sees the three functions' health on /admin.
    for (const fn of ['submission', 'scoring', 'publication']) {
      await page.locator(`[data-health="${fn}"][data-status="ok"]`).waitFor({ timeout: 15_000 });
    }
    await checkPage(page, 'admin');

    // … and invites a supervisor.
    const supervisorEmail = `supervisor.${Date.now().toString(36)}@example.org`;
    await page.getByLabel('姓名').fill('李监督');
    await page.getByLabel('邮箱', { exact: true }).fill(supervisorEmail);
    await page.getByLabel('角色').selectOption('supervisor');
    await page.getByRole('button', { name: '发送邀请' }).click();
    await page.getByRole('status').getByText(supervisorEmail).waitFor();
    await page.locator(`tr[data-person="${supervisorEmail}"]`).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl()}/`);

    // A link works once: opening it again says so and offers a new one (the refused exchange is the only console error).
    const before = browser().problems.length;
    await page.goto(adminLink);
    await page.locator('[data-error-code="LINK_ALREADY_USED"]').getByText('登录链接已使用过').waitFor();
    expect(await page.locator('[data-error-code="LINK_ALREADY_USED"]').innerText()).not.toContain('This sign-in link has already been used'); // the chosen language only
    await checkPage(page, 'used link');
    expect(page.url()).toBe(`${baseUrl()}/auth`);
    await page.getByRole('button', { name: '重新获取登录链接' }).click();
    await page.waitForURL(`${baseUrl()}/sign-in`);
    const refused = browser().problems.splice(before);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/Failed to load resource: the server responded with a status of 4\d\d/);

    // The supervisor opens the invitation link and lands in the workspace.
    await page.goto(await latestLink(supervisorEmail));
    await page.waitForURL(`${baseUrl()}/supervise`);
    await page.getByTestId('who').getByText('李监督').waitFor();
    await page.getByRole('heading', { level: 1, name: '监督工作台' }).waitFor();
    await checkPage(page, 'chains');

    // Meanwhile an organisation registers in the demo round (through the API, as the apply test does in the browser).
    const roundId = (await api('GET', '/api/publication/programmes')).body.programmes[0].rounds[0].roundId as string;
    const organisation = `监督测试有限公司${Date.now().toString(36)}`;
    const applicant = await signInApplicant(`org.${Date.now().toString(36)}@example.org`);
    const registered = await api('POST', '/api/submission/applications', { cookie: applicant, body: registration(roundId, { name: organisation }) });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);

    // The round's chain: filter the timeline to that applicant, by its name, and verify the chain in the browser.
    await page.locator(`[data-chain="round:${roundId}"] a.chain-link`).click();
    await page.locator('ol.timeline li[data-action="round.created"]').waitFor();
    await checkPage(page, 'round timeline');
    const applicantFilter = page.getByLabel('申报组织', { exact: true });
    await expect.poll(() => applicantFilter.locator('option', { hasText: organisation }).count()).toBe(1);
    await applicantFilter.selectOption({ label: `${organisation} · ${registered.body.applicationId}` });
    await expect.poll(() => page.locator('ol.timeline li').count()).toBe(1);
    await page.locator('ol.timeline li[data-action="application.registered"]').waitFor();
    await applicantFilter.selectOption('');
    await page.getByRole('button', { name: '验证整条链' }).click();
    await page.locator('[data-verify="ok"]').getByText(/验证通过：共 \d+ 条记录/).waitFor();

    // The programme's chain holds the invitation: filter the timeline by action, then verify.
    await page.getByRole('link', { name: /返回审计链列表/ }).click();
    const programmeChain = page.locator('[data-chain^="programme:"]').first();
    const scope = (await programmeChain.getAttribute('data-chain'))!;
    const listedHead = await programmeChain.locator('code').getAttribute('title');
    await programmeChain.locator('a').click();
    await page.locator('ol.timeline li').first().waitFor();
    const total = await page.locator('ol.timeline li').count();
    expect(total).toBeGreaterThanOrEqual(3);
    await page.getByLabel('操作', { exact: true }).selectOption('person.invited');
    await expect.poll(() => page.locator('ol.timeline li').count()).toBeLessThan(total);
    const actions = await page.locator('ol.timeline li').evaluateAll((items) => items.map((li) => li.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThanOrEqual(1);
    expect(new Set(actions)).toEqual(new Set(['person.invited']));
    await page.locator('ol.timeline li').getByText(supervisorEmail).or(page.locator('ol.timeline li').getByText('李监督')).first().waitFor();

    await page.getByRole('button', { name: '验证整条链' }).click();
    await page.locator('[data-verify="ok"]').getByText(new RegExp(`验证通过：共 ${total} 条记录`)).waitFor();
    expect(await page.locator('[data-verify="ok"]').getAttribute('title')).toBe(listedHead);

    // The export is the whole chain (not the filtered view), and verifies outside the browser to the same head.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
    const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\n');
    const exported = lines.map((line) => JSON.parse(line) as AuditEntry);
    expect(exported).toHaveLength(total);
    const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(await verifyChain(sha256, scope, exported)).toMatchObject({ ok: true, entries: total, head: listedHead });

    // Read-only: nothing in the workspace changes state.
    expect(await page.getByRole('button', { name: /停用|发送|Revoke|Send/ }).count()).toBe(0);
    expect(browser().problems).toEqual([]);
  });
});

describe('a chunk that does not arrive', () => {
  // The connection drops, or the office deploys while a reader has the site open and the chunk's old name is gone.
  // The aborted request is the only problem the browser may report; everything else it reports still fails the test.
  const onlyAborted = (before: number) =>
    browser()
      .problems.splice(before)
      .filter((problem) => !/Failed to load resource|ERR_FAILED|dynamically imported module|Importing a module script failed/i.test(problem));

  it('a page says it did not load and offers a reload, which shows the page once its chunk arrives', async () => {
    const page = await browser().newPage();
    const before = browser().problems.length;
    const chunk = /\/assets\/CheckPage-[\w-]+\.js$/;
    await page.route(chunk, (route) => route.abort());
    await page.goto(`${baseUrl()}/check`);

    const failed = page.locator('[data-error-code="CHUNK_FAILED"]');
    await failed.getByText('此处内容未能加载').waitFor();
    await checkPage(page);
    await page.unroute(chunk);
    await failed.getByRole('button', { name: '刷新页面' }).click();
    await page.getByRole('heading', { level: 1, name: '证书核验' }).waitFor();
    expect(await failed.count()).toBe(0);
    expect(onlyAborted(before)).toEqual([]);
  });

  it('a part of a page says it did not load; the rest of the page works', async () => {
    const page = await browser().newPage();
    const before = browser().problems.length;
    const chunk = /\/assets\/ContactEditor-[\w-]+\.js$/;
    await page.route(chunk, (route) => route.abort());
    await signInAs(page, inject('adminEmail'));
    await page.waitForURL(`${baseUrl()}/admin`);

    await page.getByRole('heading', { level: 2, name: '人员' }).waitFor();
    await page.locator('[data-error-code="CHUNK_FAILED"]').getByText('此处内容未能加载').waitFor();
    expect(await page.getByRole('heading', { name: '书面异议受理联系方式' }).count()).toBe(0);
    await page.unroute(chunk);
    await page.getByRole('button', { name: '刷新页面' }).click();
    await page.getByRole('heading', { level: 2, name: '书面异议受理联系方式' }).waitFor();
    expect(await page.locator('[data-error-code="CHUNK_FAILED"]').count()).toBe(0);
    expect(onlyAborted(before)).toEqual([]);
  });
});
