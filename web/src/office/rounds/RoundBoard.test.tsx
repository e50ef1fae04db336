import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssignmentView, RoundStageResponse, ShortlistResponse } from '../../../../shared/api/reviews';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { APP, member, person, ROUND, ROUND_REVIEWS, roundFixture, session, teamFixture, teamPath } from '../../ui/review/fixtures';
import { ApplicationList } from '../ApplicationList';
import { OfficeArea } from '../OfficeArea';
import { RoundBoard } from './RoundBoard';

afterEach(cleanup);

const PEOPLE = 'GET /api/submission/people';
const ASSIGN = `POST /api/scoring/applications/${APP}/assignments`;
const MOVE = `POST /api/publication/rounds/${ROUND}/stage`;
const SHORTLIST = `POST /api/scoring/rounds/${ROUND}/shortlist`;
const RECUSE = `POST /api/scoring/applications/${APP}/assignments/materialReview/E2/recusal`;
const people = {
  people: [
    person('E1', '张专家'),
    person('E5', '陈专家'),
    person('E6', '周专家', 'expert', 'revoked'),
    person('S1', '监督员', 'supervisor'),
  ],
};
const refusal = (status: number, code: string, zh: string, en: string, details?: unknown) => ({
  status,
  body: { error: { code, message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) } },
});
/** Waits until `find` returns an element. */
const found = <T,>(find: () => T | null | undefined): Promise<T> =>
  waitFor(() => {
    const el = find();
    if (!el) throw new Error('not there yet');
    return el;
  });
const teamOf = (applicationId: string) => document.querySelector(`[data-board-application="${applicationId}"] [data-team="materialReview"]`) as HTMLElement;

