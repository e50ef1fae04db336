import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationListResponse, ApplicationSummary } from '../../../shared/api/applications';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { ApplicationList } from './ApplicationList';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const LIST = 'GET /api/submission/applications';
const EXPORT = 'GET /api/submission/applications/export';

function summary(id: string, name: string, district: string, status: ApplicationSummary['status']): ApplicationSummary {
  return {
    applicationId: id,
    roundId: 'city-2026',
    programmeId: 'city',
    status,
    organisation: {
      name,
      creditCode: `91510100MA61R8X0${id}`,
      district,
      industry: '制造业',
      size: 'medium',
      address: '示范路',
      legalRepresentative: '王',
      contactPerson: '赵',
      phone: '028-1234567',
      email: 'a@example.org',
    },
    selfCheck: { eligible: true, failures: [] },
    createdAt: '2026-07-02T02:00:00.000Z',
    ...(status === 'submitted' ? { submittedAt: '2026-08-01T02:00:00.000Z' } : {}),
    openRequests: 0,
    version: 1,
  };
}

const all: ApplicationListResponse = {
  roundId: 'city-2026',
  funnel: { registered: 541, submitted: 170, withdrawn: 3, eligible: 0, ineligible: 0, submittedPercent: 31.4 },
  applications: [summary('A1', '成都甲公司', '锦江区', 'submitted'), summary('B2', '成都乙公司', '青羊区', 'registered')],
};

