import { digestState, type AuditEntry, type Sha256 } from '../audit/chain';

/**
 * The random draw of a review team (随机抽取), reproducible by anyone holding
 * the round's chain and the draw's stored inputs: the inputs are committed to
 * the chain first (`draw.committed`, whose state digest covers them), the seed
 * is SHA-256 of that entry's hash once linked and of a value the supervisor
 * present gives — neither the office nor the supervisor can choose it alone —
 * and the result is the next entry (`draw.drawn`). Pure: the caller passes SHA-256.
 */

/** Why a pool member was not among those drawn from (catalogue `draw.reason.<code>`). */
export type ExclusionReason =
  | 'inactive'
  | 'revoked'
  | 'employerCreditCode'
  | 'employerName'
  | 'pastEmployer'
  | 'sameDistrict'
  | 'declaredConflict'
  | 'overLoadCap'
  | 'alreadyOnTeam';

/** A pool member the draw may pick. */
export interface DrawCandidate {
  readonly personId: string;
  readonly name: string;
  readonly fields: readonly string[];
  /** Assignments in the round before this draw. */
  readonly load: number;
}

/** A pool member left out, with the reason. */
export interface DrawExclusion {
  readonly personId: string;
  readonly name: string;
  readonly reason: ExclusionReason;
}

/** At least `min` members whose fields include `section` (GB/T 4754). */
export interface FieldRequirement {
  readonly section: string;
  readonly min: number;
}

/**
 * Everything a draw depends on, committed before it runs. Version 1 (before
 * the round's configuration carried the rules) had at most one `requiredField`
 * given with the request; version 2 takes its rules from the round's `draw`
 * settings and carries the stage's field `mix`, and its replacements keep the
 * mix and pass the leader on.
 */
export interface DrawInputs {
  readonly version: 1 | 2;
  readonly drawId: string;
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: string;
  readonly applicant: { readonly name: string; readonly district: string; readonly industry: string };
  /** Team size. */
  readonly size: number;
  /** Version 1: at least `min` members whose fields include `section` (GB/T 4754), when set. */
  readonly requiredField?: FieldRequirement;
  /** Version 2: the stage's field mix (the round's `draw.mix`, plus any field the batch asked for). */
  readonly mix?: readonly FieldRequirement[];
  /** Most assignments one expert may hold in the round. */
  readonly loadCap: number;
  /** Whether an expert of the applicant's district is excluded (the round's rule). */
  readonly excludeSameDistrict: boolean;
  /** The leader is the first member in the drawn order. */
  readonly leaderRule: 'firstDrawn';
  /** The supervisor present and the value they gave. */
  readonly witness: { readonly supervisorId: string; readonly supervisorName: string; readonly value: string };
  /** The pool members drawn from, ordered by id. */
  readonly eligible: readonly DrawCandidate[];
  readonly excluded: readonly DrawExclusion[];
}

/** What the draw gave. */
export interface DrawResult {
  readonly drawId: string;
  /** The `draw.committed` entry the seed comes from. */
  readonly committedSeq: number;
  readonly seed: string;
  /** Every eligible member in the seeded order. */
  readonly order: readonly string[];
  readonly members: readonly string[];
  readonly leaderId: string;
}

/** A replacement of a drawn member who declined or declared a conflict: the next in the seeded order (version 2: the next that keeps the mix). */
export interface DrawReplacement {
  readonly drawId: string;
  readonly declined: string;
  readonly replacement: string;
  /** Index of the replacement in the seeded order. */
  readonly position: number;
  /** Version 2, when the one who declined led the team: the new leader, the first of the team in the seeded order. */
  readonly leaderId?: string;
}

/** The field requirements of a draw, whatever its version. */
export const requirementsOf = (inputs: Pick<DrawInputs, 'requiredField' | 'mix'>): readonly FieldRequirement[] => inputs.mix ?? (inputs.requiredField ? [inputs.requiredField] : []);

/** The mix asked for cannot fit in the team: the minimums add up to more than its size. */
export class DrawMixTooLargeError extends Error {
  readonly code = 'DRAW_MIX_TOO_LARGE';
  constructor(
    readonly size: number,
    readonly total: number,
  ) {
    super(`draw mix needs ${total}, team of ${size}`);
  }
}

/** The draw could not make a team: `missing` more eligible members were needed. */
export class DrawTooFewError extends Error {
  readonly code = 'DRAW_TOO_FEW';
  constructor(
    readonly needed: number,
    readonly eligible: number,
    readonly missing: number,
    /** The field short of members, when it is a field that is. */
    readonly section?: string,
  ) {
    super(`draw needs ${needed}, ${eligible} eligible`);
  }
}

