import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '../../../shared/api';
import type { DocumentView } from '../../../shared/api/applications';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012';
import { renderWithState } from '../test-utils';
import { ApplyArea } from './ApplyArea';
import { routedFetch } from './fakes';
import { applicationFixture, receiptFixture } from './fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const session: SessionResponse = {
  person: { personId: 'P1', email: 'contact@example.org', name: '赵联系', role: 'applicant', programmeId: 'city', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
  role: 'applicant',
  programmeId: 'city',
  expiresAt: '2999-01-01T00:00:00.000Z',
};

const doc = (documentId: string, category: DocumentView['category'], fileName: string): DocumentView => ({
  documentId,
  applicationId: '01JDEMO0000000000000000000',
  category,
  fileName,
  contentType: 'application/pdf',
  size: 2048,
  sha256: 'c'.repeat(64),
  status: 'verified',
  createdAt: '2026-07-30T02:00:00.000Z',
  verifiedAt: '2026-07-30T02:00:05.000Z',
});

// A submitted package: the profile and every item written, two verified documents, the receipt.
const sections = ['profile', ...GBT19580_2012.items.map((i) => i.id)].map((section) => ({ section, text: `${section} 我们的做法与展开。`, version: 1, updatedAt: '2026-07-29T00:00:00.000Z' }));
const submitted = applicationFixture({
  status: 'submitted',
  submittedAt: '2026-08-01T01:00:00.000Z',
  receipt: receiptFixture(),
  sections,
  documents: [doc('D1', 'businessLicence', '营业执照.pdf'), doc('D2', 'selfAssessmentReport', '自评报告.pdf')],
  completeness: { complete: true, missingSections: [], missingDocuments: [], pendingDocuments: [] },
});

describe("the applicant's area after the formal submission", () => {
  it('still shows every section and document of the package, locked: read-only texts, no editor, a download per document', async () => {
    const fetch = routedFetch({
      'GET /api/submission/applications/mine': { status: 200, body: { applications: [submitted] } },
      'GET /api/submission/rounds/city-2026/form': { status: 404, body: { error: { code: 'NOT_FOUND', message: { 'zh-CN': '未找到', en: 'Not found' } } } },
      'GET /api/submission/applications/01JDEMO0000000000000000000/documents/D2/download': {
        status: 200,
        body: { url: 'http://files.example/report.pdf', expiresAt: '2026-08-01T01:05:00.000Z' },
      },
    });
    const view = renderWithState(<ApplyArea />, { locale: 'en', fetch });
    view.state.signedIn(session);

    const locked = await waitFor(() => {
      const found = document.querySelector('[data-locked-package]');
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    expect(within(locked).getByText('The package has been submitted and is locked: it can no longer be changed. Below is everything you submitted, to read and download at any time.')).toBeTruthy();
    // Every section, in the form's order, with its text; nothing to type in.
    expect([...locked.querySelectorAll('[data-section-text]')].map((dd) => dd.getAttribute('data-section-text'))).toEqual(sections.map((s) => s.section));
    expect(locked.querySelector('[data-section-text="4.7.7"]')!.textContent).toBe('4.7.7 我们的做法与展开。');
    expect(document.querySelectorAll('textarea, input[type="file"]')).toHaveLength(0);

    // Every document, each with a download.
    expect([...locked.querySelectorAll('[data-document]')].map((li) => li.querySelector('.doc-name')!.textContent)).toEqual(['营业执照.pdf', '自评报告.pdf']);
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location);
    fireEvent.click(within(locked.querySelector('[data-document="D2"]') as HTMLElement).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('http://files.example/report.pdf'));
  });

  it('shows a withdrawn package read-only too, with what it held', async () => {
    const withdrawn = { ...submitted, status: 'withdrawn' as const };
    const fetch = routedFetch({ 'GET /api/submission/applications/mine': { status: 200, body: { applications: [withdrawn] } } });
    const view = renderWithState(<ApplyArea />, { locale: 'zh-CN', fetch });
    view.state.signedIn(session);
    await screen.findByText('该申报已撤回，以下是其中的全部内容，仅供查阅。');
    expect(screen.getByText('profile 我们的做法与展开。')).toBeTruthy();
  });
});
