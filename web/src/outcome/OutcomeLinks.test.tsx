import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundStage } from '../../../shared/stages/round';
import { routedFetch } from '../apply/fakes';
import { RoundBoard } from '../office/rounds/RoundBoard';
import { RoundReviews } from '../supervise/reviews/RoundReviews';
import { renderWithState } from '../test-utils';
import { ROUND, ROUND_REVIEWS, roundFixture, session } from '../ui/review/fixtures';

afterEach(cleanup);

const at = (roundStage: RoundStage) => routedFetch({ [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage }) } });

describe('the way to the outcome page', () => {
  it('is on the office’s board from the comprehensive evaluation on, not before', async () => {
    const board = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch: at('comprehensiveEvaluation') });
    board.state.signedIn(session('admin'));
    expect((await screen.findByRole('link', { name: 'Evaluation, notice and announcement' })).getAttribute('href')).toBe(`/office/rounds/${ROUND}/outcome`);
    board.unmount();

    const before = renderWithState(<RoundBoard roundId={ROUND} />, { locale: 'en', fetch: at('defense') });
    before.state.signedIn(session('admin'));
    await screen.findByText('成都甲公司');
    expect(document.querySelector('[data-outcome-link]')).toBeNull();
  });

  it('is on the supervisors’ round overview from the comprehensive evaluation on, not before', async () => {
    renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch: at('announcement') }).state.signedIn(session('supervisor'));
    expect((await screen.findByRole('link', { name: 'Evaluation, notice and announcement' })).getAttribute('href')).toBe(`/supervise/rounds/${ROUND}/outcome`);
    cleanup();

    renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch: at('onSite') }).state.signedIn(session('supervisor'));
    await screen.findByText('成都甲公司');
    expect(document.querySelector('[data-outcome-link]')).toBeNull();
  });
});
