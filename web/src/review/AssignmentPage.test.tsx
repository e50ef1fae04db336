import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { AssignmentPage } from './AssignmentPage';
import { APP, assignmentFixture, BASE, CARD, cardFixture, consensusFixture, fullItems, materialFixture, ME, MINE, TEAM, teamFixture } from './fixtures';
import { REVIEW_CRITERIA } from './scores';

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

const MATERIAL = `GET ${BASE}/material`;
const CONSENSUS = `POST ${BASE}/reviews/materialReview/consensus`;
const RECUSE = `POST ${BASE}/assignments/materialReview/${ME}/recusal`;
const mine = (over: Parameters<typeof assignmentFixture>[0]) => ({ status: 200, body: { assignments: [assignmentFixture(over)] } });
const submittedCard = cardFixture({ items: fullItems(50), status: 'submitted', version: 5, scored: 23, total: 50000, submittedAt: '2026-09-12T11:00:00.000Z' });

function page(fetch: ReturnType<typeof routedFetch>) {
  return renderWithState(<AssignmentPage applicationId={APP} stage="materialReview" />, { locale: 'en', fetch });
}

describe('one assignment', () => {
  it('tells a conflicted expert, after a reload too, which conflict blocked the assignment', async () => {
    const declaration = {
      roundId: 'city-2026',
      applicationId: APP,
      reviewerId: 'expert-li',
      reviewerName: '李专家',
      declaredAt: '2026-09-10T08:00:00.000Z',
      relations: [{ kind: 'consulting' as const }],
      confidentialitySigned: true,
      impartialitySigned: true,
      conflicts: [{ source: 'declared' as const, kind: 'consulting' as const }],
    };
    page(routedFetch({ [MINE]: { status: 200, body: { assignments: [{ ...assignmentFixture({ status: 'conflicted' }), declaration }] } } }));
    const notice = await waitFor(() => {
      const el = document.querySelector('[data-conflicted]');
      if (!el) throw new Error('not yet');
      return el;
    });
    expect(notice.querySelectorAll('li')).toHaveLength(1);
  });

  it('shows an active expert the material and the card but never the team’s cards', async () => {
    const fetch = routedFetch({
      [MINE]: mine({ status: 'active' }),
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: cardFixture() },
      [TEAM]: { status: 200, body: teamFixture() },
    });
    page(fetch);

    await screen.findByRole('heading', { name: 'Scorecard' });
    expect(screen.getByText('高层领导制定了质量方针。')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50)); // effects and answers that would follow have run
    expect(screen.queryByRole('heading', { name: 'Team scorecards' })).toBeNull();
    expect(fetch.calls.some((c) => c.key === TEAM)).toBe(false);
    expect(screen.getByRole('button', { name: 'Recuse myself…' })).toBeTruthy();
  });

  it('shows the team’s cards once the expert has submitted, without a consensus form for a member who is not the leader', async () => {
    const fetch = routedFetch({
      [MINE]: mine({ status: 'submitted' }),
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: submittedCard },
      [TEAM]: { status: 200, body: teamFixture() },
    });
    page(fetch);

    await screen.findByRole('heading', { name: 'Team scorecards' });
    expect(document.querySelector('th[data-card="expert-wang"] .member-name')!.textContent).toBe('王专家');
    expect(screen.queryByRole('heading', { name: 'Consensus (leader)' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Recuse myself…' })).toBeNull();
  });

  it('loads the team’s cards right after the expert submits', async () => {
    const fetch = routedFetch({
      [MINE]: mine({ status: 'active' }),
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: cardFixture({ items: fullItems(50), version: 5, scored: 23 }) },
      [`POST ${CARD}/submit`]: { status: 200, body: submittedCard },
      [TEAM]: { status: 200, body: teamFixture() },
    });
    page(fetch);

    fireEvent.click(await screen.findByRole('button', { name: 'Submit the scorecard…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    await screen.findByRole('heading', { name: 'Team scorecards' });
    expect(document.querySelector('[data-assignment-status]')!.textContent).toBe('Submitted');
    expect(document.querySelectorAll('.review-card select')).toHaveLength(0);
  });

  it('tells the leader to wait while a member is still scoring', async () => {
    const team = teamFixture();
    const fetch = routedFetch({
      [MINE]: mine({ status: 'submitted', leader: true }),
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: submittedCard },
      [TEAM]: { status: 200, body: { ...team, members: [...team.members, { ...team.members[0]!, reviewerId: 'expert-zhao', reviewerName: '赵专家', status: 'active' }] } },
    });
    page(fetch);

    await screen.findByRole('heading', { name: 'Team scorecards' });
    expect(document.querySelector('[data-consensus-waiting]')).toBeTruthy();
    expect(screen.getByText('1 member(s) have not submitted yet.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Consensus (leader)' })).toBeNull();
  });

  it('lets the leader record the consensus only with a rationale for each flagged item, then shows it read-only', async () => {
    // Prepare
    const recorded = consensusFixture();
    const fetch = routedFetch({
      [MINE]: mine({ status: 'submitted', leader: true }),
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: submittedCard },
      [TEAM]: { status: 200, body: teamFixture() },
      [CONSENSUS]: { status: 201, body: recorded },
    });
    page(fetch);
    await screen.findByRole('heading', { name: 'Consensus (leader)' });
    const flagged = document.querySelector('[data-consensus-row="4.1.2"]')!;
    expect(flagged.getAttribute('data-flagged')).toBe('true');
    expect(flagged.textContent).toContain('Independent scores 50–80%');

    // Act: every item at 50%, no rationale anywhere.
    for (const item of REVIEW_CRITERIA.items) {
      fireEvent.change(screen.getByLabelText(`${item.id} ${item.name.en} consensus percentage`), { target: { value: '50' } });
    }
    expect(document.querySelector('[data-consensus-live-total]')!.textContent).toBe('Total 500.00 of 1000');
    fireEvent.click(screen.getByRole('button', { name: 'Record the consensus…' }));

    // Assess: refused for the flagged item only, nothing sent.
    expect(flagged.querySelector('[data-problem]')!.textContent).toBe('This item is flagged: a rationale is required.');
    expect(document.querySelectorAll('[data-problem]')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toContain('1 thing(s) still need attention');
    expect(fetch.calls.some((c) => c.key === CONSENSUS)).toBe(false);

    // Act: the rationale is given; confirm.
    fireEvent.input(screen.getByLabelText('4.1.2 rationale'), { target: { value: ' 经讨论取中间值。 ' } });
    expect(document.querySelectorAll('[data-problem]')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Record the consensus…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));

    // Assess
    await waitFor(() => expect(document.querySelector('[data-consensus-recorded]')).toBeTruthy());
    const body = fetch.calls.find((c) => c.key === CONSENSUS)!.body as { items: Record<string, { percent: number; rationale: string }> };
    expect(Object.keys(body.items)).toHaveLength(23);
    expect(body.items['4.1.2']).toEqual({ percent: 50, rationale: '经讨论取中间值。' });
    expect(body.items['4.7.7']).toEqual({ percent: 50, rationale: '' });
    expect(screen.queryByRole('heading', { name: 'Consensus (leader)' })).toBeNull();
    expect(document.querySelector('[data-consensus-total]')!.textContent).toBe('500.00');
    expect(document.querySelector('[data-consensus-item="4.1.2"]')!.textContent).toContain('经讨论取中间值。');
  });

  it('recuses only with a reason, sending the stage and the expert’s own id', async () => {
    const fetch = routedFetch({
      [MINE]: mine({ status: 'active' }),
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: cardFixture() },
      [RECUSE]: ({ body }) => {
        const { roundStage: _s, card: _c, consensusRecorded: _r, ...view } = assignmentFixture();
        return { status: 200, body: { ...view, status: 'recused', recusal: { reason: (body as { reason: string }).reason, at: '2026-09-12T03:00:00.000Z', by: ME, byName: '李专家' } } };
      },
      [TEAM]: { status: 200, body: teamFixture({ scorecards: [] }) },
    });
    page(fetch);

    fireEvent.click(await screen.findByRole('button', { name: 'Recuse myself…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Recuse' }));
    expect(screen.getByRole('alert').textContent).toBe('State the reason.');
    expect(fetch.calls.some((c) => c.key === RECUSE)).toBe(false);

    fireEvent.input(screen.getByLabelText('Reason (required)'), { target: { value: '发现近亲属在该单位任职' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recuse' }));

    await waitFor(() => expect(document.querySelector('[data-recused]')).toBeTruthy());
    expect(fetch.calls.find((c) => c.key === RECUSE)!.body).toEqual({ reason: '发现近亲属在该单位任职' });
    expect(document.querySelector('[data-recused]')!.textContent).toContain('发现近亲属在该单位任职');
    expect(document.querySelector('[data-assignment-status]')!.textContent).toBe('Recused');
  });
});
