import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublishedDocument } from '../../shared/api/outcome';
import { roundScope, verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { stackRuntime } from '../integration/applications-helpers';
import { api, uniqueEmail } from '../integration/helpers';
import { endNoticePeriod, exportChain, fetchResult } from '../integration/notice-helpers';
import { consensusCard, recordOpinion, recordVote, seedOutcomeRound } from '../integration/outcome-helpers';
import { baseUrl, checkPage, latestLink, launchBrowser, type TestBrowser, useBrowser } from './browser';

// The round's outcome (DOMAIN.md stages 7–11) in real headless Chromium against the local stack
// (test/setup/local-stack.ts), as the office, the public and a supervisor live it: the office records the
// evaluation, the departments' opinions and the committee's votes on the outcome page and opens the public
// notice; the public reads it from the home page; the office records and upholds a real-name objection and,
// once the period is over, announces the winners; the public reads them; a supervisor reads everything
// read-only and checks both publications against the chain. Set-up that is not the point (the round before
// the evaluation, the rest of the opinions, one vote) goes through the seeding helpers and the API.

const browser = useBrowser();
let visitor: TestBrowser | undefined;
/** Every address the public's browser was answered 404 for. */
const visitorNotFound: string[] = [];

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// Five applications before the panel (quota 2, threshold 500, two departments, a panel of two):
//   top      800.00 everywhere                                               → final 800.00, proposed, then objected to (upheld)
//   credit   700.00 everywhere                                               → final 700.00, the credit authority objects (out)
//   second   material 650.00, on-site 700.00, panel (650.50 + 650.00) / 2     → final 675.05, proposed, the winner
//   voted    600.00 everywhere                                               → final 600.00, voted down
//   below    400.00 everywhere                                               → final 400.00, below the threshold
const NAMES = {
  top: '闽江卓越制造有限公司',
  credit: '榕城精密仪器有限公司',
  second: '鼓山智能装备有限公司',
  voted: '三坊环保科技有限公司',
  below: '七巷食品有限公司',
} as const;
const APPLICATIONS = [
  { name: NAMES.top, material: consensusCard(80), onSite: consensusCard(80), panelScores: [80_000, 80_000] },
  { name: NAMES.credit, material: consensusCard(70), onSite: consensusCard(70), panelScores: [70_000, 70_000] },
  { name: NAMES.second, material: consensusCard(65), onSite: consensusCard(70), panelScores: [65_050, 65_000] },
  { name: NAMES.voted, material: consensusCard(60), onSite: consensusCard(60), panelScores: [60_000, 60_000] },
  { name: NAMES.below, material: consensusCard(40), onSite: consensusCard(40), panelScores: [40_000, 40_000] },
];
const OBJECTOR = '林实名';
const RESOLUTION = '经核查，该单位顾客满意度数据与第三方调查不符，异议成立。';

let roundId: string;
let ids: Record<keyof typeof NAMES, string>;
let admin: string;
let supervisor: { email: string; name: string };

/** Runs a browser step and, when it fails, says what the page showed and what the browsers reported. */
async function explained(page: Page, step: () => Promise<void>) {
  try {
    await step();
    await checkPage(page);
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no page)');
    const problems = [...browser().problems, ...(visitor?.problems ?? [])];
    throw new Error(`${(error as Error).message}\n--- page ${page.url()} ---\n${shown.slice(0, 3000)}\n--- browser problems ---\n${problems.join('\n')}`);
  }
}

/** Opens a mailed link in the browser, landing where the person's role belongs. */
async function openLink(page: Page, email: string, lands: string) {
  await page.goto(await latestLink(email));
  await page.waitForURL(`${baseUrl()}${lands}`);
  expect(page.url()).not.toContain('token');
  await checkPage(page, 'after the link');
}

/** The text of a table's row headers (the organisations' names), in order. */
const rowNames = (table: Locator) => table.locator('tbody th[scope="row"] .org-name').allInnerTexts();

/** Sends a final form: its submit button, then the confirmation. */
async function sendFinal(form: Locator, submit: string) {
  await form.getByRole('button', { name: submit }).click();
  await form.getByRole('group').getByRole('button', { name: '确定' }).click();
}

