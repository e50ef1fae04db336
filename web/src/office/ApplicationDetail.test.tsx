import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api';
import { routedFetch } from '../apply/fakes';
import { applicationFixture, receiptFixture } from '../apply/fixtures';
import { renderWithState } from '../test-utils';
import { ApplicationDetail } from './ApplicationDetail';

afterEach(cleanup);

const app = applicationFixture({
  status: 'submitted',
  submittedAt: '2026-08-01T01:00:00.000Z',
  sections: [{ section: 'profile', text: '我们是一家制造企业。', version: 2, updatedAt: '2026-07-20T00:00:00.000Z' }],
});
const GET = `GET /api/submission/applications/${app.applicationId}`;
const DECIDE = `POST /api/submission/applications/${app.applicationId}/eligibility`;
const session = (role: 'admin' | 'supervisor'): SessionResponse => ({
  person: { personId: 'P1', email: 'office@example.org', name: '办公室', role, programmeId: 'city', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
  role,
  programmeId: 'city',
  expiresAt: '2999-01-01T00:00:00.000Z',
});

describe('one application as the office sees it', () => {
  it("names a district award's recommendation and the system's record of a past win, in words (issue #14)", async () => {
    const recommended = {
      ...app,
      recommendations: [{ programmeId: 'gulou', programmeName: { 'zh-CN': '鼓楼区政府质量奖', en: 'Gulou District Quality Award' }, roundId: 'gulou-2026', roundName: { 'zh-CN': '首届', en: 'First round' } }],
      recordedWin: { roundId: 'city-2024', roundName: { 'zh-CN': '第一届', en: 'First city round' }, roundsSince: 1 },
    };
    const fetch = routedFetch({ [GET]: { status: 200, body: recommended } });
    const view = renderWithState(<ApplicationDetail applicationId={app.applicationId} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('我们是一家制造企业。');
    expect(document.querySelector('[data-recommendations]')!.textContent).toContain('Winner of Gulou District Quality Award (First round), recommended to this award.');
    expect(document.querySelector('[data-recorded-win]')!.textContent).toBe('System records: this organisation won this award in First city round, 1 round before this one.');
    expect(document.body.textContent).not.toContain('gulou-2026');
  });

  it('lets an administrator decide eligibility, with a reason required when refusing', async () => {
    const decided = { ...app, eligibility: { decision: 'ineligible', reason: '成立不满三年。', decidedAt: '2026-09-02T00:00:00.000Z' } };
    const fetch = routedFetch({ [GET]: [{ status: 200, body: app }, { status: 200, body: decided }], [DECIDE]: { status: 200, body: decided } });
    const view = renderWithState(<ApplicationDetail applicationId={app.applicationId} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('我们是一家制造企业。');

    fireEvent.click(screen.getByLabelText('Not eligible'));
    fireEvent.submit(screen.getByRole('button', { name: 'Record the decision' }).closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('A reason is required.');
    expect(fetch.calls.filter((c) => c.key === DECIDE)).toHaveLength(0);

    fireEvent.input(screen.getByLabelText(/^Reason/), { target: { value: ' 成立不满三年。 ' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Record the decision' }).closest('form')!);

    await waitFor(() => expect(document.querySelector('[data-eligibility="ineligible"]')).toBeTruthy());
    expect(fetch.calls.find((c) => c.key === DECIDE)!.body).toEqual({ decision: 'ineligible', reason: '成立不满三年。' });
  });

  it('after the eligibility stage, asks for the exception reason and shows the exception in words (issue #16.10)', async () => {
    const late = { ...app, stage: 'comprehensiveEvaluation', eligibility: { decision: 'eligible', reason: '', decidedAt: '2026-09-02T00:00:00.000Z' } };
    const exception = { reason: '市场监管局来函。', stage: 'comprehensiveEvaluation', previous: 'eligible' };
    const changed = { ...late, eligibility: { decision: 'ineligible', reason: '有严重行政处罚。', decidedAt: '2026-12-02T00:00:00.000Z', exception } };
    const fetch = routedFetch({ [GET]: [{ status: 200, body: late }, { status: 200, body: changed }], [DECIDE]: { status: 200, body: changed } });
    const view = renderWithState(<ApplicationDetail applicationId={app.applicationId} />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('我们是一家制造企业。');

    fireEvent.click(screen.getByLabelText('Not eligible'));
    fireEvent.input(screen.getByLabelText(/^Reason/), { target: { value: '有严重行政处罚。' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Record the decision' }).closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('A reason is required.');
    expect(fetch.calls.filter((c) => c.key === DECIDE)).toHaveLength(0);

    fireEvent.input(screen.getByLabelText(/as an exception/), { target: { value: '市场监管局来函。' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Record the decision' }).closest('form')!);
    await waitFor(() => expect(document.querySelector('[data-eligibility-exception]')).toBeTruthy());
    expect(fetch.calls.find((c) => c.key === DECIDE)!.body).toEqual({ decision: 'ineligible', reason: '有严重行政处罚。', exceptionReason: '市场监管局来函。' });
    const text = document.querySelector('[data-eligibility-exception]')!.textContent!;
    expect(text).toContain('Changed after the eligibility stage');
    expect(text).toContain('市场监管局来函。');
    expect(text).not.toMatch(/comprehensiveEvaluation|\{/);
  });

  it('is read-only for a supervisor', async () => {
    const view = renderWithState(<ApplicationDetail applicationId={app.applicationId} />, { locale: 'en', fetch: routedFetch({ [GET]: { status: 200, body: app } }) });
    view.state.signedIn(session('supervisor'));
    await screen.findByText('我们是一家制造企业。');
    expect(screen.queryByRole('button', { name: 'Record the decision' })).toBeNull();
    expect(screen.getByText('Read-only: supervisors change nothing; they may record remarks.')).toBeTruthy();
  });

  it('tells the office that the receipt was mailed to the applicant, not to the office', async () => {
    const submitted = { ...app, receipt: receiptFixture() };
    for (const locale of ['zh-CN', 'en'] as const) {
      const view = renderWithState(<ApplicationDetail applicationId={app.applicationId} />, { locale, fetch: routedFetch({ [GET]: { status: 200, body: submitted } }) });
      view.state.signedIn(session('admin'));
      const note = await waitFor(() => {
        const found = document.querySelector('[data-receipt-note]');
        expect(found).toBeTruthy();
        return found!;
      });
      expect(note.textContent).toBe(
        locale === 'zh-CN'
          ? '每个文件的 SHA-256 可用任何工具（如 sha256sum、certutil -hashfile）独立核对。回执已在提交时发送到申报单位的登录邮箱。'
          : 'Anyone can check each file’s SHA-256 with any tool (sha256sum, certutil -hashfile). The receipt was mailed to the applicant’s sign-in address when they submitted.',
      );
      expect(note.textContent).not.toMatch(/您的邮箱|mailed to you/);
      cleanup();
    }
  });

  it('says "not found" for an application it may not see', async () => {
    renderWithState(<ApplicationDetail applicationId="01JNOPE000000000000000000" />, { locale: 'en', fetch: routedFetch({}) });
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('NOT_FOUND');
  });
});
