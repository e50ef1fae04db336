import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScorecardView } from '../../../shared/api/reviews';
import { bilingual } from '../../../shared/messages';
import { scorecardTotals, type Scorecard } from '../../../shared/scoring/scorecard';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { APP, CARD, cardFixture, fullItems } from './fixtures';
import { ScorecardEditor } from './ScorecardEditor';
import { REVIEW_CRITERIA } from './scores';

afterEach(cleanup);

const SAVE = `PUT ${CARD}`;
const SUBMIT = `POST ${CARD}/submit`;
const stale = { status: 409, body: { error: { code: 'CONFLICT', message: bilingual('CONFLICT'), details: { currentVersion: 5, yourVersion: 4 } } } };
const echo = (version: number) => ({ body }: { body: unknown }) => ({
  status: 200,
  body: cardFixture({ items: (body as { items: ScorecardView['items'] }).items, version, updatedAt: '2026-09-12T10:00:00.000Z' }),
});

function editor(card: ScorecardView, fetch: ReturnType<typeof routedFetch>, extra: { onSubmitted?: (c: ScorecardView) => void; editable?: boolean } = {}) {
  return renderWithState(
    <ScorecardEditor
      applicationId={APP}
      stage="materialReview"
      card={card}
      sections={{ '4.1.2': '高层领导制定了质量方针。' }}
      editable={extra.editable ?? true}
      onSubmitted={extra.onSubmitted ?? vi.fn()}
      autosaveMs={5}
    />,
    { locale: 'en', fetch },
  );
}

const percent = (label: string) => screen.getByLabelText(`${label} percentage`) as HTMLSelectElement;
const pick = (label: string, value: string) => fireEvent.change(percent(label), { target: { value } });
const saveState = () => document.querySelector('[data-save-state]')!.getAttribute('data-save-state');

