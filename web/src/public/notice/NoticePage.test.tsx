import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishedDocument } from '../../../../shared/api/outcome';
import type { Locale } from '../../../../shared/messages';
import { renderWithState } from '../../test-utils';
import { NoticePage, type FetchDocument } from './NoticePage';

beforeEach(() => window.history.replaceState(null, '', '/notices/city-2026'));
afterEach(cleanup);

const HEAD_NOTICE = 'a'.repeat(64);
const HEAD_ANNOUNCEMENT = 'b'.repeat(64);
const period = { openedAt: '2026-11-20T02:00:00.000Z', endsAt: '2026-11-27T02:00:00.000Z', days: 7 };

const doc = (kind: 'notice' | 'announcement', entries: PublishedDocument['entries'], head: string, sequence: number): PublishedDocument => ({
  kind,
  programmeId: 'city',
  programmeName: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Quality Award' },
  roundId: 'city-2026',
  roundName: { 'zh-CN': '2026 年度评审', en: 'The 2026 round' },
  publishedAt: kind === 'notice' ? period.openedAt : '2026-11-28T01:00:00.000Z',
  notice: period,
  entries,
  chainHead: { scope: 'round:city-2026', sequence, hash: head },
});

const alpha = { rank: 1, organisation: { name: '甲<b>制造</b>有限公司', district: '东区', industry: '制造业' }, finalScore: '812.35' };
const beta = { rank: 2, organisation: { name: '乙科技股份公司', district: '西区', industry: '信息技术' }, finalScore: '790.10' };

/** Answers the two published paths as the test says; records what was asked. */
function site(answers: Partial<Record<'notice' | 'announcement', PublishedDocument | number | Error>>) {
  const calls: string[] = [];
  const fetchDocument: FetchDocument = async (url) => {
    calls.push(url);
    const kind = url === '/results/city-2026/notice.json' ? 'notice' : url === '/results/city-2026/announcement.json' ? 'announcement' : undefined;
    const answer = kind ? answers[kind] : undefined;
    if (answer instanceof Error) throw answer;
    if (answer === undefined || typeof answer === 'number') return new Response('{"error":{}}', { status: answer ?? 404 });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetchDocument, calls };
}

function show(fetchDocument: FetchDocument, { now = '2026-11-22T00:00:00.000Z', locale = 'zh-CN' as Locale } = {}) {
  return renderWithState(
    <Router>
      <Route path="/notices/:roundId" component={() => <NoticePage fetch={fetchDocument} now={() => new Date(now)} />} />
      <Route default component={() => <p>not found</p>} />
    </Router>,
    { locale },
  );
}

