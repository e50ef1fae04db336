import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUND_DEFAULTS } from '../../shared/round';
import { api, uniqueEmail } from './helpers';
import { createRound, registeredApplicant, sha256, stackRuntime } from './applications-helpers';

let roundId: string;
beforeAll(async () => {
  roundId = await createRound(); // the default upload rules: 50 MB a file
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** A PDF of exactly `size` bytes: a real header and trailer around a large stream of padding. */
function largePdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<</Length 0>>stream\n');
  const tail = Buffer.from('\nendstream endobj\ntrailer<<>>\n%%EOF\n');
  const pdf = Buffer.alloc(size, 0x20);
  head.copy(pdf, 0);
  tail.copy(pdf, size - tail.length);
  // Vary the padding so a checksum over part of the file could not pass by accident.
  for (let i = head.length; i < size - tail.length; i += 4096) pdf[i] = i % 251;
  return pdf;
}

describe('a file at the 50 MB limit', () => {
  it('uploads through the presigned POST and is verified by its full SHA-256', async () => {
    // Prepare
    const size = ROUND_DEFAULTS.uploads.maxFileBytes;
    const pdf = largePdf(size);
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('large'));
    const created = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'selfAssessmentReport', fileName: '自评报告（全文）.pdf', contentType: 'application/pdf', size, sha256: sha256(pdf) },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const form = new FormData();
    for (const [name, value] of Object.entries(created.body.upload.fields as Record<string, string>)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'report.pdf');

    // Act
    const posted = await fetch(created.body.upload.url, { method: 'POST', body: form });
    let doc: { status: string; size?: number; sha256?: string; rejection?: unknown } = { status: 'pending' };
    for (let i = 0; i < 240 && doc.status === 'pending'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      doc = (await api('GET', `/api/submission/applications/${applicationId}/documents/${created.body.document.documentId}`, { cookie })).body;
    }

    // Assess
    expect(posted.status).toBeLessThan(300);
    expect(doc.status, JSON.stringify(doc.rejection)).toBe('verified');
    expect(doc).toMatchObject({ size, sha256: sha256(pdf) });
  }, 120_000);
});
