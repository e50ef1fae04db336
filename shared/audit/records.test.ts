import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestState, entryHash, linkEntry, type AuditEntry, type Sha256 } from './chain';
import { checkRecords, descriptionsOf, describeFinding, recordKeyOf } from './records';

const sha256: Sha256 = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const scope = 'round:r1';
const card = { pk: 'ROUND#r1', sk: 'CARD#a1#materialReview#p1', kind: 'scorecard', roundId: 'r1', items: { '4.1.2': { percent: 50 } }, version: 2 };
const vote = { pk: 'OUTCOME#r1', sk: 'VOTE#a1', kind: 'vote', applicationId: 'a1', for: 15, against: 4, proposed: true };

async function chainOf(...writes: Record<string, unknown>[][]): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const [i, items] of writes.entries()) {
    const records = await Promise.all(items.map(async (item) => ({ table: item.pk === 'OUTCOME#r1' ? 'awards' : 'reviews', key: recordKeyOf(item), digest: await digestState(sha256, item) })));
    entries.push(
      await linkEntry(sha256, { scope, at: `2026-11-0${i + 1}T00:00:00.000Z`, actor: { personId: 'p1', role: 'expert' }, action: 'scorecard.saved', target: { type: 'scorecard', id: 'x' }, stateDigest: 'd'.repeat(64), requestId: `r${i}`, records }, entries.at(-1)),
    );
  }
  return entries;
}

describe('stored records against the chain', () => {
  it('hashes an entry without record digests exactly as before they existed (old chains and exports still verify)', async () => {
    const entry = { scope, seq: 1, at: '2026-11-01T00:00:00.000Z', actor: { personId: 'p', role: 'admin' }, action: 'round.created', target: { type: 'round', id: 'r1' }, stateDigest: 'd'.repeat(64), requestId: 'r', prevHash: '0'.repeat(64) };
    const before = await sha256(JSON.stringify({ action: entry.action, actor: entry.actor, at: entry.at, prevHash: entry.prevHash, requestId: 'r', scope, seq: 1, stateDigest: entry.stateDigest, target: { id: 'r1', type: 'round' } }));
    expect(await entryHash(sha256, entry)).toBe(before);
    expect(await entryHash(sha256, { ...entry, records: [{ table: 'reviews', key: 'k', digest: null }] })).not.toBe(before);
  });

  it('matches records as the latest entry wrote them, and names one changed since with that entry', async () => {
    const next = { ...card, version: 3, items: { '4.1.2': { percent: 60 } } };
    const chain = await chainOf([card], [next, vote]);
    const ok = await checkRecords(sha256, descriptionsOf(chain), [{ table: 'reviews', item: next }, { table: 'awards', item: vote }]);
    expect(ok).toEqual([{ scope, matched: 2, findings: [] }]);
    // An older version put back is a change too: only the latest entry counts.
    const [bad] = await checkRecords(sha256, descriptionsOf(chain), [{ table: 'reviews', item: card }, { table: 'awards', item: vote }]);
    expect(bad!.findings).toEqual([{ table: 'reviews', key: recordKeyOf(card), kind: 'scorecard', problem: 'changed', seq: 2 }]);
    expect(describeFinding(bad!.findings[0]!)).toBe(`reviews ${recordKeyOf(card)} (scorecard) differs from entry #2`);
  });

  it('names a record no entry wrote under its round, and one an entry wrote that is gone', async () => {
    const chain = await chainOf([card]);
    const [result] = await checkRecords(sha256, descriptionsOf(chain), [{ table: 'awards', item: vote }]);
    expect(result!.findings).toEqual([
      { table: 'awards', key: recordKeyOf(vote), kind: 'vote', problem: 'added' },
      { table: 'reviews', key: recordKeyOf(card), problem: 'deleted', seq: 1 },
    ]);
  });

  it('takes a pending change as the latest description, and leaves counters and other tables out', async () => {
    const next = { ...card, version: 3 };
    const chain = await chainOf([card]);
    const pending = [{ scope, at: '2026-11-05T00:00:00.000Z', intentId: '01J0000000000000000000000A', records: [{ table: 'reviews', key: recordKeyOf(next), digest: await digestState(sha256, next) }] }];
    const [result] = await checkRecords(sha256, descriptionsOf(chain, pending), [
      { table: 'reviews', item: next },
      { table: 'reviews', item: { pk: 'ROUND#r1', sk: 'ROSTER#a1#materialReview', kind: 'roster', members: 5 } },
      { table: 'identity', item: { pk: 'SESSION#x', sk: 'SESSION' } },
    ]);
    expect(result).toEqual({ scope, matched: 1, findings: [] });
  });

  it('accepts a record changed while verification read it when a change made since describes it', async () => {
    const next = { ...card, version: 3 };
    const chain = await chainOf([card], [next]);
    // The record as read is the first version; the chain read after already has the second, made since the first read.
    const stored = [{ table: 'reviews', item: card }];
    expect((await checkRecords(sha256, descriptionsOf(chain), stored))[0]!.findings).toHaveLength(1);
    expect((await checkRecords(sha256, descriptionsOf(chain), stored, { changedSince: '2026-11-01T00:00:00.000Z' }))[0]!.findings).toHaveLength(0);
  });
});