describe('the office’s review board', () => {
  it('says so on the draw panel when the programme’s people cannot be read (no supervisor to choose)', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: { 'zh-CN': '服务暂不可用。', en: 'The service is unavailable.' } } } },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    const panel = await found(() => document.querySelector<HTMLElement>('[data-draw-panel]'));
    expect((await within(panel).findByRole('alert')).textContent).toContain('The service is unavailable.');
  });

  it('reads the programme’s people and the round’s draw rules once, for the assignments, the draw and the experts’ load', async () => {
    const ROUND_GET = `GET /api/publication/rounds/${ROUND}`;
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 200, body: people },
      [ROUND_GET]: { status: 200, body: { config: { draw: { loadCap: 2, excludeSameDistrict: true, mix: { materialReview: [], onSite: [] } } } } },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));

    // The heading names the round as people do, not by its id.
    expect((await screen.findByRole('heading', { level: 2, name: 'Chengdu Government Quality Award 2026 · Material review' })).textContent).not.toContain(ROUND);
    const load = await found(() => document.querySelector('[data-load-cap="2"]'));
    expect(load.textContent).toBe('At most 2 assignments per expert in this round.');
    const supervisor = await found(() => document.querySelector('[data-draw-supervisor]'));
    await waitFor(() => expect([...supervisor.querySelectorAll('option')].map((o) => o.textContent)).toContain('监督员'));
    await waitFor(() => expect(document.querySelector('[data-draw-panel]')!.textContent).toContain('at most 2 assignments per expert'));
    expect(fetch.calls.filter((c) => c.key === PEOPLE)).toHaveLength(1);
    expect(fetch.calls.filter((c) => c.key === ROUND_GET)).toHaveLength(1);
  });

  it('shows each application’s team with names, the leader, every status, cards against the minimum and the consensus total', async () => {
    const data = roundFixture();
    const withConsensus = {
      ...data,
      applications: [
        {
          ...data.applications[0]!,
          stages: {
            materialReview: {
              ...data.applications[0]!.stages.materialReview!,
              members: [
                ...data.applications[0]!.stages.materialReview!.members,
                member('E3', '王专家', 'recused'),
                member('E7', '孙专家', 'awaitingDeclaration'),
              ],
              consensus: { total: 61725, recordedAt: '2026-09-20T02:00:00.000Z' },
            },
          },
        },
        data.applications[1]!,
      ],
    };
    const fetch = routedFetch({ [ROUND_REVIEWS]: { status: 200, body: withConsensus }, [PEOPLE]: { status: 200, body: people } });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));

    await screen.findByText('成都甲公司');
    const team = teamOf(APP);
    const status = (id: string) => team.querySelector(`[data-member="${id}"] .status-badge`)!.textContent;
    expect(status('E1')).toBe('Submitted');
    expect(status('E2')).toBe('Scoring');
    expect(status('E4')).toBe('Conflict');
    expect(status('E3')).toBe('Recused');
    expect(status('E7')).toBe('Awaiting declaration');
    expect(team.querySelector('[data-member="E1"] [data-leader]')!.textContent).toBe('Leader');
    expect(team.querySelector('[data-member="E2"] [data-leader]')).toBeNull();
    expect(team.querySelector('[data-cards]')!.textContent).toBe('1 card(s) submitted (at least 5 needed)');
    expect(team.querySelector('[data-consensus-total]')!.textContent).toBe('Consensus total 617.25');
    expect(within(team).getByRole('link', { name: 'Open the team’s work' }).getAttribute('href')).toBe(`/office/rounds/${ROUND}/reviews/${APP}/materialReview`);
    expect(teamOf('B2').textContent).toContain('No expert assigned yet.');
    expect(screen.getByText('Current stage: Material review')).toBeTruthy();
  });

  it('assigns an active expert not yet on the team with the body the route expects, shows a refusal, and reloads after success', async () => {
    const assigned: AssignmentView = member('E5', '陈专家', 'awaitingDeclaration', { leader: true });
    const after = roundFixture();
    const fetch = routedFetch({
      [ROUND_REVIEWS]: [{ status: 200, body: roundFixture() }, { status: 200, body: after }],
      [PEOPLE]: { status: 200, body: people },
      [ASSIGN]: [refusal(409, 'LEADER_TAKEN', '本阶段评审组已有组长。', 'The team for this stage already has a leader.'), { status: 201, body: assigned }],
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));

    await screen.findByText('成都甲公司');
    const form = await found(() => teamOf(APP).querySelector<HTMLFormElement>('form[data-assign]'));
    const select = within(form).getByLabelText('Expert') as HTMLSelectElement;
    // E1 is on the team already, E6 is revoked, S1 is no expert.
    expect([...select.options].map((o) => o.value)).toEqual(['', 'E5']);
    expect(form.textContent).toContain('This team already has a leader: 张专家');

    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('Choose an expert first.');
    expect(fetch.calls.filter((c) => c.key === ASSIGN)).toHaveLength(0);

    fireEvent.change(select, { target: { value: 'E5' } });
    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('Write why this expert is chosen by hand.');
    expect(fetch.calls.filter((c) => c.key === ASSIGN)).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('Why this expert is chosen by hand (required; supervisors see it)'), { target: { value: '熟悉该行业' } });
    fireEvent.click(within(form).getByLabelText('Team leader'));
    fireEvent.submit(form);

    const error = await found(() => form.querySelector('[data-error-code="LEADER_TAKEN"]'));
    expect(error.textContent).toContain('The team for this stage already has a leader.');
    expect(error.textContent).not.toContain('本阶段评审组已有组长。'); // the reader's language only
    expect(fetch.calls.find((c) => c.key === ASSIGN)!.body).toEqual({ stage: 'materialReview', reviewerId: 'E5', leader: true, reason: '熟悉该行业' });

    fireEvent.click(within(form).getByLabelText('Team leader'));
    fireEvent.input(within(form).getByLabelText('Why this expert is chosen by hand (required; supervisors see it)'), { target: { value: '熟悉该行业' } });
    fireEvent.submit(form);
    await screen.findByText('陈专家 was assigned.');
    expect(fetch.calls.filter((c) => c.key === ASSIGN).at(-1)!.body).toEqual({ stage: 'materialReview', reviewerId: 'E5', leader: false, reason: '熟悉该行业' });
    expect(fetch.calls.filter((c) => c.key === ROUND_REVIEWS)).toHaveLength(2);
  });

  it('shows a conflict of interest the server found, with the conflicts it names', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 200, body: people },
      [ASSIGN]: refusal(422, 'CONFLICT_OF_INTEREST', '存在利益冲突，须回避。', 'There is a conflict of interest; the reviewer must step aside.', {
        conflicts: [{ source: 'detected', kind: 'employment' }],
      }),
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    const form = await found(() => teamOf(APP).querySelector<HTMLFormElement>('form[data-assign]'));
    fireEvent.change(within(form).getByLabelText('Expert'), { target: { value: 'E5' } });
    fireEvent.input(within(form).getByLabelText('Why this expert is chosen by hand (required; supervisors see it)'), { target: { value: '熟悉该行业' } });
    fireEvent.submit(form);

    await waitFor(() => expect(form.querySelector('[data-error-code="CONFLICT_OF_INTEREST"]')).toBeTruthy());
    expect(form.querySelector('[data-conflict="detected:employment"]')!.textContent).toBe('Works or recently worked there (detected by the system)');
    expect(fetch.calls.filter((c) => c.key === ROUND_REVIEWS)).toHaveLength(1);
  });

  it('logs a recusal on an expert’s behalf only with a reason', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 200, body: people },
      [RECUSE]: { status: 200, body: member('E2', '李专家', 'recused') },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');
    const row = teamOf(APP).querySelector('[data-member="E2"]') as HTMLElement;
    // Only experts still to declare or scoring can be recused: not the one who submitted, not the conflicted one.
    expect(within(teamOf(APP).querySelector('[data-member="E1"]') as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(teamOf(APP).querySelector('[data-member="E4"]') as HTMLElement).queryByRole('button')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Recuse on their behalf' }));
    fireEvent.submit(row.querySelector('form')!);
    expect(within(row).getByRole('alert').textContent).toBe('Write the reason for the recusal.');
    expect(fetch.calls.filter((c) => c.key === RECUSE)).toHaveLength(0);

    fireEvent.input(within(row).getByLabelText(/^Reason for 李专家’s recusal/), { target: { value: '  其亲属在该公司任职  ' } });
    fireEvent.submit(row.querySelector('form')!);
    await screen.findByText('李专家’s recusal was logged.');
    expect(fetch.calls.find((c) => c.key === RECUSE)!.body).toEqual({ reason: '其亲属在该公司任职' });
  });

  it('moves the round with its version after confirming, shows a refusal in the reader’s language, and reloads after a move', async () => {
    const moved: RoundStageResponse = { roundId: ROUND, stage: 'onSite', stageSince: '2026-10-01T00:00:00.000Z', version: 4 };
    const fetch = routedFetch({
      [ROUND_REVIEWS]: [{ status: 200, body: roundFixture() }, { status: 200, body: roundFixture({ roundStage: 'onSite', roundVersion: 4 }) }],
      [PEOPLE]: { status: 200, body: people },
      [MOVE]: [refusal(422, 'SHORTLIST_EMPTY', '尚未确定现场评审名单。', 'No application has been chosen for a site visit.'), { status: 200, body: moved }],
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');

    fireEvent.click(screen.getByRole('button', { name: 'Move to “On-site evaluation”' }));
    expect(fetch.calls.filter((c) => c.key === MOVE)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    const error = await found(() => document.querySelector('[data-error-code="SHORTLIST_EMPTY"]'));
    expect(error.querySelector('.error-main')!.textContent).toBe('No application has been chosen for a site visit.');
    expect(error.textContent).not.toContain('尚未确定现场评审名单。'); // the reader's language only
    expect(fetch.calls.find((c) => c.key === MOVE)!.body).toEqual({ to: 'onSite', version: 3 });
    expect(fetch.calls.filter((c) => c.key === ROUND_REVIEWS)).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Move to “On-site evaluation”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('The round is now at “On-site evaluation”.');
    await waitFor(() => expect(document.querySelector('[data-round-stage]')!.getAttribute('data-round-stage')).toBe('onSite'));
    expect(fetch.calls.filter((c) => c.key === ROUND_REVIEWS)).toHaveLength(2);
    expect(document.querySelector('[data-error-code]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Move to “Presentation and defense”' })).toBeTruthy();
  });

  it('says what the move’s letters did, and sends the letters still owed from the board (again until none is pending)', async () => {
    const LETTERS = `POST /api/publication/rounds/${ROUND}/letters`;
    const moved: RoundStageResponse = { roundId: ROUND, stage: 'onSite', stageSince: '2026-10-01T00:00:00.000Z', version: 4, letters: { sent: 5, failed: 1, pending: 2 } };
    const fetch = routedFetch({
      [ROUND_REVIEWS]: [{ status: 200, body: roundFixture() }, { status: 200, body: roundFixture({ roundStage: 'onSite', roundVersion: 4 }) }],
      [PEOPLE]: { status: 200, body: people },
      [MOVE]: { status: 200, body: moved },
      [LETTERS]: [
        { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: { 'zh-CN': '服务暂不可用。', en: 'The service is unavailable.' } } } },
        { status: 200, body: { roundId: ROUND, sent: 3, certificates: 0, failed: 0, pending: 0 } },
        { status: 200, body: { roundId: ROUND, sent: 0, certificates: 0, failed: 0, pending: 0 } },
      ],
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');

    fireEvent.click(screen.getByRole('button', { name: 'Move to “On-site evaluation”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const panel = await found(() => document.querySelector<HTMLElement>('[data-round-letters]'));
    const run = await found(() => panel.querySelector('[data-letters-run]'));
    expect(run.textContent).toBe(
      '5 result letter(s) sent.1 could not be sent; send them again later.2 still to send: click “Send the letters still owed” again, or the system sends them within 15 minutes.',
    );

    const send = within(panel).getByRole('button', { name: 'Send the letters still owed' });
    fireEvent.click(send);
    expect((await within(panel).findByRole('alert')).textContent).toContain('The service is unavailable.');
    fireEvent.click(within(panel).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(panel.querySelector('[data-letters-run]')!.getAttribute('data-letters-run')).toBe('3/0/0'));
    expect(panel.querySelector('[data-letters-run]')!.textContent).toBe('3 result letter(s) sent.');
    expect(within(panel).queryByRole('alert')).toBeNull();

    fireEvent.click(send);
    await waitFor(() => expect(panel.querySelector('[data-letters-run]')!.textContent).toBe('No result letter is owed: every letter of this stage has gone out.'));
    expect(fetch.calls.filter((c) => c.key === LETTERS)).toHaveLength(3);
  });

  it('reads the round again when the move was refused as stale', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 200, body: people },
      [MOVE]: refusal(409, 'CONFLICT', '数据已被他人修改。', 'Someone else changed this meanwhile.'),
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');
    fireEvent.click(screen.getByRole('button', { name: 'Move to “On-site evaluation”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === ROUND_REVIEWS)).toHaveLength(2));
    expect(document.querySelector('[data-error-code="CONFLICT"]')).toBeTruthy();
  });

  it('chooses the site visits and shows the result best first, noting a tie that lengthened the list', async () => {
    const result: ShortlistResponse = {
      roundId: ROUND,
      size: 1,
      extendedByTie: true,
      decisions: [
        { applicationId: 'B2', organisation: { name: '成都乙公司', district: '青羊区', industry: '服务业' }, materialScore: 61725, shortlisted: true },
        { applicationId: APP, organisation: { name: '成都甲公司', district: '锦江区', industry: '制造业' }, materialScore: 61725, shortlisted: true },
        { applicationId: 'C3', organisation: { name: '成都丙公司', district: '武侯区', industry: '建筑业' }, materialScore: 48000, shortlisted: false },
      ],
    };
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 200, body: people },
      [SHORTLIST]: { status: 200, body: result },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');

    fireEvent.click(screen.getByRole('button', { name: 'Choose the site visits' }));
    await screen.findByText('1 places, 2 shortlisted.');
    const rows = [...document.querySelectorAll('[data-shortlist-result] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['1', '成都乙公司', '617.25', 'Shortlisted for a site visit'],
      ['2', '成都甲公司', '617.25', 'Shortlisted for a site visit'],
      ['3', '成都丙公司', '480.00', 'Not shortlisted'],
    ]);
    expect(document.querySelector('[data-extended-by-tie]')).toBeTruthy();
    expect(fetch.calls.filter((c) => c.key === ROUND_REVIEWS)).toHaveLength(2);
  });

  it('offers a supervisor no control at all, and never asks for the experts', async () => {
    const fetch = routedFetch({ [ROUND_REVIEWS]: { status: 200, body: roundFixture() }, [PEOPLE]: { status: 200, body: people } });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('supervisor'));
    await screen.findByText('成都甲公司');
    // The one button a supervisor has is the draws' replay (it reads and recomputes; it changes nothing).
    await screen.findByRole('button', { name: 'Replay every draw' });

    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(['Replay every draw']);
    expect(document.querySelectorAll('form, select, input, textarea')).toHaveLength(0);
    expect(screen.getByText('Read-only: supervisors change nothing; they may record remarks.')).toBeTruthy();
    expect(fetch.calls.some((c) => c.key === PEOPLE)).toBe(false);
    expect(document.querySelector('[data-member="E2"] .status-badge')!.textContent).toBe('Scoring');
  });

  it('says so when no application is eligible yet, and shows a failure with a retry', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: [
        refusal(500, 'INTERNAL', '服务器内部错误。', 'Internal error.'),
        { status: 200, body: roundFixture({ applications: [] }) },
      ],
    });
    renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('INTERNAL');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No application of this round has passed the eligibility check yet.')).toBeTruthy();
  });
});

