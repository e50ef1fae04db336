import { afterAll, describe, expect, it } from 'vitest';
import { api, uniqueEmail } from './helpers';
import { createRound, PDF, registeredApplicant, sha256, stackRuntime, waitForDocument } from './applications-helpers';

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const postForm = (form: { url: string; fields: Record<string, string> }, bytes: Buffer) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'file.pdf');
  return fetch(form.url, { method: 'POST', body: data });
};

describe('a verified original cannot be lost in the local S3', () => {
  it('refuses a second POST to a verified document key, and the download still serves the verified bytes, with nosniff', async () => {
    // Prepare: a verified upload, and its presigned form kept (valid for 15 minutes)
    const roundId = await createRound();
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('write-once'));
    const created = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'businessLicence', fileName: '营业执照.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    });
    expect(created.status).toBe(201);
    expect((await postForm(created.body.upload, PDF)).status).toBeLessThan(300);
    const doc = await waitForDocument(cookie, applicationId, created.body.document.documentId);
    expect(doc.status).toBe('verified');

    // Act: the same form again, with other bytes of the same length
    const forged = Buffer.from(PDF.toString('latin1').replace('%%EOF', '%%EOX'), 'latin1');
    const second = await postForm(created.body.upload, forged);

    // Assess: refused, the document still verified, and the download gives the original bytes
    expect(second.status).toBe(403);
    expect(await second.text()).toContain('AccessDenied');
    expect((await waitForDocument(cookie, applicationId, doc.documentId)).status).toBe('verified');
    const link = await api('GET', `/api/submission/applications/${applicationId}/documents/${doc.documentId}/download`, { cookie });
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('lets only one of two uploads raced to the same new key store its bytes', async () => {
    // Prepare
    const roundId = await createRound();
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('write-once-race'));
    const created = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'businessLicence', fileName: 'a.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    });
    // Act
    const other = Buffer.from(PDF.toString('latin1').replace('%%EOF', '%%EOX'), 'latin1');
    const answers = await Promise.all([postForm(created.body.upload, PDF), postForm(created.body.upload, other)]);
    // Assess: one stored, one refused; the stored bytes are the verified ones
    expect(answers.map((a) => a.status).sort()).toEqual([204, 403]);
    const doc = await waitForDocument(cookie, applicationId, created.body.document.documentId);
    const winner = answers[0]!.status === 204 ? PDF : other;
    expect(doc.status).toBe(winner === PDF ? 'verified' : 'rejected');
  });
});
