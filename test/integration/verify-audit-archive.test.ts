import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { AuditAction } from '../../shared/audit/actions';
import { linkEntry, roundScope, type AuditEntry } from '../../shared/audit/chain';
import { archiveEntry, archiveKey } from '../../functions/lib/audit/archive';
import { AuditLog, nodeSha256 } from '../../functions/lib/audit/log';
import { verify } from './verify-audit-helpers';
import { auditTables, localS3 } from './helpers';

// The chain verifies on its own even when it was rewritten with recomputed hashes or cut short by someone with
// write access to the table: only the archive (Object Lock in AWS, s3rver here) shows it. These tests change the
// table behind the API as such a person would, then run `npm run verify-audit -- --archive` on it.

const env = inject('stackEnv');
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const s3 = localS3();
const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials });
const ddb = DynamoDBDocumentClient.from(raw);
const table = env.TABLE_AUDIT!;
const bucket = env.AUDIT_ARCHIVE_BUCKET!;
/** The audit log as the functions run it locally: every entry archived right after it is linked. */
const archived = new AuditLog(ddb, auditTables(), { archive: (entry) => archiveEntry(s3, bucket, entry) });
const unarchived = new AuditLog(ddb, auditTables());
const archiveArgs = ['--archive-bucket', bucket, '--s3-endpoint', inject('s3Endpoint')];

afterAll(() => {
  s3.destroy();
  raw.destroy();
});

let n = 0;
const newRound = (name: string) => `arch-${name}-${Date.now()}-${++n}`;

// Each change linked right after its commit, by the log that committed it (archived, or not).
async function append(log: AuditLog, roundId: string, actions: readonly AuditAction[]): Promise<AuditEntry[]> {
  const scope = roundScope(roundId);
  const before = (await log.entries(scope)).length;
  for (const [i, action] of actions.entries()) {
    await log.commit({
        scope,
        actor: { personId: 'office-1', role: 'admin' },
        action,
        target: { type: 'application', id: `app-${i}` },
        state: { i, action },
        requestId: `req-${i}`,
        now: new Date(),
        writes: [],
      });
    await log.caughtUp(scope);
  }
  return (await log.entries(scope)).slice(before);
}

const itemOf = (entry: AuditEntry) => ({ pk: `CHAIN#${entry.scope}`, sk: String(entry.seq).padStart(12, '0'), ...entry });

