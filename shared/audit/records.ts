/**
 * Stored records against the chain (ARCHITECTURE.md: "verification recomputes
 * every current record's digest and compares it with its latest entry"). Every
 * change commits, with its entry, the digest of each record it writes
 * (`AuditEntry.records`); a record changed, added or deleted outside the API
 * then no longer matches the latest entry that describes it. Pure: hashing is
 * passed in, so the CLI and the browser check alike.
 */
import { digestState, type AuditEntry, type RecordDigest, type Sha256 } from './chain';

/** How a record is named in an entry: its `pk` and `sk`, joined by a space. */
export const recordKeyOf = (item: Readonly<Record<string, unknown>>): string => `${String(item.pk)} ${String(item.sk)}`;

/** The tables whose every record (but the counters below) a chain describes: the award's own data. */
export const DESCRIBED_TABLES = ['awards', 'applications', 'reviews'] as const;

/**
 * Counters written with an Update (a team's roster, the count of proposed winners, of open remarks): their value is not known before
 * the write applies, so no entry holds their digest; they guard other writes and are not records themselves.
 */
export const COUNTER_KINDS: ReadonlySet<string> = new Set(['roster', 'proposals', 'openRemarks']);

/** One stored item of a described table, as read (keys included). */
export interface StoredRecord {
  readonly table: string;
  readonly item: Readonly<Record<string, unknown>>;
}

/** A change that describes records: a linked entry (`seq`) or an intent not linked yet (`pending`). */
export interface RecordDescription {
  readonly scope: string;
  readonly at: string;
  readonly seq?: number;
  readonly pending?: true;
  readonly records: readonly RecordDigest[];
}

/** A record that does not match the chain. */
export interface RecordFinding {
  readonly table: string;
  readonly key: string;
  /** The record's kind, when it is stored (`scorecard`, `consensus` …). */
  readonly kind?: string;
  /** changed: differs from its latest entry; added: no entry wrote it (or the latest deleted it); deleted: described but gone. */
  readonly problem: 'changed' | 'added' | 'deleted';
  /** The latest entry that describes it (absent for a record no entry wrote). */
  readonly seq?: number;
  readonly pending?: true;
}

/** One chain's records: how many match, and each that does not. */
export interface ChainRecords {
  readonly scope: string;
  readonly matched: number;
  readonly findings: readonly RecordFinding[];
}

/** The descriptions of linked entries (in chain order) followed by pending intents (in the order they will be linked). */
export function descriptionsOf(entries: readonly AuditEntry[], pending: readonly (Omit<RecordDescription, 'seq' | 'pending'> & { intentId: string })[] = []): RecordDescription[] {
  const linked = entries.filter((e) => e.records?.length).map((e) => ({ scope: e.scope, at: e.at, seq: e.seq, records: e.records! }));
  const waiting = [...pending]
    .sort((a, b) => (a.intentId < b.intentId ? -1 : a.intentId > b.intentId ? 1 : 0))
    .filter((i) => i.records?.length)
    .map((i) => ({ scope: i.scope, at: i.at, pending: true as const, records: i.records }));
  return [...linked, ...waiting];
}

/** The chain a record belongs to when no entry describes it: its round, else its programme. */
export function scopeOfRecord(item: Readonly<Record<string, unknown>>): string {
  if (typeof item.roundId === 'string') return `round:${item.roundId}`;
  const outcome = /^OUTCOME#(.+)$/.exec(String(item.pk));
  if (outcome) return `round:${outcome[1]}`;
  if (typeof item.programmeId === 'string') return `programme:${item.programmeId}`;
  return '(no chain)';
}

const idOf = (table: string, key: string) => `${table}\u0000${key}`;

/**
 * Compares every stored record with the latest description of it. `descriptions` must be in order within each chain
 * (linked entries by seq, then pending intents); across chains the later `at` wins. A record that changed while the
 * caller was reading is accepted when it matches a description made at or after `changedSince` (ISO time), so a
 * verification running beside live traffic names only what was changed outside the API.
 */
export async function checkRecords(
  sha256: Sha256,
  descriptions: readonly RecordDescription[],
  stored: readonly StoredRecord[],
  options: { readonly changedSince?: string; readonly scopes?: readonly string[]; readonly only?: string } = {},
): Promise<ChainRecords[]> {
  const latest = new Map<string, { d: RecordDescription; digest: string | null; table: string; key: string }>();
  const recent = new Map<string, Set<string | null>>();
  for (const d of descriptions) {
    for (const r of d.records) {
      if (!(DESCRIBED_TABLES as readonly string[]).includes(r.table)) continue;
      const id = idOf(r.table, r.key);
      const seen = latest.get(id);
      if (!seen || seen.d.scope === d.scope || seen.d.at <= d.at) latest.set(id, { d, digest: r.digest, table: r.table, key: r.key });
      if (options.changedSince && d.at >= options.changedSince) recent.set(id, (recent.get(id) ?? new Set()).add(r.digest));
    }
  }
  const results = new Map<string, { matched: number; findings: RecordFinding[] }>();
  const of = (scope: string) => {
    let r = results.get(scope);
    if (!r) results.set(scope, (r = { matched: 0, findings: [] }));
    return r;
  };
  for (const scope of options.scopes ?? []) of(scope);
  for (const d of descriptions) of(d.scope);
  const at = (d: RecordDescription) => (d.pending ? { pending: true as const } : { seq: d.seq! });
  const storedIds = new Set<string>();
  for (const { table, item } of stored) {
    if (!(DESCRIBED_TABLES as readonly string[]).includes(table) || COUNTER_KINDS.has(String(item.kind))) continue;
    const key = recordKeyOf(item);
    const id = idOf(table, key);
    storedIds.add(id);
    const kind = typeof item.kind === 'string' ? { kind: item.kind } : {};
    const described = latest.get(id);
    if (!described || described.digest === null) {
      of(described?.d.scope ?? scopeOfRecord(item)).findings.push({ table, key, ...kind, problem: 'added', ...(described ? at(described.d) : {}) });
      continue;
    }
    const digest = await digestState(sha256, item);
    if (digest === described.digest || recent.get(id)?.has(digest)) of(described.d.scope).matched++;
    else of(described.d.scope).findings.push({ table, key, ...kind, problem: 'changed', ...at(described.d) });
  }
  for (const [id, described] of latest) {
    if (storedIds.has(id) || described.digest === null) continue;
    of(described.d.scope).findings.push({ table: described.table, key: described.key, problem: 'deleted', ...at(described.d) });
  }
  return [...results]
    .filter(([scope]) => !options.only || scope === options.only)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scope, r]) => ({ scope, matched: r.matched, findings: r.findings }));
}

/** One line naming a record that does not match (the CLI's wording; the workspace words it from the catalogue). */
export function describeFinding(f: RecordFinding): string {
  const record = `${f.table} ${f.key}${f.kind ? ` (${f.kind})` : ''}`;
  const entry = f.pending ? 'its pending change' : `entry #${f.seq}`;
  switch (f.problem) {
    case 'changed':
      return `${record} differs from ${entry}`;
    case 'added':
      return f.seq !== undefined || f.pending ? `${record} is stored, but ${entry} deleted it` : `${record} is written by no entry (added outside the API)`;
    case 'deleted':
      return `${record} is gone, though ${entry} wrote it (deleted outside the API)`;
  }
}
