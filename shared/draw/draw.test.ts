import { describe, expect, it } from 'vitest';
import { digestState, linkEntry, type AuditEntry } from '../audit/chain';
import { sha256 } from '../audit/test-chains';
import { DrawMixTooLargeError, DrawTooFewError, nextReplacement, replayDraws, runDraw, type DrawInputs, type DrawResult } from './draw';

const people = (n: number, fields: (i: number) => string[] = () => ['C']) =>
  Array.from({ length: n }, (_, i) => ({ personId: `P${String(i).padStart(2, '0')}`, name: `专家${i}`, fields: fields(i), load: 0 }));

const inputs = (over: Partial<DrawInputs> = {}): DrawInputs => ({
  version: 1,
  drawId: 'D1',
  roundId: 'r1',
  applicationId: 'A1',
  stage: 'materialReview',
  applicant: { name: '某公司', district: '鼓楼区', industry: '制造业' },
  size: 5,
  loadCap: 3,
  excludeSameDistrict: false,
  leaderRule: 'firstDrawn',
  witness: { supervisorId: 'S1', supervisorName: '监督员', value: '4711' },
  eligible: people(12),
  excluded: [{ personId: 'X1', name: '某人', reason: 'employerCreditCode' }],
  ...over,
});

/** A chain holding the draw's commitment, its result and its replacements, as the linker writes them. */
async function chainFor(i: DrawInputs, result: (committed: AuditEntry) => Promise<DrawResult>, replacements: unknown[] = []) {
  const entries: AuditEntry[] = [];
  const add = async (action: string, id: string, state: unknown) =>
    entries.push(await linkEntry(sha256, { scope: 'round:r1', at: '2026-12-05T01:00:00Z', actor: { personId: 'o', role: 'admin' }, action, target: { type: 'draw', id }, stateDigest: await digestState(sha256, state), requestId: `q${entries.length}` }, entries.at(-1)));
  await add('round.created', 'r1', {});
  await add('draw.committed', i.drawId, i);
  const r = await result(entries[1]!);
  await add('draw.drawn', i.drawId, r);
  for (const [n, x] of replacements.entries()) await add('draw.replaced', `${i.drawId}/${n + 1}`, x);
  return { entries, result: r };
}