describe('npm run verify-audit --archive', () => {
  it('passes a round whose every entry equals its archived copy', async () => {
    // Prepare
    const round = newRound('ok');
    await append(archived, round, ['scorecard.saved', 'scorecard.submitted', 'consensus.recorded']);
    // Act
    const { code, lines } = await verify('--round', round, ...archiveArgs);
    // Assess
    expect(lines).toContain(`ok        archive round:${round}  3 entries identical to their archived copies`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 3 entries, 0 mismatches');
    expect(code).toBe(0);
  });

  it('names the first entry of a chain rewritten in the table with recomputed hashes, which verifies on its own', async () => {
    // Prepare: a consensus entry and everything after it rewritten, each hash recomputed, written straight to the table
    const round = newRound('rewritten');
    const original = await append(archived, round, ['scorecard.submitted', 'consensus.recorded', 'round.stageMoved', 'application.shortlistDecided']);
    let prev: AuditEntry = original[0]!;
    for (const entry of original.slice(1)) {
      const { seq: _seq, prevHash: _prev, hash: _hash, ...draft } = entry;
      const forged = await linkEntry(nodeSha256, { ...draft, stateDigest: 'f'.repeat(64) }, prev);
      await ddb.send(new PutCommand({ TableName: table, Item: itemOf(forged) }));
      prev = forged;
    }
    // Act
    const alone = await verify('--round', round);
    const { code, lines } = await verify('--round', round, ...archiveArgs);
    // Assess: the chain alone cannot tell; the archive names #2
    expect(alone.code).toBe(0);
    expect(lines).toContain(`ok        round:${round}  4 entries  head ${prev.hash}`);
    expect(lines).toContain(`MISMATCH  archive round:${round}  first: #2 differs from its archived copy (3 different)`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 4 entries, 1 mismatches');
    expect(code).toBe(1);
  });

  it('names the entries cut from the end of the table', async () => {
    // Prepare: the last two entries deleted from the table; what is left still verifies
    const round = newRound('cut');
    const entries = await append(archived, round, ['objection.filed', 'objection.resolved', 'vote.cast', 'publication.published']);
    for (const entry of entries.slice(2)) await ddb.send(new DeleteCommand({ TableName: table, Key: { pk: `CHAIN#${entry.scope}`, sk: itemOf(entry).sk } }));
    // Act
    const { code, lines } = await verify('--round', round, ...archiveArgs);
    // Assess
    expect(lines).toContain(`ok        round:${round}  2 entries  head ${entries[1]!.hash}`);
    expect(lines).toContain(`MISMATCH  archive round:${round}  first: #3 archived, but not in the table (2 only in the archive)`);
    expect(code).toBe(1);
  });

  it('finds a chain deleted from the table whole when no round is named', async () => {
    // Prepare
    const round = newRound('gone');
    const entries = await append(archived, round, ['round.created', 'round.configured']);
    for (const entry of entries) await ddb.send(new DeleteCommand({ TableName: table, Key: { pk: `CHAIN#${entry.scope}`, sk: itemOf(entry).sk } }));
    // Act
    const { code, lines } = await verify(...archiveArgs);
    // Assess
    expect(lines).toContain(`ok        round:${round}  0 entries  head (empty)`);
    expect(lines).toContain(`MISMATCH  archive round:${round}  first: #1 archived, but not in the table (2 only in the archive)`);
    expect(code).toBe(1);
  });

  it('names an entry that never reached the archive, and --fill-archive copies it from the table once the chain vouches for it', async () => {
    // Prepare: the copy of #2 failed (written without the archiver), the others are archived
    const round = newRound('missing');
    const [first] = await append(archived, round, ['application.eligibilityDecided']);
    const [second] = await append(unarchived, round, ['application.eligibilityDecided']);
    await append(archived, round, ['round.stageMoved']);
    // Act
    const before = await verify('--round', round, ...archiveArgs);
    const filled = await verify('--round', round, '--fill-archive', ...archiveArgs);
    const after = await verify('--round', round, ...archiveArgs);
    // Assess
    expect(first!.seq).toBe(1);
    expect(before.lines).toContain(`MISMATCH  archive round:${round}  first: #2 not in the archive (1 missing)`);
    expect(before.code).toBe(1);
    expect(filled.lines).toContain(`archived  round:${round}  1 missing entries copied from the table (#2)`);
    expect(filled.lines).toContain(`ok        archive round:${round}  3 entries identical to their archived copies`);
    expect(filled.code).toBe(0);
    expect(after.code).toBe(0);
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: archiveKey(second!) }));
    expect(JSON.parse(await object.Body!.transformToString())).toEqual(second);
  });

  it('copies nothing into the archive for a chain the archive contradicts', async () => {
    // Prepare: #3 never archived, and #2 rewritten in the table (re-hashed from there on)
    const round = newRound('refused');
    const original = await append(archived, round, ['recusal.logged', 'assignment.made']);
    const [third] = await append(unarchived, round, ['declaration.made']);
    const { seq: _s, prevHash: _p, hash: _h, ...draft } = original[1]!;
    const forgedSecond = await linkEntry(nodeSha256, { ...draft, action: 'assignment.removed' }, original[0]);
    const { seq: _s3, prevHash: _p3, hash: _h3, ...draft3 } = third!;
    const forgedThird = await linkEntry(nodeSha256, draft3, forgedSecond);
    await ddb.send(new PutCommand({ TableName: table, Item: itemOf(forgedSecond) }));
    await ddb.send(new PutCommand({ TableName: table, Item: itemOf(forgedThird) }));
    // Act
    const { code, lines } = await verify('--round', round, '--fill-archive', ...archiveArgs);
    // Assess
    expect(lines).toContain(`refused   archive round:${round}  nothing copied: the archive disagrees with the table`);
    expect(lines).toContain(`MISMATCH  archive round:${round}  first: #2 differs from its archived copy (1 missing, 1 different)`);
    expect(code).toBe(1);
    await expect(s3.send(new GetObjectCommand({ Bucket: bucket, Key: archiveKey(third!) }))).rejects.toThrow();
  });
});
