import { createHash, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../shared/eligibility';
import { baseUrl, checkPage, latestLink, useBrowser } from './browser';

// An organisation applies in real headless Chromium against the local stack (test/setup/local-stack.ts):
// link by mail, registration, the package, uploads straight to s3rver, formal submission, receipt; then the office.
/** A valid unified social credit code (GB 32100-2015), registered in Chengdu (510100), random each run. */
function validCreditCode(): string {
  const body = `91510100${Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

const pdf = (note: string) =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n% ${note}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Asks for a link on a page's form and opens it from the outbox; fails plainly when the shared stack's budget is spent. */
async function openMailedLink(page: Page, email: string): Promise<void> {
  await page.getByRole('status').or(page.locator('[data-error-code]')).first().waitFor();
  if (await page.locator('[data-error-code="RATE_LIMITED"]').count()) {
    throw new Error(`link requests for ${email} are rate limited (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)`);
  }
  await page.goto(await latestLink(email));
}

/** On a 360 px phone the page fits the screen: nothing scrolls sideways (wide tables scroll inside their own box). */
async function fitsPhone(page: Page): Promise<void> {
  await checkPage(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await checkPage(page, '360 px phone');
  await page.setViewportSize({ width: 1280, height: 800 });
}

const browser = useBrowser();

describe('an organisation applies and the office sees it', () => {
  it('requests a link, registers, fills the package, uploads PDFs with progress, submits, reads the receipt; the office lists, decides, exports and asks; the applicant answers', async () => {
    const page = await browser().newPage();
    try {
      await applyAndReview(page);
    } catch (error) {
      // Say what the page showed and what the browser reported, not only which locator timed out.
      const shown = await page.locator('main').innerText().catch(() => '(no page)');
      throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${browser().problems.join('\n')}`);
    }
  });
});

