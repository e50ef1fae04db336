import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApplicant, stackRuntime } from '../integration/applications-helpers';
import { api, uniqueEmail } from '../integration/helpers';
import { consensusCard, seedOutcomeRound } from '../integration/outcome-helpers';
import { baseUrl, checkPage, latestLink, useBrowser } from './browser';

// The feedback report (评审反馈报告, issue 12 part 1) in real headless Chromium against the local stack: the office
// words a report and releases the round's reports (cancelling once), the applicant reads its report on the dashboard,
// prints it (A4 portrait) and downloads the PDF (made in the browser, its fonts fetched only then), in Chinese and
// English, at 375 px and 1280 px.

const browser = useBrowser();
const VISITED = '闽清卓越反馈有限公司';
const EDITED = '高层领导亲自推动卓越绩效模式，战略沟通到位。';
let email: string;
let roundId: string;
let applicationId: string;
let otherId: string;

/** Runs a browser step and, when it fails, says what the page showed and what the browser reported. */
async function explained(page: Page, step: () => Promise<void>) {
  try {
    await step();
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no page)');
    throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${browser().problems.join('\n')}`);
  }
}

/** Signs the browser in through a mailed link (signing out whoever was signed in first). */
async function openLink(page: Page, address: string, lands: string, request: () => Promise<{ status: number }>) {
  await browser().context.clearCookies();
  const requested = await request();
  expect(requested.status, 'link request').toBe(202);
  await page.goto(await latestLink(address));
  await page.waitForURL(`${baseUrl()}${lands}`);
}

/** The text of every page of a PDF, and its page count (pdf.js, Node build). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: texts.join('\n') };
}

/** The base font names a PDF embeds. */
async function fontsOf(bytes: Buffer): Promise<string[]> {
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes);
  const names = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      const base = object.get(PDFName.of('BaseFont'));
      if (base instanceof PDFName) names.add(base.decodeText());
    }
  }
  return [...names];
}

/** Clicks 下载 PDF / Download PDF and answers the file's bytes. */
async function downloadPdf(page: Page, name: string): Promise<Buffer> {
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name }).click()]);
  const bytes = await readFile((await download.path())!);
  console.info(`feedback PDF (${name}): ${bytes.length} bytes in ${Date.now() - started} ms`);
  return bytes;
}

beforeAll(async () => {
  email = uniqueEmail('feedback-e2e');
  const cookie = await signInApplicant(email);
  const me = await api('GET', '/api/submission/auth/session', { cookie });
  const round = await seedOutcomeRound({
    stage: 'announcement',
    owners: [me.body.person.personId],
    applications: [
      { name: VISITED, material: consensusCard(70), onSite: consensusCard(75, 55), feedback: true },
      { name: '闽清材料反馈有限公司', material: consensusCard(40), onSite: consensusCard(40), notShortlisted: true, feedback: true },
    ],
  });
  roundId = round.roundId;
  [applicationId, otherId] = round.applicationIds as [string, string];
}, 120_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the feedback report in the browser', () => {
  it('the office words a report on a phone, and releases the round’s reports on a desktop after cancelling once', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      const admin = inject('adminEmail');
      await openLink(page, admin, '/admin', () => api('POST', '/api/submission/auth/links', { body: { email: admin } }));
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}/outcome`);
      await page.locator('[data-feedback-round-link]').click();
      await page.waitForURL(`${baseUrl()}/feedback/rounds/${roundId}`);
      const row = page.locator(`[data-feedback-row="${applicationId}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain('现场评审');
      expect(await row.innerText()).toContain('专家组原文');
      expect(await page.locator(`[data-feedback-row="${otherId}"]`).innerText()).toContain('材料审核');
      await checkPage(page, 'the round’s reports');

      await page.setViewportSize({ width: 375, height: 740 });
      await row.getByRole('link', { name: '阅读' }).click();
      await page.waitForURL(`${baseUrl()}/feedback/${applicationId}`);
      await page.locator('[data-feedback-state="draft"]').waitFor();
      await checkPage(page, 'a draft report with its editor at 375 px');
      const strengths = page.getByLabel('4.1.2 高层领导的作用 优势');
      expect(await strengths.inputValue()).toBe('onSite 4.1.2 优势');
      await strengths.fill(EDITED);
      await page.getByRole('button', { name: '保存修改' }).click();
      expect(await page.locator('[data-feedback-saved]').innerText()).toBe('已保存（第 1 版）。');
      expect(await page.locator('[data-feedback-item="4.1.2"] [data-strengths]').innerText()).toBe(EDITED);
      // A reload reads the saved wording back.
      await page.reload();
      expect(await page.locator('[data-feedback-item="4.1.2"] [data-strengths]').innerText()).toBe(EDITED);

      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('link', { name: '本轮全部反馈报告' }).click();
      await page.waitForURL(`${baseUrl()}/feedback/rounds/${roundId}`);
      expect(await page.locator(`[data-feedback-row="${applicationId}"]`).innerText()).toContain('已修改（第 1 版）');
      await page.getByRole('button', { name: '发布全部报告' }).click();
      expect(await page.locator('.confirm-box').innerText()).toContain('全部 2 份报告');
      await page.getByRole('button', { name: '取消' }).click();
      expect(await page.locator('[data-feedback-released]').count()).toBe(0);
      await page.getByRole('button', { name: '发布全部报告' }).click();
      await page.getByRole('button', { name: '确定发布' }).click();
      const released = page.locator('[data-feedback-released]');
      await released.waitFor();
      expect(await released.innerText()).toContain('发布 2 份报告');
      // The second organisation's owner is made up by the seed (no address): its mail fails and is counted, the release stands.
      expect(await released.innerText()).toContain('已发送通知邮件 1 封，失败 1 封');
      expect(await page.getByRole('button', { name: '发布全部报告' }).count()).toBe(0);
      await checkPage(page, 'released reports');

      // After the release the report is final: no editor any more.
      await page.goto(`${baseUrl()}/feedback/${applicationId}`);
      await page.locator('[data-feedback-state="released"]').waitFor();
      expect(await page.getByRole('button', { name: '保存修改' }).count()).toBe(0);
    });
  });

  it('the applicant reads its report from the dashboard, prints it on A4 portrait pages and downloads the PDF, in Chinese and English, on a phone and a desktop', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      await openLink(page, email, '/apply', () => api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } }));
      await page.setViewportSize({ width: 375, height: 740 });
      await page.locator('[data-feedback-link]').click();
      await page.waitForURL(`${baseUrl()}/feedback/${applicationId}`);
      const sheet = page.locator(`[data-feedback-sheet="${applicationId}"]`);
      await sheet.waitFor();
      const shown = await sheet.innerText();
      expect(shown).toContain(VISITED);
      expect(shown).toContain(EDITED);
      expect(shown).toContain('评分档次：70%–85%');
      expect(shown).toContain('onSite 4.1 关键主题');
      expect(shown).toContain('现场评审发现');
      expect(shown).not.toContain('合议得分率');
      // The office's notes and editor are not the applicant's.
      expect(await page.locator('[data-feedback-state]').count()).toBe(0);
      expect(await page.getByRole('button', { name: '保存修改' }).count()).toBe(0);
      await checkPage(page, 'the report at 375 px');

      // Nothing of the PDF maker or its fonts is loaded before 下载 PDF.
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(r.url()));
      await page.setViewportSize({ width: 1280, height: 800 });
      await checkPage(page, 'the report at 1280 px');
      expect(fetched.filter((u) => /\/assets\/pdf-|\.woff/.test(u))).toEqual([]);

      // 打印 asks the browser to print; in print the site's header and the buttons are gone, and the pages are A4 portrait.
      await page.evaluate(() => {
        window.print = () => void document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByRole('button', { name: '打印' }).click();
      expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '下载 PDF' }).isVisible()).toBe(false);
      const printed = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect(printed.startsWith('%PDF')).toBe(true);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(printed)!;
      expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
      expect((printed.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
      await page.emulateMedia({ media: 'screen' });

      const zh = await downloadPdf(page, '下载 PDF');
      expect(zh.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(fetched.some((u) => /\/assets\/pdf-/.test(u))).toBe(true);
      expect(fetched.some((u) => /chinese-simplified.*\.woff/.test(u))).toBe(true);
      // Noto Sans SC's Chinese and Latin files, embedded (subset) by pdf-lib under their PostScript names.
      const fonts = await fontsOf(zh);
      expect(fonts, fonts.join(', ')).toHaveLength(2);
      for (const font of fonts) expect(font).toMatch(/^NotoSansSC/);
      const zhText = await pdfText(zh);
      expect(zhText.pages).toBeGreaterThan(1);
      expect(zhText.text).toContain('评审反馈报告');
      expect(zhText.text).toContain(VISITED);
      expect(zhText.text).toContain(EDITED);
      expect(zhText.text).toContain('改进机会');
      expect(zhText.text).toContain(`第 1 页 / 共 ${zhText.pages} 页`);
      // Subset fonts keep the file small.
      expect(zh.length).toBeLessThan(400_000);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Feedback report' }).waitFor();
      expect(await sheet.innerText()).toContain('Band: 70%–85%');
      expect(await sheet.innerText()).toContain('Opportunities for improvement');
      await checkPage(page, 'the report in English');
      const en = await downloadPdf(page, 'Download PDF');
      const enText = await pdfText(en);
      expect(enText.text).toContain('Feedback report');
      expect(enText.text).toContain('Opportunities for improvement');
      expect(enText.text).toContain('4.1.2 Role of senior leaders');
      expect(enText.text).toContain(EDITED);
      await page.setViewportSize({ width: 375, height: 740 });
      await checkPage(page, 'the report in English at 375 px');

      // Nothing failed on the way (but the old session's check when the browser switched people, answered 401 on /auth).
      expect(browser().problems.filter((p) => !(p.includes('/auth:') && p.includes('401')))).toEqual([]);
      // Another applicant's report is not there for this one.
      const res = await page.evaluate(async (id) => (await fetch(`/api/publication/applications/${id}/feedback`)).status, otherId);
      expect(res).toBe(404);
    });
  }, 300_000);
});
