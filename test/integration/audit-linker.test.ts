import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { roundScope, verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { archiveKey } from '../../functions/lib/audit/archive';
import { Linker } from '../../functions/lib/audit/linker';
import { AuditLog, nodeSha256, type AuditedChange } from '../../functions/lib/audit/log';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import { tableName } from '../../functions/lib/config';
import type { Session } from '../../functions/lib/http/router';
import { ReviewProgressReader } from '../../functions/lib/reviews/progress';
import { moveRoundStage } from '../../functions/publication/use-cases/rounds';
import { stackRuntime } from './applications-helpers';
import { auditTables, localS3 } from './helpers';
import { fetchResult, outcomeTables, seedDeliberatedRound } from './notice-helpers';
import { GetObjectCommand } from '@aws-sdk/client-s3';

// Linking off the request path (issue #11): each change commits with an intent under its own key; the linker appends
// the intents to the chain. These tests drive the real linker against dynalite; the only fake is a client that dies.
const env = inject('stackEnv');
const credentials = { accessKeyId: 'l', secretAccessKey: 'l' };
const clients: DynamoDBClient[] = [];
const documentClient = () => {
  const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials });
  clients.push(raw);
  return DynamoDBDocumentClient.from(raw);
};
const ddb = documentClient();
const s3 = localS3();
afterAll(async () => {
  for (const c of clients) c.destroy();
  s3.destroy();
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

let n = 0;
const newScope = (name: string) => roundScope(`linker-${name}-${Date.now().toString(36)}-${++n}`);

/** A scorecard save of expert `i`: its own record in the reviews table and its audit record. */
const save = (scope: string, i: number): AuditedChange => ({
  scope,
  actor: { personId: `expert-${i}`, role: 'expert' },
  action: 'scorecard.saved',
  target: { type: 'scorecard', id: `${scope}/${i}` },
  context: { applicationId: `app-${i % 7}`, stage: 'materialReview' },
  state: { i, score: 80_000 + i },
  requestId: `req-${scope}-${i}`,
  now: new Date(),
  writes: [{ Put: { TableName: env.TABLE_REVIEWS!, Item: { pk: `LINKERTEST#${scope}`, sk: `card#${i}`, score: 80_000 + i } } }],
});

/** The chain is whole: 1..n without a gap, verifying, every change's record in it exactly once, nothing left pending. */
async function expectLinkedOnce(log: AuditLog, scope: string, requestIds: readonly string[]): Promise<AuditEntry[]> {
  const entries = await log.entries(scope);
  expect(entries.map((e) => e.seq)).toEqual(requestIds.map((_, i) => i + 1));
  expect(entries.map((e) => e.requestId).sort()).toEqual([...requestIds].sort());
  expect(await verifyChain(nodeSha256, scope, entries)).toMatchObject({ ok: true, entries: requestIds.length });
  expect(await log.linker.pending(scope)).toEqual([]);
  return entries;
}

/**
 * Fault injection only: a client that dies (every call fails) from its `after`-th transaction on — either before
 * sending it, or (`afterSending`) once DynamoDB has applied it and before the linker hears back.
 */
function dyingClient(real: DynamoDBDocumentClient, after: number, afterSending: boolean): DynamoDBDocumentClient {
  let transactions = 0;
  let dead = false;
  return {
    send: async (command: unknown) => {
      if (dead) throw new Error('linker process gone');
      if (command instanceof TransactWriteCommand && ++transactions >= after) {
        dead = true;
        if (afterSending) await real.send(command);
        throw new Error('linker process gone');
      }
      return real.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
}

describe('committing with an audit intent', () => {
  it('lets 50 concurrent saves into one round all succeed (no 503 BUSY), each linked exactly once into one chain that verifies', async () => {
    // Prepare: the log as the functions run it locally (each commit schedules a drain in this process)
    const scope = newScope('fifty');
    const log = new AuditLog(ddb, auditTables(), { linkAfterCommit: true });
    // Act
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => log.commit(save(scope, i))));
    await log.caughtUp(scope);
    // Assess
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    await expectLinkedOnce(log, scope, Array.from({ length: 50 }, (_, i) => save(scope, i).requestId));
  });

  it('never reads or writes the chain on the request path: the change is committed with its intent while the chain stays as it was', async () => {
    // Prepare
    const scope = newScope('offpath');
    const log = new AuditLog(ddb, auditTables());
    // Act
    const intent = await log.commit(save(scope, 1));
    // Assess: one pending intent holding the whole record, no entry until the linker runs
    expect(await log.entries(scope)).toEqual([]);
    expect(await log.linker.pending(scope)).toEqual([intent]);
    const head = await log.caughtUp(scope);
    expect(head).toMatchObject({ seq: 1, requestId: intent.requestId, stateDigest: intent.stateDigest, at: intent.at });
  });
});

describe('the linker', () => {
  it('links in commit order within one writer (100 intents, three batches)', async () => {
    // Prepare: 100 changes committed one after another, none linked yet
    const scope = newScope('order');
    const log = new AuditLog(ddb, auditTables());
    for (let i = 0; i < 100; i++) await log.commit(save(scope, i));
    // Act
    await log.caughtUp(scope);
    // Assess
    const entries = await expectLinkedOnce(log, scope, Array.from({ length: 100 }, (_, i) => save(scope, i).requestId));
    expect(entries.map((e) => e.requestId)).toEqual(Array.from({ length: 100 }, (_, i) => save(scope, i).requestId));
  });

  it('never forks nor duplicates when two linkers race on one chain, and both end at the same head', async () => {
    // Prepare: 120 pending intents; two linkers with their own connections, as two function instances would have
    const scope = newScope('race');
    const writer = new AuditLog(ddb, auditTables());
    await Promise.all(Array.from({ length: 120 }, (_, i) => writer.commit(save(scope, i))));
    const a = new AuditLog(documentClient(), auditTables(), { sha256: nodeSha256 });
    const b = new AuditLog(documentClient(), auditTables(), { sha256: nodeSha256 });
    // Act
    const [headA, headB] = await Promise.all([a.caughtUp(scope), b.caughtUp(scope)]);
    // Assess
    await expectLinkedOnce(writer, scope, Array.from({ length: 120 }, (_, i) => save(scope, i).requestId));
    expect(headA).toEqual(headB);
    expect(headA?.seq).toBe(120);
  });

  it.each([
    ['before its second batch reaches DynamoDB', false],
    ['after DynamoDB applied its second batch, before it heard back', true],
  ])('loses nothing when it dies %s: the next drain completes the chain', async (_when, afterSending) => {
    // Prepare: 50 pending intents; a linker of batches of 10 whose process dies at its second transaction
    const scope = newScope(afterSending ? 'dies-after' : 'dies-before');
    const log = new AuditLog(ddb, auditTables());
    for (let i = 0; i < 50; i++) await log.commit(save(scope, i));
    const dying = new Linker(dyingClient(ddb, 2, afterSending), auditTables(), { sha256: nodeSha256, batch: 10 });
    // Act
    await expect(dying.drain(scope)).rejects.toThrow('linker process gone');
    const linkedBeforeRestart = (await log.entries(scope)).length;
    await log.caughtUp(scope);
    // Assess: whole batches only, then the rest, each exactly once
    expect(linkedBeforeRestart).toBe(afterSending ? 20 : 10);
    expect((await log.linker.pending(scope)).length).toBe(0);
    await expectLinkedOnce(log, scope, Array.from({ length: 50 }, (_, i) => save(scope, i).requestId));
  });

  it('archives every entry it links (locally)', async () => {
    // Prepare
    const scope = newScope('archive');
    const { audit } = await stackRuntime();
    // Act
    await Promise.all(Array.from({ length: 30 }, (_, i) => audit.commit(save(scope, i))));
    await audit.caughtUp(scope);
    // Assess: whichever drain linked an entry put its copy right after the link; read each once it is there
    for (const entry of await audit.entries(scope)) {
      let copy: unknown;
      for (let attempt = 0; copy === undefined; attempt++) {
        copy = await s3
          .send(new GetObjectCommand({ Bucket: env.AUDIT_ARCHIVE_BUCKET!, Key: archiveKey(entry) }))
          .then(async (o) => JSON.parse(await o.Body!.transformToString()) as unknown)
          .catch((error: unknown) => {
            if (attempt >= 100) throw error;
            return new Promise<undefined>((r) => setTimeout(() => r(undefined), 50));
          });
      }
      expect(copy).toEqual(entry);
    }
  });
});

describe('publishing', () => {
  it('publishes a head that covers a change committed just before, although nothing had linked it yet', async () => {
    // Prepare: a round at deliberation; the publication function's deps with a log that links only when asked
    // (as in AWS, where the stream may not have delivered the intents yet)
    const seeded = await seedDeliberatedRound(['proposed']);
    const roundId = seeded.round.roundId;
    const scope = roundScope(roundId);
    const rt = await stackRuntime();
    await rt.audit.caughtUp(scope);
    const audit = new AuditLog(rt.clients.ddb, rt.audit.tables);
    const { awards, outcome } = await outcomeTables();
    const deps = {
      audit,
      awards,
      outcome,
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      reviews: new ReviewProgressReader(rt.clients.ddb, tableName(rt.config, 'reviews')),
      config: rt.config,
      clients: rt.clients,
      logger: { error: (...args: unknown[]) => console.error(...args) },
    };
    const session: Session = { sessionId: 'test', personId: 'office-test', role: 'admin', programmeId: 'city', email: 'office@merit.test', name: '办公室', expiresAt: '' };
    const headBefore = (await audit.head(scope))!.seq;
    const justBefore = await audit.commit({ ...save(scope, 1), action: 'opinion.recorded' });
    expect(await audit.head(scope)).toMatchObject({ seq: headBefore });
    // Act
    const answer = await moveRoundStage(deps, session, roundId, { to: 'publicNotice', version: 1 }, new Date(), 'test-covers');
    // Assess: the published head is the move, after the change committed just before it
    expect(answer.publication).toEqual({ kind: 'notice', published: true });
    const { json: doc } = await fetchResult(`/results/${roundId}/notice.json`);
    const entries = await audit.entries(scope);
    const change = entries.find((e) => e.requestId === justBefore.requestId)!;
    const move = entries.find((e) => e.requestId === 'test-covers' && e.action === 'round.stageMoved')!;
    expect(change.seq).toBe(headBefore + 1);
    expect(move.seq).toBe(headBefore + 2);
    expect(doc.chainHead).toEqual({ scope, sequence: move.seq, hash: move.hash });
  });
});
