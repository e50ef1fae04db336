import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Completeness } from '../../../shared/api/applications';
import { bilingual } from '../../../shared/messages';
import { renderWithState } from '../test-utils';
import { routedFetch } from './fakes';
import { SubmitPanel } from './SubmitPanel';

afterEach(cleanup);

const APP = '01JDEMO0000000000000000000';
const SUBMIT = `POST /api/submission/applications/${APP}/submit`;
const deadline = '2026-09-01T09:00:00.000Z';
const before = () => Date.parse('2026-08-01T00:00:00Z');
const complete: Completeness = { complete: true, missingSections: [], missingDocuments: [], pendingDocuments: [] };
const receipt = { receiptId: 'R1', applicationId: APP, submittedAt: '2026-08-01T00:00:01.000Z', manifest: [] };

describe('formal submission', () => {
  it('stays disabled and lists everything still missing: texts by name, documents by category, files being verified, unsaved edits', () => {
    const incomplete: Completeness = { complete: false, missingSections: ['profile', '4.7.7'], missingDocuments: ['businessLicence'], pendingDocuments: ['D1'] };
    renderWithState(<SubmitPanel applicationId={APP} completeness={incomplete} unsaved={['4.1.2']} deadline={deadline} now={before} onSubmitted={vi.fn()} />, {
      locale: 'en',
    });

    const button = screen.getByRole('button', { name: 'Submit the application' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const items = [...document.querySelectorAll('#submit-missing li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Fill in: Organisational profile',
      'Fill in: 4.7.7 Leadership results',
      'Upload, and have verified: Business licence (legal person registration)',
      'Wait until 1 file(s) are verified',
      '1 section(s) have unsaved changes',
    ]);
    expect(screen.getByText('5 thing(s) to finish before you can submit:')).toBeTruthy();
  });

  it('is closed after the deadline even for a complete package', () => {
    renderWithState(
      <SubmitPanel applicationId={APP} completeness={complete} unsaved={[]} deadline={deadline} now={() => Date.parse(deadline)} onSubmitted={vi.fn()} />,
      { locale: 'en' },
    );
    expect((screen.getByRole('button', { name: 'Submit the application' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain('The deadline has passed');
  });

  it('asks for confirmation, then sends one idempotency key that a retry after a failure reuses', async () => {
    // Prepare: the first attempt gets no answer, the retry succeeds.
    const fetch = routedFetch({
      [SUBMIT]: [
        { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: bilingual('SERVICE_UNAVAILABLE') } } },
        { status: 201, body: { receipt, replayed: false } },
      ],
    });
    const onSubmitted = vi.fn();
    renderWithState(<SubmitPanel applicationId={APP} completeness={complete} unsaved={[]} deadline={deadline} now={before} onSubmitted={onSubmitted} />, {
      locale: 'en',
      fetch,
    });

    // Act
    fireEvent.click(screen.getByRole('button', { name: 'Submit the application' }));
    expect(fetch.calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, submit' }));
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    // Assess
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(receipt));
    expect(fetch.calls).toHaveLength(2);
    const [first, second] = fetch.calls.map((c) => (c.body as { idempotencyKey: string }).idempotencyKey);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toBe(first);
  });

  it('sends one request when the button is pressed twice', async () => {
    const fetch = routedFetch({ [SUBMIT]: { status: 201, body: { receipt, replayed: false } } });
    const onSubmitted = vi.fn();
    renderWithState(<SubmitPanel applicationId={APP} completeness={complete} unsaved={[]} deadline={deadline} now={before} onSubmitted={onSubmitted} />, {
      locale: 'en',
      fetch,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the application' }));
    const yes = screen.getByRole('button', { name: 'Yes, submit' });

    fireEvent.click(yes);
    fireEvent.click(yes);

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    expect(fetch.calls).toHaveLength(1);
  });
});
