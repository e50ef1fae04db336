import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DefenseScoreView } from '../../../../shared/api/defense';
import { bilingual } from '../../../../shared/messages';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { DefenseScoreEditor } from './DefenseScoreEditor';
import { APP, SCORE, scoreFixture } from './fixtures';

afterEach(cleanup);

const SAVE = `PUT ${SCORE}`;
const SUBMIT = `POST ${SCORE}/submit`;
const stale = { status: 409, body: { error: { code: 'CONFLICT', message: bilingual('CONFLICT'), details: { currentVersion: 5, yourVersion: 4 } } } };
const echo = (version: number) => ({ body }: { body: unknown }) => {
  const b = body as { score: number | null; comment: string };
  return { status: 200, body: scoreFixture({ ...(b.score === null ? {} : { score: b.score }), comment: b.comment, version, updatedAt: '2026-10-20T02:00:00.000Z' }) };
};

function editor(score: DefenseScoreView, fetch: ReturnType<typeof routedFetch>, extra: { onSubmitted?: (s: DefenseScoreView) => void; editable?: boolean } = {}) {
  return renderWithState(
    <DefenseScoreEditor applicationId={APP} score={score} editable={extra.editable ?? true} onSubmitted={extra.onSubmitted ?? vi.fn()} autosaveMs={5} />,
    { locale: 'en', fetch },
  );
}
const points = () => screen.getByLabelText('Score (0–1000 points, at most two decimals)') as HTMLInputElement;
const comment = () => screen.getByLabelText('Comment') as HTMLTextAreaElement;
const saveState = () => document.querySelector('[data-save-state]')!.getAttribute('data-save-state');
const saves = (fetch: ReturnType<typeof routedFetch>) => fetch.calls.filter((c) => c.key === SAVE);

describe('the deliberator’s defense score', () => {
  it('autosaves points as hundredths with the comment on the version read, then on the version each save returns', async () => {
    const fetch = routedFetch({ [SAVE]: [echo(1), echo(2)] });
    editor(scoreFixture(), fetch);

    fireEvent.input(points(), { target: { value: '812.35' } });
    fireEvent.input(comment(), { target: { value: '  陈述清晰 ' } });

    await waitFor(() => expect(saveState()).toBe('saved'));
    expect(saves(fetch)).toHaveLength(1);
    expect(saves(fetch)[0]!.body).toEqual({ score: 81235, comment: '陈述清晰', version: 0 });

    fireEvent.input(points(), { target: { value: '0.29' } });
    await waitFor(() => expect(saves(fetch)).toHaveLength(2));
    expect(saves(fetch)[1]!.body).toEqual({ score: 29, comment: '陈述清晰', version: 1 });
  });

  it('keeps saving after the submit step is opened with nothing waiting and left with Back', async () => {
    const fetch = routedFetch({ [SAVE]: [echo(1), echo(2)] });
    editor(scoreFixture(), fetch);
    fireEvent.input(points(), { target: { value: '800' } });
    await waitFor(() => expect(saveState()).toBe('saved'));

    // 提交评分 with nothing left to save, 返回修改, then a new score.
    fireEvent.click(screen.getByRole('button', { name: 'Submit the score' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.input(points(), { target: { value: '810' } });

    await waitFor(() => expect(saves(fetch)).toHaveLength(2));
    expect(saves(fetch)[1]!.body).toEqual({ score: 81000, comment: '', version: 1 });
    await waitFor(() => expect(saveState()).toBe('saved'));
  });

  it('does not save points that are not 0–1000 with two decimals at most, nor a comment too long, and says so', async () => {
    const fetch = routedFetch({ [SAVE]: echo(1) });
    editor(scoreFixture(), fetch);

    fireEvent.input(points(), { target: { value: '812.345' } });
    await new Promise((r) => setTimeout(r, 30));
    expect(saveState()).toBe('invalid');
    expect(screen.getByText('Enter a number of points from 0 to 1000 with at most two decimals.')).toBeTruthy();
    expect(points().getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(points(), { target: { value: '1000.5' } });
    await new Promise((r) => setTimeout(r, 30));
    expect(saveState()).toBe('invalid');

    fireEvent.input(points(), { target: { value: '900' } });
    fireEvent.input(comment(), { target: { value: '长'.repeat(1001) } });
    await new Promise((r) => setTimeout(r, 30));
    expect(saveState()).toBe('tooLong');
    expect(screen.getByText('1001/1000 characters').className).toContain('over');
    expect(saves(fetch)).toHaveLength(0);
  });

  it('on 409 says the score changed elsewhere, stops saving, and loads the saved one only when asked', async () => {
    const fresh = scoreFixture({ score: 70000, comment: '另一窗口', version: 5 });
    const fetch = routedFetch({ [SAVE]: [stale, echo(6)], [`GET ${SCORE}`]: { status: 200, body: fresh } });
    editor(scoreFixture({ score: 60000, version: 4 }), fetch);

    fireEvent.input(points(), { target: { value: '650' } });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This score was changed elsewhere; your changes were not saved.');
    expect(points().value).toBe('650');
    fireEvent.input(points(), { target: { value: '655' } });
    await new Promise((r) => setTimeout(r, 30));
    expect(saves(fetch)).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Load the saved version' }));
    await waitFor(() => expect(points().value).toBe('700.00'));
    expect(comment().value).toBe('另一窗口');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('Your unsaved entries (to copy)') as HTMLTextAreaElement).value).toContain('Score: 655');

    fireEvent.input(points(), { target: { value: '655' } });
    await waitFor(() => expect(saves(fetch)).toHaveLength(2));
    expect(saves(fetch)[1]!.body).toEqual({ score: 65500, comment: '另一窗口', version: 5 });
  });

  it('submits once after confirmation on the saved version, then shows the score read-only', async () => {
    const submitted = scoreFixture({ score: 81235, comment: '好', version: 3, status: 'submitted', submittedAt: '2026-10-20T03:00:00.000Z' });
    const fetch = routedFetch({ [SAVE]: echo(3), [SUBMIT]: { status: 200, body: submitted } });
    const onSubmitted = vi.fn();
    editor(scoreFixture({ score: 80000, comment: '好', version: 2 }), fetch, { onSubmitted });

    // No submit without a valid score.
    fireEvent.input(points(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the score' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a valid score first.');

    // The last change is still waiting to be saved when the deliberator submits.
    fireEvent.input(points(), { target: { value: '812.35' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the score' }));
    expect(screen.getByText('Submit a score of 812.35 points? It cannot be changed once submitted.')).toBeTruthy();
    expect(fetch.calls.filter((c) => c.key === SUBMIT)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(submitted));
    expect(fetch.calls.filter((c) => c.key === SUBMIT)).toHaveLength(1);
    expect(fetch.calls.find((c) => c.key === SUBMIT)!.body).toEqual({ version: 3 });
    expect(saves(fetch).at(-1)!.body).toEqual({ score: 81235, comment: '好', version: 2 });

    cleanup();
    editor(submitted, fetch);
    expect(document.querySelectorAll('input, textarea, button')).toHaveLength(0);
    expect(document.querySelector('[data-own-points]')!.textContent).toBe('812.35 points');
    expect(document.querySelector('[data-submitted]')!.textContent).toMatch(/^Submitted /);
  });

  it('shows the comment as text, never as HTML', () => {
    editor(scoreFixture({ status: 'submitted', score: 100, comment: '<img src=x><script>alert(1)</script>', version: 2 }), routedFetch({}));
    expect(screen.getByText('<img src=x><script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
  });
});
