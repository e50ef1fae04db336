import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { TABLES, type TableKey } from '../../../shared/tables';
import { recordKeyOf } from '../../../shared/audit/records';
import { digestState, type RecordDigest, type AuditActor, type AuditContext, type AuditEntry, type AuditTarget, type Sha256 } from '../../../shared/audit/chain';
import type { AuditAction } from '../../../shared/audit/actions';
import { AppError } from '../http/errors';
import { chainHead, chainKey, intentKey, Linker, seqKey, type AuditIntent } from './linker';

/** One write of a transaction, in document-client form. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Node's SHA-256, hex. */
export const nodeSha256: Sha256 = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A state change to commit together with its audit record. */
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

/** The two audit tables: the chains (append-only) and the intents waiting to be linked into them. */
export interface AuditTables {
  readonly entries: string;
  readonly intents: string;
}

/** How an audit log links and archives. */
export interface AuditLogOptions {
  readonly sha256?: Sha256;
  /**
   * Locally: link each commit's intent in this process right after the commit
   * (single flight per chain). In AWS the intents table's stream runs the
   * linker in the publication function instead, so no request waits for it.
   */
  readonly linkAfterCommit?: boolean;
  /** Locally: copy each linked entry to the archive (in AWS the audit table's stream feeds the archiver). */
  readonly archive?: (entry: AuditEntry) => Promise<void>;
  /** Physical table name → its key in shared/tables.ts, for the record digests (default: the TABLE_* variables and the local names). */
  readonly tableKeys?: Readonly<Record<string, string>>;
}

/** The tables' keys by physical name, from the functions' environment (TABLE_*) and the local stack's names (merit-<key>). */
function defaultTableKeys(): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [key, def] of Object.entries(TABLES) as [TableKey, (typeof TABLES)[TableKey]][]) {
    keys[`merit-${key}`] = key;
    const name = process.env[def.envVar];
    if (name) keys[name] = key;
  }
  return keys;
}

/**
 * The digest of every record a change writes whole (a Put: the item as written; a Delete: null). An Update's result
 * is not known before it applies, so only counters are written with Update (a team's roster, the proposals' count),
 * and verification leaves them out (shared/audit/records.ts).
 */
async function recordDigests(sha256: Sha256, tableKeys: Readonly<Record<string, string>>, writes: readonly TransactItem[]): Promise<RecordDigest[]> {
  const records: RecordDigest[] = [];
  for (const write of writes) {
    if (write.Put?.Item) {
      const item = write.Put.Item as Record<string, unknown>;
      const table = tableKeys[write.Put.TableName!] ?? write.Put.TableName!;
      records.push({ table, key: recordKeyOf(item), digest: await digestState(sha256, item) });
    } else if (write.Delete?.Key) {
      const table = tableKeys[write.Delete.TableName!] ?? write.Delete.TableName!;
      records.push({ table, key: recordKeyOf(write.Delete.Key as Record<string, unknown>), digest: null });
    }
  }
  return records;
}

// Only TransactionConflict can make a change's transaction fail without a failed condition: another transaction was
// writing one of the change's own items at that moment (there is no shared chain head any more).
const MAX_ATTEMPTS = 6;
const MAX_BACKOFF_MS = 200;
// Monotonic within a process: the intents of one writer sort in the order it committed them, even within one millisecond.
const nextIntentId = monotonicFactory();

function toEntry(item: Record<string, unknown>): AuditEntry {
  const { pk: _pk, sk: _sk, ...entry } = item;
  return entry as unknown as AuditEntry;
}

/**
 * The audit log. Every state-changing use case goes through `commit`: the
 * change and its audit record (an intent: the entry without its link) are
 * written in one transaction, so neither exists without the other, and no two
 * requests write the same audit item, so nothing on the request path contends
 * for the chain's head. The linker (linker.ts) then appends intents to their
 * chain in one order; `caughtUp` waits for it.
 */
export class AuditLog {
  readonly linker: Linker;
  private readonly sha256: Sha256;
  private readonly tableKeys: Readonly<Record<string, string>>;

  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly tables: AuditTables,
    private readonly options: AuditLogOptions = {},
  ) {
    this.sha256 = options.sha256 ?? nodeSha256;
    this.tableKeys = options.tableKeys ?? defaultTableKeys();
    this.linker = new Linker(ddb, tables, { sha256: this.sha256, ...(options.archive ? { archive: options.archive } : {}) });
  }

  /** The newest linked entry of a chain (intents not linked yet are not in it: see `caughtUp`). */
  head(scope: string): Promise<AuditEntry | undefined> {
    return chainHead(this.ddb, this.tables.entries, scope);
  }

  /** Linked entries of a chain in order, from `afterSeq` (exclusive). */
  async entries(scope: string, afterSeq = 0, limit?: number): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.tables.entries,
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

  /**
   * Links every intent of the chain committed before this call, then returns
   * the chain's head: what a reader that must see every committed change
   * (publishing, the supervisors' timeline) reads after.
   */
  caughtUp(scope: string): Promise<AuditEntry | undefined> {
    return this.linker.drain(scope);
  }

  /** Writes a state change and its audit intent in one transaction; returns the intent. */
  async commit(change: AuditedChange): Promise<AuditIntent> {
    if (change.writes.length > 99) throw new Error('a change may write at most 99 items besides its audit record');
    const records = await recordDigests(this.sha256, this.tableKeys, change.writes);
    const intent: AuditIntent = {
      intentId: nextIntentId(),
      scope: change.scope,
      at: change.now.toISOString(),
      actor: change.actor,
      action: change.action,
      target: change.target,
      ...(change.context ? { context: change.context } : {}),
      stateDigest: await digestState(this.sha256, change.state),
      requestId: change.requestId,
      ...(records.length ? { records } : {}),
    };
    const intentPut: TransactItem = {
      Put: {
        TableName: this.tables.intents,
        Item: { ...intentKey(intent.scope, intent.intentId), ...intent },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        await this.ddb.send(new TransactWriteCommand({ TransactItems: [...change.writes, intentPut] }));
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failedWrite = reasons.slice(0, change.writes.length).findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failedWrite >= 0) throw new WriteConditionError(failedWrite);
        if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
        // Exponential backoff with full jitter: another transaction is writing one of this change's items right now.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(MAX_BACKOFF_MS, 10 * 2 ** attempt)));
        continue;
      }
      if (this.options.linkAfterCommit) this.linker.schedule(intent.scope);
      return intent;
    }
    // Nothing was written: a contended item is a passing condition (503, retry), not a conflict with the caller's data.
    throw new AppError('BUSY', 503, { reason: 'items of the change contended' });
  }
}
