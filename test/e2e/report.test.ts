import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RoundExportResponse, RoundReportResponse, RoundSummaryResponse } from '../../shared/api/report';
import { formatShare } from '../../shared/report/report';
import { readXlsx } from '../../functions/lib/pool/xlsx';
import { stackRuntime } from '../integration/applications-helpers';
import { api, signInAdmin, uniqueEmail } from '../integration/helpers';
import { REPORT_NAMES, seedAnnouncedRound } from '../integration/report-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// The round's report (issue 12.4) in real headless Chromium: a round taken to the announcement; the office opens the
// report from its round board, the charts render and their tables hold the API's numbers, the .xlsx and a CSV
// download (unzipped and read here), in Chinese and English at 1280 and 375 px; the committee papers; the public summary.

const browser = useBrowser();
let roundId: string;
let report: RoundReportResponse;
let exported: RoundExportResponse;

beforeAll(async () => {
  ({ roundId } = await seedAnnouncedRound());
  const admin = await signInAdmin();
  report = (await api<RoundReportResponse>('GET', `/api/publication/rounds/${roundId}/report`, { cookie: admin })).body;
  exported = (await api<RoundExportResponse>('GET', `/api/publication/rounds/${roundId}/export`, { cookie: admin })).body;
}, 300_000);
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const explained = explainer(browser);

async function signInOffice(page: Page) {
  const requested = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
  expect(requested.status).toBe(202);
  await page.goto(await latestLink(inject('adminEmail')));
  await page.waitForURL(`${baseUrl()}/admin`);
}

const saved = async (download: Download) => new Uint8Array(await readFile((await download.path())!));

/** The funnel's table and bars hold the API's counts and shares. */
async function funnelMatches(page: Page) {
  const funnel = page.locator('[data-chart="funnel"]');
  for (const step of report.funnel) {
    const row = funnel.locator(`tr[data-step="${step.step}"]`);
    expect(await row.locator('[data-count]').innerText(), step.step).toBe(String(step.count));
    expect(await row.locator('[data-share]').innerText(), step.step).toBe(step.sharePerMille === undefined ? '' : formatShare(step.sharePerMille));
  }
  const bars = funnel.locator('[data-bar]');
  expect(await bars.count()).toBe(report.funnel.length);
  expect(await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))))).toEqual(report.funnel.map((s) => s.count));
}