/** Moves the round on from the outcome page's stage card, confirmed, and waits until the page shows the new stage. */
async function moveTo(page: Page, stage: string) {
  const move = page.locator(`[data-stage-move="${stage}"]`);
  await move.getByRole('button').click();
  await move.getByRole('group').getByRole('button', { name: '确定' }).click();
  await page.locator(`[data-outcome] [data-round-stage="${stage}"]`).waitFor();
}

/** Records one department's answer through the opinion form and waits for its cell. */
async function recordOpinionInBrowser(page: Page, applicationId: string, department: 'credit' | 'tax', objection: boolean, text: string) {
  const form = page.locator('form[data-form="opinion"]');
  await form.getByLabel('推荐候选', { exact: true }).selectOption(applicationId);
  await form.getByLabel('部门', { exact: true }).selectOption(department);
  await form.getByLabel(objection ? '有异议' : '无异议', { exact: true }).check();
  await form.getByLabel('复函文号及内容摘要').fill(text);
  await sendFinal(form, '记录部门意见');
  await page.locator(`[data-opinion="${applicationId}/${department}"][data-answer="${objection ? 'objection' : 'clear'}"]`).waitFor();
}

/** Records the committee's vote on one candidate through the vote form and waits for its result. */
async function voteInBrowser(page: Page, applicationId: string, votes: { for: number; against: number; abstain: number }, proposed: boolean) {
  const form = page.locator('form[data-form="vote"]');
  await form.getByLabel('候选', { exact: true }).selectOption(applicationId);
  await form.getByLabel('赞成票').fill(String(votes.for));
  await form.getByLabel('反对票').fill(String(votes.against));
  await form.getByLabel('弃权', { exact: true }).fill(String(votes.abstain));
  await sendFinal(form, '记录表决结果');
  await page.locator(`[data-vote-row="${applicationId}"] [data-proposed="${proposed}"]`).waitFor();
}

/** The chain's entry a published head names: the head must be an entry of the exported chain with that very hash. */
function expectHeadInChain(doc: PublishedDocument, entries: readonly AuditEntry[]) {
  expect(doc.chainHead.scope).toBe(roundScope(roundId));
  const entry = entries.find((e) => e.seq === doc.chainHead.sequence);
  expect(entry, `entry #${doc.chainHead.sequence} of the chain`).toBeDefined();
  expect(entry!.hash).toBe(doc.chainHead.hash);
  return entry!;
}

beforeAll(async () => {
  const round = await seedOutcomeRound({ applications: APPLICATIONS, config: { winnersQuota: 2, opinionDepartments: ['credit', 'tax'] } });
  roundId = round.roundId;
  const [top, credit, second, voted, below] = round.applicationIds as [string, string, string, string, string];
  ids = { top, credit, second, voted, below };
}, 60_000);

