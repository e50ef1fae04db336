import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundReviewsResponse } from '../../../../shared/api/reviews';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { APP, declaration, member, ROUND, ROUND_REVIEWS, roundFixture, session, teamFixture, teamPath } from '../../ui/review/fixtures';
import { ChainList } from '../ChainList';
import { ChainView } from '../ChainView';
import { SuperviseArea } from '../SuperviseArea';
import { RoundReviews } from './RoundReviews';

afterEach(cleanup);

const ROUND_REMARKS = `GET /api/publication/rounds/${ROUND}/remarks`;
const noRemarks = { roundId: ROUND, roundStage: 'materialReview', remarks: [], open: 0 };

const withHistory = (): RoundReviewsResponse =>
  roundFixture({
    declarations: [
      declaration('E1', '张专家'),
      declaration('E4', '赵专家', {
        declaredAt: '2026-09-03T02:00:00.000Z',
        relations: [{ kind: 'shareholding', note: '<script>alert(1)</script>持有少量股份' }],
        conflicts: [{ source: 'declared', kind: 'shareholding' }],
      }),
    ],
    recusals: [
      {
        applicationId: APP,
        stage: 'materialReview',
        reviewerId: 'E3',
        reviewerName: '王专家',
        reason: '其配偶近期入职该公司',
        at: '2026-09-05T02:00:00.000Z',
        by: 'P-admin',
        byName: '办公室',
      },
    ],
  });

describe('the supervisors’ overview of a round’s reviews', () => {
  it('shows the same board strictly read-only, even to an administrator reading the workspace', async () => {
    for (const role of ['supervisor', 'admin'] as const) {
      const fetch = routedFetch({ [ROUND_REVIEWS]: { status: 200, body: withHistory() }, [ROUND_REMARKS]: { status: 200, body: noRemarks } });
      const view = renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch });
      view.state.signedIn(session(role));
      await screen.findByRole('heading', { name: '成都甲公司' });

      // The one control is a supervisor's: a remark on the round (the office reads the remarks here, it answers them on the outcome page).
      await screen.findByText('No remark on this round yet.', {}, { timeout: 10_000 });
      // (The draws' replay, which only reads and recomputes, may have loaded by now too.)
      const controls = screen.queryAllByRole('button').filter((b) => !b.hasAttribute('data-draw-replay-run'));
      expect(controls.map((b) => b.textContent)).toEqual(role === 'supervisor' ? ['Remark on the round in general'] : []);
      expect(document.querySelectorAll('form, select, input, textarea')).toHaveLength(0);
      expect(document.querySelector('[data-member="E2"] .status-badge')!.textContent).toBe('Scoring');
      expect(document.querySelector('[data-member="E1"] [data-leader]')).toBeTruthy();
      // Reads only: the board, and the remarks with the names they mention.
      expect(fetch.calls.map((c) => c.key)).toEqual(expect.arrayContaining([ROUND_REVIEWS, ROUND_REMARKS]));
      expect(fetch.calls.every((c) => c.key.startsWith('GET '))).toBe(true);
      view.unmount();
    }
  });

  it('lists every declaration and every recusal of the round (who, which applicant, when, what) and links to each team', async () => {
    renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch: routedFetch({ [ROUND_REVIEWS]: { status: 200, body: withHistory() } }) });
    await screen.findByRole('heading', { name: '成都甲公司' });

    const conflicted = document.querySelector(`[data-declaration="E4/${APP}"]`) as HTMLElement;
    const cells = conflicted.querySelectorAll(':scope > td');
    expect(cells[1]!.textContent).toBe('赵专家');
    expect(cells[2]!.textContent).toBe('成都甲公司');
    expect(within(conflicted).getByText('Holds shares in it (declared)')).toBeTruthy();
    expect(conflicted.textContent).toContain('<script>alert(1)</script>持有少量股份');
    expect(conflicted.querySelector('script')).toBeNull();
    expect(document.querySelector(`[data-declaration="E1/${APP}"] [data-conflicts="0"]`)!.textContent).toBe('Clear');

    const recusal = document.querySelector(`[data-recusal="E3/${APP}/materialReview"]`) as HTMLElement;
    expect([...recusal.querySelectorAll('td')].slice(1).map((c) => c.textContent)).toEqual(['王专家', '成都甲公司', 'Material review', '其配偶近期入职该公司', '办公室']);
    expect(within(recusal).getByRole('link').getAttribute('href')).toBe(`/supervise/rounds/${ROUND}/reviews/${APP}/materialReview`);

    const team = document.querySelector(`[data-board-application="${APP}"] [data-team="materialReview"]`) as HTMLElement;
    expect(within(team).getByRole('link', { name: 'Open the team’s work' }).getAttribute('href')).toBe(`/supervise/rounds/${ROUND}/reviews/${APP}/materialReview`);
  });

  it('says so when nobody has declared or recused yet', async () => {
    renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch: routedFetch({ [ROUND_REVIEWS]: { status: 200, body: roundFixture() } }) });
    expect(await screen.findByText('No expert has declared in this round yet.')).toBeTruthy();
    expect(screen.getByText('No recusal has been logged in this round.')).toBeTruthy();
  });

  it('shows the on-site team of a shortlisted application and the shortlist decision', async () => {
    const data = roundFixture();
    const shortlisted: RoundReviewsResponse = {
      ...data,
      roundStage: 'onSite',
      applications: [
        {
          ...data.applications[0]!,
          shortlist: { shortlisted: true, decidedAt: '2026-09-25T02:00:00.000Z' },
          stages: { ...data.applications[0]!.stages, onSite: { members: [member('E9', '吴专家', 'active', { stage: 'onSite', leader: true })], submittedCards: 0 } },
        },
        { ...data.applications[1]!, shortlist: { shortlisted: false, decidedAt: '2026-09-25T02:00:00.000Z' } },
      ],
    };
    renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch: routedFetch({ [ROUND_REVIEWS]: { status: 200, body: shortlisted } }) });
    await screen.findByRole('heading', { name: '成都甲公司' });
    expect(document.querySelector(`[data-board-application="${APP}"] [data-shortlisted="true"]`)).toBeTruthy();
    expect(document.querySelector(`[data-board-application="${APP}"] [data-team="onSite"] [data-member="E9"]`)).toBeTruthy();
    expect(document.querySelector('[data-board-application="B2"] [data-shortlisted="false"]')!.textContent).toBe('Not shortlisted');
    expect(document.querySelector('[data-board-application="B2"] [data-team="onSite"]')).toBeNull();
  });

  it('shows a failure and reads again on retry', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: [
        { status: 404, body: { error: { code: 'NOT_FOUND', message: { 'zh-CN': '未找到请求的内容。', en: 'Not found.' } } } },
        { status: 200, body: roundFixture() },
      ],
    });
    renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch });
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('NOT_FOUND');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: '成都甲公司' })).toBeTruthy();
  });
});

