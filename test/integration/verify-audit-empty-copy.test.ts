import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AuditAction } from '../../shared/audit/actions';
import { roundScope, type AuditEntry } from '../../shared/audit/chain';
import { archiveEntry, archiveKey } from '../../functions/lib/audit/archive';
import { AuditLog } from '../../functions/lib/audit/log';
import { verify } from './verify-audit-helpers';
import { auditTables, localS3 } from './helpers';

const env = inject('stackEnv');
const s3 = localS3();
const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
const ddb = DynamoDBDocumentClient.from(raw);
const bucket = env.AUDIT_ARCHIVE_BUCKET!;
const archived = new AuditLog(ddb, auditTables(), { archive: (entry) => archiveEntry(s3, bucket, entry) });
const archiveArgs = ['--archive-bucket', bucket, '--s3-endpoint', inject('s3Endpoint')];

afterAll(() => {
  s3.destroy();
  raw.destroy();
});

async function append(roundId: string, actions: readonly AuditAction[]): Promise<AuditEntry[]> {
  const scope = roundScope(roundId);
  for (const [i, action] of actions.entries()) {
    await archived.commit({ scope, actor: { personId: 'office-1', role: 'admin' }, action, target: { type: 'application', id: `app-${i}` }, state: { i }, requestId: `req-${i}`, now: new Date(), writes: [] });
    await archived.caughtUp(scope);
  }
  return archived.entries(scope);
}

describe('npm run verify-audit --fill-archive on empty archived copies', () => {
  it('repairs an archived copy a full disk left empty, from a chain that verifies and vouches for it', async () => {
    // Prepare: three archived entries; the copy of #2 is empty, as s3rver left it when the disk filled mid-write
    const round = `arch-empty-${Date.now()}`;
    const entries = await append(round, ['application.eligibilityDecided', 'application.eligibilityDecided', 'round.stageMoved']);
    const second = entries[1]!;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: archiveKey(second), Body: '' }));
    // Act
    const before = await verify('--round', round, ...archiveArgs);
    const filled = await verify('--round', round, '--fill-archive', ...archiveArgs);
    const after = await verify('--round', round, ...archiveArgs);
    // Assess
    expect(before.code).toBe(1);
    expect(before.lines).toContain(`empty     archive round:${round}  #2: archived copy is empty (a write that failed), counted as missing`);
    expect(filled.lines).toContain(`archived  round:${round}  1 missing entries copied from the table (#2)`);
    expect(filled.lines).toContain(`ok        archive round:${round}  3 entries identical to their archived copies`);
    expect(filled.code).toBe(0);
    expect(after.code).toBe(0);
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: archiveKey(second) }));
    expect(JSON.parse(await object.Body!.transformToString())).toEqual(second);
  });
});
