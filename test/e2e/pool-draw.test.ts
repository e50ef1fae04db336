import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readXlsx } from '../../functions/lib/pool/xlsx';
import { stackRuntime } from '../integration/applications-helpers';
import { api, uniqueEmail } from '../integration/helpers';
import { createReviewRound, eligibleApplication, moveRoundTo } from '../integration/reviews-helpers';
import { baseUrl, checkPage, explainer, latestLink, useBrowser } from './browser';

// The office's round without spreadsheets (issue 13), in real headless Chromium against the local stack: the office
// imports a pool of 60 experts from a CSV (after a file with a bad row is refused row by row), draws every team of the
// round in one action with the supervisor's value, and the supervisor replays the draws in the browser: they match.
// Set-up that is not the point (the round, three eligible applications, the supervisor's invitation) goes through the API.

const browser = useBrowser();
const run = promisify(execFile);
const tag = Date.now().toString(36);
const HEADER = '姓名,邮箱,库别,工作单位,单位统一社会信用代码,曾任职单位,职称/资格,专业领域,所在区县,电话,状态';
const DISTRICTS = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区'];
const FIELDS = ['C', 'M', 'I、C', 'F', 'M、N'];
const expertRow = (i: number) => `池专家${i},pool${i}.${tag}@example.org,评审专家,质量研究院${i % 7},,,高级工程师,${FIELDS[i % 5]},${DISTRICTS[i % 5]},1380000${String(i).padStart(4, '0')},在库`;

let roundId: string;
let adminCookie: string;
let supervisor: { email: string; personId: string; name: string };
const dir = mkdtempSync(join(tmpdir(), 'merit-pool-'));

async function requestLink(email: string): Promise<string> {
  const requested = await api('POST', '/api/submission/auth/links', { body: { email } });
  expect(requested.status).toBe(202);
  return latestLink(email);
}

const explained = explainer(browser);

beforeAll(async () => {
  const link = await requestLink(inject('adminEmail'));
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: link.split('#token=')[1] } });
  adminCookie = exchanged.headers.getSetCookie()[0]!.split(';')[0]!;
  roundId = await createReviewRound();
  for (const name of ['福州抽取一号机械有限公司', '厦门抽取二号食品有限公司', '泉州抽取三号电子有限公司']) await eligibleApplication(roundId, name);
  const email = uniqueEmail('supervisor');
  const invited = await api('POST', '/api/submission/people', { cookie: adminCookie, body: { email, name: '纪监督', role: 'supervisor' } });
  supervisor = { email, personId: invited.body.person.personId, name: '纪监督' };
  await moveRoundTo(roundId, 'materialReview');
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the office imports its pool, draws every team in one action, and the supervisor replays the draws', () => {
  it('imports 60 experts from a CSV, draws three teams, and the replay matches in the browser and on the command line', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      await requestLink(inject('adminEmail'));
      await page.goto(await latestLink(inject('adminEmail')));
      await page.waitForURL(`${baseUrl()}/admin`);
      await page.locator('[data-pool-link]').click();
      await page.waitForURL(`${baseUrl()}/office/pool`);

      // A file with one bad row: every problem is named and nothing can be imported.
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, `\uFEFF${[HEADER, expertRow(1), `坏行专家,not-an-email,评审专家,某单位,123,,,火星业,,,在库`].join('\r\n')}\r\n`);
      await page.locator('[data-pool-file]').setInputFiles(bad);
      await page.locator('[data-pool-blocked]').getByText('有 1 行存在问题').waitFor();
      const badRow = page.locator('[data-pool-row="3"]');
      await badRow.getByText('“邮箱”不是有效的邮箱：not-an-email').waitFor();
      await badRow.getByText('“单位统一社会信用代码”不是有效的统一社会信用代码：123').waitFor();
      await badRow.getByText('“专业领域”中的“火星业”不是 GB/T 4754 门类').waitFor();
      expect(await page.locator('[data-pool-confirm]').count()).toBe(0);
      await checkPage(page, 'preview with a bad row');

      // The pool of 60: previewed, then imported at once.
      const good = join(dir, 'experts.csv');
      writeFileSync(good, `\uFEFF${[HEADER, ...Array.from({ length: 60 }, (_, i) => expertRow(i + 1))].join('\r\n')}\r\n`);
      await page.locator('[data-pool-file]').setInputFiles(good);
      await page.locator('[data-pool-preview]').getByText('新增 60 人').waitFor();
      await page.locator('[data-pool-confirm]').click();
      await page.locator('[data-pool-imported]').getByText('已导入：新增 60 人').waitFor();
      // Filters: one district and one field narrow the list to the experts of both.
      await page.getByLabel('区县').selectOption('马尾区');
      await page.getByLabel('专业领域', { exact: true }).selectOption('M');
      await page.locator('[data-pool-count="12"]').waitFor();
      // The pool exported as an Excel workbook: the import's headers, the imported experts, phones kept as text.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-pool-export-xlsx]').click()]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const sheet = readXlsx(new Uint8Array(readFileSync((await xlsx.path())!)));
      expect(sheet[0]!.slice(0, 3)).toEqual(['姓名', '邮箱', '库别']);
      const exported = sheet.find((row) => row[1] === `pool7.${tag}@example.org`);
      expect(exported).toBeDefined();
      expect(exported).toContain('13800000007');
      await page.setViewportSize({ width: 375, height: 800 });
      await checkPage(page, 'pool page on a phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      // The draw: every team still needed, in one action, with the supervisor present giving their value.
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      const panel = page.locator('[data-draw-panel]');
      await panel.waitFor();
      await panel.locator('[data-draw-supervisor]').selectOption(supervisor.personId);
      await panel.locator('[data-draw-witness]').fill('738291');
      await panel.locator('[data-draw-run]').click();
      await panel.locator('[data-draw-result="3"]').getByText('已抽取 3 个评审组。').waitFor();
      await checkPage(page, 'after the draw');
      await page.reload();
      for (const team of await page.locator('[data-team="materialReview"]').all()) await expect.poll(() => team.locator('[data-member]').count()).toBe(5);

      // The supervisor signs in and replays every draw in their browser, in English too.
      await requestLink(supervisor.email);
      await page.goto(await latestLink(supervisor.email));
      await page.waitForURL((url) => url.pathname.startsWith('/supervise'));
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}`);
      await page.locator('[data-draw-replay-run]').click();
      await page.locator('[data-draw-replay-summary="3/0"]').getByText('已复核 3 次抽取，0 次不一致。').waitFor();
      expect(await page.locator('[data-draw-replay-ok="true"]').count()).toBe(3);
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('[data-draw-replay-run]').click();
      await page.locator('[data-draw-replay-summary="3/0"]').getByText('Replayed 3 draw(s), 0 mismatch(es).').waitFor();
    });
    await page.close();

    const env = inject('stackEnv');
    const { stdout } = await run('npx', ['tsx', 'infra/scripts/replay-draw.ts', '--round', roundId, '--endpoint', inject('dynamoEndpoint'), '--table', env.TABLE_AUDIT!, '--reviews-table', env.TABLE_REVIEWS!]);
    expect(stdout.trim().split('\n').at(-1)).toBe('replayed: 3 draws, 0 mismatches');
  }, 240_000);
});
