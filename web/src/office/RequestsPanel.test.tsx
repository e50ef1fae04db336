import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeRequestView } from '../../../shared/api/applications';
import { routedFetch } from '../apply/fakes';
import { applicationFixture } from '../apply/fixtures';
import { renderWithState } from '../test-utils';
import { RequestsPanel } from './RequestsPanel';

afterEach(cleanup);

const app = applicationFixture({ status: 'submitted', submittedAt: '2026-08-01T01:00:00.000Z' });
const LIST = `GET /api/submission/applications/${app.applicationId}/requests`;
const CREATE = `POST /api/submission/applications/${app.applicationId}/requests`;
const answered: OfficeRequestView = {
  requestId: '01JREQ00000000000000000001',
  applicationId: app.applicationId,
  text: '请说明质量事故的处理情况。',
  sections: ['4.6.2'],
  documentCategories: [],
  status: 'answered',
  createdAt: '2026-09-03T02:00:00.000Z',
  createdBy: 'P-admin',
  answer: { text: '未发生质量事故。', answeredAt: '2026-09-04T02:00:00.000Z', answeredBy: 'P-applicant' },
};

describe('the office’s requests to an applicant', () => {
  it('shows each request with the applicant’s answer and lets an administrator ask, with the sections and categories it concerns', async () => {
    const sent: OfficeRequestView = {
      ...answered,
      requestId: '01JREQ00000000000000000002',
      text: '请上传有效的营业执照。',
      sections: ['profile'],
      documentCategories: ['businessLicence'],
      status: 'open',
    };
    delete (sent as { answer?: unknown }).answer;
    const fetch = routedFetch({ [LIST]: { status: 200, body: { applicationId: app.applicationId, requests: [answered] } }, [CREATE]: { status: 201, body: sent } });
    renderWithState(<RequestsPanel app={app} isAdmin />, { locale: 'en', fetch });

    await screen.findByText('未发生质量事故。');
    expect(screen.getByText('The applicant’s answer')).toBeTruthy();
    expect(screen.getByText(/they do not change the submitted package/)).toBeTruthy();

    fireEvent.submit(screen.getByRole('button', { name: 'Send the request' }).closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('Write what you ask first.');
    expect(fetch.calls.filter((c) => c.key === CREATE)).toHaveLength(0);

    fireEvent.input(screen.getByLabelText(/^What you ask/), { target: { value: ' 请上传有效的营业执照。 ' } });
    const select = screen.getByLabelText(/^Sections it concerns/) as HTMLSelectElement;
    select.options[0]!.selected = true;
    fireEvent.change(select);
    fireEvent.click(screen.getByLabelText('Business licence (legal person registration)'));
    fireEvent.submit(screen.getByRole('button', { name: 'Send the request' }).closest('form')!);

    await screen.findByText('The request was sent and mailed to the applicant.');
    const body = fetch.calls.find((c) => c.key === CREATE)!.body as Record<string, unknown>;
    expect(body).toMatchObject({ text: '请上传有效的营业执照。', sections: ['profile'], documentCategories: ['businessLicence'] });
    expect(body.idempotencyKey).toMatch(/^office-/);
    await waitFor(() => expect(document.querySelector('[data-request="01JREQ00000000000000000002"]')).toBeTruthy());
    expect((screen.getByLabelText(/^What you ask/) as HTMLTextAreaElement).value).toBe('');
  });

  it('is read-only for a supervisor and offers no form on a withdrawn application', async () => {
    const fetch = routedFetch({ [LIST]: { status: 200, body: { applicationId: app.applicationId, requests: [answered] } } });
    const view = renderWithState(<RequestsPanel app={app} isAdmin={false} />, { locale: 'en', fetch });
    await screen.findByText('未发生质量事故。');
    expect(screen.queryByRole('button', { name: 'Send the request' })).toBeNull();
    view.unmount();

    renderWithState(<RequestsPanel app={{ ...app, status: 'withdrawn' }} isAdmin />, { locale: 'en', fetch });
    await screen.findByText('This application was withdrawn; no request can be made.');
    expect(screen.queryByRole('button', { name: 'Send the request' })).toBeNull();
  });

  it('shows a refusal from the server in the reader’s language and keeps the text', async () => {
    const refusal = {
      status: 409,
      body: { error: { code: 'APPLICATION_WITHDRAWN', message: { 'zh-CN': '该申报已撤回。', en: 'This application has been withdrawn.' } } },
    };
    const fetch = routedFetch({ [LIST]: { status: 200, body: { applicationId: app.applicationId, requests: [] } }, [CREATE]: refusal });
    renderWithState(<RequestsPanel app={app} isAdmin />, { locale: 'zh-CN', fetch });
    await screen.findByText('尚未向该申报组织提出要求。');
    fireEvent.input(screen.getByLabelText(/^要求内容/), { target: { value: '请说明。' } });
    fireEvent.submit(screen.getByRole('button', { name: '发送要求' }).closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('APPLICATION_WITHDRAWN');
    expect(alert.textContent).not.toContain('This application has been withdrawn.'); // the reader's language only
    expect((screen.getByLabelText(/^要求内容/) as HTMLTextAreaElement).value).toBe('请说明。');
  });
});
