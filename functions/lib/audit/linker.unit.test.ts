import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyChain, type AuditEntry } from '../../../shared/audit/chain';
import { draftOf, intentKey, linkIntents, scopesWithNewIntents, type AuditIntent } from './linker';
import { nodeSha256 } from './log';

const intent = (scope: string, intentId: string, i = 0): AuditIntent => ({
  intentId,
  scope,
  at: new Date(Date.UTC(2026, 10, 25, 0, 0, i)).toISOString(),
  actor: { personId: `p${i}`, role: 'applicant' },
  action: 'package.sectionSaved',
  target: { type: 'section', id: `s${i}` },
  context: { applicationId: `a${i}` },
  stateDigest: String(i).padStart(64, '0'),
  requestId: `req-${i}`,
});

describe('linking intents into a chain', () => {
  it('links in the order of the intent ids, whatever order they were read in, numbering on from the head', async () => {
    // Prepare
    const head = { seq: 7, hash: 'h'.repeat(64) };
    const read = [intent('round:r1', '01B', 2), intent('round:r1', '01A', 1), intent('round:r1', '01C', 3)];
    // Act
    const linked = await linkIntents(nodeSha256, head, read);
    // Assess
    expect(linked.map((l) => l.intent.intentId)).toEqual(['01A', '01B', '01C']);
    expect(linked.map((l) => l.entry.seq)).toEqual([8, 9, 10]);
    expect(linked[0]!.entry.prevHash).toBe(head.hash);
    expect(linked[1]!.entry.prevHash).toBe(linked[0]!.entry.hash);
    expect(linked[2]!.entry.prevHash).toBe(linked[1]!.entry.hash);
  });

  it('starts a chain at 1 from the genesis hash, and the entry holds exactly the intent’s draft (no intent id)', async () => {
    // Act
    const [first] = await linkIntents(nodeSha256, undefined, [intent('round:r1', '01A', 1)]);
    // Assess
    expect(first!.entry).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, ...draftOf(intent('round:r1', '01A', 1)) });
    expect(Object.keys(first!.entry).sort()).toEqual(['action', 'actor', 'at', 'context', 'hash', 'prevHash', 'requestId', 'scope', 'seq', 'stateDigest', 'target']);
  });

  it('refuses to link intents of two chains together', async () => {
    await expect(linkIntents(nodeSha256, undefined, [intent('round:r1', '01A'), intent('round:r2', '01B')])).rejects.toThrow(/different chains/);
  });

  it('gives one chain that verifies, the same whatever the batches: linking in batches equals linking at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[0-9A-Z]{6}$/), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        async (ids, batch) => {
          // Prepare: pending intents read in an arbitrary order
          const pending = ids.map((id, i) => intent('round:r1', id, i));
          // Act: a linker that takes the oldest `batch` intents each time, from the head it wrote last
          const chain: AuditEntry[] = [];
          const sorted = [...pending].sort((a, b) => (a.intentId < b.intentId ? -1 : 1));
          for (let i = 0; i < sorted.length; i += batch) {
            const linked = await linkIntents(nodeSha256, chain.at(-1), sorted.slice(i, i + batch).reverse());
            chain.push(...linked.map((l) => l.entry));
          }
          const atOnce = (await linkIntents(nodeSha256, undefined, pending)).map((l) => l.entry);
          // Assess
          expect(chain).toEqual(atOnce);
          expect((await verifyChain(nodeSha256, 'round:r1', chain)).ok).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the intents stream', () => {
  const record = (eventName: 'INSERT' | 'REMOVE', item: Record<string, unknown>) => ({
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue> },
  });

  it('names each chain with a new intent once, and ignores removals and chain entries', () => {
    // Prepare
    const a = intent('round:r1', '01A');
    const b = intent('round:r1', '01B');
    const c = intent('programme:city', '01C');
    const event = {
      Records: [
        record('INSERT', { ...intentKey(a.scope, a.intentId), ...a }),
        record('INSERT', { ...intentKey(b.scope, b.intentId), ...b }),
        record('INSERT', { ...intentKey(c.scope, c.intentId), ...c }),
        record('REMOVE', { ...intentKey('round:r9', '01D'), ...intent('round:r9', '01D') }),
        record('INSERT', { pk: 'CHAIN#round:r8', sk: '000000000001', scope: 'round:r8', seq: 1 }),
      ],
    } as unknown as DynamoDBStreamEvent;
    // Act / Assess
    expect(scopesWithNewIntents(event).sort()).toEqual(['programme:city', 'round:r1']);
  });
});
