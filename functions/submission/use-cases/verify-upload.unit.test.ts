import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../lib/applications/repository';
import type { RoundContext } from './context';
import { isS3Event, rejectionOf } from './verify-upload';

const ctx = { config: { uploads: { allowedTypes: ['application/pdf', 'image/png'], maxFileBytes: 1000, maxApplicationBytes: 5000 } } } as unknown as RoundContext;
const doc = { contentType: 'application/pdf', size: 100, sha256: 'a'.repeat(64) } as DocumentRecord;
const stored = { size: 100, sha256: 'a'.repeat(64), sniffedType: 'application/pdf' };

describe('verifying an uploaded object', () => {
  it('accepts what the applicant declared', () => {
    expect(rejectionOf(doc, stored, ctx)).toBeUndefined();
  });

  it('rejects an object over the size limit even when the bucket let it through (s3rver ignores the POST policy)', () => {
    expect(rejectionOf(doc, { size: 1001 }, ctx)?.code).toBe('DOCUMENT_TOO_LARGE');
  });

  it('rejects an empty object', () => {
    expect(rejectionOf(doc, { size: 0 }, ctx)?.code).toBe('DOCUMENT_EMPTY');
  });

  it('rejects content whose magic bytes are unknown or not allowed', () => {
    expect(rejectionOf(doc, { ...stored, sniffedType: undefined }, ctx)?.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
    expect(rejectionOf(doc, { ...stored, sniffedType: 'application/zip' }, ctx)?.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
  });

  it('rejects an allowed type that is not the declared one', () => {
    expect(rejectionOf(doc, { ...stored, sniffedType: 'image/png' }, ctx)).toEqual({
      code: 'DOCUMENT_TYPE_MISMATCH',
      params: { actual: 'image/png', declared: 'application/pdf' },
    });
  });

  it('rejects a size or SHA-256 that differs from what the browser declared', () => {
    expect(rejectionOf(doc, { ...stored, size: 99 }, ctx)?.code).toBe('DOCUMENT_SIZE_MISMATCH');
    expect(rejectionOf(doc, { ...stored, sha256: 'b'.repeat(64) }, ctx)?.code).toBe('DOCUMENT_CHECKSUM_MISMATCH');
  });
});

describe('telling events apart', () => {
  it('recognises an S3 notification and not an HTTP API event', () => {
    expect(isS3Event({ Records: [{ eventSource: 'aws:s3' }] })).toBe(true);
    expect(isS3Event({ version: '2.0', routeKey: 'GET /api/submission/health' })).toBe(false);
    expect(isS3Event({ Records: [{ eventSource: 'aws:dynamodb' }] })).toBe(false);
  });
});
