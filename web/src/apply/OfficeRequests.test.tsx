import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeRequestView } from '../../../shared/api/applications';
import { renderWithState } from '../test-utils';
import { routedFetch } from './fakes';
import { OfficeRequests } from './OfficeRequests';

afterEach(cleanup);

const applicationId = '01JDEMO0000000000000000000';
const LIST = `GET /api/submission/applications/${applicationId}/requests`;
const open: OfficeRequestView = {
  requestId: '01JREQ00000000000000000001',
  applicationId,
  text: '请补充近三年顾客满意度的测量方法。',
  sections: ['profile', '4.5.2'],
  documentCategories: ['certificates'],
  status: 'open',
  createdAt: '2026-09-03T02:00:00.000Z',
  createdBy: 'P-admin',
};
const ANSWER = `POST /api/submission/applications/${applicationId}/requests/${open.requestId}/answer`;
const answered: OfficeRequestView = {
  ...open,
  status: 'answered',
  answer: { text: '我们每年委托第三方调查。', answeredAt: '2026-09-04T02:00:00.000Z', answeredBy: 'P-applicant' },
};

describe('what the office asked for, on the applicant’s dashboard', () => {
  it('shows an open request with what it concerns, and answers it once, saying the package does not change', async () => {
    const fetch = routedFetch({ [LIST]: { status: 200, body: { applicationId, requests: [open] } }, [ANSWER]: { status: 200, body: answered } });
    renderWithState(<OfficeRequests applicationId={applicationId} canAnswer />, { locale: 'en', fetch });

    await screen.findByText('请补充近三年顾客满意度的测量方法。');
    expect(document.querySelector('[data-request-status="open"]')!.textContent).toContain('Awaiting your answer');
    expect(screen.getByText(/Concerns: Organisational profile, 4\.5\.2 .*, Certificates and honours/)).toBeTruthy();
    expect(screen.getByText(/does not change the submitted package/, { selector: '.office-requests > p' })).toBeTruthy();

    fireEvent.submit(screen.getByRole('button', { name: 'Send the answer' }).closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('Write an answer first.');
    expect(fetch.calls.filter((c) => c.key === ANSWER)).toHaveLength(0);

    fireEvent.input(screen.getByLabelText(/^Your answer/), { target: { value: '  我们每年委托第三方调查。 ' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Send the answer' }).closest('form')!);
    await waitFor(() => expect(document.querySelector('[data-request-status="answered"]')).toBeTruthy());
    expect(fetch.calls.find((c) => c.key === ANSWER)!.body).toEqual({ text: '我们每年委托第三方调查。' });
    expect(document.querySelector('[data-answer]')!.textContent).toContain('我们每年委托第三方调查。');
    expect(screen.queryByRole('button', { name: 'Send the answer' })).toBeNull();
  });

  it('shows the server’s refusal of a second answer in the reader’s language and keeps the text', async () => {
    const refusal = {
      status: 409,
      body: { error: { code: 'REQUEST_ANSWERED', message: { 'zh-CN': '该要求已经答复过，每项要求只能答复一次。', en: 'This request has already been answered; each request is answered once.' } } },
    };
    const fetch = routedFetch({ [LIST]: { status: 200, body: { applicationId, requests: [open] } }, [ANSWER]: refusal });
    renderWithState(<OfficeRequests applicationId={applicationId} canAnswer />, { locale: 'en', fetch });
    await screen.findByText('请补充近三年顾客满意度的测量方法。');
    fireEvent.input(screen.getByLabelText(/^Your answer/), { target: { value: '再答一次' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Send the answer' }).closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('REQUEST_ANSWERED');
    expect(alert.textContent).not.toContain('该要求已经答复过'); // the reader's language only
    expect((screen.getByLabelText(/^Your answer/) as HTMLTextAreaElement).value).toBe('再答一次');
  });

  it('lists answered requests with the answer, without a form, and none when the office asked nothing', async () => {
    const fetch = routedFetch({ [LIST]: [{ status: 200, body: { applicationId, requests: [answered] } }, { status: 200, body: { applicationId, requests: [] } }] });
    const view = renderWithState(<OfficeRequests applicationId={applicationId} canAnswer />, { locale: 'zh-CN', fetch });
    await screen.findByText('我们每年委托第三方调查。');
    expect(screen.getByText('已答复')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交答复' })).toBeNull();
    view.unmount();

    renderWithState(<OfficeRequests applicationId={applicationId} canAnswer />, { locale: 'zh-CN', fetch });
    await screen.findByText('暂无。');
  });

  it('offers no answer form on a withdrawn application', async () => {
    const fetch = routedFetch({ [LIST]: { status: 200, body: { applicationId, requests: [open] } } });
    renderWithState(<OfficeRequests applicationId={applicationId} canAnswer={false} />, { locale: 'en', fetch });
    await screen.findByText('请补充近三年顾客满意度的测量方法。');
    expect(screen.queryByRole('button', { name: 'Send the answer' })).toBeNull();
  });
});