/** Refuses a draw that cannot succeed (before anything is committed): too few eligible, or too few of the required field. */
export function assertDrawable(inputs: Pick<DrawInputs, 'size' | 'eligible' | 'requiredField' | 'mix'>): void {
  if (inputs.eligible.length < inputs.size) throw new DrawTooFewError(inputs.size, inputs.eligible.length, inputs.size - inputs.eligible.length);
  const requirements = requirementsOf(inputs);
  if (inputs.mix) {
    const total = requirements.reduce((sum, r) => sum + r.min, 0);
    if (total > inputs.size) throw new DrawMixTooLargeError(inputs.size, total);
  }
  for (const rf of requirements) {
    const inField = inputs.eligible.filter((c) => c.fields.includes(rf.section)).length;
    if (inField < rf.min) throw new DrawTooFewError(rf.min, inField, rf.min - inField, rf.section);
  }
}

/** The seed: SHA-256 of the linked `draw.committed` entry's hash and the witness value. */
export const drawSeed = (sha256: Sha256, committedHash: string, witnessValue: string) => sha256(`merit-draw-v1\n${committedHash}\n${witnessValue}`);

/** Every eligible member in the seeded order: by SHA-256 of the seed and their id. */
export async function seededOrder(sha256: Sha256, seed: string, eligible: readonly DrawCandidate[]): Promise<string[]> {
  const keyed = await Promise.all(eligible.map(async (c) => ({ id: c.personId, key: await sha256(`${seed}\n${c.personId}`) })));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1)).map((k) => k.id);
}

/** The draw itself, from its committed inputs and the hash of their linked entry. */
export async function runDraw(sha256: Sha256, inputs: DrawInputs, committed: { seq: number; hash: string }): Promise<DrawResult> {
  assertDrawable(inputs);
  const seed = await drawSeed(sha256, committed.hash, inputs.witness.value);
  const order = await seededOrder(sha256, seed, inputs.eligible);
  const fieldsOf = new Map(inputs.eligible.map((c) => [c.personId, c.fields]));
  const picked = new Set<string>();
  // Each required field in turn, in the seeded order, counting those already picked; then the rest of the team in the seeded order.
  for (const rf of requirementsOf(inputs)) {
    let have = [...picked].filter((id) => fieldsOf.get(id)!.includes(rf.section)).length;
    for (const id of order) {
      if (have >= rf.min) break;
      if (!picked.has(id) && fieldsOf.get(id)!.includes(rf.section)) {
        picked.add(id);
        have++;
      }
    }
  }
  for (const id of order) if (picked.size < inputs.size) picked.add(id);
  const members = order.filter((id) => picked.has(id));
  return { drawId: inputs.drawId, committedSeq: committed.seq, seed, order, members, leaderId: members[0]! };
}

/** The team after the replacements so far: the drawn members, each who declined swapped for their replacement. */
export function currentTeam(result: DrawResult, replacements: readonly DrawReplacement[]): string[] {
  let team = [...result.members];
  for (const r of replacements) team = team.map((m) => (m === r.declined ? r.replacement : m));
  return team;
}

/** The leader after the replacements so far, unless named by hand since: the last replacement that passed it on, or the drawn leader. */
export const ruleLeader = (result: DrawResult, replacements: readonly DrawReplacement[]): string => [...replacements].reverse().find((r) => r.leaderId)?.leaderId ?? result.leaderId;

/**
 * The next replacement: the first in the seeded order who is neither a member,
 * nor declined, nor already a replacement. From version 2 it must also keep the
 * field mix — carry every field the team falls short of once the one who
 * declined is gone — and, when the one who declined led the team (`leaderId`,
 * the leader as it stands), the lead passes to the first of the new team in the
 * seeded order.
 */
export function nextReplacement(
  result: DrawResult,
  replacements: readonly DrawReplacement[],
  declined: string,
  inputs?: Pick<DrawInputs, 'version' | 'eligible' | 'mix' | 'requiredField'>,
  leaderId?: string,
): DrawReplacement | undefined {
  const used = new Set([...result.members, ...replacements.map((r) => r.replacement)]);
  if (!inputs || inputs.version === 1) {
    const position = result.order.findIndex((id) => !used.has(id));
    return position < 0 ? undefined : { drawId: result.drawId, declined, replacement: result.order[position]!, position };
  }
  const fieldsOf = new Map(inputs.eligible.map((c) => [c.personId, c.fields]));
  const remaining = currentTeam(result, replacements).filter((m) => m !== declined);
  const short = requirementsOf(inputs)
    .filter((r) => remaining.filter((m) => fieldsOf.get(m)?.includes(r.section)).length < r.min)
    .map((r) => r.section);
  const position = result.order.findIndex((id) => !used.has(id) && short.every((section) => fieldsOf.get(id)?.includes(section)));
  if (position < 0) return undefined;
  const replacement = result.order[position]!;
  const out: DrawReplacement = { drawId: result.drawId, declined, replacement, position };
  if (declined !== (leaderId ?? ruleLeader(result, replacements))) return out;
  const team = new Set([...remaining, replacement]);
  return { ...out, leaderId: result.order.find((id) => team.has(id))! };
}

