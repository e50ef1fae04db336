import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { linkEntry, type AuditEntry, type AuditEntryDraft, type Sha256 } from '../../../shared/audit/chain';

/**
 * An audit record not linked into its chain yet: everything its entry will
 * hold but the sequence number and the hashes. Written in the transaction of
 * its change, under its own key, so no two requests write the same item.
 */
export interface AuditIntent extends AuditEntryDraft {
  /** A ULID: the order in which the linker links the chain's pending intents. */
  readonly intentId: string;
}

const SEQ_WIDTH = 12;
/** Partition of a chain's entries in the audit table. */
export const chainKey = (scope: string) => `CHAIN#${scope}`;
/** Sort key of an entry: its sequence number, zero-padded so the keys sort as the numbers do. */
export const seqKey = (seq: number) => String(seq).padStart(SEQ_WIDTH, '0');
const INTENT_PREFIX = 'INTENT#';
/** Key of an intent in the intents table: one partition per chain, sorted by intent id. */
export const intentKey = (scope: string, intentId: string) => ({ pk: `${INTENT_PREFIX}${scope}`, sk: intentId });

/** Intents linked per transaction: each takes two of DynamoDB's 100 items (its entry's put, its own delete). */
export const LINK_BATCH = 45;
// A linker that keeps losing to others (another linker, or contended items) gives up and is run again (the stream retries).
const MAX_LOST = 25;
const MAX_BACKOFF_MS = 100;

/** The draft of an entry an intent holds, without the intent's own fields (the entry's format stays exactly as exported). */
export function draftOf(intent: AuditIntent): AuditEntryDraft {
  const { scope, at, actor, action, target, context, stateDigest, requestId, records } = intent;
  return { scope, at, actor, action, target, ...(context ? { context } : {}), stateDigest, requestId, ...(records?.length ? { records } : {}) };
}

/** An intent and the entry it becomes. */
export interface LinkedIntent {
  readonly intent: AuditIntent;
  readonly entry: AuditEntry;
}

/**
 * The chain's next entries: the intents in the order of their ids (ULIDs: time
 * of commit, then a process's own order), linked one after another from the
 * head. Pure; the same head and intents always give the same entries.
 */
export async function linkIntents(sha256: Sha256, head: Pick<AuditEntry, 'seq' | 'hash'> | undefined, intents: readonly AuditIntent[]): Promise<LinkedIntent[]> {
  const ordered = [...intents].sort((a, b) => (a.intentId < b.intentId ? -1 : a.intentId > b.intentId ? 1 : 0));
  const linked: LinkedIntent[] = [];
  let previous = head;
  for (const intent of ordered) {
    if (intent.scope !== ordered[0]!.scope) throw new Error('intents of different chains cannot be linked together');
    const entry = await linkEntry(sha256, draftOf(intent), previous);
    linked.push({ intent, entry });
    previous = entry;
  }
  return linked;
}

/** The newest linked entry of a chain (a consistent read of the last item of its partition). */
export async function chainHead(ddb: DynamoDBDocumentClient, table: string, scope: string): Promise<AuditEntry | undefined> {
  const out = await ddb.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': chainKey(scope) },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = out.Items?.[0];
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...entry } = item;
  return entry as unknown as AuditEntry;
}

/** Chains whose drains are running in this process (locally), and those to drain again when done. */
const running = new Map<string, Promise<void>>();
const again = new Set<string>();

/** Settles once every drain scheduled in this process is done (the local stack waits for it before it stops). */
export async function scheduledLinksSettled(): Promise<void> {
  while (running.size > 0) await Promise.all(running.values());
}

/**
 * The audit linker: appends pending intents to their chain, one ordered
 * sequencer per chain however many run at once. Each batch is one
 * transaction: every entry's put is conditional on its sequence number being
 * free (two linkers can never fork the chain), every intent's delete on the
 * intent still being there (an intent is never linked twice). A batch is
 * all-or-nothing, so a linker that dies mid-drain leaves the chain and the
 * intents consistent, and the next drain continues from the head.
 */