describe('the office’s list of applications', () => {
  it('links to the review board of the round it lists', async () => {
    const list = { roundId: ROUND, funnel: { registered: 0, submitted: 0, withdrawn: 0, eligible: 0, ineligible: 0, submittedPercent: 0 }, applications: [] };
    renderWithState(<ApplicationList />, { locale: 'en', fetch: routedFetch({ 'GET /api/submission/applications': { status: 200, body: list } }) });
    expect((await screen.findByRole('link', { name: 'Review board of this round' })).getAttribute('href')).toBe(`/office/rounds/${ROUND}`);
  });
});

describe('the office’s routes', () => {
  const routes = (
    <Router>
      <Route path="/office/:applicationId" component={OfficeArea} />
      <Route path="/office/rounds/:roundId" component={OfficeArea} />
      <Route path="/office/rounds/:roundId/reviews/:applicationId/:stage" component={OfficeArea} />
    </Router>
  );

  it('opens the board of a round and one team’s work (not an application’s package) at their addresses', async () => {
    history.replaceState(null, '', `/office/rounds/${ROUND}`);
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture() },
      [PEOPLE]: { status: 200, body: people },
      [teamPath(APP, 'materialReview')]: { status: 200, body: teamFixture() },
    });
    const view = renderWithState(routes, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    expect(await screen.findByRole('heading', { name: 'Review board' })).toBeTruthy();
    await screen.findByText('成都甲公司');
    view.unmount();

    history.replaceState(null, '', `/office/rounds/${ROUND}/reviews/${APP}/materialReview`);
    const team = renderWithState(routes, { locale: 'en', fetch });
    team.state.signedIn(session('supervisor'));
    expect(await screen.findByText('成都甲公司 · Material review')).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Back to the review board' }).getAttribute('href')).toBe(`/office/rounds/${ROUND}`);
    expect(fetch.calls.some((c) => c.key.startsWith('GET /api/submission/applications/'))).toBe(false);
  });
});
