import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { defenseAppFixture, defenseFixture, defenseScore } from '../../ui/review/defense/fixtures';
import { DefensePage } from './DefensePage';
import { APP, DECLARE, declarationFixture, DEF_MINE, ME, mineFixture, ROUND_DEFENSE, SCORE, scoreFixture, seatFixture } from './fixtures';

afterEach(cleanup);

const page = (fetch: ReturnType<typeof routedFetch>) => renderWithState(<DefensePage applicationId={APP} />, { locale: 'en', fetch });
const sign = async () => {
  fireEvent.click(await screen.findByLabelText(/^Confidentiality:/));
  fireEvent.click(screen.getByLabelText(/^Impartiality:/));
  fireEvent.click(screen.getByRole('button', { name: 'Sign and send the declaration' }));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
};

describe('the deliberator’s page for one application', () => {
  it('asks for the declaration first (to the defense route), then opens the score', async () => {
    const fetch = routedFetch({
      [DEF_MINE]: { status: 200, body: mineFixture([seatFixture({ status: 'awaitingDeclaration' })]) },
      [DECLARE]: { status: 201, body: { declaration: declarationFixture(), status: 'scoring' } },
      [`GET ${SCORE}`]: { status: 200, body: scoreFixture() },
    });
    page(fetch);

    await screen.findByRole('heading', { name: 'Conflict-of-interest declaration' });
    expect(document.querySelector('[data-seat-status]')!.textContent).toBe('Awaiting declaration');
    expect(fetch.calls.map((c) => c.key)).toEqual([DEF_MINE]);
    await sign();

    await screen.findByText('Declaration recorded: no conflict of interest. You can now score.');
    expect(fetch.calls.find((c) => c.key === DECLARE)!.body).toEqual({ relations: [], confidentialitySigned: true, impartialitySigned: true });
    expect(fetch.calls.some((c) => c.key === 'POST /api/scoring/applications/' + APP + '/declaration')).toBe(false);
    await screen.findByRole('heading', { name: 'Defense score' });
    expect(screen.getByLabelText('Score (0–1000 points, at most two decimals)')).toBeTruthy();
    expect(document.querySelector('[data-seat-status]')!.textContent).toBe('Scoring');
  });

  it('explains a conflict and offers no score', async () => {
    const conflicted = declarationFixture({ relations: [{ kind: 'shareholding' }], conflicts: [{ source: 'declared', kind: 'shareholding' }] });
    const fetch = routedFetch({
      [DEF_MINE]: { status: 200, body: mineFixture([seatFixture({ status: 'awaitingDeclaration' })]) },
      [DECLARE]: { status: 201, body: { declaration: conflicted, status: 'conflicted' } },
    });
    page(fetch);
    fireEvent.click(await screen.findByLabelText('Holds shares in it'));
    await sign();

    await waitFor(() => expect(document.querySelector('[data-conflicted]')).toBeTruthy());
    expect(document.querySelector('[data-conflicted]')!.textContent).toContain('you do not score its defense');
    expect(document.querySelector('[data-conflicted]')!.textContent).toContain('Holds shares in it');
    expect(fetch.calls.some((c) => c.key === `GET ${SCORE}`)).toBe(false);
    expect(screen.queryByLabelText('Score (0–1000 points, at most two decimals)')).toBeNull();
  });

  it('after submitting shows the score read-only and the others’ submitted scores, not their drafts', async () => {
    const mine = defenseScore(ME, '赵审议', 'submitted', 81235, { applicationId: APP });
    const round = defenseFixture({
      applications: [
        defenseAppFixture({
          applicationId: APP,
          scores: [mine, defenseScore('D2', '钱审议', 'submitted', 75000, { applicationId: APP, comment: '表达流畅' }), defenseScore('D3', '孙审议', 'draft', 60000, { applicationId: APP })],
        }),
      ],
    });
    const fetch = routedFetch({
      [DEF_MINE]: { status: 200, body: mineFixture([seatFixture({ status: 'submitted' })]) },
      [`GET ${SCORE}`]: { status: 200, body: scoreFixture({ ...mine, version: 3 }) },
      [ROUND_DEFENSE]: { status: 200, body: round },
    });
    page(fetch);

    const others = await waitFor(() => {
      const el = document.querySelector('[data-others] [data-score]');
      if (!el) throw new Error('not there yet');
      return el.closest('[data-others]')!;
    });
    expect(document.querySelector('[data-own-points]')!.textContent).toBe('812.35 points');
    expect(document.querySelectorAll('input, textarea')).toHaveLength(0);
    expect([...others.querySelectorAll('[data-score]')].map((s) => s.getAttribute('data-score'))).toEqual(['D2']);
    expect(others.textContent).toContain('750.00 points');
    expect(others.textContent).toContain('表达流畅');
  });

  it('does not read the others’ scores before submitting, and keeps scoring closed outside the defense stage', async () => {
    const fetch = routedFetch({
      [DEF_MINE]: { status: 200, body: mineFixture([seatFixture({ status: 'scoring' })], 'onSite') },
      [`GET ${SCORE}`]: { status: 200, body: scoreFixture() },
    });
    page(fetch);
    await screen.findByText('The round is not at the defense stage; scoring is not open.');
    expect(document.querySelectorAll('input, textarea')).toHaveLength(0);
    expect(fetch.calls.some((c) => c.key === ROUND_DEFENSE)).toBe(false);
  });

  it('says so for an application not before the deliberator’s panel', async () => {
    page(routedFetch({ [DEF_MINE]: { status: 200, body: mineFixture([]) } }));
    expect(await screen.findByText('You are not on the defense panel for this application.')).toBeTruthy();
  });
});
