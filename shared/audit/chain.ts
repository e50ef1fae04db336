/**
 * The audit chain (ARCHITECTURE.md "Data that must never be lost"): every
 * state change appends one entry to the chain of its scope (a round, or a
 * programme for programme-wide changes such as invitations). Each entry
 * carries the SHA-256 of the previous one, so changing, removing or
 * reordering any entry breaks every later link. Pure: hashing is passed in so
 * Node (functions, CLI) and the browser (supervisor workspace, WebCrypto)
 * verify with the same code.
 */

/** Hex SHA-256 of a UTF-8 string. */
export type Sha256 = (text: string) => Promise<string>;

/** The previous-hash of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who made a change: a person in a role, or the system itself (seed, scheduled stage moves). */
export interface AuditActor {
  readonly personId: string;
  readonly role: string;
}

/** What a change touched. */
export interface AuditTarget {
  readonly type: string;
  readonly id: string;
}

/** Filterable context of an entry. */
export interface AuditContext {
  readonly applicationId?: string;
  readonly stage?: string;
  /** How many people the change concerned (a reminder: how many were reminded). */
  readonly count?: number;
}

/**
 * The digest of one stored record a change wrote, as the change wrote it: `table` is the table's key in
 * shared/tables.ts, `key` its `pk` and `sk` joined by a space, `digest` the SHA-256 of the canonical JSON of the
 * whole item (keys included), or null when the change deleted it. Verification recomputes it from the table.
 */
export interface RecordDigest {
  readonly table: string;
  readonly key: string;
  readonly digest: string | null;
}

/** One link of the chain, exactly as stored and exported. */
export interface AuditEntry {
  readonly scope: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly target: AuditTarget;
  /** What the supervisor timeline filters on besides actor, action and target: the application and the round's stage. */
  readonly context?: AuditContext;
  /** SHA-256 of the canonical JSON of the new state of the target. */
  readonly stateDigest: string;
  readonly requestId: string;
  /** The records the change wrote, each with its digest (entries from before record digests have none). */
  readonly records?: readonly RecordDigest[];
  readonly prevHash: string;
  /** SHA-256 of the canonical JSON of every field above. */
  readonly hash: string;
}

/** An entry before it is linked. */
export type AuditEntryDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** Chain scope of a round. */
export const roundScope = (roundId: string) => `round:${roundId}`;
/** Chain scope of what the platform operator does (programmes created, their first administrators invited; issue #14). */
export const PLATFORM_SCOPE = 'platform';
/** Chain scope of programme-wide changes (people, programme settings). */
export const programmeScope = (programmeId: string) => `programme:${programmeId}`;

/**
 * JSON with object keys sorted at every depth and undefined members left out,
 * so the same value always hashes the same on every machine.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('cannot hash a non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The digest of a state, as recorded in an entry. */
export const digestState = (sha256: Sha256, state: unknown) => sha256(canonicalJson(state));

/** The hash of an entry: over every field but the hash itself (an entry without `records` hashes as before they existed). */
export function entryHash(sha256: Sha256, entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const { scope, seq, at, actor, action, target, context, stateDigest, requestId, records, prevHash } = entry;
  return sha256(canonicalJson({ scope, seq, at, actor, action, target, context, stateDigest, requestId, records, prevHash }));
}

/** Links a draft after the current head (or as the first entry). */
export async function linkEntry(sha256: Sha256, draft: AuditEntryDraft, head: Pick<AuditEntry, 'seq' | 'hash'> | undefined): Promise<AuditEntry> {
  const unhashed = { ...draft, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: await entryHash(sha256, unhashed) };
}

/** Why an entry does not verify. */
export type MismatchReason = 'hash' | 'prevHash' | 'seq' | 'scope';

/** The result of verifying one chain. */
export interface ChainVerification {
  readonly scope: string;
  readonly entries: number;
  readonly ok: boolean;
  /** The first entry that does not match, and why. */
  readonly firstMismatch?: { readonly seq: number; readonly reason: MismatchReason; readonly expected: string; readonly found: string };
  /** Hash of the last entry (the chain's head), as published with notices. */
  readonly head?: string;
}

/**
 * Recomputes a chain in order: sequence numbers 1..n without gaps, each
 * prevHash equal to the previous entry's hash, each hash equal to the hash of
 * its own fields. Names the first entry that does not match.
 */
export async function verifyChain(sha256: Sha256, scope: string, entries: readonly AuditEntry[]): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const mismatch = (reason: MismatchReason, expected: string, found: string): ChainVerification => ({
      scope,
      entries: entries.length,
      ok: false,
      firstMismatch: { seq: entry.seq ?? i + 1, reason, expected, found },
    });
    if (entry.scope !== scope) return mismatch('scope', scope, String(entry.scope));
    if (entry.seq !== i + 1) return mismatch('seq', String(i + 1), String(entry.seq));
    if (entry.prevHash !== prev) return mismatch('prevHash', prev, String(entry.prevHash));
    const recomputed = await entryHash(sha256, entry);
    if (entry.hash !== recomputed) return mismatch('hash', recomputed, String(entry.hash));
    prev = entry.hash;
  }
  return { scope, entries: entries.length, ok: true, ...(entries.length ? { head: prev } : {}) };
}
