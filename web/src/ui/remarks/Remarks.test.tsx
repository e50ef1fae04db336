import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RemarkView, RemarksResponse } from '../../../../shared/api/remarks';
import { routedFetch, type FakeAnswer } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { session } from '../review/fixtures';
import { RemarkControl } from './RemarkControl';
import { RemarksSection } from './RemarksSection';
import { remarkTargetOf } from './targets';

afterEach(cleanup);

const ROUND = 'city-2026';
const base = `/api/publication/rounds/${ROUND}/remarks`;
const LIST = `GET ${base}`;
const RECORD = `POST ${base}`;
const answerKey = (id: string) => `POST ${base}/${id}/answer`;
const PEOPLE = 'GET /api/submission/people';
const APPLICATIONS = 'GET /api/submission/applications';

const remark = (over: Partial<RemarkView> = {}): RemarkView => ({
  roundId: ROUND,
  remarkId: 'R1',
  target: { kind: 'card', id: 'A1/materialReview/E1' },
  text: '第 4.2.2 项<b>评分</b>依据不足。',
  at: '2026-11-20T06:30:00.000Z',
  by: 'P-S1',
  byName: '纪检监督员甲',
  ...over,
});
const list = (remarks: RemarkView[], roundStage = 'deliberation'): RemarksResponse => ({ roundId: ROUND, roundStage: roundStage as RemarksResponse['roundStage'], remarks, open: remarks.filter((r) => !r.answer).length });
const names = {
  [PEOPLE]: { status: 200, body: { people: [{ personId: 'E1', name: '张专家' }] } },
  [APPLICATIONS]: { status: 200, body: { applications: [{ applicationId: 'A1', organisation: { name: '成都甲公司' } }] } },
};

function api(table: Record<string, FakeAnswer | FakeAnswer[]>) {
  return routedFetch({ ...names, ...table });
}
const posts = (fetch: ReturnType<typeof routedFetch>) => fetch.calls.filter((c) => !c.key.startsWith('GET '));

