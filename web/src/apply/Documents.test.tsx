import { createHash } from 'node:crypto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/api/applications';
import { bilingual } from '../../../shared/messages';
import { renderWithState } from '../test-utils';
import { Documents } from './Documents';
import { FakeXhr, routedFetch } from './fakes';

afterEach(cleanup);
beforeEach(() => {
  FakeXhr.made = [];
});

const APP = '01JDEMO0000000000000000000';
const CREATE = `POST /api/submission/applications/${APP}/documents`;
const GET = (id: string) => `GET /api/submission/applications/${APP}/documents/${id}`;
const limits = { allowedTypes: ['application/pdf', 'image/png'], maxFileBytes: 1000, requiredDocuments: ['businessLicence' as const] };
const bytes = '%PDF-1.4\n% a tiny test file\n%%EOF\n';

function doc(over: Partial<DocumentView> = {}): DocumentView {
  return {
    documentId: 'D1',
    applicationId: APP,
    category: 'businessLicence',
    fileName: 'licence.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    status: 'pending',
    createdAt: '2026-07-10T08:00:00.000Z',
    ...over,
  };
}
const created = (d: DocumentView) => ({
  status: 201,
  body: { document: d, upload: { url: 'http://s3.local/documents', fields: { key: `k/${d.documentId}`, Policy: 'p', 'X-Amz-Signature': 's' }, expiresAt: '2999-01-01T00:00:00.000Z' } },
});

const LICENCE = 'Choose a file to upload: Business licence (legal person registration)';

