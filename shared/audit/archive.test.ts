import { describe, expect, it } from 'vitest';
import { chainOf, sha256 } from './test-chains';
import { compareWithArchive, entriesToArchive } from './archive';
import { verifyChain, type AuditEntry } from './chain';

const SCOPE = 'round:r1';

/** The archive as the archiver leaves it: one copy per entry, as JSON would give it back. */
const archiveOf = (entries: readonly AuditEntry[]) => new Map(entries.map((e) => [e.seq, [JSON.parse(JSON.stringify(e)) as unknown]]));

describe('the audit chain against its archive', () => {
  it('agrees when every entry has an identical copy, whatever the key order of the copy', async () => {
    // Prepare
    const chain = await chainOf(['a', 'b', 'c']);
    const archived = new Map(chain.map((e) => [e.seq, [Object.fromEntries(Object.entries(e).reverse())]]));
    // Act
    const result = compareWithArchive(SCOPE, chain, archived);
    // Assess
    expect(result).toEqual({ scope: SCOPE, ok: true, matching: 3, findings: [] });
  });

  it('names the first entry of a chain rewritten with recomputed hashes, which verifies on its own', async () => {
    // Prepare: the original chain was archived; then entries 2.. were rewritten and re-hashed in the table
    const original = await chainOf(['a', 'b', 'c', 'd']);
    const forged = [original[0]!, ...(await chainOf(['a', 'B', 'c', 'd'])).slice(1)];
    expect((await verifyChain(sha256, SCOPE, forged)).ok).toBe(true);
    // Act
    const result = compareWithArchive(SCOPE, forged, archiveOf(original));
    // Assess
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toEqual({ seq: 2, problem: 'different' });
    expect(result.findings.map((f) => f.seq)).toEqual([2, 3, 4]);
    expect(result.matching).toBe(1);
  });

  it('names entries cut from the end of the table, which leaves a chain that verifies', async () => {
    // Prepare
    const chain = await chainOf(['a', 'b', 'c', 'd']);
    const cut = chain.slice(0, 2);
    expect((await verifyChain(sha256, SCOPE, cut)).ok).toBe(true);
    // Act
    const result = compareWithArchive(SCOPE, cut, archiveOf(chain));
    // Assess
    expect(result.findings).toEqual([
      { seq: 3, problem: 'extra' },
      { seq: 4, problem: 'extra' },
    ]);
  });

  it('names a version written over an archived copy, even when the newest version matches the table', async () => {
    // Prepare: entry 2 archived, then a forged second version of it
    const original = await chainOf(['a', 'b', 'c']);
    const forged = [original[0]!, ...(await chainOf(['a', 'B', 'c'])).slice(1)];
    const archived = archiveOf(forged);
    archived.set(2, [original[1], forged[1]]);
    // Act
    const result = compareWithArchive(SCOPE, forged, archived);
    // Assess
    expect(result.findings).toContainEqual({ seq: 2, problem: 'different' });
  });

  it('names entries never archived, and an unreadable copy as different', async () => {
    // Prepare
    const chain = await chainOf(['a', 'b', 'c']);
    const archived = archiveOf(chain);
    archived.delete(2);
    archived.set(3, ['not json']);
    // Act
    const result = compareWithArchive(SCOPE, chain, archived);
    // Assess
    expect(result.findings).toEqual([
      { seq: 2, problem: 'missing' },
      { seq: 3, problem: 'different' },
    ]);
  });

  it('archives late only what the archived successor links to', async () => {
    // Prepare: #2 and #4 missing; the table's #2 was forged (the archived #3 links to the original #2)
    const original = await chainOf(['a', 'b', 'c', 'd']);
    const archived = archiveOf(original);
    archived.delete(2);
    archived.delete(4);
    const forgedSecond = { ...original[1]!, hash: 'f'.repeat(64) };
    const table = [original[0]!, forgedSecond, original[2]!, original[3]!];
    // Act
    const honest = entriesToArchive(original, compareWithArchive(SCOPE, original, archived), archived);
    const forged = entriesToArchive(table, compareWithArchive(SCOPE, table, archived), archived);
    // Assess
    expect(honest.archive.map((e) => e.seq)).toEqual([2, 4]);
    expect(honest.refused).toEqual([]);
    expect(forged.archive.map((e) => e.seq)).toEqual([4]);
    expect(forged.refused).toEqual([2]);
  });
});