async function applyAndReview(page: Page): Promise<void> {
  {
    const email = `applicant.${Date.now().toString(36)}@example.org`;
    const creditCode = validCreditCode();
    const orgName = `成都示范质量有限公司${randomInt(1e6)}`;

    // A new applicant asks for a link on the apply page and opens it from the outbox.
    await page.goto(`${baseUrl()}/apply`);
    await page.getByRole('heading', { level: 1, name: '申报政府质量奖' }).waitFor();
    await checkPage(page);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByRole('button', { name: '发送申报链接' }).click();
    await openMailedLink(page, email);
    await page.waitForURL(`${baseUrl()}/apply`);
    expect(page.url()).not.toContain('token');
    await page.getByRole('heading', { name: '登记申报组织' }).waitFor();
    await fitsPhone(page);

    // The credit code is checked while typing (GB 32100-2015 check character).
    const wrongCheck = creditCode.slice(0, 17) + (creditCode.endsWith('0') ? '1' : '0');
    await page.locator('#reg-creditCode').fill(wrongCheck);
    await page.locator('[data-credit-code="invalid"]').getByText('校验位不正确').waitFor();
    await page.locator('#reg-creditCode').fill(creditCode.toLowerCase());
    await page.locator('[data-credit-code="valid"]').waitFor();

    // Submitting an incomplete form shows what to fix and sends nothing.
    await page.getByRole('button', { name: '登记申报' }).click();
    await page.getByRole('alert').getByText(/处需要修改/).waitFor();
    await checkPage(page, 'registration refused');

    await page.locator('#reg-name').fill(orgName);
    await page.locator('#reg-district').fill('锦江区');
    await page.locator('#reg-industry').fill('制造业');
    await page.locator('#reg-size').selectOption('medium');
    await page.locator('#reg-address').fill('成都市锦江区示范路 8 号');
    await page.locator('#reg-legalRepresentative').fill('王法人');
    await page.locator('#reg-contactPerson').fill('赵联系');
    await page.locator('#reg-phone').fill('028-12345678');
    await page.locator('#reg-email').fill(email);
    await page.locator('#reg-establishedOn').fill('2012-03-15');
    for (const label of ['本组织是依法登记的法人。', '近 3 年内未发生重大质量、安全或环境事故。', '近 1 年内未受到严重行政处罚。', '本组织信用记录良好。', '本组织已导入并实施卓越绩效管理模式。']) {
      await page.getByLabel(label).check();
    }
    await page.getByRole('button', { name: '登记申报' }).click();
    await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await page.locator('[data-application-status="registered"]').waitFor();
    await page.locator('[data-submit="blocked"]').getByText('填写：组织概述').waitFor();

    // The profile and the 23 item texts, each saved automatically.
    const sections = ['profile', ...GBT19580_2012.items.map((i) => i.id)];
    expect(sections).toHaveLength(24);
    for (const section of sections) {
      await page.locator(`#section-${section.replace(/\./g, '-')}`).fill(`${section}：方法、展开、学习与整合。我们的做法经过多年改进。`);
    }
    await expect.poll(() => page.locator('[data-save-state="saved"]').count(), { timeout: 30_000 }).toBe(24);
    await page.locator('[data-section="4.7.7"]').getByText(/已保存/).waitFor();
    await fitsPhone(page);

    // Two real PDFs straight to the bucket, each with a progress bar reaching 100%, then verified by the server.
    const licence = pdf('business licence');
    const report = pdf('self-assessment report');
    await page.locator('#doc-businessLicence').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: licence });
    await page.locator('[data-upload="营业执照.pdf"] [data-progress="100"]').waitFor();
    await page.locator('[data-category="businessLicence"] [data-status="verified"] .doc-name').getByText('营业执照.pdf').waitFor({ timeout: 20_000 });
    await page.locator('#doc-selfAssessmentReport').setInputFiles({ name: 'self-assessment.pdf', mimeType: 'application/pdf', buffer: report });
    await page.locator('[data-upload="self-assessment.pdf"] [data-progress="100"]').waitFor();
    await page.locator('[data-category="selfAssessmentReport"] [data-status="verified"] .doc-name').getByText('self-assessment.pdf').waitFor({ timeout: 20_000 });

    // Submit formally once the package is complete; a confirmation first.
    await page.locator('[data-submit="ready"]').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '正式提交申报材料' }).click();
    await page.getByText('确定正式提交？').waitFor();
    await page.getByRole('button', { name: '确定提交' }).click();

    // The receipt: timestamp and the SHA-256 of every file, equal to what this test computed.
    const receipt = page.locator('[data-receipt]');
    await receipt.getByRole('heading', { name: '提交回执' }).waitFor();
    await receipt.locator(`[data-sha256="${sha256(licence)}"]`).waitFor();
    await receipt.locator(`[data-sha256="${sha256(report)}"]`).waitFor();
    expect(await receipt.locator('[data-manifest]').count()).toBe(2);
    const submittedAt = await receipt.locator('[data-submitted-at]').getAttribute('data-submitted-at');
    expect(Math.abs(Date.parse(submittedAt!) - Date.now())).toBeLessThan(120_000);
    expect(await receipt.locator('[data-package-sha256]').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await receipt.getByRole('button', { name: '打印回执' }).waitFor();
    await checkPage(page, 'receipt');
    await page.locator('[data-application-status="submitted"]').waitFor();
    await page.reload();
    await page.locator(`[data-receipt] [data-sha256="${sha256(licence)}"]`).waitFor();
    expect(await page.locator('textarea#section-profile').count()).toBe(0); // the package is locked

    await fitsPhone(page);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl()}/`);

    // The office: the administrator signs in by link and opens the applications.
    const adminEmail = inject('adminEmail');
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('电子邮箱').fill(adminEmail);
    await page.getByRole('button', { name: '发送登录链接' }).click();
    await openMailedLink(page, adminEmail);
    await page.waitForURL(`${baseUrl()}/admin`);
    await page.getByRole('link', { name: '查看申报情况' }).click();
    await page.waitForURL(`${baseUrl()}/office`);
    const funnel = page.locator('[data-funnel]');
    await funnel.waitFor();
    await fitsPhone(page);
    const [registered, submitted] = (await funnel.getAttribute('data-funnel'))!.split('/').map(Number);
    expect(registered).toBeGreaterThanOrEqual(1);
    expect(submitted).toBeGreaterThanOrEqual(1);
    const percent = Math.round((submitted! / registered!) * 1000) / 10;
    await funnel.locator('[data-count="percent"]').getByText(`${percent.toFixed(1)}%`).waitFor();

    // Search by credit code, then open the package.
    await page.getByLabel('名称或统一社会信用代码').fill(creditCode);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.locator(`tr[data-credit-code="${creditCode}"]`);
    await row.waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    // The CSV export: UTF-8 with a byte order mark, with this organisation in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^applications-.+\.csv$/);
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(creditCode);

    await row.getByRole('link', { name: orgName }).click();
    await page.getByRole('heading', { name: orgName }).waitFor();
    await page.locator('[data-office-application] [data-status="verified"]').first().waitFor();
    expect(await page.getByRole('button', { name: '下载' }).count()).toBe(2);
    await page.getByText('profile：方法、展开、学习与整合。').waitFor();

    // The office decides eligibility with a reason the applicant sees.
    await page.getByLabel('符合申报条件', { exact: true }).check();
    await page.getByLabel(/理由/).fill('材料齐全，符合申报条件。');
    await page.getByRole('button', { name: '记录结论' }).click();
    await page.locator('[data-eligibility="eligible"]').getByText('材料齐全，符合申报条件。').waitFor();

    // The office asks for an explanation (补正/说明要求); it waits for the applicant's answer.
    const detailUrl = page.url();
    const officeRequests = page.locator('[data-office-requests]');
    await page.getByLabel(/要求内容/).fill('请说明顾客满意度的测量方法。');
    await officeRequests.getByLabel('财务报表').check();
    await page.getByRole('button', { name: '发送要求' }).click();
    await officeRequests.locator('[data-request-status="open"]').getByText('请说明顾客满意度的测量方法。').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl()}/`);

    // The applicant signs in again (a known address gets a sign-in link) and reads the decision on the dashboard.
    await page.goto(`${baseUrl()}/apply`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByRole('button', { name: '发送申报链接' }).click();
    await openMailedLink(page, email);
    await page.waitForURL(`${baseUrl()}/apply`);
    await page.locator('[data-eligibility="eligible"]').getByText('材料齐全，符合申报条件。').waitFor();

    // The applicant reads what the office asked for and answers it once; the package stays as submitted.
    const asked = page.locator('[data-request-status="open"]');
    await asked.getByText('请说明顾客满意度的测量方法。').waitFor();
    await asked.getByLabel(/答复内容/).fill('我们每年委托第三方开展顾客满意度调查。');
    await asked.getByRole('button', { name: '提交答复' }).click();
    await page.locator('[data-request-status="answered"] [data-answer]').getByText('我们每年委托第三方开展顾客满意度调查。').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl()}/`);

    // The office reads the answer on the application's page.
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('电子邮箱').fill(adminEmail);
    await page.getByRole('button', { name: '发送登录链接' }).click();
    await openMailedLink(page, adminEmail);
    await page.waitForURL(`${baseUrl()}/admin`);
    await page.goto(detailUrl);
    await page.locator('[data-office-requests] [data-request-status="answered"] [data-answer]').getByText('我们每年委托第三方开展顾客满意度调查。').waitFor();

    expect(browser().problems).toEqual([]);
  }
}
