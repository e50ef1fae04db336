import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { api, uniqueEmail } from '../integration/helpers';
import { baseUrl, explainer, latestLink, useBrowser } from './browser';

// Issue #14 part 1 in real headless Chromium: the platform operator creates a district programme (tries its id twice),
// invites its first administrator (cancels once), switches language, at phone width too; the administrator opens the
// mailed link and lands in the new programme's office, named by its name.

const browser = useBrowser();
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const explained = explainer(browser);

/** Asks for a sign-in link for an address and opens it in the page, as a person does from their mail. */
async function openMailedLink(page: Page, email: string) {
  expect((await api('POST', '/api/submission/auth/links', { body: { email } })).status).toBe(202);
  await page.goto(await latestLink(email));
}

describe('onboarding a district programme', () => {
  it('the operator creates it, invites its administrator, and the administrator signs in to it', async () => {
    const page = await browser().newPage();
    const tag = `${Date.now().toString(36)}${randomInt(1e4)}`;
    const programmeId = `gulou-${tag}`;
    const nameZh = `鼓楼区政府质量奖${tag}`;
    const nameEn = `Gulou District Quality Award ${tag}`;
    const adminEmail = uniqueEmail('gulou-admin');

    await explained(page, async () => {
      await page.setViewportSize(PHONE);
      await openMailedLink(page, inject('operatorEmail'));
      await page.waitForURL(/\/operator$/);
      await page.getByRole('heading', { name: '奖项管理（平台运营）' }).waitFor();
      await page.locator('[data-programmes]').waitFor();
    });

    await explained(page, async () => {
      await page.fill('#programme-id', programmeId);
      await page.fill('#programme-name-zh', nameZh);
      await page.fill('#programme-name-en', nameEn);
      await page.selectOption('#programme-level', 'district');
      await page.fill('#programme-issuing-zh', '福州市鼓楼区人民政府');
      await page.fill('#programme-issuing-en', 'Gulou District People’s Government');
      await page.locator('#programme-recommends').selectOption({ index: 1 });
      await page.click('[data-create-programme] button[type=submit]');
      await page.locator('p.notice', { hasText: nameZh }).waitFor();
      await page.locator(`[data-programme="${programmeId}"] h3`, { hasText: nameZh }).waitFor();
    });

    // The same id again: refused with a message naming it, nothing changed.
    await explained(page, async () => {
      await page.fill('#programme-id', programmeId);
      await page.fill('#programme-name-zh', '冒名奖项');
      await page.fill('#programme-name-en', 'Impostor');
      await page.fill('#programme-issuing-zh', '某单位');
      await page.fill('#programme-issuing-en', 'Someone');
      await page.click('[data-create-programme] button[type=submit]');
      await page.locator('[data-create-programme] ~ *', { hasText: '已被使用' }).or(page.getByText(`奖项编号 ${programmeId} 已被使用`)).first().waitFor();
      expect(await page.locator(`[data-programme="${programmeId}"] h3`).innerText()).toBe(nameZh);
    });

    // The invitation form opened for the new programme: cancel it, open it again, send it.
    const item = page.locator(`[data-programme="${programmeId}"]`);
    await explained(page, async () => {
      await item.locator('[data-invite-admin]').waitFor();
      await item.getByRole('button', { name: '取消' }).click();
      await item.getByRole('button', { name: '邀请管理员' }).click();
      await item.getByLabel('姓名').fill('鼓楼区办公室林主任');
      await item.getByLabel('邮箱').fill(adminEmail);
      await item.getByRole('button', { name: '发送邀请' }).click();
      await page.locator('p.notice', { hasText: adminEmail }).waitFor();
      await item.locator('[data-admins]', { hasText: '鼓楼区办公室林主任' }).waitFor();
    });

    // In English, at desktop width: names, not ids.
    await explained(page, async () => {
      await page.setViewportSize(DESKTOP);
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.getByRole('heading', { name: 'Programmes (platform operation)' }).waitFor();
      await item.locator('h3', { hasText: nameEn }).waitFor();
      expect(await item.innerText()).toContain('District');
      expect(await item.innerText()).toContain('Beijing time');
    });

    // The administrator opens the mailed invitation and lands in the new programme's office.
    await explained(page, async () => {
      await page.goto(await latestLink(adminEmail));
      await page.waitForURL(/\/admin$/);
      await page.locator('.brand-programme', { hasText: nameEn }).waitFor();
      await page.locator('[data-testid=who]', { hasText: '鼓楼区办公室林主任' }).waitFor();
    });
    const cookie = (await browser().context.cookies(`${baseUrl()}/api/`)).map((c) => `${c.name}=${c.value}`).join('; ');
    const session = await api('GET', '/api/submission/auth/session', { cookie });
    expect(session.body).toMatchObject({ role: 'admin', programmeId });
    expect(browser().problems.filter((p) => !/409|Conflict/.test(p))).toEqual([]);
  });
});