describe("the round's report in the browser", () => {
  it('the office opens it from the round board: the funnel, distributions and ranks match the API, in Chinese and English, at 1280 and 375 px', async () => {
    expect(report.funnel.map((s) => s.count)).toEqual([6, 6, 6, 6, 5, 5, 5, 4, 2, 1]);
    const page = await browser().newPage();
    await explained(page, async () => {
      await signInOffice(page);
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await page.locator('[data-report-link]').click();
      await page.waitForURL(`${baseUrl()}/office/rounds/${roundId}/report`);
      await page.getByRole('heading', { name: '评审漏斗' }).waitFor();
      await funnelMatches(page);
      // Each stage's histogram: one column per band of 100 points, its count as in the API and in the table beside it.
      for (const d of report.distributions) {
        const chart = page.locator(`[data-chart="dist-${d.stage}"]`);
        const columns = chart.locator('[data-bin]');
        expect(await columns.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))).toEqual([...d.total.counts]);
        expect(await chart.locator('tr[data-bin-row] [data-count]').allInnerTexts()).toEqual(d.total.counts.map(String));
        // Each category in bands of 10% of its points: the grid's cells and the table's row hold the API's counts.
        for (const c of d.categories) {
          const bands = page.locator(`[data-chart="bands-${d.stage}"]`);
          expect(await bands.locator(`[data-band-row="${c.categoryId}"] [data-count]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))).toEqual([...c.histogram.counts]);
          expect(await bands.locator(`tr[data-band-table-row="${c.categoryId}"] td`).allInnerTexts()).toEqual(c.histogram.counts.map(String));
        }
      }
      const movements = page.locator('[data-chart="movements"]');
      expect(await movements.locator('polyline').count()).toBe(report.movements.filter((m) => Object.keys(m.ranks).length > 1).length);
      const winner = movements.locator('tr').filter({ hasText: REPORT_NAMES[0] });
      expect(await winner.locator('[data-stage="final"]').innerText()).toMatch(/（第 1 名）$/);
      expect(await page.locator('[data-chart="breakdown-size"] tr[data-group="medium"] th').innerText()).toBe('中型');
      expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity|undefined/);
      await checkPage(page, 'Chinese, 1280 px');

      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'Chinese, 375 px');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'The funnel' }).waitFor();
      expect(await page.locator('[data-chart="funnel"] tr[data-step="submitted"] th').innerText()).toBe('Submitted');
      await funnelMatches(page);
      await checkPage(page, 'English, 375 px');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.reload();
      await page.getByRole('heading', { name: 'Scores and ranks from stage to stage' }).waitFor();
      await checkPage(page, 'English, 1280 px, reloaded');
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('heading', { name: '评审漏斗' }).waitFor();
    });
  });

  it('downloads the workbook (six sheets, Chinese headers, the API rows) and a CSV with a byte order mark', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}/report`);
      await page.locator('[data-export-xlsx]').waitFor();
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-xlsx]').click()]);
      expect(xlsx.suggestedFilename()).toBe(`${roundId}-评审数据.xlsx`);
      const bytes = await saved(xlsx);
      const files = unzipSync(bytes);
      const workbook = strFromU8(files['xl/workbook.xml']!);
      expect([...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1])).toEqual(['评分', '合议', '排名', '征求意见', '审议表决', '公示异议']);
      // The first sheet read back as a person's spreadsheet program would: the headers, then the API's rows.
      const scores = readXlsx(bytes);
      expect(scores[0]).toEqual(exported.sheets[0]!.headers);
      expect(scores.length - 1).toBe(exported.sheets[0]!.rows.length);
      const everything = Object.entries(files).filter(([name]) => name.endsWith('.xml')).map(([, f]) => strFromU8(f)).join('');
      for (const sheet of exported.sheets) for (const header of sheet.headers) expect(everything, header).toContain(header.replace(/&/g, '&amp;'));
      expect(everything).toContain('王实名');
      await page.locator('[role="status"]').filter({ hasText: `已生成：${roundId}-评审数据.xlsx` }).waitFor();

      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-csv="ranking"]').click()]);
      expect(csv.suggestedFilename()).toBe(`${roundId}-评审数据-排名.csv`);
      const text = await saved(csv);
      expect([...text.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(text.slice(3)).trimEnd().split('\r\n');
      const ranking = exported.sheets.find((s) => s.key === 'ranking')!;
      expect(lines[0]).toBe(ranking.headers.join(','));
      expect(lines).toHaveLength(ranking.rows.length + 1);
      expect(lines[1]).toContain(REPORT_NAMES[0]);
      // Nothing the page did was refused by the site's content security policy or failed.
      expect(browser().problems).toEqual([]);
    });
  });

  it('prints the committee papers: the ranking with the weights and the advice, one vote sheet per cleared candidate', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}/report`);
      await page.locator('[data-papers-link]').click();
      await page.waitForURL(`${baseUrl()}/office/rounds/${roundId}/papers`);
      await page.locator('[data-papers-settings]').waitFor();
      expect(await page.locator('[data-papers-settings]').innerText()).toContain('材料评审 × 0.3 + 现场评审 × 0.5 + 陈述答辩 × 0.2');
      expect(await page.locator('[data-paper-row]').count()).toBe(report.committee.standings.length);
      expect(await page.locator('[data-paper-row]').filter({ hasText: REPORT_NAMES[3] }).innerText()).toContain('有异议');
      // Cleared candidates: the first three (the fourth has a department's objection; the fifth is below the threshold).
      expect(await page.locator('[data-vote-sheet]').count()).toBe(3);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'papers, 375 px');
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });

  it('a supervisor of the programme opens the same report from the supervisors’ round and reads the same funnel', async () => {
    const email = uniqueEmail('report-supervisor');
    const invited = await api('POST', '/api/submission/people', { cookie: await signInAdmin(), body: { email, name: '报告图表监督员', role: 'supervisor' } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const page = await browser().newPage();
    await explained(page, async () => {
      await page.goto(await latestLink(email));
      await page.waitForURL(`${baseUrl()}/supervise`);
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-round-reviews="${roundId}"] [data-report-link]`).click();
      await page.waitForURL(`${baseUrl()}/supervise/rounds/${roundId}/report`);
      await page.locator('[data-chart="funnel"]').waitFor();
      await funnelMatches(page);
      await page.locator('[data-export-xlsx]').waitFor();
    });
  });

  it('shows the public summary to a visitor: the funnel and the winner only, in Chinese and English; an unknown round says it is not published', async () => {
    await browser().context.clearCookies();
    const summary = (await api<RoundSummaryResponse>('GET', `/api/publication/rounds/${roundId}/summary`)).body;
    const page = await browser().newPage();
    await explained(page, async () => {
      // A visitor finds it from the published announcement.
      await page.goto(`${baseUrl()}/notices/${encodeURIComponent(roundId)}`);
      await page.locator('[data-summary-link]').click();
      await page.waitForURL(`${baseUrl()}/summaries/${roundId}`);
      await page.locator('[data-winner]').first().waitFor();
      expect(await page.locator('[data-winner]').allInnerTexts()).toHaveLength(summary.winners.length);
      expect(await page.locator('[data-winner]').first().innerText()).toContain(REPORT_NAMES[0]);
      const text = await page.locator('main').innerText();
      for (const name of REPORT_NAMES.slice(1)) expect(text).not.toContain(name);
      await funnelMatches(page);
      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'summary, Chinese, 375 px');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Winners' }).waitFor();
      await checkPage(page, 'summary, English, 375 px');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl()}/summaries/no-such-round`);
      await page.locator('[data-summary-missing]').waitFor();
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('[data-summary-missing]').filter({ hasText: '本轮尚未表彰' }).waitFor();
    });
  });
});
