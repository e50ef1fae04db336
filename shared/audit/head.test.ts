import { describe, expect, it } from 'vitest';
import { chainOf, sha256 } from './test-chains';
import type { AuditEntry } from './chain';
import { checkHead, parseChainExport } from './head';

const headOf = (e: AuditEntry) => ({ scope: e.scope, sequence: e.seq, hash: e.hash });
const jsonLines = (entries: readonly unknown[]) => entries.map((e) => JSON.stringify(e)).join('\n') + '\n';

describe('a published head against the chain', () => {
  it('matches an entry of a chain that verifies up to it, and still reports a break further on', async () => {
    // Prepare
    const chain = await chainOf(5);
    const tampered = chain.map((e) => (e.seq === 5 ? { ...e, action: 'objection.resolved' } : e));
    // Act / Assess
    expect(await checkHead(headOf(chain[2]!), chain, sha256)).toEqual({ result: 'ok', entries: 5 });
    expect(await checkHead(headOf(chain[2]!), tampered, sha256)).toEqual({ result: 'ok', entries: 5, brokenAfter: { seq: 5, reason: 'hash' } });
  });

  it('says broken when the chain does not verify up to the head, missing past its end, mismatch on another hash', async () => {
    // Prepare
    const chain = await chainOf(3);
    const tampered = chain.map((e) => (e.seq === 2 ? { ...e, at: '2027-01-01T00:00:00Z' } : e));
    // Act / Assess
    expect(await checkHead(headOf(chain[2]!), tampered, sha256)).toEqual({ result: 'broken', seq: 2, reason: 'hash' });
    expect(await checkHead({ ...headOf(chain[2]!), sequence: 4 }, chain, sha256)).toEqual({ result: 'missing', entries: 3 });
    expect(await checkHead({ ...headOf(chain[2]!), hash: 'f'.repeat(64) }, chain, sha256)).toEqual({ result: 'mismatch', found: chain[2]!.hash });
  });

  it("breaks at the first entry of another round's chain", async () => {
    const other = await chainOf(3, 'round:r2');
    expect(await checkHead({ scope: 'round:r1', sequence: 3, hash: other[2]!.hash }, other, sha256)).toEqual({ result: 'broken', seq: 1, reason: 'scope' });
  });
});

describe('reading an exported chain', () => {
  it('reads JSON lines back as the entries exported, skipping blank lines and a byte-order mark', async () => {
    const chain = await chainOf(3);
    expect(parseChainExport(`\uFEFF${jsonLines(chain)}\n`)).toEqual({ ok: true, entries: chain });
    expect(parseChainExport(jsonLines(chain).replace(/\n/g, '\r\n'))).toEqual({ ok: true, entries: chain });
  });

  it('names the first line that is not an entry', async () => {
    const chain = await chainOf(2);
    expect(parseChainExport(`${jsonLines(chain)}{"seq":3`)).toEqual({ ok: false, line: 3 });
    expect(parseChainExport(`${JSON.stringify(chain[0])}\n[1,2]\n`)).toEqual({ ok: false, line: 2 });
    expect(parseChainExport('{"seq":"1","hash":"x"}')).toEqual({ ok: false, line: 1 });
    expect(parseChainExport('')).toEqual({ ok: true, entries: [] });
  });
});
