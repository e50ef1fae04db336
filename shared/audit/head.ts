/**
 * A published head against the chain (DOMAIN.md stages 10–11): the notice and
 * the announcement carry the round chain's newest entry at publication, and
 * anyone holding the chain — read from the API, or an export — can check that
 * it is really there. Pure: hashing is passed in.
 */
import type { ChainHead } from '../api/outcome';
import { verifyChain, type AuditEntry, type MismatchReason, type Sha256 } from './chain';

/** What the chain says about a published head. */
export type HeadCheck =
  | { readonly result: 'ok'; readonly entries: number; readonly brokenAfter?: { readonly seq: number; readonly reason: MismatchReason } }
  | { readonly result: 'missing'; readonly entries: number }
  | { readonly result: 'mismatch'; readonly found: string }
  | { readonly result: 'broken'; readonly seq: number; readonly reason: MismatchReason };

/**
 * Checks a published head against the chain, recomputed: the chain must
 * verify up to the entry at the head's sequence, and that entry must have the
 * head's hash. A break further on does not change what the document says, but
 * it is reported too. A chain of another scope breaks at its first entry.
 */
export async function checkHead(head: ChainHead, entries: readonly AuditEntry[], sha256: Sha256): Promise<HeadCheck> {
  const verification = await verifyChain(sha256, head.scope, entries);
  const bad = verification.firstMismatch;
  if (bad && bad.seq <= head.sequence) return { result: 'broken', seq: bad.seq, reason: bad.reason };
  const entry = entries.find((e) => e.seq === head.sequence);
  if (!entry) return { result: 'missing', entries: entries.length };
  if (entry.hash !== head.hash) return { result: 'mismatch', found: entry.hash };
  return { result: 'ok', entries: entries.length, ...(bad ? { brokenAfter: { seq: bad.seq, reason: bad.reason } } : {}) };
}

/** The file name of a chain's export (`audit-round-city-2026.jsonl`), as the supervisors' workspace downloads it. */
export { exportFileName } from './export-name';

/** An export read back: its entries, or the first line that is not an entry. */
export type ParsedExport = { readonly ok: true; readonly entries: AuditEntry[] } | { readonly ok: false; readonly line: number };

/**
 * Reads a chain exported as JSON lines (one entry per line, as the
 * supervisors' workspace downloads it); blank lines are skipped. Whether the
 * entries are right is for {@link verifyChain} to say; this only refuses a
 * line that is not an object with a sequence number and a hash.
 */
export function parseChainExport(text: string): ParsedExport {
  const entries: AuditEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, line: i + 1 };
    }
    const entry = value as Partial<AuditEntry> | null;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || typeof entry.seq !== 'number' || typeof entry.hash !== 'string') {
      return { ok: false, line: i + 1 };
    }
    entries.push(entry as AuditEntry);
  }
  return { ok: true, entries };
}
