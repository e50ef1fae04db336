import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundReliabilityResponse } from '../../../../shared/api/reliability';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { ROUND, session } from '../review/fixtures';
import { ReliabilityPage } from './ReliabilityPage';

afterEach(cleanup);

const RELIABILITY = `GET /api/scoring/rounds/${ROUND}/reliability`;

const data: RoundReliabilityResponse = {
  roundId: ROUND,
  flagOffset: 10,
  teams: [
    { applicationId: 'A1', organisationName: '成都甲公司', stage: 'materialReview', raters: 3, alpha: { ok: true, value: 0.8491 }, icc: { ok: true, value: -0.0423 }, consensus: true },
    { applicationId: 'A2', organisationName: '<b>乙</b>公司', stage: 'onSite', raters: 1, alpha: { ok: false, reason: 'tooFewRaters' }, icc: { ok: false, reason: 'tooFewRaters' }, consensus: false },
  ],
  reviewers: [
    { reviewerId: 'E1', reviewerName: '张专家', cards: 1, count: 23, meanOffset: 15, spread: 0, flagged: true, divergentItems: [{ itemId: '4.1.2', meanOffset: 15 }] },
    { reviewerId: 'E2', reviewerName: '李专家', cards: 1, count: 23, meanOffset: -5.65, spread: 3.1, flagged: false, divergentItems: [] },
    { reviewerId: 'E3', reviewerName: '王专家', cards: 0, count: 0, meanOffset: null, spread: null, flagged: false, divergentItems: [] },
  ],
  drift: [{ applicationId: 'A1', organisationName: '成都甲公司', materialTotal: 50_000, onSiteTotal: 47_525, totalDrift: -2_475, meanItemDrift: -2.5, largestItem: { itemId: '4.7.2', meanOffset: -10 } }],
};

const render = (locale: 'zh-CN' | 'en', body: RoundReliabilityResponse = data) => {
  const view = renderWithState(<ReliabilityPage roundId={ROUND} back={`/supervise/rounds/${ROUND}`} />, { locale, fetch: routedFetch({ [RELIABILITY]: { status: 200, body } }) });
  view.state.signedIn(session('supervisor'));
  return view;
};

describe('the reviewer reliability view', () => {
  it('shows each team’s alpha and ICC in a chart and a table, "not enough data" in words, never NaN', async () => {
    render('en');
    const table = within((await screen.findByRole('table', { name: /Agreement within each team/ })) as HTMLElement);
    const first = document.querySelector('[data-team-row="A1/materialReview"]')!;
    expect(first.querySelector('[data-alpha]')!.textContent).toBe('0.85');
    expect(first.querySelector('[data-icc]')!.textContent).toBe('−0.04');
    expect(table.getByText('<b>乙</b>公司')).toBeTruthy();
    const second = document.querySelector('[data-team-row="A2/onSite"]')!;
    expect(second.querySelector('[data-alpha]')!.textContent).toBe('Not enough data (fewer than two cards)');
    expect(document.querySelector('[data-chart="reliability-teams"] svg')).toBeTruthy();
    expect(document.querySelector('[data-chart="reliability-teams"] figure')!.getAttribute('aria-hidden')).toBe('true');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined|\{\w+\}/);
  });

  it('flags the reviewer beyond the round offset in words, and shows a reviewer without a consensus without a number', async () => {
    render('en');
    await screen.findByRole('table', { name: /Leniency and severity/ });
    expect(screen.getByText(/beyond ±10 points are flagged/)).toBeTruthy();
    const flagged = document.querySelector('[data-reviewer="E1"]')!;
    expect(flagged.querySelector('[data-offset]')!.textContent).toBe('+15.0 lenient');
    expect(flagged.querySelector('[data-flag]')!.textContent).toBe('⚑ Beyond the threshold');
    expect(flagged.textContent).toContain('4.1.2 Role of senior leaders (+15)');
    expect(document.querySelector('[data-reviewer="E2"] [data-offset]')!.textContent).toBe('−5.7 severe');
    expect(document.querySelector('[data-reviewer="E2"] [data-flag]')!.textContent).toBe('');
    expect(document.querySelector('[data-reviewer="E3"] [data-offset]')!.textContent).toBe('No consensus to compare yet');
  });

  it('reads in Chinese too, with the drift from material review to the site visit', async () => {
    render('zh-CN');
    await screen.findByRole('heading', { name: '各评审组的一致性（α 与 ICC）' });
    expect(document.querySelector('[data-team-row="A2/onSite"] [data-icc]')!.textContent).toBe('数据不足（少于两位专家提交）');
    expect(document.querySelector('[data-reviewer="E1"] [data-flag]')!.textContent).toBe('⚑ 超出阈值');
    const drift = document.querySelector('[data-drift="A1"]')!;
    expect(drift.textContent).toContain('500.00');
    expect(drift.textContent).toContain('−24.75');
    expect(drift.textContent).toContain('4.7.2 产品和服务结果');
  });

  it('says in words when the round has nothing to show yet', async () => {
    render('en', { roundId: ROUND, flagOffset: 10, teams: [], reviewers: [], drift: [] });
    expect(await screen.findByText('No card of this round has been submitted yet.')).toBeTruthy();
    expect(screen.getByText('No card can be compared with a consensus yet.')).toBeTruthy();
    expect(screen.getByText('No applicant has both consensus results yet.')).toBeTruthy();
    expect(document.querySelectorAll('svg')).toHaveLength(0);
  });
});