describe('writing a remark (supervisors)', () => {
  const target = { kind: 'card' as const, id: 'A1/materialReview/E1' };
  const render = (role: 'supervisor' | 'admin', fetch = api({ [RECORD]: { status: 201, body: remark() } }), locale: 'en' | 'zh-CN' = 'en') => {
    const view = renderWithState(<RemarkControl roundId={ROUND} target={target} about="Scorecard · 成都甲公司 · Material review · 张专家" />, { locale, fetch });
    view.state.signedIn(session(role));
    return { view, fetch };
  };

  it('opens the form naming the step, and cancelling closes it with nothing written (reopened empty)', async () => {
    const { fetch } = render('supervisor');
    fireEvent.click(await screen.findByRole('button', { name: 'Write a remark' }));
    expect(screen.getByText('About: Scorecard · 成都甲公司 · Material review · 张专家')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Your remark'), { target: { value: '还没想好' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Your remark')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Write a remark' }));
    expect((screen.getByLabelText('Your remark') as HTMLTextAreaElement).value).toBe('');
    expect(posts(fetch)).toHaveLength(0);
  });

  it('refuses an empty text and hidden direction characters before sending anything', async () => {
    const { fetch } = render('supervisor');
    fireEvent.click(await screen.findByRole('button', { name: 'Write a remark' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send the remark' }));
    expect(screen.getByRole('alert').textContent).toBe('Write the text (spaces alone do not count).');
    fireEvent.input(screen.getByLabelText('Your remark'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the remark' }));
    expect(document.querySelector('[data-remark-problem]')!.getAttribute('data-remark-problem')).toBe('REMARK_TEXT_EMPTY');
    fireEvent.input(screen.getByLabelText('Your remark'), { target: { value: 'abc\u202edef' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the remark' }));
    expect(document.querySelector('[data-remark-problem]')!.getAttribute('data-remark-problem')).toBe('REMARK_TEXT_CHARACTERS');
    expect(posts(fetch)).toHaveLength(0);
  });

  it('sends the trimmed text with its step and says it is recorded', async () => {
    const { fetch } = render('supervisor');
    fireEvent.click(await screen.findByRole('button', { name: 'Write a remark' }));
    fireEvent.input(screen.getByLabelText('Your remark'), { target: { value: '  评分依据不足。 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the remark' }));
    expect((await screen.findByRole('status')).textContent).toBe('Your remark is recorded; the office will answer it.');
    expect(posts(fetch)).toEqual([{ key: RECORD, body: { target, text: '评分依据不足。' } }]);
    expect(screen.queryByLabelText('Your remark')).toBeNull();
  });

  it("shows the server's refusal in the reader's language and keeps the text", async () => {
    const refusal = { status: 422, body: { error: { code: 'REMARK_CARD_NOT_SUBMITTED', message: { 'zh-CN': '评分表提交后才能对其提出监督意见。', en: 'A card can be remarked on only after it is submitted.' } } } };
    render('supervisor', api({ [RECORD]: refusal }), 'zh-CN');
    fireEvent.click(await screen.findByRole('button', { name: '提出监督意见' }));
    fireEvent.input(screen.getByLabelText('意见内容'), { target: { value: '意见' } });
    fireEvent.click(screen.getByRole('button', { name: '提交意见' }));
    expect(await screen.findByText('评分表提交后才能对其提出监督意见。')).toBeTruthy();
    expect((screen.getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe('意见');
  });

  it('is not there for anyone but a supervisor', () => {
    render('admin');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe("the round's remarks", () => {
  const open = async (role: 'supervisor' | 'admin', fetch: ReturnType<typeof routedFetch>, answerable = true, locale: 'en' | 'zh-CN' = 'en') => {
    const view = renderWithState(<RemarksSection roundId={ROUND} answerable={answerable} />, { locale, fetch });
    view.state.signedIn(session(role));
    await waitFor(() => {
      if (!document.querySelector('[data-remark], [data-remarks-none]')) throw new Error('not loaded');
    }, { timeout: 5000 });
    return view;
  };

  it('names each step by organisation, stage and person, in Beijing time, never ids or ISO times; user text stays text', async () => {
    await open('supervisor', api({ [LIST]: { status: 200, body: list([remark(), remark({ remarkId: 'R2', target: { kind: 'publication', id: 'notice/2026-12-01T02:00:00.000Z' }, text: '公示无误。' })]) } }));
    const labels = [...document.querySelectorAll('[data-remark-target]')].map((e) => e.textContent);
    expect(labels).toEqual(['Scorecard · 成都甲公司 · Material review · 张专家', 'Publication · Public notice · 1 Dec 2026, 10:00']);
    expect(document.querySelector('[data-remark="R1"]')!.textContent).toContain('纪检监督员甲 · 20 Nov 2026, 14:30');
    expect(document.querySelector('[data-remark="R1"] [data-remark-text]')!.textContent).toBe('第 4.2.2 项<b>评分</b>依据不足。');
    expect(document.querySelector('[data-remark="R1"] b')).toBeNull();
    const text = document.body.textContent!;
    for (const raw of ['A1/', 'E1', 'P-S1', '2026-11-20T', 'REMARK']) expect(text).not.toContain(raw);
    // Supervisors read; they do not answer. Open remarks keep the notice closed, and the page says so.
    expect(document.querySelector('form')).toBeNull();
    expect(document.querySelector('[data-remarks-block-notice]')!.textContent).toBe('2 remarks are not answered yet: the public notice can open once every remark is answered.');
    expect(screen.getByRole('button', { name: 'Remark on the round in general' })).toBeTruthy();
  });

  it('lets the office answer once: an empty answer is refused on the page, the answer replaces the form', async () => {
    const answered = remark({ answer: { at: '2026-11-21T01:00:00.000Z', by: 'P-admin', byName: '办公室王', text: '已请组长补充说明。' } });
    const fetch = api({ [LIST]: { status: 200, body: list([remark()]) }, [answerKey('R1')]: { status: 200, body: answered } });
    await open('admin', fetch);
    expect(screen.queryByRole('button', { name: 'Remark on the round in general' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send the answer' }));
    expect(document.querySelector('[data-remark-problem]')!.getAttribute('data-remark-problem')).toBe('REMARK_TEXT_EMPTY');
    expect(posts(fetch)).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Your answer (it cannot be changed once sent)'), { target: { value: ' 已请组长补充说明。 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the answer' }));
    await waitFor(() => {
      if (!document.querySelector('[data-remark-answer]')) throw new Error('not answered yet');
    }, { timeout: 5000 });
    expect(posts(fetch)).toEqual([{ key: answerKey('R1'), body: { text: '已请组长补充说明。' } }]);
    expect(document.querySelector('[data-remark-answer]')!.textContent).toContain("The office's answer (办公室王 · 21 Nov 2026, 09:00)");
    expect(document.querySelector('[data-answer-form]')).toBeNull();
    expect(document.querySelector('[data-remarks-block-notice]')).toBeNull();
  });

  it('shows a second answer refused by the server (409 REMARK_ANSWERED) in Chinese', async () => {
    const refusal = { status: 409, body: { error: { code: 'REMARK_ANSWERED', message: { 'zh-CN': '该监督意见已答复，答复不能更改。', en: 'This remark has been answered; the answer cannot be changed.' } } } };
    await open('admin', api({ [LIST]: { status: 200, body: list([remark()]) }, [answerKey('R1')]: refusal }), true, 'zh-CN');
    fireEvent.input(screen.getByLabelText('答复内容（提交后不能修改）'), { target: { value: '再答一次' } });
    fireEvent.click(screen.getByRole('button', { name: '提交答复' }));
    expect(await screen.findByText('该监督意见已答复，答复不能更改。')).toBeTruthy();
    expect(screen.getByText('评分表 · 成都甲公司 · 材料审核 · 张专家')).toBeTruthy();
  });

  it("gives the office no answer form where the list is read-only (the supervisors' workspace)", async () => {
    await open('admin', api({ [LIST]: { status: 200, body: list([remark()]) } }), false);
    expect(document.querySelector('form')).toBeNull();
  });
});

describe('the step an audit entry records', () => {
  const entry = (action: string, target: { type: string; id: string }, stage?: string) => ({ action, target, at: '2026-12-01T02:00:00.000Z', ...(stage ? { context: { stage } } : {}) });
  it('maps submitted cards, consensus, assignments, stage moves and publications; nothing else', () => {
    expect(remarkTargetOf(entry('scorecard.submitted', { type: 'scorecard', id: 'A1/onSite/E1' }))).toEqual({ kind: 'card', id: 'A1/onSite/E1' });
    expect(remarkTargetOf(entry('consensus.recorded', { type: 'consensus', id: 'A1/onSite' }))).toEqual({ kind: 'consensus', id: 'A1/onSite' });
    expect(remarkTargetOf(entry('assignment.made', { type: 'assignment', id: 'A1/onSite/E1' }))).toEqual({ kind: 'assignment', id: 'A1/onSite/E1' });
    expect(remarkTargetOf(entry('round.stageMoved', { type: 'round', id: ROUND }, 'publicNotice'))).toEqual({ kind: 'stageMove', id: 'publicNotice' });
    expect(remarkTargetOf(entry('publication.published', { type: 'round', id: ROUND }, 'publicNotice'))).toEqual({ kind: 'publication', id: 'notice/2026-12-01T02:00:00.000Z' });
    expect(remarkTargetOf(entry('scorecard.saved', { type: 'scorecard', id: 'A1/onSite/E1' }))).toBeUndefined();
    expect(remarkTargetOf(entry('scorecard.read', { type: 'cardRead', id: 'A1/onSite/E1' }))).toBeUndefined();
  });
});