describe('the random draw', () => {
  it('is the same from the same committed entry and witness value, and changes with either', async () => {
    const a = await runDraw(sha256, inputs(), { seq: 2, hash: 'a'.repeat(64) });
    expect(await runDraw(sha256, inputs(), { seq: 2, hash: 'a'.repeat(64) })).toEqual(a);
    expect(a.members).toHaveLength(5);
    expect(a.leaderId).toBe(a.members[0]);
    expect(new Set(a.order)).toEqual(new Set(inputs().eligible.map((c) => c.personId)));
    const otherHash = await runDraw(sha256, inputs(), { seq: 2, hash: 'b'.repeat(64) });
    const otherValue = await runDraw(sha256, inputs({ witness: { supervisorId: 'S1', supervisorName: '监督员', value: '4712' } }), { seq: 2, hash: 'a'.repeat(64) });
    expect(otherHash.order).not.toEqual(a.order);
    expect(otherValue.order).not.toEqual(a.order);
  });

  it('takes the required field first, in the seeded order', async () => {
    const i = inputs({ eligible: people(12, (n) => (n < 3 ? ['M'] : ['C'])), requiredField: { section: 'M', min: 2 } });
    const r = await runDraw(sha256, i, { seq: 2, hash: 'c'.repeat(64) });
    expect(r.members.filter((m) => ['P00', 'P01', 'P02'].includes(m)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses too few eligible experts, naming how many are missing', async () => {
    await expect(runDraw(sha256, inputs({ eligible: people(3) }), { seq: 1, hash: 'a'.repeat(64) })).rejects.toMatchObject(new DrawTooFewError(5, 3, 2));
    await expect(runDraw(sha256, inputs({ requiredField: { section: 'M', min: 1 } }), { seq: 1, hash: 'a'.repeat(64) })).rejects.toMatchObject({ needed: 1, eligible: 0, missing: 1 });
  });

  it('replaces a member who declined with the next in the seeded order, never someone already drawn', async () => {
    const r = await runDraw(sha256, inputs(), { seq: 2, hash: 'a'.repeat(64) });
    const first = nextReplacement(r, [], r.members[1]!)!;
    expect(first).toMatchObject({ replacement: r.order[5], position: 5 });
    expect(nextReplacement(r, [first], first.replacement)).toMatchObject({ replacement: r.order[6], position: 6 });
  });

  it('replays a draw from the chain and finds it matching', async () => {
    const i = inputs();
    const { entries, result } = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }));
    const replacement = nextReplacement(result, [], result.members[2]!)!;
    const withReplacement = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }), [replacement]);
    expect(await replayDraws(sha256, [{ inputs: i, result, replacements: [] }], entries)).toEqual([
      { drawId: 'D1', applicationId: 'A1', stage: 'materialReview', ok: true, problems: [], members: result.members },
    ]);
    expect((await replayDraws(sha256, [{ inputs: i, result, replacements: [replacement] }], withReplacement.entries))[0]).toMatchObject({ ok: true });
  });

  it('names a draw whose committed inputs were edited, whose result was chosen, or whose replacement skipped someone', async () => {
    const i = inputs();
    const { entries, result } = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }));
    // Someone moved an excluded person into the pool after the commitment.
    const edited = { ...i, excluded: [], eligible: [...i.eligible, { personId: 'X1', name: '某人', fields: ['C'], load: 0 }] };
    expect((await replayDraws(sha256, [{ inputs: edited, result, replacements: [] }], entries))[0]!.problems).toContain('inputsEdited');
    // A result picked by hand and committed as if drawn.
    const chosen = await chainFor(i, async (c) => ({ ...(await runDraw(sha256, i, { seq: c.seq, hash: c.hash })), members: ['P00', 'P01', 'P02', 'P03', 'P04'] }));
    expect((await replayDraws(sha256, [{ inputs: i, result: chosen.result, replacements: [] }], chosen.entries))[0]!.problems).toEqual(['resultMismatch']);
    // A replacement that is not the next in the order.
    const skipped = { drawId: 'D1', declined: result.members[0]!, replacement: result.order[7]!, position: 7 };
    const skippedChain = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }), [skipped]);
    expect((await replayDraws(sha256, [{ inputs: i, result, replacements: [skipped] }], skippedChain.entries))[0]!.problems).toEqual(['replacementMismatch']);
  });

  describe('version 2: the round\'s rules and its field mix', () => {
    // Three of section M (P00–P02), two of section I (P03, P04), the rest C.
    const mixed = (n: number) => (n < 3 ? ['M'] : n < 5 ? ['I'] : ['C']);
    const v2 = (over: Partial<DrawInputs> = {}) => inputs({ version: 2, eligible: people(12, mixed), mix: [{ section: 'M', min: 2 }, { section: 'I', min: 1 }], ...over });

    it('gives every team the whole mix, each field in the seeded order', async () => {
      for (const hash of ['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(64))) {
        const r = await runDraw(sha256, v2(), { seq: 2, hash });
        expect(r.members).toHaveLength(5);
        expect(r.members.filter((m) => ['P00', 'P01', 'P02'].includes(m)).length).toBeGreaterThanOrEqual(2);
        expect(r.members.filter((m) => ['P03', 'P04'].includes(m)).length).toBeGreaterThanOrEqual(1);
        // The first of the seeded order of each field is taken.
        expect(r.members).toContain(r.order.find((id) => ['P00', 'P01', 'P02'].includes(id)));
      }
    });

    it('refuses a mix larger than the team, and a field short of members, before drawing', async () => {
      await expect(runDraw(sha256, v2({ size: 2 }), { seq: 1, hash: 'a'.repeat(64) })).rejects.toBeInstanceOf(DrawMixTooLargeError);
      await expect(runDraw(sha256, v2({ mix: [{ section: 'I', min: 3 }] }), { seq: 1, hash: 'a'.repeat(64) })).rejects.toMatchObject({ needed: 3, eligible: 2, missing: 1, section: 'I' });
    });

    it('draws as version 1 did when the mix is one field (old draws still replay)', async () => {
      const one = { section: 'M', min: 2 };
      const v1 = await runDraw(sha256, inputs({ eligible: people(12, mixed), requiredField: one }), { seq: 2, hash: 'f'.repeat(64) });
      const two = await runDraw(sha256, v2({ mix: [one] }), { seq: 2, hash: 'f'.repeat(64) });
      expect(two.members).toEqual(v1.members);
    });

    it('replaces someone who carried a field only with the next of the order who carries it too', async () => {
      for (const hash of ['a', 'b', 'c', 'd'].map((c) => c.repeat(64))) {
        const i = v2({ mix: [{ section: 'I', min: 1 }] });
        const r = await runDraw(sha256, i, { seq: 2, hash });
        const carrier = r.members.find((m) => ['P03', 'P04'].includes(m))!;
        const onlyCarrier = r.members.filter((m) => ['P03', 'P04'].includes(m)).length === 1;
        const next = nextReplacement(r, [], carrier, i, r.leaderId)!;
        const firstOutside = r.order.find((id) => !r.members.includes(id))!;
        if (onlyCarrier) {
          expect(['P03', 'P04']).toContain(next.replacement);
          expect(next.replacement).toBe(r.order.find((id) => !r.members.includes(id) && ['P03', 'P04'].includes(id)));
        } else expect(next.replacement).toBe(firstOutside);
        // Version 1 takes the first outside the team whatever it carries.
        expect(nextReplacement(r, [], carrier)!.replacement).toBe(firstOutside);
      }
    });

    it('passes the lead on when the leader declines, to the first of the new team in the seeded order, and the replay checks it', async () => {
      const i = v2();
      const { result } = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }));
      const r = nextReplacement(result, [], result.leaderId, i, result.leaderId)!;
      const team = new Set([...result.members.filter((m) => m !== result.leaderId), r.replacement]);
      expect(r.leaderId).toBe(result.order.find((id) => team.has(id)));
      expect(r.leaderId).not.toBe(result.leaderId);
      // Someone else declining keeps the leader.
      expect(nextReplacement(result, [], result.members[3]!, i, result.leaderId)!.leaderId).toBeUndefined();
      const chain = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }), [r]);
      expect((await replayDraws(sha256, [{ inputs: i, result, replacements: [r] }], chain.entries))[0]).toMatchObject({ ok: true });
      // A lead handed to someone else than the rule's is a mismatch.
      const other = { ...r, leaderId: [...team].find((m) => m !== r.leaderId)! };
      const otherChain = await chainFor(i, (c) => runDraw(sha256, i, { seq: c.seq, hash: c.hash }), [other]);
      expect((await replayDraws(sha256, [{ inputs: i, result, replacements: [other] }], otherChain.entries))[0]!.problems).toEqual(['replacementMismatch']);
    });
  });
});
