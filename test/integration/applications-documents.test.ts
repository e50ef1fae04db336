import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, uniqueEmail } from './helpers';
import { createRound, minimalDocx, PDF, PNG, registeredApplicant, sha256, stackRuntime, upload } from './applications-helpers';

const MAX_FILE = 64 * 1024;
let roundId: string;
beforeAll(async () => {
  roundId = await createRound({ maxFileBytes: MAX_FILE, maxApplicationBytes: 4 * MAX_FILE });
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('uploads straight to the bucket, verified from its event', () => {
  it('verifies a real PDF uploaded with the presigned POST, under a key of its own', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('pdf'));
    const created = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'businessLicence', fileName: '营业执照.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    });
    expect(created.status).toBe(201);
    expect(created.body.document.status).toBe('pending');
    expect(created.body.upload.fields.key).toBe(`rounds/${roundId}/applications/${applicationId}/documents/${created.body.document.documentId}`);
    expect(created.body.upload.fields['Content-Type']).toBe('application/pdf');
    const policy = JSON.parse(Buffer.from(created.body.upload.fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, PDF.length], ['eq', '$Content-Type', 'application/pdf']]));

    const doc = await upload(cookie, applicationId, PDF);
    expect(doc).toMatchObject({ status: 'verified', size: PDF.length, sha256: sha256(PDF) });
    const download = await api('GET', `/api/submission/applications/${applicationId}/documents/${doc.documentId}/download`, { cookie });
    expect(download.status).toBe(200);
    const file = await fetch(download.body.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('verifies a DOCX by its ZIP entries, not only its ZIP signature', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('docx'));
    const docx = minimalDocx();
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const doc = await upload(cookie, applicationId, docx, { category: 'selfAssessmentReport', fileName: '自评报告.docx', contentType: type });
    expect(doc.status, JSON.stringify(doc.rejection)).toBe('verified');
  });

  it('rejects PNG bytes under a .pdf name with DOCUMENT_TYPE_MISMATCH, a reason the applicant sees', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('png'));
    const doc = await upload(cookie, applicationId, PNG, { fileName: 'licence.pdf', contentType: 'application/pdf' });
    expect(doc.status).toBe('rejected');
    expect(doc.rejection.code).toBe('DOCUMENT_TYPE_MISMATCH');
    expect(doc.rejection.message).toEqual({
      'zh-CN': '文件内容与声明的类型不符（内容为 PNG，声明为 PDF），已拒收。',
      en: 'The file content does not match its declared type (content is PNG, declared PDF) and was rejected.',
    });
  });

  it('rejects plain text dressed as a PDF with DOCUMENT_TYPE_NOT_ALLOWED', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('text'));
    const doc = await upload(cookie, applicationId, Buffer.from('just some words, not a PDF at all\n'.repeat(20)), { fileName: 'report.pdf' });
    expect(doc.status).toBe('rejected');
    expect(doc.rejection.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
    expect(doc.rejection.message['zh-CN']).toContain('PDF, JPEG, PNG, Word, Excel');
  });

  it('rejects a file whose SHA-256 differs from the one the browser declared with DOCUMENT_CHECKSUM_MISMATCH', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('checksum'));
    const doc = await upload(cookie, applicationId, PDF, { sha256: sha256(Buffer.from('another file')) });
    expect(doc.status).toBe('rejected');
    expect(doc.rejection.code).toBe('DOCUMENT_CHECKSUM_MISMATCH');
    const download = await api('GET', `/api/submission/applications/${applicationId}/documents/${doc.documentId}/download`, { cookie });
    expect(download.status).toBe(422);
    expect(download.body.error.code).toBe('DOCUMENT_NOT_VERIFIED');
  });

  it('rejects an object larger than the limit even though the local S3 ignores the POST policy (DOCUMENT_TOO_LARGE)', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('oversize'));
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_FILE + 1, 0x20)]);
    const doc = await upload(cookie, applicationId, big, { size: PDF.length, sha256: sha256(PDF) });
    expect(doc.status).toBe('rejected');
    expect(doc.rejection.code).toBe('DOCUMENT_TOO_LARGE');
  });

  it('refuses to start an oversize or disallowed upload before any byte is sent', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('refuse'));
    const path = `/api/submission/applications/${applicationId}/documents`;
    const base = { category: 'other', fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: sha256(PDF) };
    const tooBig = await api('POST', path, { cookie, body: { ...base, size: MAX_FILE + 1 } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('DOCUMENT_FILE_TOO_LARGE');
    expect(tooBig.body.error.message['zh-CN']).not.toContain('字节');
    const exe = await api('POST', path, { cookie, body: { ...base, fileName: 'a.exe', contentType: 'application/x-msdownload' } });
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('DOCUMENT_TYPE_REFUSED');
    expect(exe.body.error.message).toEqual({
      'zh-CN': '不接受这种文件类型（EXE）。允许的类型：PDF、JPEG、PNG、Word、Excel。',
      en: 'This file type (EXE) is not accepted. Allowed: PDF, JPEG, PNG, Word, Excel.',
    });
    const view = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
    expect(view.body.documents).toEqual([]);
  });

  it('keeps a replaced document as an older version instead of overwriting it', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('replace'));
    const first = await upload(cookie, applicationId, PDF);
    const newer = Buffer.concat([PDF, Buffer.from('% second version\n')]);
    const second = await upload(cookie, applicationId, newer, { replaces: first.documentId });
    expect(second.status).toBe('verified');
    const view = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
    expect(view.body.documents).toEqual([
      expect.objectContaining({ documentId: first.documentId, status: 'verified', replacedBy: second.documentId }),
      expect.objectContaining({ documentId: second.documentId, status: 'verified', replaces: first.documentId }),
    ]);
    const old = await api('GET', `/api/submission/applications/${applicationId}/documents/${first.documentId}/download`, { cookie });
    expect(Buffer.from(await (await fetch(old.body.url)).arrayBuffer()).equals(PDF)).toBe(true);
  });
});