describe('the expert’s scorecard', () => {
  it('computes item, category and total scores exactly as shared/scoring does, with the band of the chosen value', () => {
    // Prepare: 15-point item at 35% is 5.25 points; everything else 50%.
    const items = fullItems(50, { '4.4.3': 35, '4.1.2': 85 });
    const expected = scorecardTotals(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.percent])) as Scorecard, REVIEW_CRITERIA);

    // Act
    editor(cardFixture({ items, version: 4, scored: 23 }), routedFetch({}));

    // Assess
    expect(document.querySelector('[data-item-score="4.4.3"]')!.textContent).toBe('Score 5.25 of 15');
    expect(document.querySelector('[data-item-score="4.1.2"]')!.textContent).toBe('Score 42.50 of 50');
    expect(document.querySelector('[data-category-score="4.1"]')!.textContent).toBe('Subtotal 72.50 of 110');
    expect(expected.total).toBe(50000 - 15 * 15 + 35 * 50); // 515.25 points
    expect(document.querySelector('[data-total]')!.textContent).toBe('Total 515.25 of 1000');
    expect(document.querySelector('[data-item="4.1.2"] [data-band]')!.textContent).toMatch(/^Band 5 \(70–85%\): /);
    expect(screen.getByText('23 of 23 items scored')).toBeTruthy();
  });

  it('keeps a running total of the scored items and updates it as a percentage is picked', () => {
    editor(cardFixture(), routedFetch({ [SAVE]: echo(1) }));
    expect(document.querySelector('[data-total]')!.textContent).toBe('Total 0.00 of 1000');

    pick('4.4.3 Financial resources', '35');

    expect(document.querySelector('[data-total]')!.textContent).toBe('Total 5.25 of 1000');
    expect(screen.getByText('1 of 23 items scored')).toBeTruthy();
    expect(document.querySelector('[data-item="4.4.3"] [data-band]')!.textContent).toContain('Band 3 (30–45%)');
  });

  it('autosaves the whole card on the version it read, then on the version each save returns', async () => {
    // Prepare
    const fetch = routedFetch({ [SAVE]: [echo(5), echo(6)] });
    editor(cardFixture({ items: { '4.1.3': { percent: 40, strengths: '', opportunities: '' } }, version: 4, scored: 1 }), fetch);

    // Act
    pick('4.1.2 Role of senior leaders', '60');
    fireEvent.input(screen.getByLabelText('4.1.2 Strengths'), { target: { value: '方针明确' } });

    // Assess: one PUT with the whole card and version 4, then "saved".
    await waitFor(() => expect(saveState()).toBe('saved'));
    expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(1);
    expect(fetch.calls[0]!.body).toEqual({
      items: { '4.1.2': { percent: 60, strengths: '方针明确', opportunities: '' }, '4.1.3': { percent: 40, strengths: '', opportunities: '' } },
      version: 4,
    });

    // The next change goes on the version the server returned.
    pick('4.1.2 Role of senior leaders', '');
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(2));
    expect(fetch.calls[1]!.body).toEqual({ items: { '4.1.2': { strengths: '方针明确', opportunities: '' }, '4.1.3': { percent: 40, strengths: '', opportunities: '' } }, version: 5 });
    await waitFor(() => expect(saveState()).toBe('saved'));
  });

  it('on 409 says the card changed elsewhere, stops saving, and loads the saved card only when asked', async () => {
    // Prepare
    const fresh = cardFixture({ items: { '4.1.2': { percent: 70, strengths: '另一窗口', opportunities: '' } }, version: 5, scored: 1 });
    const fetch = routedFetch({ [SAVE]: [stale, echo(6)], [`GET ${CARD}`]: { status: 200, body: fresh } });
    editor(cardFixture({ version: 4 }), fetch);

    // Act
    pick('4.1.2 Role of senior leaders', '30');

    // Assess: a clear alert, the expert's value kept, no second attempt even after more edits.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This scorecard was changed elsewhere; your changes were not saved.');
    expect(percent('4.1.2 Role of senior leaders').value).toBe('30');
    pick('4.1.3 Organisational governance', '45');
    await new Promise((r) => setTimeout(r, 30));
    expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(1);
    expect((screen.getByLabelText('Your unsaved entries (to copy)') as HTMLTextAreaElement).value).toContain('4.1.2 Role of senior leaders: 30%');

    // The expert loads the saved card; the next save is based on its version.
    fireEvent.click(screen.getByRole('button', { name: 'Load the saved version' }));
    await waitFor(() => expect(percent('4.1.2 Role of senior leaders').value).toBe('70'));
    expect(percent('4.1.3 Organisational governance').value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('Your unsaved entries (to copy)') as HTMLTextAreaElement).value).toContain('4.1.3 Organisational governance: 45%');
    pick('4.1.3 Organisational governance', '45');
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(2));
    expect((fetch.calls.filter((c) => c.key === SAVE)[1]!.body as { version: number }).version).toBe(5);
  });

  it('keeps saving after the submit dialog is opened with nothing waiting and cancelled', async () => {
    // Prepare: one item scored and saved.
    const fetch = routedFetch({ [SAVE]: [echo(5), echo(6), echo(7)] });
    editor(cardFixture({ version: 4 }), fetch);
    pick('4.1.2 Role of senior leaders', '60');
    await waitFor(() => expect(saveState()).toBe('saved'));

    // Act: 提交评分表… (nothing left to save), 取消, then another percentage; then the same through a listed missing item.
    fireEvent.click(screen.getByRole('button', { name: 'Submit the scorecard…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    pick('4.1.3 Organisational governance', '45');

    // Assess: saved, not left "unsaved" for good.
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(2));
    await waitFor(() => expect(saveState()).toBe('saved'));

    fireEvent.click(screen.getByRole('button', { name: 'Submit the scorecard…' }));
    fireEvent.click(screen.getByRole('link', { name: '4.7.7 Leadership results' }));
    pick('4.7.7 Leadership results', '30');
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(3));
    await waitFor(() => expect(saveState()).toBe('saved'));
    expect((fetch.calls.filter((c) => c.key === SAVE)[2]!.body as { version: number }).version).toBe(6);
  });

  it('saves a change still waiting for the pause when the expert leaves the page', async () => {
    const fetch = routedFetch({ [SAVE]: echo(5) });
    const { unmount } = editor(cardFixture({ version: 4 }), fetch);

    pick('4.2.2 Strategy development', '65');
    unmount();

    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(1));
    expect(fetch.calls[0]!.body).toEqual({ items: { '4.2.2': { percent: 65, strengths: '', opportunities: '' } }, version: 4 });
  });

  it('does not save a text over 1,000 characters and says so', async () => {
    const fetch = routedFetch({ [SAVE]: echo(1) });
    editor(cardFixture(), fetch);
    fireEvent.input(screen.getByLabelText('4.1.2 Opportunities for improvement'), { target: { value: '长'.repeat(1001) } });
    await new Promise((r) => setTimeout(r, 30));
    expect(saveState()).toBe('tooLong');
    expect(screen.getByText('1001 / 1000 characters').className).toContain('over');
    expect(fetch.calls).toHaveLength(0);
  });

  it('lists the unscored items before submitting and offers no submit while any is left', async () => {
    const fetch = routedFetch({ [SAVE]: echo(5) });
    const { [('4.7.7')]: _left, ...rest } = fullItems(50);
    editor(cardFixture({ items: { ...rest, '4.7.7': { strengths: 'x', opportunities: '' } }, version: 4, scored: 22 }), fetch);

    fireEvent.click(screen.getByRole('button', { name: 'Submit the scorecard…' }));

    const missing = document.querySelector('[data-unscored]')!;
    expect(missing.textContent).toContain('1 item(s) have no score');
    expect(missing.textContent).toContain('4.7.7 Leadership results');
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(fetch.calls.filter((c) => c.key === SUBMIT)).toHaveLength(0);

    // The listed item takes the expert straight to its percentage.
    fireEvent.click(screen.getByRole('link', { name: '4.7.7 Leadership results' }));
    expect(document.activeElement).toBe(percent('4.7.7 Leadership results'));
    expect(document.querySelector('[data-unscored]')).toBeNull();
  });

  it('submits a complete card after confirmation with the saved version, then shows it read-only', async () => {
    // Prepare
    const submitted = cardFixture({ items: fullItems(50), status: 'submitted', version: 5, scored: 23, total: 50000, submittedAt: '2026-09-12T11:00:00.000Z' });
    const fetch = routedFetch({ [SAVE]: echo(5), [SUBMIT]: { status: 200, body: submitted } });
    const onSubmitted = vi.fn();
    editor(cardFixture({ items: fullItems(50, { '4.7.7': 45 }), version: 4, scored: 23 }), fetch, { onSubmitted });

    // Act: the last change is still waiting to be saved when the expert submits.
    pick('4.7.7 Leadership results', '50');
    fireEvent.click(screen.getByRole('button', { name: 'Submit the scorecard…' }));
    expect(screen.getByText('Once submitted the card cannot change. Total 500.00. Submit it?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    // Assess: saved first, then submitted on the version that save returned.
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(submitted));
    expect(fetch.calls.map((c) => c.key)).toEqual([SAVE, SUBMIT]);
    expect(fetch.calls[1]!.body).toEqual({ version: 5 });

    cleanup();
    editor(submitted, fetch, { onSubmitted });
    expect(document.querySelectorAll('select, textarea')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Submit the scorecard…' })).toBeNull();
    expect(document.querySelector('[data-card-status="submitted"]')!.textContent).toContain('Scorecard submitted on');
  });

  it('shows what the expert wrote as text, never as HTML', () => {
    editor(
      cardFixture({ status: 'submitted', items: { '4.1.2': { percent: 50, strengths: '<script>alert(1)</script><img src=x>', opportunities: '' } }, version: 2 }),
      routedFetch({}),
      { editable: false },
    );
    expect(screen.getByText('<script>alert(1)</script><img src=x>')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
  });
});
