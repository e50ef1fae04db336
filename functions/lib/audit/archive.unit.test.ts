import { PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/chain';
import { archiveEntry, archiveKey } from './archive';

const entry: AuditEntry = {
  scope: 'round:r1',
  seq: 7,
  at: '2026-12-05T00:00:00.000Z',
  actor: { personId: 'p1', role: 'admin' },
  action: 'vote.cast',
  target: { type: 'application', id: 'a1' },
  stateDigest: 'd'.repeat(64),
  requestId: 'req-7',
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
};

// Fault injection only (s3rver ignores If-None-Match on a put): S3's answers to a conditional put of a key that exists.
function s3Answering(status: number) {
  const puts: PutObjectCommand[] = [];
  const client = {
    send: async (command: unknown) => {
      if (!(command instanceof PutObjectCommand)) throw new Error('unexpected command');
      puts.push(command);
      throw new S3ServiceException({ name: status === 412 ? 'PreconditionFailed' : 'InternalError', $fault: status < 500 ? 'client' : 'server', $metadata: { httpStatusCode: status } });
    },
  } as unknown as S3Client;
  return { client, puts };
}

describe('archiving an audit entry', () => {
  it('puts it only if its key is free (If-None-Match), and takes 412 as archived already (a stream record delivered twice)', async () => {
    // Prepare
    const { client, puts } = s3Answering(412);
    // Act
    await archiveEntry(client, 'archive', entry);
    // Assess
    expect(puts).toHaveLength(1);
    expect(puts[0]!.input).toMatchObject({ Bucket: 'archive', Key: archiveKey(entry), IfNoneMatch: '*' });
    expect(archiveKey(entry)).toBe('audit/round%3Ar1/000000000007.json');
  });

  it('fails on any other error, so the stream retries the batch', async () => {
    // Prepare
    const { client } = s3Answering(500);
    // Act / Assess
    await expect(archiveEntry(client, 'archive', entry)).rejects.toBeInstanceOf(S3ServiceException);
  });
});
