/**
 * The audit chain against its archive (ARCHITECTURE.md "Data that must never
 * be lost"). Verifying the chain alone proves it is internally consistent; it
 * cannot tell a chain that was rewritten from some entry on, hashes recomputed,
 * or cut short, from the one that was written. The archive can: every entry is
 * also copied, as it is appended, to a bucket under Object Lock that nobody can
 * rewrite. Comparing the two names the first entry where they part. Pure.
 */
import { canonicalJson, type AuditEntry } from './chain';

/** How an entry of the table and the archive disagree. */
export type ArchiveProblem =
  /** In the table, never archived (a failed copy, or not archived yet). */
  | 'missing'
  /** An archived copy (any version of it) differs from the entry in the table. */
  | 'different'
  /** Archived, but not in the table: the table lost it. */
  | 'extra';

/** One entry on which the table and the archive disagree. */
export interface ArchiveFinding {
  readonly seq: number;
  readonly problem: ArchiveProblem;
}

/** The comparison of one chain with its archive. */
export interface ArchiveComparison {
  readonly scope: string;
  readonly ok: boolean;
  /** Entries of the table that have an identical archived copy. */
  readonly matching: number;
  /** Every disagreement, by sequence number. */
  readonly findings: readonly ArchiveFinding[];
}

/**
 * Compares a chain as the table holds it with its archived copies. `archived`
 * maps each sequence number to every stored copy of that entry (all versions
 * of the object where the bucket keeps versions): every copy must equal the
 * table's entry field for field, so a copy written later over a locked one
 * does not hide the original.
 */
export function compareWithArchive(
  scope: string,
  table: readonly AuditEntry[],
  archived: ReadonlyMap<number, readonly unknown[]>,
): ArchiveComparison {
  const findings: ArchiveFinding[] = [];
  let matching = 0;
  const inTable = new Set<number>();
  for (const entry of table) {
    inTable.add(entry.seq);
    const copies = archived.get(entry.seq) ?? [];
    if (copies.length === 0) {
      findings.push({ seq: entry.seq, problem: 'missing' });
      continue;
    }
    const expected = canonicalJson(entry);
    if (copies.every((copy) => canonicalJson(copy) === expected)) matching++;
    else findings.push({ seq: entry.seq, problem: 'different' });
  }
  for (const seq of archived.keys()) {
    if (!inTable.has(seq) && (archived.get(seq)?.length ?? 0) > 0) findings.push({ seq, problem: 'extra' });
  }
  findings.sort((a, b) => a.seq - b.seq);
  return { scope, ok: findings.length === 0, matching, findings };
}

/**
 * The entries of a chain that are safe to archive late: missing from the
 * archive, in a chain that verifies, and — unless it is the table's newest —
 * vouched for by the next entry's archived copy, whose `prevHash` must be this
 * entry's hash (an archived successor fixes what its predecessor was).
 */
export function entriesToArchive(table: readonly AuditEntry[], comparison: ArchiveComparison, archived: ReadonlyMap<number, readonly unknown[]>): {
  readonly archive: readonly AuditEntry[];
  readonly refused: readonly number[];
} {
  const missing = new Set(comparison.findings.filter((f) => f.problem === 'missing').map((f) => f.seq));
  const archive: AuditEntry[] = [];
  const refused: number[] = [];
  for (const entry of table) {
    if (!missing.has(entry.seq)) continue;
    const successors = archived.get(entry.seq + 1) ?? [];
    const vouched = successors.length === 0 || successors.every((s) => (s as Partial<AuditEntry> | null)?.prevHash === entry.hash);
    if (vouched) archive.push(entry);
    else refused.push(entry.seq);
  }
  return { archive, refused };
}
