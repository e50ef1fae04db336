import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { ADD_MEMBER, defenseFixture, removedMemberFixture, removeMember, ROUND_DEFENSE } from '../../ui/review/defense/fixtures';
import { APP, person, ROUND, ROUND_REVIEWS, roundFixture, session } from '../../ui/review/fixtures';
import { RoundBoard } from './RoundBoard';

afterEach(cleanup);

const PEOPLE = 'GET /api/submission/people';
const people = {
  people: [
    person('D1', '赵审议', 'deliberator'),
    person('D5', '吴审议', 'deliberator'),
    person('D6', '郑审议', 'deliberator', 'revoked'),
    person('E1', '张专家'),
  ],
};
const panel = () => document.querySelector('[data-defense-panel]') as HTMLElement;
const found = <T,>(find: () => T | null | undefined): Promise<T> =>
  waitFor(() => {
    const el = find();
    if (!el) throw new Error('not there yet');
    return el;
  });

describe('the defense panel on the office’s board', () => {
  it('is not shown (nor read) before the on-site evaluation', async () => {
    const fetch = routedFetch({ [ROUND_REVIEWS]: { status: 200, body: roundFixture() }, [PEOPLE]: { status: 200, body: people } });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');
    expect(panel()).toBeNull();
    expect(fetch.calls.some((c) => c.key === ROUND_DEFENSE)).toBe(false);
  });

  it('shows the members and, per application, every seat’s status, submitted count against the minimum and the pending panel score', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage: 'defense' }) },
      [ROUND_DEFENSE]: { status: 200, body: defenseFixture() },
      [PEOPLE]: { status: 200, body: people },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));

    const section = await found(() => panel()?.querySelector(`[data-defense-app="${APP}"]`) ? panel() : null);
    expect(within(section).getByRole('heading', { name: 'Defense panel' })).toBeTruthy();
    expect([...section.querySelectorAll('[data-panel-member]')].map((m) => m.getAttribute('data-panel-member'))).toEqual(['D1', 'D2', 'D3', 'D4']);
    const seat = (id: string) => section.querySelector(`[data-seat="${id}"] .status-badge`)!.textContent;
    expect(seat('D1')).toBe('Submitted');
    expect(seat('D2')).toBe('Scoring');
    expect(seat('D3')).toBe('Conflict of interest');
    expect(seat('D4')).toBe('Awaiting declaration');
    expect(section.querySelector('[data-submitted-count]')!.textContent).toBe('1 submitted (at least 3)');
    expect(section.querySelector('[data-panel-score]')!.textContent).toBe('Panel score: pending');
    expect(section.textContent).toContain('On-site consensus score: 617.25');
  });

  it('shows the panel score once set, and keeps showing the panel after the defense, for the record', async () => {
    const data = defenseFixture();
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage: 'comprehensiveEvaluation' }) },
      [ROUND_DEFENSE]: { status: 200, body: { ...data, applications: [{ ...data.applications[0]!, panelScore: 80050 }] } },
      [PEOPLE]: { status: 200, body: people },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    const score = await found(() => document.querySelector('[data-panel-score]'));
    expect(score.textContent).toBe('Panel score: 800.50');
  });

  it('adds an active deliberator not yet on the panel with the body the route expects, shows a refusal, and reloads after success', async () => {
    const added = { roundId: ROUND, reviewerId: 'D5', reviewerName: '吴审议', addedAt: '2026-10-02T02:00:00.000Z', addedBy: 'P-admin' };
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage: 'onSite' }) },
      [ROUND_DEFENSE]: { status: 200, body: defenseFixture({ roundStage: 'onSite' }) },
      [PEOPLE]: { status: 200, body: people },
      [ADD_MEMBER]: [
        { status: 422, body: { error: { code: 'DELIBERATOR_UNKNOWN', message: { 'zh-CN': 'D5 不是本评审项目的在册审议员。', en: 'D5 is not an active deliberator of this programme.' } } } },
        { status: 201, body: added },
      ],
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));

    const form = await found(() => document.querySelector<HTMLFormElement>('form[data-panel-form]'));
    const select = within(form).getByLabelText('Deliberator') as HTMLSelectElement;
    // D1 is on the panel, D6 is revoked, E1 is an expert.
    expect([...select.options].map((o) => o.value)).toEqual(['', 'D5']);

    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('Choose a deliberator first.');
    expect(fetch.calls.filter((c) => c.key === ADD_MEMBER)).toHaveLength(0);

    fireEvent.change(select, { target: { value: 'D5' } });
    fireEvent.submit(form);
    const error = await found(() => form.querySelector('[data-error-code="DELIBERATOR_UNKNOWN"]'));
    expect(error.textContent).toContain('D5 is not an active deliberator of this programme.');
    expect(fetch.calls.find((c) => c.key === ADD_MEMBER)!.body).toEqual({ reviewerId: 'D5' });
    expect(fetch.calls.filter((c) => c.key === ROUND_DEFENSE)).toHaveLength(1);

    fireEvent.change(select, { target: { value: 'D5' } });
    fireEvent.submit(form);
    await screen.findByText('吴审议 was added to the defense panel.');
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === ROUND_DEFENSE)).toHaveLength(2));
  });

  it('takes a member off the panel with a required reason, sent as the route expects, then reloads; a removed member shows the reason, no control, and their score set aside', async () => {
    const removed = removedMemberFixture();
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage: 'defense' }) },
      [ROUND_DEFENSE]: [
        { status: 200, body: defenseFixture() },
        { status: 200, body: removed },
      ],
      [PEOPLE]: { status: 200, body: people },
      [removeMember('D4')]: { status: 200, body: removed.panel[3] },
    });
    const view = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));

    const open = await found(() => document.querySelector<HTMLButtonElement>('[data-remove-member="D4"]'));
    expect(document.querySelectorAll('[data-remove-member]')).toHaveLength(4);
    fireEvent.click(open);
    const form = await found(() => document.querySelector<HTMLFormElement>('form[data-remove-form="D4"]'));
    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('Write the reason for taking them off the panel.');
    expect(fetch.calls.filter((c) => c.key === removeMember('D4'))).toHaveLength(0);

    fireEvent.input(within(form).getByLabelText(/Reason for taking 李审议 off the defense panel/), { target: { value: '  答辩当日缺席 ' } });
    fireEvent.submit(form);
    await screen.findByText('李审议 was taken off the defense panel.');
    expect(fetch.calls.find((c) => c.key === removeMember('D4'))!.body).toEqual({ reason: '答辩当日缺席' });
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === ROUND_DEFENSE)).toHaveLength(2));

    const member = await found(() => document.querySelector('[data-panel-member="D4"][data-removed="true"]'));
    expect(member.querySelector('[data-removal="D4"]')!.textContent).toContain('Reason: 答辩当日缺席');
    expect(member.querySelector('[data-remove-member]')).toBeNull();
    expect(document.querySelectorAll('[data-remove-member]')).toHaveLength(3);
    expect(document.querySelector('[data-seat="D4"]')).toBeNull();
    const aside = document.querySelector('[data-score="D4"]')!;
    expect(aside.getAttribute('data-set-aside')).toBe('true');
    expect(aside.textContent).toContain('Set aside (not in the panel score)');
  });
});
