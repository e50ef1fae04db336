import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../shared/eligibility';
import { baseUrl, checkPage, latestLink, useBrowser } from './browser';

// People do not walk the straight line: on a 375 px phone they leave fields without typing, open a dialog and
// cancel it, go back, reload, and switch language halfway. Every page they reach passes checkPage().
const browser = useBrowser();

const PHONE = { width: 375, height: 740 };

function validCreditCode(): string {
  const body = `91510100${Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

async function explained(page: Page, walk: (page: Page) => Promise<void>): Promise<void> {
  try {
    await walk(page);
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no page)');
    throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${browser().problems.join('\n')}`);
  }
}

/** Asks for a link on the page's form and opens it from the outbox. */
async function openMailedLink(page: Page, email: string): Promise<void> {
  await page.getByRole('status').or(page.locator('[data-error-code]')).first().waitFor();
  if (await page.locator('[data-error-code="RATE_LIMITED"]').count()) throw new Error(`link requests for ${email} are rate limited`);
  await page.goto(await latestLink(email));
}

/** Starts in Chinese, whatever an earlier test of this browser chose (the choice is remembered). */
async function inChinese(page: Page): Promise<void> {
  await page.locator('html[lang]').waitFor({ state: 'attached' });
  if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN') await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
}

/** Focuses a field and leaves it without typing. */
async function touch(page: Page, selector: string): Promise<void> {
  await page.locator(selector).focus();
  await page.locator(selector).blur();
}

