import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainOf, sha256 } from './test-chains';
import { canonicalJson, GENESIS_HASH, linkEntry, verifyChain, type AuditEntry } from './chain';

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'é' } })).toBe(canonicalJson({ a: { c: 'é', d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('leaves out undefined members', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('audit chain', () => {
  it('links the first entry to the genesis hash and numbers entries from 1', async () => {
    const [first, second] = await chainOf(2);
    expect(first!.seq).toBe(1);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(second!.prevHash).toBe(first!.hash);
  });

  it('verifies an untouched chain and reports its head', async () => {
    const entries = await chainOf(5);
    const result = await verifyChain(sha256, 'round:r1', entries);
    expect(result).toMatchObject({ ok: true, entries: 5, head: entries[4]!.hash });
  });

  it('names the changed entry when any field of any entry is changed', async () => {
    const entries = await chainOf(6);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.constantFrom('action', 'at', 'stateDigest', 'requestId', 'actor'), async (index, field) => {
        const tampered = entries.map((e) => ({ ...e }));
        const value = field === 'actor' ? { personId: 'someone-else', role: 'admin' } : 'tampered';
        tampered[index] = { ...tampered[index]!, [field]: value } as AuditEntry;
        const result = await verifyChain(sha256, 'round:r1', tampered);
        expect(result.ok).toBe(false);
        expect(result.firstMismatch).toMatchObject({ seq: index + 1, reason: 'hash' });
      }),
      { numRuns: 30 },
    );
  });

  it('detects an entry whose hash was recomputed after a change at the next link', async () => {
    const entries = await chainOf(4);
    const forged = { ...entries[1]!, action: 'score.deleted' };
    const rehashed = await linkEntry(sha256, forged, entries[0]);
    const result = await verifyChain(sha256, 'round:r1', [entries[0]!, rehashed, entries[2]!, entries[3]!]);
    expect(result.firstMismatch).toMatchObject({ seq: 3, reason: 'prevHash' });
  });

  it('detects a removed entry', async () => {
    const entries = await chainOf(4);
    const result = await verifyChain(sha256, 'round:r1', [entries[0]!, entries[2]!, entries[3]!]);
    expect(result.firstMismatch).toMatchObject({ seq: 3, reason: 'seq' });
  });

  it('detects an entry moved from another chain', async () => {
    const other = await chainOf(1, 'round:r2');
    const result = await verifyChain(sha256, 'round:r1', other);
    expect(result.firstMismatch).toMatchObject({ reason: 'scope' });
  });
});
