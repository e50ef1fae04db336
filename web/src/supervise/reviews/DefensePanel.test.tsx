import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { defenseFixture, removedMemberFixture, ROUND_DEFENSE } from '../../ui/review/defense/fixtures';
import { APP, declaration, ROUND, ROUND_REVIEWS, roundFixture, session } from '../../ui/review/fixtures';
import { RoundReviews } from './RoundReviews';

afterEach(cleanup);

describe('the defense panel in the supervisors’ overview', () => {
  it('shows every score with its comment, drafts marked, the deliberators’ declarations, and no control at all', async () => {
    for (const role of ['supervisor', 'admin'] as const) {
      const fetch = routedFetch({
        [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage: 'defense' }) },
        [ROUND_DEFENSE]: { status: 200, body: defenseFixture({ declarations: [declaration('D3', '孙审议', { conflicts: [{ source: 'declared', kind: 'shareholding' }] })] }) },
      });
      const view = renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch });
      view.state.signedIn(session(role));

      await screen.findByRole('heading', { name: 'Defense panel' });
      const app = await waitFor(() => {
        const el = document.querySelector(`[data-defense-app="${APP}"]`);
        if (!el) throw new Error('not there yet');
        return el;
      });
      const submitted = app.querySelector('[data-score="D1"]')!;
      expect(submitted.getAttribute('data-score-status')).toBe('submitted');
      expect(submitted.querySelector('[data-points]')!.textContent).toBe('812.35 points');
      expect(submitted.querySelector('[data-draft]')).toBeNull();
      // User text is text: the markup in the comment is shown, never rendered.
      expect(submitted.querySelector('.defense-comment')!.textContent).toBe('陈述清晰，<b>数据</b>充分。');
      expect(submitted.querySelector('b')).toBeNull();
      const draft = app.querySelector('[data-score="D2"]')!;
      expect(draft.getAttribute('data-score-status')).toBe('draft');
      expect(draft.querySelector('[data-draft]')!.textContent).toBe('Draft');
      expect(draft.textContent).toContain('700.00 points');
      expect(draft.textContent).toContain('草稿意见');
      expect(document.querySelector('[data-defense-declaration="D3/A1"]')).toBeTruthy();

      // No control but a supervisor's remark on the round (supervisors' remarks, with their own tests).
      expect(screen.queryAllByRole('button').filter((b) => !b.closest('[data-remarks]'))).toHaveLength(0);
      expect(document.querySelectorAll('form, select, input, textarea')).toHaveLength(0);
      expect(fetch.calls.map((c) => c.key)).toEqual(expect.arrayContaining([ROUND_DEFENSE, ROUND_REVIEWS]));
      expect(fetch.calls.every((c) => c.key.startsWith('GET '))).toBe(true);
      view.unmount();
    }
  });

  it('shows a member taken off the panel with the reason and their score set aside, and no control to take anyone off', async () => {
    const fetch = routedFetch({
      [ROUND_REVIEWS]: { status: 200, body: roundFixture({ roundStage: 'defense' }) },
      [ROUND_DEFENSE]: { status: 200, body: removedMemberFixture() },
    });
    const view = renderWithState(<RoundReviews roundId={ROUND} />, { locale: 'en', fetch });
    view.state.signedIn(session('supervisor'));

    const removal = await waitFor(() => {
      const el = document.querySelector('[data-removal="D4"]');
      if (!el) throw new Error('not there yet');
      return el;
    });
    expect(removal.textContent).toContain('by 办公室. Reason: 答辩当日缺席');
    expect(document.querySelector('[data-score="D4"]')!.getAttribute('data-set-aside')).toBe('true');
    expect(document.querySelectorAll('[data-remove-member], [data-remove-form]')).toHaveLength(0);
    expect(screen.queryAllByRole('button').filter((b) => !b.closest('[data-remarks]'))).toHaveLength(0);
  });
});
