import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithState } from '../test-utils';
import { Dashboard } from './Dashboard';
import { routedFetch } from './fakes';
import { applicationFixture } from './fixtures';

afterEach(cleanup);

const before = () => Date.parse('2026-08-01T00:00:00Z');

describe('the applicant’s dashboard', () => {
  it('shows the stage, the status, the deadline also in Beijing time (never as ISO), and the office’s decision with its reason', () => {
    const app = applicationFixture({
      status: 'submitted',
      stage: 'eligibility',
      submittedAt: '2026-08-01T01:00:00.000Z',
      eligibility: { decision: 'ineligible', reason: '营业执照已过期。', decidedAt: '2026-09-05T02:00:00.000Z' },
    });
    renderWithState(<Dashboard app={app} now={before} onWithdrawn={vi.fn()} />, { locale: 'en' });

    expect(screen.getByText('Eligibility and completeness')).toBeTruthy();
    expect(document.querySelector('[data-application-status="submitted"]')!.textContent).toBe('Submitted');
    expect(document.querySelector('time[datetime="2026-09-01T09:00:00.000Z"]')).toBeTruthy();
    expect(screen.getByText(/Beijing time 1 Sept? 2026, 17:00/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const decision = document.querySelector('[data-eligibility="ineligible"]')!;
    expect(decision.textContent).toContain('Not eligible');
    expect(decision.textContent).toContain('营业执照已过期。');
  });

  it('shows what the office asked for, with a form to answer it', async () => {
    const app = applicationFixture({ status: 'submitted', submittedAt: '2026-08-01T01:00:00.000Z' });
    const request = {
      requestId: '01JREQ00000000000000000001',
      applicationId: app.applicationId,
      text: '请补充营业执照副本。',
      sections: [],
      documentCategories: ['businessLicence'],
      status: 'open',
      createdAt: '2026-09-03T02:00:00.000Z',
      createdBy: 'P-admin',
    };
    const fetch = routedFetch({ [`GET /api/submission/applications/${app.applicationId}/requests`]: { status: 200, body: { applicationId: app.applicationId, requests: [request] } } });
    renderWithState(<Dashboard app={app} now={before} onWithdrawn={vi.fn()} />, { locale: 'en', fetch });

    expect(screen.getByRole('heading', { name: 'Requests from the office' })).toBeTruthy();
    await screen.findByText('请补充营业执照副本。');
    expect(screen.getByRole('button', { name: 'Send the answer' })).toBeTruthy();
  });

  it('links to the feedback report once it is released, and not before (issue 12)', async () => {
    const app = applicationFixture({ status: 'submitted', submittedAt: '2026-08-01T01:00:00.000Z' });
    const told = { applicationId: app.applicationId, organisation: '示范', round: { 'zh-CN': '第一届', en: 'First' }, roundStage: 'announcement', status: 'submitted', letters: [] };
    const lettersKey = `GET /api/publication/applications/${app.applicationId}/letters`;
    renderWithState(<Dashboard app={app} now={before} onWithdrawn={vi.fn()} />, { locale: 'en', fetch: routedFetch({ [lettersKey]: { status: 200, body: told } }) });
    await screen.findByText(/No letters yet/);
    expect(document.querySelector('[data-feedback-link]')).toBeNull();
    cleanup();

    const released = { ...told, feedbackReleasedAt: '2026-09-10T02:00:00.000Z' };
    renderWithState(<Dashboard app={app} now={before} onWithdrawn={vi.fn()} />, { locale: 'en', fetch: routedFetch({ [lettersKey]: { status: 200, body: released } }) });
    const link = await screen.findByRole('link', { name: 'Read the feedback report' });
    expect(link.getAttribute('href')).toBe(`/feedback/${app.applicationId}`);
  });

  it('withdraws only after a confirmation, and not at all after the deadline', async () => {
    const app = applicationFixture();
    const withdrawn = { ...app, status: 'withdrawn' as const, withdrawnAt: '2026-08-01T00:00:05.000Z' };
    const fetch = routedFetch({ [`POST /api/submission/applications/${app.applicationId}/withdraw`]: { status: 200, body: withdrawn } });
    const onWithdrawn = vi.fn();
    const view = renderWithState(<Dashboard app={app} now={before} onWithdrawn={onWithdrawn} />, { locale: 'en', fetch });

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the application' }));
    expect(fetch.calls.filter((c) => c.key.endsWith('/withdraw'))).toHaveLength(0);
    expect(screen.getByText(/leaves this round for good/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, withdraw' }));
    await waitFor(() => expect(onWithdrawn).toHaveBeenCalledWith(withdrawn));
    view.unmount();

    renderWithState(<Dashboard app={app} now={() => Date.parse(app.submissionDeadline)} onWithdrawn={vi.fn()} />, { locale: 'en' });
    expect(screen.queryByRole('button', { name: 'Withdraw the application' })).toBeNull();
  });
});
