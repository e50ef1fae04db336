import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../shared/audit/chain';
import { checkRecords, descriptionsOf, DESCRIBED_TABLES, type ChainRecords, type RecordDescription, type StoredRecord } from '../../shared/audit/records';
import type { AuditIntent } from '../../functions/lib/audit/linker';
import { nodeSha256 } from '../../functions/lib/audit/log';

/** Every item of a table (a full, consistent scan: this is an operator's tool, not a request path). */
export async function scanAll(ddb: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** What the records check reads: the chains, the pending intents and the three described tables. */
export interface RecordSources {
  readonly ddb: DynamoDBDocumentClient;
  /** The chains' entries, read afresh (by scope). */
  readonly entries: () => Promise<Map<string, AuditEntry[]>>;
  /** The audit intents table, when known (pending changes describe records too). */
  readonly intentsTable?: string;
  /** Physical names of the described tables. */
  readonly tables: Readonly<Record<(typeof DESCRIBED_TABLES)[number], string>>;
}

async function descriptions(sources: RecordSources): Promise<RecordDescription[]> {
  const chains = await sources.entries();
  const intents = sources.intentsTable ? ((await scanAll(sources.ddb, sources.intentsTable)) as unknown as AuditIntent[]) : [];
  return descriptionsOf(
    [...chains.values()].flat(),
    intents.map((i) => ({ scope: i.scope, at: i.at, intentId: i.intentId, records: i.records ?? [] })),
  );
}

/**
 * The records check of verify-audit: every stored record of the award's tables against the latest entry (or pending
 * change) that wrote it. The chains are read before and, when something does not match, again after the records, so
 * a change committed while this reads is not taken for a tampered record; a record is named as deleted only when the
 * first reading already described it.
 */
export async function verifyRecords(sources: RecordSources, scopes: readonly string[], only?: string): Promise<{ chains: ChainRecords[]; stored: StoredRecord[] }> {
  const since = new Date(Date.now() - 60_000).toISOString();
  const before = await descriptions(sources);
  const stored: StoredRecord[] = [];
  for (const table of DESCRIBED_TABLES) {
    for (const item of await scanAll(sources.ddb, sources.tables[table])) stored.push({ table, item });
  }
  const first = await checkRecords(nodeSha256, before, stored, { scopes, ...(only ? { only } : {}) });
  if (first.every((c) => c.findings.length === 0)) return { chains: first, stored };
  const after = await checkRecords(nodeSha256, await descriptions(sources), stored, { scopes, changedSince: since, ...(only ? { only } : {}) });
  const deletedBefore = new Set(first.flatMap((c) => c.findings.filter((f) => f.problem === 'deleted').map((f) => `${f.table} ${f.key}`)));
  return { chains: after.map((c) => ({ ...c, findings: c.findings.filter((f) => f.problem !== 'deleted' || deletedBefore.has(`${f.table} ${f.key}`)) })), stored };
}