/** A draw as stored, for the replay. */
export interface StoredDraw {
  readonly inputs: DrawInputs;
  readonly result?: DrawResult;
  readonly replacements: readonly DrawReplacement[];
}

/** What a replay found for one draw. */
export interface DrawReplay {
  readonly drawId: string;
  readonly applicationId: string;
  readonly stage: string;
  readonly ok: boolean;
  /** Inputs committed, no result yet (the draw is finished by the office's next draw): not a mismatch. */
  readonly pending?: boolean;
  /** Empty when ok; otherwise what did not match (catalogue `draw.replay.<code>`). */
  readonly problems: readonly ('inputsEdited' | 'notCommitted' | 'resultMissing' | 'resultMismatch' | 'replacementMismatch' | 'notLinked')[];
  /** The team the replay computes. */
  readonly members: readonly string[];
}

/**
 * Recomputes every draw from the chain: the stored inputs must be what the
 * `draw.committed` entry committed (its state digest), the result recomputed
 * from them and that entry's hash must be what `draw.drawn` committed and what
 * is stored, and each replacement must be the next in the seeded order.
 */
export async function replayDraws(sha256: Sha256, draws: readonly StoredDraw[], entries: readonly AuditEntry[]): Promise<DrawReplay[]> {
  const committedOf = new Map<string, AuditEntry>();
  const drawnOf = new Map<string, AuditEntry>();
  const replacedOf = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const drawId = e.target.id;
    if (e.action === 'draw.committed') committedOf.set(drawId, e);
    else if (e.action === 'draw.drawn') drawnOf.set(drawId, e);
    else if (e.action === 'draw.replaced') replacedOf.set(drawId.split('/')[0]!, [...(replacedOf.get(drawId.split('/')[0]!) ?? []), e]);
  }
  const out: DrawReplay[] = [];
  for (const d of draws) {
    const problems: DrawReplay['problems'][number][] = [];
    const base = { drawId: d.inputs.drawId, applicationId: d.inputs.applicationId, stage: d.inputs.stage };
    const committed = committedOf.get(d.inputs.drawId);
    if (!committed) {
      out.push({ ...base, ok: false, problems: ['notCommitted'], members: [] });
      continue;
    }
    if ((await digestState(sha256, d.inputs)) !== committed.stateDigest) problems.push('inputsEdited');
    const drawn = drawnOf.get(d.inputs.drawId);
    let members: string[] = [];
    if (!drawn && !d.result && problems.length === 0) {
      out.push({ ...base, ok: true, pending: true, problems: [], members: [] });
      continue;
    }
    if (!drawn || !d.result) problems.push(drawn ? 'resultMissing' : 'notLinked');
    else {
      let recomputed: DrawResult | undefined;
      try {
        recomputed = await runDraw(sha256, d.inputs, { seq: committed.seq, hash: committed.hash });
      } catch {
        recomputed = undefined;
      }
      if (!recomputed || (await digestState(sha256, recomputed)) !== drawn.stateDigest || (await digestState(sha256, d.result)) !== drawn.stateDigest) {
        problems.push('resultMismatch');
      }
      members = [...(recomputed?.members ?? [])];
      const replaced = replacedOf.get(d.inputs.drawId) ?? [];
      let so: DrawReplacement[] = [];
      if (replaced.length !== d.replacements.length) problems.push('replacementMismatch');
      else if (recomputed) {
        for (const [i, r] of d.replacements.entries()) {
          // The leader as it stood is not replayed (it may have been named by hand since): a replacement that passes the lead on must name the rule's leader of the new team.
          const expected = nextReplacement(recomputed, so, r.declined, d.inputs, r.leaderId ? r.declined : '');
          if (!expected || !recomputed.members.concat(so.map((x) => x.replacement)).includes(r.declined) || (await digestState(sha256, expected)) !== replaced[i]!.stateDigest) {
            problems.push('replacementMismatch');
            break;
          }
          so = [...so, expected];
          members = members.map((m) => (m === r.declined ? expected.replacement : m));
        }
      }
    }
    out.push({ ...base, ok: problems.length === 0, problems, members });
  }
  return out;
}