export class Linker {
  private readonly sha256: Sha256;
  private readonly archive?: (entry: AuditEntry) => Promise<void>;
  private readonly batch: number;

  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly tables: { readonly entries: string; readonly intents: string },
    options: { readonly sha256: Sha256; readonly archive?: (entry: AuditEntry) => Promise<void>; readonly batch?: number },
  ) {
    this.sha256 = options.sha256;
    if (options.archive) this.archive = options.archive;
    this.batch = options.batch ?? LINK_BATCH;
  }

  /** The newest entry of a chain. */
  private head(scope: string): Promise<AuditEntry | undefined> {
    return chainHead(this.ddb, this.tables.entries, scope);
  }

  /** The chain's oldest pending intents (by id), up to `limit`. */
  async pending(scope: string, limit?: number): Promise<AuditIntent[]> {
    const intents: AuditIntent[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.tables.intents,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': intentKey(scope, '').pk },
          ConsistentRead: true,
          ExclusiveStartKey: start,
          ...(limit ? { Limit: limit - intents.length } : {}),
        }),
      );
      for (const item of out.Items ?? []) {
        const { pk: _pk, sk: _sk, ...intent } = item;
        intents.push(intent as unknown as AuditIntent);
      }
      start = out.LastEvaluatedKey;
    } while (start && (!limit || intents.length < limit));
    return intents;
  }

  /**
   * Links every pending intent of the chain, batch by batch, until a
   * consistent read finds none; returns the head read after that read, so it
   * covers every change committed before this call.
   */
  async drain(scope: string): Promise<AuditEntry | undefined> {
    let lost = 0;
    for (;;) {
      // Pending first, head after: an intent another linker linked in between is then in the head we return.
      const intents = await this.pending(scope, this.batch);
      const head = await this.head(scope);
      if (intents.length === 0) return head;
      const linked = await linkIntents(this.sha256, head, intents);
      try {
        await this.ddb.send(
          new TransactWriteCommand({
            TransactItems: linked.flatMap(({ intent, entry }) => [
              { Put: { TableName: this.tables.entries, Item: { pk: chainKey(scope), sk: seqKey(entry.seq), ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } },
              { Delete: { TableName: this.tables.intents, Key: intentKey(scope, intent.intentId), ConditionExpression: 'attribute_exists(pk)' } },
            ]),
          }),
        );
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // Another linker got there first (a sequence number taken, an intent gone) or was writing at the same moment:
        // nothing of this batch was written; read again and go on from the new head.
        if (++lost > MAX_LOST) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(MAX_BACKOFF_MS, 5 * 2 ** lost)));
        continue;
      }
      lost = 0;
      if (this.archive) {
        const archive = this.archive;
        // The entries are linked; a failed archive copy is logged, not retried here (verify-audit --fill-archive).
        await Promise.all(linked.map(({ entry: e }) => archive(e).catch((err: unknown) => console.error('audit archive copy failed', e.scope, e.seq, err))));
      }
    }
  }

  /**
   * Drains the chain soon, in this process: one drain per chain at a time; a
   * request made while one runs makes it run once more after (locally, after
   * each commit). Failures are logged; the next commit or read drains again.
   */
  schedule(scope: string): void {
    const key = `${this.tables.intents}\u0000${scope}`;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const run = (async () => {
      do {
        again.delete(key);
        await this.drain(scope).catch((error: unknown) => console.error('audit linking failed; the next drain continues', scope, error));
      } while (again.has(key));
    })().finally(() => running.delete(key));
    running.set(key, run);
  }
}

/** The chains that stream records of the intents table name (inserted intents): each is to be drained. */
export function scopesWithNewIntents(event: DynamoDBStreamEvent): string[] {
  const scopes = new Set<string>();
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
    if (typeof item.pk === 'string' && item.pk.startsWith(INTENT_PREFIX) && typeof item.scope === 'string') scopes.add(item.scope);
  }
  return [...scopes];
}