describe('a person on a phone, not in a straight line', () => {
  it('an applicant leaves fields empty, is refused, switches to English halfway, goes back, reloads, tries a file type the round refuses and cancels a withdrawal', async () => {
    const page = await browser().newPage();
    await page.setViewportSize(PHONE);
    await explained(page, async () => {
      const email = `journey.${Date.now().toString(36)}@example.org`;
      await page.goto(`${baseUrl()}/apply`);
      await inChinese(page);
      await page.getByRole('heading', { level: 1, name: '申报政府质量奖' }).waitFor();
      await touch(page, 'input[type=email]');
      await checkPage(page, 'email left empty');
      await page.getByLabel('电子邮箱').fill(email);
      await page.getByRole('button', { name: '发送申报链接' }).click();
      await openMailedLink(page, email);
      await page.waitForURL(`${baseUrl()}/apply`);
      await page.getByRole('heading', { name: '登记申报组织' }).waitFor();

      // Fields visited and left empty, then a refused registration.
      for (const field of ['#reg-name', '#reg-creditCode', '#reg-district', '#reg-phone', '#reg-establishedOn']) await touch(page, field);
      await checkPage(page, 'fields left empty');
      await page.getByRole('button', { name: '登记申报' }).click();
      await page.getByRole('alert').getByText(/处需要修改/).waitFor();
      await checkPage(page, 'registration refused');

      // Halfway, in English; what was typed stays.
      await page.locator('#reg-name').fill(`Journey Quality Co. ${randomInt(1e6)}`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Register your organisation' }).waitFor();
      expect(await page.locator('#reg-name').inputValue()).toMatch(/^Journey Quality Co\./);
      await checkPage(page, 'English, half filled');

      // Back to the home page and forward again, then a reload: the form is there, in English.
      await page.goBack();
      await page.locator('main h1').first().waitFor();
      await checkPage(page, 'after going back');
      await page.goto(`${baseUrl()}/apply`);
      await page.reload();
      await page.getByRole('heading', { name: 'Register your organisation' }).waitFor();
      await checkPage(page, 'reloaded');

      await page.locator('#reg-name').fill(`Journey Quality Co. ${randomInt(1e6)}`);
      await page.locator('#reg-creditCode').fill(validCreditCode());
      await page.locator('#reg-district').fill('Jinjiang');
      await page.locator('#reg-industry').fill('Manufacturing');
      await page.locator('#reg-size').selectOption('small');
      await page.locator('#reg-address').fill('8 Demo Road, Chengdu');
      await page.locator('#reg-legalRepresentative').fill('Wang');
      await page.locator('#reg-contactPerson').fill('Zhao');
      await page.locator('#reg-phone').fill('028-12345678');
      await page.locator('#reg-email').fill(email);
      await page.locator('#reg-establishedOn').fill('2012-03-15');
      for (const label of [
        'Our organisation is a registered legal person.',
        'No major quality, safety or environmental incident in the last 3 year(s).',
        'No serious administrative penalty in the last 1 year(s).',
        'Our organisation has a good credit record.',
        'Our organisation applies performance-excellence management.',
      ]) {
        await page.getByLabel(label).check();
      }
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.locator('[data-application-status="registered"]').waitFor();
      await checkPage(page, 'registered');

      // A file type the round does not take: named as people name it, with the allowed types, no {placeholder}.
      await page.locator('#doc-businessLicence').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ not a licence') });
      const refusal = page.getByRole('alert').filter({ hasText: 'is not accepted' });
      await refusal.waitFor();
      expect(await refusal.innerText()).toBe('This file type (EXE) is not accepted. Allowed: PDF, JPEG, PNG, Word, Excel.');
      await expect.poll(() => page.locator('.documents').innerText()).toContain('at most 50 MB per file');
      await checkPage(page, 'a refused file type');

      // The withdrawal dialog, opened and cancelled: nothing happens.
      await page.getByRole('button', { name: 'Withdraw the application' }).click();
      await page.getByText('Withdraw? The application then leaves this round for good.').waitFor();
      await checkPage(page, 'withdrawal dialog');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('[data-application-status="registered"]').waitFor();

      // Back in Chinese for the next test.
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('[data-application-status="registered"]').waitFor();
      await checkPage(page, 'Chinese again');
    });
  });

  it('the office on a phone: admin with health, an invitation left half done, a revocation cancelled, English halfway, back and reload, a round, the outcome and the chains', async () => {
    const page = await browser().newPage();
    await page.setViewportSize(PHONE);
    await explained(page, async () => {
      const adminEmail = inject('adminEmail');
      await page.goto(`${baseUrl()}/sign-in`);
      await inChinese(page);
      await touch(page, 'input[type=email]');
      await checkPage(page, 'sign-in, email left empty');
      await page.getByLabel('电子邮箱').fill(adminEmail);
      await page.getByRole('button', { name: '发送登录链接' }).click();
      await openMailedLink(page, adminEmail);
      await page.waitForURL(`${baseUrl()}/admin`);
      await page.locator('[data-health="publication"][data-status="ok"]').waitFor({ timeout: 15_000 });
      await checkPage(page, 'admin');

      // An invitation: fields left without typing, then one sent; its revocation opened and cancelled.
      await touch(page, '#invite-name');
      await touch(page, '#invite-email');
      await checkPage(page, 'invitation left empty');
      const email = `journey.expert.${Date.now().toString(36)}@example.org`;
      await page.getByLabel('姓名').fill('路专家');
      await page.getByLabel('邮箱', { exact: true }).fill(email);
      await page.getByLabel('角色').selectOption('expert');
      await page.getByRole('button', { name: '发送邀请' }).click();
      const row = page.locator(`tr[data-person="${email}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: '停用' }).click();
      await page.getByText('确定停用 路专家？').waitFor();
      await checkPage(page, 'revocation dialog');
      await page.getByRole('button', { name: '取消' }).click();
      await row.getByRole('button', { name: '停用' }).waitFor();

      // English halfway; the rounds, one round, back, reload.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Rounds', exact: true }).first().click();
      await page.waitForURL(`${baseUrl()}/admin/rounds`);
      await page.locator(`a[href="/admin/rounds/city-${new Date().getUTCFullYear()}"]`).first().waitFor();
      await checkPage(page, 'rounds');
      await page.locator(`a[href="/admin/rounds/city-${new Date().getUTCFullYear()}"]`).first().click();
      await page.waitForURL(`${baseUrl()}/admin/rounds/city-${new Date().getUTCFullYear()}`);
      await page.locator('form, dl').first().waitFor();
      await checkPage(page, 'a round');
      await page.goBack();
      await page.waitForURL(`${baseUrl()}/admin/rounds`);
      await page.reload();
      await page.locator(`a[href="/admin/rounds/city-${new Date().getUTCFullYear()}"]`).first().waitFor();
      await checkPage(page, 'rounds after back and reload');

      // The round waiting at comprehensive evaluation: its outcome page, a recording opened and cancelled.
      const finalRound = `city-${new Date().getUTCFullYear()}-final`;
      await page.goto(`${baseUrl()}/office/rounds/${finalRound}/outcome`);
      const evaluation = page.locator('[data-section="evaluation"]');
      await evaluation.waitFor();
      await checkPage(page, 'outcome');
      const record = evaluation.getByRole('button', { name: 'Record the evaluation' });
      if (await record.count()) {
        await record.click();
        await evaluation.getByRole('group').waitFor();
        await checkPage(page, 'evaluation confirmation');
        await evaluation.getByRole('group').getByRole('button', { name: 'Cancel' }).click();
        await record.waitFor();
      }

      // The chains, and the round's timeline: organisations and people by name, kinds of things in words.
      await page.goto(`${baseUrl()}/supervise`);
      await page.locator(`[data-chain="round:${finalRound}"] a.chain-link`).click();
      await page.locator('ol.timeline li').first().waitFor({ timeout: 30_000 });
      await checkPage(page, 'round timeline');

      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('heading', { name: '时间线' }).waitFor();
      await checkPage(page, 'timeline in Chinese');
    });
  });
});
