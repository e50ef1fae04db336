import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackReportView } from '../../../shared/api/feedback';
import { bilingual } from '../../../shared/messages';
import { routedFetch } from '../apply/fakes';
import { REVIEW_CRITERIA } from '../review/scores';
import { renderWithState } from '../test-utils';
import { FeedbackEditor } from './FeedbackEditor';
import { reportBlocks } from './report-blocks';
import { ReportSheet } from './ReportSheet';

afterEach(cleanup);

const APP = '01JFEEDBACK0000000000000AA';
const EDIT = `PUT /api/publication/applications/${APP}/feedback`;

function report(over: Partial<FeedbackReportView> = {}): FeedbackReportView {
  return {
    roundId: 'city-2026',
    applicationId: APP,
    organisation: '示范精密制造有限公司',
    programme: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Quality Award' },
    round: { 'zh-CN': '第一届（2026年）', en: 'First round (2026)' },
    timeZone: 'Asia/Shanghai',
    stage: 'onSite',
    visited: true,
    showScores: false,
    items: Object.fromEntries(REVIEW_CRITERIA.items.map((i) => [i.id, { band: 4, strengths: `${i.id} 优势`, opportunities: i.id === '4.1.3' ? '' : `${i.id} 改进机会` }])),
    themes: { '4.1': '领导作用突出' },
    findings: '现场核实：记录完整。',
    version: 0,
    ...over,
  };
}

describe('the feedback report sheet', () => {
  it('shows each item’s band (no percentage unless the round shows scores), the texts, the themes and the findings; “(none)” for a blank text', () => {
    renderWithState(<ReportSheet report={report()} />, { locale: 'en' });
    const item = document.querySelector('[data-feedback-item="4.1.3"]')!;
    expect(item.textContent).toContain('4.1.3 Organisational governance');
    expect(item.textContent).toContain('Band: 50%–65%');
    expect(item.querySelector('[data-opportunities]')!.textContent).toBe('(none)');
    expect(document.body.textContent).not.toContain('agreed score');
    expect(document.querySelector('[data-findings]')!.textContent).toContain('现场核实');
    cleanup();
    renderWithState(<ReportSheet report={report({ showScores: true, items: { '4.1.2': { band: 4, percent: 55, strengths: '', opportunities: '' } } })} />, { locale: 'zh-CN' });
    expect(document.querySelector('[data-feedback-item="4.1.2"]')!.textContent).toContain('评分档次：50%–65%（合议得分率 55%）');
  });

  it('lays the same report out as blocks for the PDF, in the reader’s language, with no member named', () => {
    const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
    const blocks = reportBlocks(report(), REVIEW_CRITERIA, t as never, 'en');
    expect(blocks[0]).toEqual({ kind: 'title', text: 'feedback.title' });
    expect(blocks.filter((b) => b.kind === 'item')).toHaveLength(23);
    expect(blocks.at(-1)).toEqual({ kind: 'text', text: '现场核实：记录完整。' });
  });
});

describe('the office’s wording of a report', () => {
  it('sends only what changed, on the version read, and shows the saved version', async () => {
    const onSaved = vi.fn();
    const saved = report({ version: 1, items: { ...report().items, '4.1.2': { band: 4, strengths: '改写的优势', opportunities: '4.1.2 改进机会' } } });
    const fetch = routedFetch({ [EDIT]: { status: 200, body: saved } });
    renderWithState(<FeedbackEditor report={report()} onSaved={onSaved} />, { locale: 'en', fetch });

    fireEvent.click(screen.getByRole('button', { name: 'Save the wording' }));
    expect(await screen.findByText('Nothing has changed.')).toBeTruthy();
    expect(fetch.calls).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('4.1.2 Role of senior leaders strengths'), { target: { value: '改写的优势' } });
    fireEvent.input(screen.getByLabelText('4.2 key themes'), { target: { value: '战略清晰' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the wording' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(fetch.calls[0]!.body).toEqual({ items: { '4.1.2': { strengths: '改写的优势', opportunities: '4.1.2 改进机会' } }, themes: { '4.2': '战略清晰' }, version: 0 });
    expect(screen.getByText('Saved (version 1).')).toBeTruthy();
  });

  it('shows the refusal after the release', async () => {
    const refusal = { status: 409, body: { error: { code: 'FEEDBACK_RELEASED', message: bilingual('FEEDBACK_RELEASED', { releasedAt: '2026-07-01 10:00' }) } } };
    const fetch = routedFetch({ [EDIT]: refusal });
    renderWithState(<FeedbackEditor report={report()} onSaved={vi.fn()} />, { locale: 'en', fetch });
    fireEvent.input(screen.getByLabelText('On-site findings', { selector: 'textarea' }), { target: { value: '改写' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the wording' }));
    expect((await screen.findByRole('alert')).textContent).toContain('can no longer be edited');
  });
});