describe('the office’s list of applications', () => {
  it('shows the funnel (registered, submitted and the share) and filters by district through the API', async () => {
    const fetch = routedFetch({ [LIST]: ({ url }) => ({ status: 200, body: url.includes('district=') ? { ...all, applications: [all.applications[1]] } : all }) });
    renderWithState(<ApplicationList />, { locale: 'en', fetch });

    await screen.findByText('成都甲公司');
    expect(document.querySelector('[data-count="registered"] dd')!.textContent).toBe('541');
    expect(document.querySelector('[data-count="submitted"] dd')!.textContent).toBe('170');
    expect(document.querySelector('[data-count="percent"] dd')!.textContent).toBe('31.4%');

    fireEvent.change(screen.getByLabelText('District'), { target: { value: '青羊区' } });

    await screen.findByText('成都乙公司');
    expect(screen.queryByText('成都甲公司')).toBeNull();
    expect(fetch.calls.at(-1)!.key).toBe(LIST);
    expect(document.querySelector('[data-count="registered"] dd')!.textContent).toBe('541'); // the funnel covers the whole round
  });

  it('exports the CSV the server made as a file download with its name (UTF-8 with BOM kept)', async () => {
    const csv = '\uFEFF申报编号 Application id\r\nA1\r\n';
    const fetch = routedFetch({
      [LIST]: { status: 200, body: all },
      [EXPORT]: { status: 200, body: { fileName: 'applications-city-2026.csv', contentType: 'text/csv; charset=utf-8', csv } },
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    renderWithState(<ApplicationList />, { locale: 'en', fetch });
    await screen.findByText('成都甲公司');

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]).toEqual({ download: 'applications-city-2026.csv', href: 'blob:test' });
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(blobs[0]!.type).toMatch(/^text\/csv/);
    expect(fetch.calls.find((c) => c.key === EXPORT)).toBeTruthy();
  });

  it('says so when no organisation has registered yet', async () => {
    renderWithState(<ApplicationList />, { locale: 'en', fetch: routedFetch({ [LIST]: { status: 200, body: { ...all, applications: [] } } }) });
    expect(await screen.findByText('No organisation has registered for this round yet.')).toBeTruthy();
  });

  it('lists another round of the programme when the office picks it, with its own review board link', async () => {
    const review: ApplicationListResponse = { ...all, roundId: 'city-2026-review', applications: [summary('C3', '示范丙医院', '东城区', 'submitted')] };
    const programmes = {
      programmes: [
        {
          programmeId: 'city',
          name: { 'zh-CN': '示范市', en: 'Demo City' },
          rounds: [
            { roundId: 'city-2026', name: { 'zh-CN': '第一届', en: 'First round' }, stage: 'registration', registrationOpens: '2026-07-01T00:00:00.000Z', submissionDeadline: '2026-09-01T00:00:00.000Z' },
            { roundId: 'city-2026-review', name: { 'zh-CN': '演示', en: 'Demo in review' }, stage: 'materialReview', registrationOpens: '2026-03-01T00:00:00.000Z', submissionDeadline: '2026-05-01T00:00:00.000Z' },
          ],
        },
      ],
    };
    const fetch = routedFetch({
      [LIST]: ({ url }) => ({ status: 200, body: url.includes('roundId=city-2026-review') ? review : all }),
      'GET /api/publication/programmes': { status: 200, body: programmes },
    });
    const view = renderWithState(<ApplicationList />, { locale: 'en', fetch });
    view.state.signedIn({
      person: { personId: 'P1', email: 'office@example.org', name: '办公室', role: 'admin', programmeId: 'city', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
      role: 'admin',
      programmeId: 'city',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    await screen.findByText('成都甲公司');
    fireEvent.change(await screen.findByLabelText('Round'), { target: { value: 'city-2026-review' } });
    await screen.findByText('示范丙医院');
    expect(screen.queryByText('成都甲公司')).toBeNull();
    expect(document.querySelector('[data-round-board-link]')!.getAttribute('href')).toBe('/office/rounds/city-2026-review');
  });

  it('decides several submitted applications with one reason after confirming every name; cancel sends nothing', async () => {
    const three: ApplicationListResponse = {
      ...all,
      applications: [summary('A1', '成都甲公司', '锦江区', 'submitted'), summary('B2', '成都乙公司', '青羊区', 'registered'), summary('C3', '成都丙公司', '武侯区', 'submitted')],
    };
    const BULK = 'POST /api/submission/rounds/city-2026/eligibility';
    const fetch = routedFetch({
      [LIST]: { status: 200, body: three },
      [BULK]: { status: 200, body: { decided: [{ ...three.applications[0], eligibility: { decision: 'eligible', reason: '符合', decidedAt: '2026-09-02T02:00:00.000Z', decidedBy: 'P1' } }], failed: [{ applicationId: 'C3', code: 'CONFLICT' }] } },
    });
    const view = renderWithState(<ApplicationList />, { locale: 'en', fetch });
    view.state.signedIn({
      person: { personId: 'P1', email: 'office@example.org', name: '办公室', role: 'admin', programmeId: 'city', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
      role: 'admin',
      programmeId: 'city',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    await screen.findByText('成都甲公司');
    // Only submitted applications can be ticked; nothing chosen, no decision form.
    expect(screen.queryByLabelText('Select “成都乙公司”')).toBeNull();
    expect(document.querySelector('[data-bulk-eligibility] form')).toBeNull();
    fireEvent.click(screen.getByLabelText('Select every submitted application shown'));
    expect(await screen.findByText('One eligibility decision for the 2 selected applications')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a decision.');
    fireEvent.click(screen.getByLabelText('Eligible'));
    fireEvent.input(screen.getByLabelText('Reason (the applicant sees it; required when refusing)'), { target: { value: ' 符合 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    expect(screen.getByText(/Record “Eligible” for these 2 applications\? 成都甲公司, 成都丙公司/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fetch.calls.filter((c) => c.key === BULK)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Decision recorded for 1 applications.')).toBeTruthy();
    expect(screen.getByText('These changed meanwhile and were not decided; decide them again: 成都丙公司')).toBeTruthy();
    expect(fetch.calls.filter((c) => c.key === BULK).map((c) => c.body)).toEqual([{ applicationIds: ['A1', 'C3'], decision: 'eligible', reason: '符合' }]);
    // The list is read again and the selection cleared.
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === LIST).length).toBeGreaterThanOrEqual(2));
    expect((screen.getByLabelText('Select “成都甲公司”') as HTMLInputElement).checked).toBe(false);
  });

  it('offers no selection to a supervisor', async () => {
    const view = renderWithState(<ApplicationList />, { locale: 'en', fetch: routedFetch({ [LIST]: { status: 200, body: all } }) });
    view.state.signedIn({
      person: { personId: 'S1', email: 's@example.org', name: '监督', role: 'supervisor', programmeId: 'city', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
      role: 'supervisor',
      programmeId: 'city',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    await screen.findByText('成都甲公司');
    expect(screen.queryByLabelText('Select every submitted application shown')).toBeNull();
  });
});
