import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { digestState, linkEntry, type AuditActor, type AuditContext, type AuditEntry, type AuditTarget, type Sha256 } from '../../../shared/audit/chain';
import type { AuditAction } from '../../../shared/audit/actions';
import { AppError } from '../http/errors';

/** One write of a transaction, in document-client form. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Node's SHA-256, hex. */
export const nodeSha256: Sha256 = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A state change to commit together with its audit entry. */
export interface AuditedChange {
  /** Chain scope: `round:<id>` or `programme:<id>` (shared/audit/chain.ts). */
  readonly scope: string;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly target: AuditTarget;
  readonly context?: AuditContext;
  /** The new state of the target; only its digest is chained. */
  readonly state: unknown;
  readonly requestId: string;
  readonly now: Date;
  /** The state change itself: up to 99 transaction items. */
  readonly writes: readonly TransactItem[];
}

/** A condition of one of the change's own writes failed: the change conflicts with what is stored. Nothing was written. */
export class WriteConditionError extends Error {
  readonly code = 'WRITE_CONDITION_FAILED';
  constructor(readonly index: number) {
    super(`write ${index} of the change failed its condition`);
  }
}

const SEQ_WIDTH = 12;
const MAX_ATTEMPTS = 12;
const MAX_BACKOFF_MS = 200;
const chainKey = (scope: string) => `CHAIN#${scope}`;
const seqKey = (seq: number) => String(seq).padStart(SEQ_WIDTH, '0');

function toEntry(item: Record<string, unknown>): AuditEntry {
  const { pk: _pk, sk: _sk, ...entry } = item;
  return entry as unknown as AuditEntry;
}

/**
 * The audit table. Every state-changing use case goes through `commit`, so a
 * change and its entry are written in one transaction and neither exists
 * without the other. The entry's put is conditional on its sequence number
 * being free, so the chain cannot fork; a writer that loses the race re-reads
 * the head and tries again.
 */
export class AuditLog {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
    private readonly sha256: Sha256 = nodeSha256,
    /** Called after each append (locally: the archiver; in AWS the table's stream feeds it instead). */
    private readonly afterAppend?: (entry: AuditEntry) => Promise<void>,
  ) {}

  /** The newest entry of a chain. */
  async head(scope: string): Promise<AuditEntry | undefined> {
    const out = await this.ddb.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': chainKey(scope) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? toEntry(item) : undefined;
  }

  /** Entries of a chain in order, from `afterSeq` (exclusive). */
  async entries(scope: string, afterSeq = 0, limit?: number): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk > :after',
          ExpressionAttributeValues: { ':pk': chainKey(scope), ':after': seqKey(afterSeq) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
          ...(limit ? { Limit: limit - entries.length } : {}),
        }),
      );
      entries.push(...(out.Items ?? []).map(toEntry));
      start = out.LastEvaluatedKey;
    } while (start && (!limit || entries.length < limit));
    return entries;
  }

  /** Writes a state change and its audit entry in one transaction; returns the entry. */
  async commit(change: AuditedChange): Promise<AuditEntry> {
    if (change.writes.length > 99) throw new Error('a change may write at most 99 items besides its audit entry');
    const stateDigest = await digestState(this.sha256, change.state);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const head = await this.head(change.scope);
      const entry = await linkEntry(
        this.sha256,
        {
          scope: change.scope,
          at: change.now.toISOString(),
          actor: change.actor,
          action: change.action,
          target: change.target,
          ...(change.context ? { context: change.context } : {}),
          stateDigest,
          requestId: change.requestId,
        },
        head,
      );
      const auditPut: TransactItem = {
        Put: {
          TableName: this.table,
          Item: { pk: chainKey(change.scope), sk: seqKey(entry.seq), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      try {
        await this.ddb.send(new TransactWriteCommand({ TransactItems: [...change.writes, auditPut] }));
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failedWrite = reasons.slice(0, change.writes.length).findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failedWrite >= 0) throw new WriteConditionError(failedWrite);
        const lostRace = reasons[change.writes.length]?.Code === 'ConditionalCheckFailed';
        const contended = reasons.some((r) => r.Code === 'TransactionConflict');
        if (!lostRace && !contended) throw error;
        // Exponential backoff with full jitter, so many writers to one round's chain spread out instead of colliding again.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(MAX_BACKOFF_MS, 10 * 2 ** attempt)));
        continue;
      }
      // The change is committed; a failed archive copy must not turn it into an error (the chain itself is the record).
      await this.afterAppend?.(entry).catch((e: unknown) => console.error('audit archive copy failed', entry.scope, entry.seq, e));
      return entry;
    }
    // Nothing was written: a busy chain is a passing condition (503, retry), not a conflict with the caller's data.
    throw new AppError('BUSY', 503, { reason: 'audit chain contended' });
  }
}