function choose(label: string, file: File) {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('supporting documents', () => {
  it('hashes the file, posts the policy fields then the file, shows the progress bar up to 100% and the rejection reason in the reader’s language', async () => {
    // Prepare
    const rejected = doc({
      status: 'rejected',
      rejection: { code: 'DOCUMENT_TYPE_MISMATCH', message: bilingual('DOCUMENT_TYPE_MISMATCH', { actual: 'image/png', declared: 'application/pdf' }) },
    });
    const fetch = routedFetch({ [CREATE]: created(doc()), [GET('D1')]: [{ status: 200, body: doc() }, { status: 200, body: rejected }] });
    renderWithState(<Documents applicationId={APP} documents={[]} limits={limits} readOnly={false} createXhr={() => new FakeXhr() as never} pollMs={1} />, {
      locale: 'en',
      fetch,
    });

    // Act
    choose(LICENCE, new File([bytes], 'licence.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(FakeXhr.made).toHaveLength(1));
    const xhr = FakeXhr.made[0]!;
    xhr.progress(bytes.length / 2, bytes.length);

    // Assess: what was announced and how the form was posted.
    expect(fetch.calls[0]!.body).toEqual({
      category: 'businessLicence',
      fileName: 'licence.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect([xhr.method, xhr.url]).toEqual(['POST', 'http://s3.local/documents']);
    expect([...xhr.sent!.keys()]).toEqual(['key', 'Policy', 'X-Amz-Signature', 'file']);
    await waitFor(() => expect(document.querySelector('[data-progress]')!.textContent).toBe('50%'));
    expect((screen.getByRole('progressbar', { name: 'Upload progress of licence.pdf' }) as HTMLProgressElement).value).toBe(50);

    xhr.progress(bytes.length, bytes.length);
    xhr.respond(204);
    await waitFor(() => expect(document.querySelector('[data-progress]')?.textContent).toBe('100%'));

    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-rejection')).toBe('DOCUMENT_TYPE_MISMATCH');
    expect(alert.textContent).toContain('does not match its declared type (content is image/png, declared application/pdf)');
    expect(alert.textContent).not.toContain('文件内容与声明的类型不符'); // the reader's language only
    expect(document.querySelector('[data-status="rejected"]')!.textContent).toContain('Rejected');
  });

  it('offers a retry when the upload fails and posts the same form again; the document is then verified', async () => {
    const fetch = routedFetch({ [CREATE]: created(doc()), [GET('D1')]: { status: 200, body: doc({ status: 'verified' }) } });
    renderWithState(<Documents applicationId={APP} documents={[]} limits={limits} readOnly={false} createXhr={() => new FakeXhr() as never} pollMs={1} />, {
      locale: 'en',
      fetch,
    });
    choose(LICENCE, new File([bytes], 'licence.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(FakeXhr.made).toHaveLength(1));

    FakeXhr.made[0]!.fail();
    fireEvent.click(await screen.findByRole('button', { name: 'Retry the upload' }));
    await waitFor(() => expect(FakeXhr.made).toHaveLength(2));
    FakeXhr.made[1]!.respond(201);

    await waitFor(() => expect(document.querySelector('[data-status="verified"]')).toBeTruthy());
    expect(fetch.calls.filter((c) => c.key === CREATE)).toHaveLength(1); // the same document, not a second one
    expect(FakeXhr.made[1]!.sent!.get('key')).toBe('k/D1');
  });

  it('shows a replaced document as a new version and keeps the earlier one listed', async () => {
    const v1 = doc({ documentId: 'D1', status: 'verified' });
    const v2 = doc({ documentId: 'D2', replaces: 'D1', fileName: 'licence-2026.pdf' });
    const fetch = routedFetch({ [CREATE]: created(v2), [GET('D2')]: { status: 200, body: { ...v2, status: 'verified' } } });
    renderWithState(<Documents applicationId={APP} documents={[v1]} limits={limits} readOnly={false} createXhr={() => new FakeXhr() as never} pollMs={1} />, {
      locale: 'en',
      fetch,
    });
    expect(screen.getByText('Version 1')).toBeTruthy();

    const replace = document.querySelector('[data-document="D1"] input[type="file"]')!;
    fireEvent.change(replace, { target: { files: [new File([bytes], 'licence-2026.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(FakeXhr.made).toHaveLength(1));
    FakeXhr.made[0]!.respond(204);

    await waitFor(() => expect(document.querySelector('[data-document="D2"][data-status="verified"]')).toBeTruthy());
    expect(fetch.calls[0]!.body).toMatchObject({ replaces: 'D1' });
    expect(document.querySelector('[data-document="D2"]')!.textContent).toContain('Version 2');
    expect(document.querySelector('[data-document="D1"][data-status="replaced"]')!.textContent).toContain('replaced by a newer version');
  });

  it('refuses a file type or size the round does not accept before sending anything', () => {
    const fetch = routedFetch({});
    renderWithState(<Documents applicationId={APP} documents={[]} limits={limits} readOnly={false} createXhr={() => new FakeXhr() as never} />, {
      locale: 'en',
      fetch,
    });

    choose(LICENCE, new File(['x'.repeat(2000)], 'big.pdf', { type: 'application/pdf' }));
    expect(screen.getByRole('alert').textContent).toBe('The file is too large: at most 1,000 B per file.');
    choose(LICENCE, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(screen.getByRole('alert').textContent).toBe('This file type (TXT) is not accepted. Allowed: PDF, PNG.');
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses a file name the server would refuse (bidi override, line break) before hashing or sending anything, with the reason', () => {
    const fetch = routedFetch({});
    renderWithState(<Documents applicationId={APP} documents={[]} limits={limits} readOnly={false} createXhr={() => new FakeXhr() as never} />, {
      locale: 'en',
      fetch,
    });

    choose(LICENCE, new File([bytes], 'invoice\u202Efdp.exe.pdf', { type: 'application/pdf' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'This file name cannot be used: the name holds hidden characters that change the writing direction and can make its extension look different from what it is. Please rename the file and choose it again.',
    );
    choose(LICENCE, new File([bytes], 'a\nb.pdf', { type: 'application/pdf' }));
    expect(screen.getByRole('alert').textContent).toContain('control characters');
    expect(fetch.calls).toHaveLength(0);
  });

  it('names a refused type, the allowed types and the size limit as people do, in Chinese too: no {placeholder}, no bytes', () => {
    const round = { allowedTypes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg'], maxFileBytes: 52_428_800, requiredDocuments: [] };
    renderWithState(<Documents applicationId={APP} documents={[]} limits={round} readOnly={false} createXhr={() => new FakeXhr() as never} />, { locale: 'zh-CN', fetch: routedFetch({}) });

    expect(document.querySelector('.documents')!.textContent).toContain('可上传的文件类型：PDF、Word、JPEG；单个文件不超过 50 MB。');
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [new File(['MZ'], 'setup.exe', { type: '' })] } });

    const alert = screen.getByRole('alert').textContent!;
    expect(alert).toBe('不接受这种文件类型（EXE）。允许的类型：PDF、Word、JPEG。');
    expect(alert).not.toMatch(/[{}]/);
  });
});