afterAll(async () => {
  await visitor?.close();
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe("a round's outcome in the browser, from the evaluation to the announcement", () => {
  it('the office records the evaluation, the opinions and the votes on the outcome page and opens the public notice', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      // The office signs in by its mailed link and opens the outcome page from the round's review board.
      const requested = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
      expect(requested.status, 'link request (MERIT_LINK_LIMIT_PER_ADDRESS in test/setup/local-stack.ts)').toBe(202);
      await openLink(page, inject('adminEmail'), '/admin');
      admin = (await browser().context.cookies(`${baseUrl()}/api/`)).map((c) => `${c.name}=${c.value}`).join('; ');
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}`);
      await page.locator(`[data-round-board="${roundId}"]`).getByRole('link', { name: '综合评价与公示' }).click();
      await page.waitForURL(`${baseUrl()}/office/rounds/${roundId}/outcome`);

      // The preview: exact finals, best first, the one below 500 no candidate, the ranking's advice for the quota of 2.
      const evaluation = page.locator('[data-section="evaluation"]');
      await evaluation.locator('[data-preview]').waitFor();
      const standings = evaluation.locator('table[data-standings]');
      await standings.locator('tbody tr').nth(4).waitFor();
      expect(await rowNames(standings)).toEqual([NAMES.top, NAMES.credit, NAMES.second, NAMES.voted, NAMES.below]);
      expect(await standings.locator('tbody td.num strong').allInnerTexts()).toEqual(['800.00', '700.00', '675.05', '600.00', '400.00']);
      expect(await standings.locator('[data-candidate]').evaluateAll((els) => els.map((e) => e.getAttribute('data-candidate')))).toEqual(['true', 'true', 'true', 'true', 'false']);
      expect(await evaluation.locator('[data-suggestion-proposed]').innerText()).toContain(`${NAMES.top}、${NAMES.credit}`);

      // Recorded after the confirmation, then final; the round moves on to the opinions.
      await sendFinal(page.locator('form[data-form="evaluation"]'), '记录综合评价');
      await page.getByRole('status').getByText('综合评价已记录。').waitFor();
      await evaluation.locator('[data-evaluation-recorded]').waitFor();
      expect(await evaluation.locator('[data-preview]').count()).toBe(0);
      expect(await page.locator('form[data-form="evaluation"]').count()).toBe(0);
      await moveTo(page, 'opinions');

      // The departments' answers: no objection on the top one, the credit authority's objection on the second,
      // whose other department must still answer (the move waits for every answer).
      const opinions = page.locator('[data-section="opinions"]');
      await opinions.locator(`[data-candidate-row="${ids.voted}"]`).waitFor();
      expect(await opinions.locator('[data-candidate-row]').count()).toBe(4);
      await recordOpinionInBrowser(page, ids.top, 'credit', false, '信用函〔2026〕21号：无不良信用记录。');
      await recordOpinionInBrowser(page, ids.credit, 'credit', true, '信用函〔2026〕22号：该单位存在失信记录。');
      await opinions.locator(`[data-candidate-row="${ids.credit}"] [data-outcome="objected"]`).waitFor();
      await recordOpinionInBrowser(page, ids.credit, 'tax', false, '税务复函〔2026〕8号：无欠税。');
    });

    // The rest of the answers through the API.
    for (const id of [ids.top, ids.second, ids.voted]) {
      for (const department of ['credit', 'tax']) {
        if (id === ids.top && department === 'credit') continue;
        const res = await recordOpinion(admin, roundId, id, department);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }

    await explained(page, async () => {
      await page.reload();
      const opinions = page.locator('[data-section="opinions"]');
      const outcomeOf = (id: string) => opinions.locator(`[data-candidate-row="${id}"] [data-outcome]`).getAttribute('data-outcome');
      await opinions.locator(`[data-candidate-row="${ids.voted}"] [data-outcome="cleared"]`).waitFor();
      expect([await outcomeOf(ids.top), await outcomeOf(ids.credit), await outcomeOf(ids.second), await outcomeOf(ids.voted)]).toEqual(['cleared', 'objected', 'cleared', 'cleared']);
      expect(await page.locator('form[data-form="opinion"]').count()).toBe(0);
      await moveTo(page, 'deliberation');

      // The committee votes on the three cleared candidates: the top one proposed, the fourth not (in the browser).
      const deliberation = page.locator('[data-section="deliberation"]');
      const votes = deliberation.locator('table[data-votes]');
      await votes.locator(`[data-vote-row="${ids.voted}"]`).waitFor();
      expect(await rowNames(votes)).toEqual([NAMES.top, NAMES.second, NAMES.voted]);
      await voteInBrowser(page, ids.top, { for: 15, against: 3, abstain: 1 }, true);
      await voteInBrowser(page, ids.voted, { for: 6, against: 12, abstain: 1 }, false);
      expect(await deliberation.locator(`[data-vote-row="${ids.voted}"] [data-vote-counts]`).innerText()).toContain('赞成 6 · 反对 12 · 弃权 1');
    });

    // The third through the API.
    const vote = await recordVote(admin, roundId, ids.second, { for: 14, against: 4, abstain: 1 });
    expect(vote.status, JSON.stringify(vote.body)).toBe(201);

    await explained(page, async () => {
      await page.reload();
      const deliberation = page.locator('[data-section="deliberation"]');
      await deliberation.locator(`[data-vote-row="${ids.second}"] [data-proposed="true"]`).waitFor();
      expect(await deliberation.locator('[data-proposed-count]').innerText()).toBe('已拟定获奖 2 个，名额上限 2 个。');
      await moveTo(page, 'publicNotice');

      // The notice is published with the move; the page lists the proposed winners and the open period.
      await page.locator('[data-section="publications"] [data-publication="notice"]').waitFor();
      const notice = page.locator('[data-section="notice"]');
      await notice.locator('[data-notice-period="open"]').waitFor();
      expect(await rowNames(notice.locator('table[data-proposed]'))).toEqual([NAMES.top, NAMES.second]);
      expect(browser().problems).toEqual([]);
    });
  });

  it('the public follows the home page’s 公示 link to the notice: the proposed winners, the period, how to object and the chain head', async () => {
    visitor = await launchBrowser();
    visitor.context.on('response', (res) => {
      if (res.status() === 404) visitorNotFound.push(new URL(res.url()).pathname);
    });
    const page = await visitor.newPage();
    const published = await fetchResult(`/results/${roundId}/notice.json`);
    expect(published.status).toBe(200);
    const doc = published.json as PublishedDocument;
    expect(doc.entries.map((e) => [e.rank, e.organisation.name, e.finalScore])).toEqual([
      [1, NAMES.top, '800.00'],
      [2, NAMES.second, '675.05'],
    ]);

    await explained(page, async () => {
      await page.goto(`${baseUrl()}/`);
      await page.locator(`li[data-round="${roundId}"]`).getByRole('link', { name: '公示' }).click();
      await page.waitForURL(`${baseUrl()}/notices/${roundId}`);

      const notice = page.locator('[data-published="notice"]');
      await notice.locator('table tbody tr').first().waitFor();
      expect(await notice.locator('table tbody th[scope="row"]').allInnerTexts()).toEqual([NAMES.top, NAMES.second]);
      expect(await notice.locator('table tbody tr td:last-child').allInnerTexts()).toEqual(['800.00', '675.05']);
      await notice.locator('[data-period="open"]').waitFor();
      expect(await notice.innerText()).toContain('7 天');
      await notice.getByRole('heading', { name: '如何提出异议' }).waitFor();
      expect(await notice.innerText()).toContain('实名提出');
      expect(await page.locator('[data-published="announcement"]').count()).toBe(0);

      const head = page.locator('[data-chain-head="notice"]');
      expect(await head.locator('code.hash').innerText()).toBe(doc.chainHead.hash);
      expect(await head.innerText()).toContain(String(doc.chainHead.sequence));
      expect(await head.innerText()).toContain(roundScope(roundId));
      expect(await page.locator('[data-chain-head="announcement"]').count()).toBe(0);
    });
  });

  it('the office records a real-name objection against a proposed winner, upholds it and, once the period is over, announces the winners', async () => {
    const page = await browser().newPage();
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/office/rounds/${encodeURIComponent(roundId)}/outcome`);
      const notice = page.locator('[data-section="notice"]');
      const form = notice.locator('form[data-form="objection"]');
      await form.getByLabel('被异议的拟获奖组织').selectOption(ids.top);
      await form.getByLabel('异议人（实名）').fill(OBJECTOR);
      await form.getByLabel('联系方式').fill('138-0000-0001, lin.shiming@example.org');
      await form.getByLabel('异议内容').fill('该单位申报材料中的顾客满意度数据与实际不符。');
      await form.getByLabel('证据材料').fill('附件一：第三方调查报告（编号 2026-117）。');
      await sendFinal(form, '登记书面异议');
      const objection = notice.locator('li[data-objection]');
      await objection.locator('[data-objector]').getByText(OBJECTOR).waitFor();
      expect(await objection.getAttribute('data-resolution')).toBe('open');

      // Upheld with its reason: the top one is not awarded.
      const resolve = objection.locator('form');
      await resolve.getByLabel('异议成立', { exact: true }).check();
      await resolve.getByLabel('理由').fill(RESOLUTION);
      await sendFinal(resolve, '记录处理结果');
      await notice.locator('li[data-objection][data-resolution="upheld"]').waitFor();
      await notice.locator(`[data-proposed-row="${ids.top}"] [data-not-awarded="true"]`).waitFor();
      expect(await notice.locator(`[data-proposed-row="${ids.second}"] [data-not-awarded]`).getAttribute('data-not-awarded')).toBe('false');
    });

    // Seven days pass.
    await endNoticePeriod(roundId);

    await explained(page, async () => {
      await page.reload();
      const notice = page.locator('[data-section="notice"]');
      await notice.locator('[data-notice-period="over"]').waitFor();
      expect(await notice.locator('form[data-form="objection"]').count()).toBe(0);
      await moveTo(page, 'announcement');
      await page.locator('[data-section="publications"] [data-publication="announcement"]').waitFor();
      expect(browser().problems).toEqual([]);
    });
  });

  it('the public page then shows the winners without the objected organisation, and the announcement’s chain head', async () => {
    const announced = await fetchResult(`/results/${roundId}/announcement.json`);
    expect(announced.status).toBe(200);
    const doc = announced.json as PublishedDocument;
    expect(doc.entries.map((e) => [e.rank, e.organisation.name, e.finalScore])).toEqual([[1, NAMES.second, '675.05']]);

    const page = await visitor!.newPage();
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/`);
      await page.locator(`li[data-round="${roundId}"]`).getByRole('link', { name: '表彰结果' }).click();
      await page.waitForURL(`${baseUrl()}/notices/${roundId}`);
      const announcement = page.locator('[data-published="announcement"]');
      await announcement.locator('table tbody tr').first().waitFor();
      expect(await announcement.locator('table tbody th[scope="row"]').allInnerTexts()).toEqual([NAMES.second]);
      expect(await announcement.innerText()).not.toContain(NAMES.top);
      // The notice stays published as it was, its period over.
      expect(await page.locator('[data-published="notice"] table tbody th[scope="row"]').allInnerTexts()).toEqual([NAMES.top, NAMES.second]);
      await page.locator('[data-period="over"]').waitFor();
      expect(await page.locator('[data-chain-head="announcement"] code.hash').innerText()).toBe(doc.chainHead.hash);
      // The page asks for the announcement while only the notice is published: that 404 ("not published yet",
      // which Chromium logs as a failed resource) is the only one, and nothing else went wrong.
      expect([...new Set(visitorNotFound)]).toEqual([`/results/${roundId}/announcement.json`]);
      expect(visitor!.problems.filter((p) => !p.includes('status of 404 (Not Found)'))).toEqual([]);
    });
  });

  it('a supervisor reads every section read-only with the objection and its resolution, and both publications match the chain', async () => {
    supervisor = { email: uniqueEmail('supervisor'), name: '公示监督员' };
    const invited = await api('POST', '/api/submission/people', { cookie: admin, body: { email: supervisor.email, name: supervisor.name, role: 'supervisor' } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);

    const page = await browser().newPage();
    await explained(page, async () => {
      await openLink(page, supervisor.email, '/supervise');
      await page.goto(`${baseUrl()}/supervise/rounds/${encodeURIComponent(roundId)}/outcome`);
      await page.locator('[data-outcome] [data-round-stage="announcement"]').waitFor();
      await page.locator('[data-outcome]').getByText('只读：监督员不能修改任何数据，只能记录监督意见。').waitFor();
      const sections = page.locator('[data-section]');
      await page.locator('[data-section="publications"] [data-publication="announcement"]').waitFor();
      expect(await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual(['evaluation', 'opinions', 'deliberation', 'notice', 'publications']);
      await page.locator(`[data-section="deliberation"] [data-vote-row="${ids.second}"] [data-proposed="true"]`).waitFor();
      expect(await rowNames(page.locator('[data-section="evaluation"] table[data-standings]'))).toEqual([NAMES.top, NAMES.credit, NAMES.second, NAMES.voted, NAMES.below]);
      expect(await page.locator(`[data-opinion="${ids.credit}/credit"]`).getAttribute('data-answer')).toBe('objection');

      // The objection with its objector and its resolution.
      const objection = page.locator('[data-section="notice"] li[data-objection]');
      expect(await objection.getAttribute('data-resolution')).toBe('upheld');
      expect(await objection.locator('[data-objector]').innerText()).toBe(OBJECTOR);
      await objection.getByText(RESOLUTION).waitFor();

      // No form, no record or move button: the only controls are a remark on the round (the supervisor's one write,
      // test/e2e/remarks.test.ts) and the two chain checks.
      await page.locator(`[data-remarks="${roundId}"] [data-remarks-none]`).waitFor();
      expect(await page.locator('main form, main input, main select, main textarea, [data-stage-move]').count()).toBe(0);
      expect(await page.locator('main button').allInnerTexts()).toEqual(['对本轮总体提出监督意见', '与审计链核对', '与审计链核对']);

      for (const kind of ['notice', 'announcement']) {
        const publication = page.locator(`[data-publication="${kind}"]`);
        await publication.getByRole('button', { name: '与审计链核对' }).click();
        await publication.locator('[data-head-check="ok"]').waitFor({ timeout: 15_000 });
        expect(await publication.locator('[data-head-check]').count()).toBe(1);
      }
      expect(browser().problems).toEqual([]);
    });

    // Outside the browser: the exported chain verifies, and each published document's head is an entry of it.
    const cookie = (await browser().context.cookies(`${baseUrl()}/api/`)).map((c) => `${c.name}=${c.value}`).join('; ');
    const entries = await exportChain(roundId, cookie);
    expect(await verifyChain(sha256, roundScope(roundId), entries)).toMatchObject({ ok: true, entries: entries.length });
    const notice = (await fetchResult(`/results/${roundId}/notice.json`)).json as PublishedDocument;
    const announcement = (await fetchResult(`/results/${roundId}/announcement.json`)).json as PublishedDocument;
    const noticeHead = expectHeadInChain(notice, entries);
    const announcementHead = expectHeadInChain(announcement, entries);
    expect(announcementHead.seq).toBeGreaterThan(noticeHead.seq);
    // Between the two heads: the objection, its resolution, the move to the announcement.
    const between = entries.filter((e) => e.seq > noticeHead.seq && e.seq <= announcementHead.seq).map((e) => e.action);
    expect(between).toEqual(expect.arrayContaining(['objection.filed', 'objection.resolved', 'round.stageMoved']));
  });

  it("a supervisor exports the round's chain, and anyone holding the file checks the published heads against it on the public page", async () => {
    // The supervisor (signed in by the previous test) downloads the export from the round's timeline.
    const page = await browser().newPage();
    let exported = '';
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/supervise/${encodeURIComponent(roundScope(roundId))}`);
      await page.getByRole('button', { name: '验证整条链' }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出/ }).click()]);
      expect(download.suggestedFilename()).toBe(`audit-round-${roundId}.jsonl`);
      exported = await readFile(await download.path(), 'utf8');
    });
    const tampered = exported
      .trimEnd()
      .split('\n')
      .map((line) => {
        const entry = JSON.parse(line) as AuditEntry;
        return JSON.stringify(entry.action === 'objection.resolved' ? { ...entry, actor: { personId: 'someone-else', role: 'admin' } } : entry);
      })
      .join('\n');
    const resolved = (JSON.parse(exported.split('\n').find((l) => l.includes('"objection.resolved"'))!) as AuditEntry).seq;

    // A visitor, not signed in, on the notice page: the file is read in the browser only.
    const visitorPage = await visitor!.newPage();
    await explained(visitorPage, async () => {
      await visitorPage.goto(`${baseUrl()}/notices/${roundId}`);
      const announcement = visitorPage.locator('[data-export-check="announcement"]');
      const notice = visitorPage.locator('[data-export-check="notice"]');
      await announcement.getByLabel('用导出的审计链文件核验').setInputFiles({ name: `audit-round-${roundId}.jsonl`, mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) });
      await announcement.locator('[data-head-check="ok"]').waitFor({ timeout: 15_000 });
      await notice.getByLabel('用导出的审计链文件核验').setInputFiles({ name: 'edited.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(tampered) });
      // The resolution came after the notice was published: the notice's head still matches, the later break is named.
      await notice.locator(`[data-head-check="ok"] [data-broken-after="${resolved}"]`).waitFor({ timeout: 15_000 });
      await announcement.getByLabel('用导出的审计链文件核验').setInputFiles({ name: 'edited.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(tampered) });
      await announcement.locator('[data-head-check="broken"]').waitFor({ timeout: 15_000 });
      expect(await announcement.locator('[data-head-check]').innerText()).toBe(`不一致：导出的审计链在第 ${resolved} 条记录处无法验证：记录内容与其哈希不符。`);
      // The command line is on its own page (issue #14 part 2), linked from the head.
      await visitorPage.locator('[data-chain-head="announcement"] [data-command-link]').click();
      expect(await visitorPage.locator('pre.command').innerText()).toBe(
        `npm run verify-audit -- --export audit-round-${roundId}.jsonl --published ${baseUrl()}/results/${roundId}/announcement.json`,
      );
    });
  });
});