/** An element the page shows once a part of it has loaded in its own chunk. */
const shown = (selector: string) =>
  waitFor(() => {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`${selector}: not shown yet`);
    return element;
  });

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('the public notice page', () => {
  it('shows the proposed winners, the open period in Beijing time, how to object and the chain head of a notice', async () => {
    const { fetchDocument, calls } = site({ notice: doc('notice', [alpha, beta], HEAD_NOTICE, 41) });
    show(fetchDocument);

    const table = await screen.findByRole('table', { name: '拟获奖组织' });
    expect(rows(table)).toEqual([
      ['1', '甲<b>制造</b>有限公司', '东区', '制造业', '812.35'],
      ['2', '乙科技股份公司', '西区', '信息技术', '790.10'],
    ]);
    // Organisation names are text, never markup.
    expect(table.querySelector('b')).toBeNull();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['名次', '组织名称', '所在区域', '行业', '综合得分']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('公示与表彰');
    expect(screen.getByText('示范市政府质量奖')).toBeTruthy();
    expect(screen.getByText('评审轮次：2026 年度评审')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '拟获奖组织公示' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '表彰结果' })).toBeNull();

    // 02:00 UTC is 10:00 in Beijing; the period is open on the 22nd.
    const open = document.querySelector('[data-period]')!;
    expect(open.getAttribute('data-period')).toBe('open');
    expect(open.textContent).toContain('2026年11月27日 10:00（北京时间）');
    expect(document.querySelector('time[datetime="2026-11-20T02:00:00.000Z"]')?.textContent).toBe('2026年11月20日 10:00（北京时间）');
    expect(screen.getByText('7 天')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '如何提出异议' })).toBeTruthy();
    for (const rule of ['以书面形式提出', '实名提出', '证据材料', '评审委员会办公室', '逾期不予受理']) expect(document.body.textContent).toContain(rule);
    expect(document.querySelector('[data-objections="closed"]')).toBeNull();

    // The chain's part comes in its own chunk once the documents show.
    const head = await shown('[data-chain-head="notice"]');
    expect(head.textContent).toContain('round:city-2026');
    expect(head.textContent).toContain('41');
    expect(head.textContent).toContain(HEAD_NOTICE);
    expect(head.querySelector('code:not(.hash)')?.textContent).toBe('round:city-2026');
    // The command line is on its own page now (issue #14 part 2); the notice links to it.
    expect(head.querySelector('pre')).toBeNull();
    expect(head.querySelector('[data-command-link]')?.getAttribute('href')).toBe('/verify/city-2026?kind=notice');
    expect(document.querySelector('[data-chain-head="announcement"]')).toBeNull();
    expect(calls.sort()).toEqual(['/results/city-2026/announcement.json', '/results/city-2026/notice.json']);
  });

  it('says the period is over and objections are no longer accepted once the clock passes its end', async () => {
    const { fetchDocument } = site({ notice: doc('notice', [alpha], HEAD_NOTICE, 41) });
    show(fetchDocument, { now: '2026-11-27T02:00:00.000Z' });
    await screen.findByRole('table');
    expect(document.querySelector('[data-period]')?.getAttribute('data-period')).toBe('over');
    expect(document.querySelector('[data-period]')?.textContent).toBe('公示期已于 2026年11月27日 10:00（北京时间） 结束。');
    expect(document.querySelector('[data-objections="closed"]')?.textContent).toBe('公示期已结束，不再受理异议。');
  });

  it('shows the winners first, then the notice, each with its own chain head, in English when the site is', async () => {
    const { fetchDocument } = site({
      notice: doc('notice', [alpha, beta], HEAD_NOTICE, 41),
      announcement: doc('announcement', [alpha], HEAD_ANNOUNCEMENT, 57),
    });
    // Within the period's dates, but the announcement closes the notice whatever the clock says.
    show(fetchDocument, { locale: 'en' });

    const winners = await screen.findByRole('table', { name: 'Winners' });
    expect(rows(winners)).toEqual([['1', '甲<b>制造</b>有限公司', '东区', '制造业', '812.35']]);
    expect(rows(screen.getByRole('table', { name: 'Proposed winners' }))).toHaveLength(2);
    await shown('[data-chain-head="announcement"]');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Winners announced', 'Public notice of the proposed winners', 'Checking it: the audit chain']);
    expect(screen.getByText('Demo City Quality Award')).toBeTruthy();
    expect(screen.getByText('Published: November 28, 2026 at 09:00 (Beijing time)')).toBeTruthy();
    expect(document.querySelector('[data-period]')?.getAttribute('data-period')).toBe('over');

    expect(document.querySelector('[data-chain-head="announcement"]')?.textContent).toContain(HEAD_ANNOUNCEMENT);
    expect(document.querySelector('[data-chain-head="announcement"]')?.textContent).toContain('57');
    expect(document.querySelector('[data-chain-head="announcement"] [data-command-link]')?.getAttribute('href')).toBe('/verify/city-2026?kind=announcement');
    expect(document.querySelector('[data-chain-head="notice"]')?.textContent).toContain(HEAD_NOTICE);
  });

  it('says nothing is published yet when both documents are missing (404, or 403 as S3 behind CloudFront answers)', async () => {
    const { fetchDocument } = site({ announcement: 403 });
    show(fetchDocument);
    expect((await screen.findByText(/尚未发布公示/)).getAttribute('data-published')).toBe('none');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('[data-chain-head]')).toBeNull();
  });

  it('shows an error with a retry when reading fails, and the documents after the retry', async () => {
    const answers: Parameters<typeof site>[0] = { notice: 500 };
    const { fetchDocument, calls } = site(answers);
    show(fetchDocument);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('INTERNAL');
    expect(screen.queryByText(/尚未发布公示/)).toBeNull();

    answers.notice = new TypeError('Failed to fetch');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('NETWORK');

    answers.notice = doc('notice', [alpha], HEAD_NOTICE, 41);
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await screen.findByRole('table', { name: '拟获奖组织' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => c.endsWith('notice.json'))).toHaveLength(3);
  });
});