describe('the supervisors’ chain list', () => {
  it('links each round’s chain to the reviews of that round, and the programme’s chain to none', async () => {
    const chains = [
      { scope: 'programme:city', kind: 'programme', name: { 'zh-CN': '市政府质量奖', en: 'City award' }, entries: 3 },
      { scope: `round:${ROUND}`, kind: 'round', name: { 'zh-CN': '第一届', en: 'First round' }, entries: 5 },
    ];
    renderWithState(<ChainList />, { locale: 'en', fetch: routedFetch({ 'GET /api/publication/audit': { status: 200, body: { chains } } }) });
    await screen.findByText('First round');
    const links = screen.getAllByRole('link', { name: 'Reviews of this round' });
    expect(links.map((l) => l.getAttribute('href'))).toEqual([`/supervise/rounds/${ROUND}`]);
    expect(within(document.querySelector('[data-chain="programme:city"]') as HTMLElement).queryByText('Reviews of this round')).toBeNull();
  });
});

describe('the supervisors’ chain view', () => {
  it('links a round’s chain to the reviews of that round', async () => {
    const fetch = routedFetch({ [`GET /api/publication/audit/round%3A${ROUND}/entries`]: { status: 200, body: { scope: `round:${ROUND}`, entries: [] } } });
    renderWithState(<ChainView scope={`round:${ROUND}`} />, { locale: 'en', fetch });
    expect((await screen.findByRole('link', { name: 'Reviews of this round' })).getAttribute('href')).toBe(`/supervise/rounds/${ROUND}`);
    cleanup();
    renderWithState(<ChainView scope="programme:city" />, { locale: 'en', fetch });
    expect(screen.queryByRole('link', { name: 'Reviews of this round' })).toBeNull();
  });
});

describe('the supervisors’ workspace routes', () => {
  const routes = (
    <Router>
      <Route path="/supervise/:scope" component={SuperviseArea} />
      <Route path="/supervise/rounds/:roundId" component={SuperviseArea} />
      <Route path="/supervise/rounds/:roundId/reviews/:applicationId/:stage" component={SuperviseArea} />
    </Router>
  );

  it('opens a round’s overview and one team’s work at their addresses', async () => {
    history.replaceState(null, '', `/supervise/rounds/${ROUND}`);
    const fetch = routedFetch({ [ROUND_REVIEWS]: { status: 200, body: roundFixture() }, [teamPath(APP, 'onSite')]: { status: 200, body: teamFixture({ stage: 'onSite' }) } });
    const view = renderWithState(routes, { locale: 'en', fetch });
    view.state.signedIn(session('supervisor'));
    expect(await screen.findByRole('heading', { name: 'Reviews of the round' })).toBeTruthy();
    await screen.findByRole('heading', { name: '成都甲公司' });
    view.unmount();

    history.replaceState(null, '', `/supervise/rounds/${ROUND}/reviews/${APP}/onSite`);
    const team = renderWithState(routes, { locale: 'en', fetch });
    team.state.signedIn(session('supervisor'));
    expect(await screen.findByText('成都甲公司 · On-site evaluation')).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Back to the round’s reviews' }).getAttribute('href')).toBe(`/supervise/rounds/${ROUND}`);
    // A supervisor's only controls: a remark on each step of the team's work.
    expect(screen.queryAllByRole('button').every((b) => b.closest('[data-team-remarks]') && b.textContent === 'Write a remark')).toBe(true);
  });
});
