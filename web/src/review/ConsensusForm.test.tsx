import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bilingual } from '../../../shared/messages';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { ConsensusForm } from './ConsensusForm';
import { BASE, cardFixture, consensusFixture, fullItems, teamFixture } from './fixtures';

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

const CONSENSUS = `POST ${BASE}/reviews/materialReview/consensus`;
const percentOf = (label: string) => screen.getByLabelText(`${label} consensus percentage`) as HTMLSelectElement;

describe('the leader’s consensus form', () => {
  it('starts blank, computes the total live and marks only flagged items as needing a rationale', () => {
    renderWithState(<ConsensusForm team={teamFixture()} onRecorded={vi.fn()} />, { locale: 'en', fetch: routedFetch({}) });

    expect(percentOf('4.1.2 Role of senior leaders').value).toBe('');
    expect(document.querySelector('[data-consensus-live-total]')!.textContent).toBe('Total 0.00 of 1000');
    fireEvent.change(percentOf('4.4.3 Financial resources'), { target: { value: '35' } });
    fireEvent.change(percentOf('4.1.2 Role of senior leaders'), { target: { value: '65' } });
    expect(document.querySelector('[data-consensus-live-total]')!.textContent).toBe('Total 37.75 of 1000');
    expect((screen.getByLabelText('4.1.2 rationale') as HTMLTextAreaElement).required).toBe(true);
    expect((screen.getByLabelText('4.1.3 rationale') as HTMLTextAreaElement).required).toBe(false);
    expect(document.querySelector('[data-consensus-row="4.1.3"]')!.textContent).toContain('Independent scores 50–50%');
  });

  it('refuses to send while an item has no percentage, and names the problem at the item', () => {
    const fetch = routedFetch({});
    renderWithState(<ConsensusForm team={teamFixture()} onRecorded={vi.fn()} />, { locale: 'en', fetch });

    fireEvent.click(screen.getByRole('button', { name: 'Record the consensus…' }));

    expect(document.querySelectorAll('[data-problem="percentRequired"]')).toHaveLength(23);
    expect(screen.getByRole('alert').textContent).toContain('23 thing(s) still need attention');
    expect(document.activeElement).toBe(percentOf('4.1.2 Role of senior leaders'));
    expect(fetch.calls).toHaveLength(0);
  });

  it('keeps what the leader entered across a reload of the page, and forgets it once recorded', async () => {
    const team = teamFixture();
    const first = renderWithState(<ConsensusForm team={team} onRecorded={vi.fn()} />, { locale: 'en', fetch: routedFetch({}) });
    fireEvent.change(percentOf('4.1.2 Role of senior leaders'), { target: { value: '65' } });
    fireEvent.input(screen.getByLabelText('4.1.2 rationale'), { target: { value: '取中间值' } });
    first.unmount();

    const onRecorded = vi.fn();
    const fetch = routedFetch({ [CONSENSUS]: { status: 201, body: consensusFixture() } });
    renderWithState(<ConsensusForm team={team} onRecorded={onRecorded} />, { locale: 'en', fetch });
    expect(percentOf('4.1.2 Role of senior leaders').value).toBe('65');
    expect((screen.getByLabelText('4.1.2 rationale') as HTMLTextAreaElement).value).toBe('取中间值');

    for (const select of document.querySelectorAll('select')) if (!select.value) fireEvent.change(select, { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the consensus…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(sessionStorage.length).toBe(0);
  });

  it('shows the server’s refusal and lets the leader try again', async () => {
    const refusal = { status: 422, body: { error: { code: 'RATIONALE_REQUIRED', message: bilingual('RATIONALE_REQUIRED', { itemId: '4.3.2' }) } } };
    const fetch = routedFetch({ [CONSENSUS]: refusal });
    renderWithState(<ConsensusForm team={teamFixture({ flags: [] })} onRecorded={vi.fn()} />, { locale: 'en', fetch });
    for (const select of document.querySelectorAll('select')) fireEvent.change(select, { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the consensus…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Independent scores for item 4.3.2 lie far apart');
    expect(screen.getByRole('button', { name: 'Record the consensus…' })).toBeTruthy();
  });

  it('offers the members’ texts beside the agreed ones, copies one on request, and sends the agreed texts and themes with the consensus (issue 12)', async () => {
    const items = fullItems(50);
    const withTexts = { ...items, '4.1.2': { ...items['4.1.2']!, strengths: '高层领导亲自推动卓越绩效。', opportunities: '基层沟通不足。' } };
    const team = teamFixture({ scorecards: [cardFixture({ status: 'submitted', items: withTexts, scored: 23, total: 50000, version: 3 }), teamFixture().scorecards[1]!] });
    const onRecorded = vi.fn();
    const fetch = routedFetch({ [CONSENSUS]: { status: 201, body: consensusFixture() } });
    renderWithState(<ConsensusForm team={team} onRecorded={onRecorded} />, { locale: 'en', fetch });

    const cards = document.querySelector('[data-member-texts="4.1.2"]')!;
    expect(cards.textContent).toContain('高层领导亲自推动卓越绩效。');
    expect(document.querySelector('[data-member-texts="4.1.3"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use as strengths' }));
    expect((screen.getByLabelText('4.1.2 agreed strengths') as HTMLTextAreaElement).value).toBe('高层领导亲自推动卓越绩效。');
    // Copying twice does not repeat the text.
    fireEvent.click(screen.getByRole('button', { name: 'Use as strengths' }));
    expect((screen.getByLabelText('4.1.2 agreed strengths') as HTMLTextAreaElement).value).toBe('高层领导亲自推动卓越绩效。');
    fireEvent.input(screen.getByLabelText('4.1.2 agreed opportunities for improvement'), { target: { value: '加强基层绩效沟通。' } });
    fireEvent.input(screen.getByLabelText('4.1 key themes'), { target: { value: '领导作用突出' } });
    expect(screen.queryByLabelText('On-site findings')).toBeNull();

    for (const select of document.querySelectorAll('select')) if (!select.value) fireEvent.change(select, { target: { value: '50' } });
    fireEvent.input(screen.getByLabelText('4.1.2 rationale'), { target: { value: '取中间值' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the consensus…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    const body = fetch.calls.find((c) => c.key === CONSENSUS)!.body as { items: Record<string, { strengths: string; opportunities: string }>; themes: Record<string, string> };
    expect(body.items['4.1.2']).toMatchObject({ strengths: '高层领导亲自推动卓越绩效。', opportunities: '加强基层绩效沟通。' });
    expect(body.items['4.1.3']).toEqual({ percent: 50, rationale: '' });
    expect(body.themes).toEqual({ '4.1': '领导作用突出' });
  });
});
