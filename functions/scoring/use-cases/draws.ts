import type * as v from 'valibot';
import type { DrawTeamsBody, DrawTeamsResponse, DrawSummary, DrawRefusal, DrawRules, NameDrawnLeaderBody, RoundDrawsResponse, ReplaceDrawnBody } from '../../../shared/api/draws';
import type { ReviewStage } from '../../../shared/api/reviews';
import { roundScope, type AuditEntry } from '../../../shared/audit/chain';
import { checkAssignment, detectConflicts, declaredConflicts } from '../../../shared/conflicts';
import { assertDrawable, currentTeam, DrawMixTooLargeError, DrawTooFewError, nextReplacement, ruleLeader, runDraw, type DrawCandidate, type DrawExclusion, type DrawInputs } from '../../../shared/draw/draw';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { nodeSha256, WriteConditionError, type TransactItem } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { PersonRecord } from '../../lib/identity/store';
import { DrawsStore, type DrawRecord } from '../../lib/reviews/draws';
import type { AssignmentRecord } from '../../lib/reviews/repository';
import { mailAssignment } from './assignments';
import { actorOf, assertRoundStage, isReviewable, organisationOf, programmeApplication, reviewerProfileOf, reviewRound, type ReviewDeps, type ReviewRound } from './context';
import { ulid } from 'ulid';
import { STEPPED_ASIDE } from '../../../shared/api/review-stages';

const draws = (deps: ReviewDeps) => new DrawsStore(deps.clients.ddb, deps.reviews.table);

const ASSIGNABLE_AT = { materialReview: ['eligibility', 'materialReview'], onSite: ['materialReview', 'onSite'] } as const;

/** Why an expert may not be drawn for an application (first reason found), or undefined. */
async function exclusionOf(
  deps: ReviewDeps,
  ctx: ReviewRound,
  app: ApplicationRecord,
  person: PersonRecord,
  loads: Map<string, number>,
  team: readonly AssignmentRecord[],
  declarations: Map<string, Awaited<ReturnType<ReviewDeps['reviews']['declarations']>>[number]>,
  rules: { loadCap: number; excludeSameDistrict: boolean },
  now: string,
): Promise<DrawExclusion['reason'] | undefined> {
  if (person.status !== 'active') return 'revoked';
  if (person.profile && !person.profile.active) return 'inactive';
  if (team.some((a) => a.reviewerId === person.personId)) return 'alreadyOnTeam';
  const detected = detectConflicts(reviewerProfileOf(person), { applicationId: app.applicationId, organisationName: app.organisation.name, creditCode: app.organisation.creditCode }, ctx.config, now);
  if (detected.length > 0) {
    const current = person.organisation && detectConflicts({ reviewerId: person.personId, employers: reviewerProfileOf(person).employers.slice(0, 1) }, { applicationId: app.applicationId, organisationName: app.organisation.name, creditCode: app.organisation.creditCode }, ctx.config, now).length > 0;
    return current ? (detected[0]!.match === 'creditCode' ? 'employerCreditCode' : 'employerName') : 'pastEmployer';
  }
  if (rules.excludeSameDistrict && person.profile?.district && person.profile.district === app.organisation.district) return 'sameDistrict';
  const declaration = declarations.get(person.personId);
  if (declaration && declaredConflicts({ ...declaration, relations: declaration.relations }, ctx.config, now).length > 0) return 'declaredConflict';
  if ((loads.get(person.personId) ?? 0) >= rules.loadCap) return 'overLoadCap';
  void deps;
  return undefined;
}

/** Polls the round's chain (read-only) for the linked entry of an intent: the linker appends it off the request path. */
async function linkedEntry(deps: ReviewDeps, scope: string, afterSeq: number, action: string, targetId: string): Promise<AuditEntry | undefined> {
  const deadline = Date.now() + 15_000;
  let from = afterSeq;
  for (let wait = 20; Date.now() < deadline; wait = Math.min(wait * 2, 500)) {
    const entries = await deps.audit.entries(scope, from);
    const found = entries.find((e) => e.action === action && e.target.id === targetId);
    if (found) return found;
    if (entries.length > 0) from = entries[entries.length - 1]!.seq;
    await new Promise((r) => setTimeout(r, wait));
  }
  return undefined;
}

/**
 * Draws one application's team for a stage: commits the inputs (the pool drawn
 * from, each exclusion with its reason, the rules, the witness's value) as
 * `draw.committed`; once that entry is linked, seeds the draw with its hash and
 * the witness value, and commits the result with the team's assignments as
 * `draw.drawn`. A draw whose inputs are committed but not yet linked is
 * finished by the next call.
 */
async function drawOne(
  deps: ReviewDeps,
  session: Session,
  ctx: ReviewRound,
  app: ApplicationRecord,
  body: v.InferOutput<typeof DrawTeamsBody>,
  rules: DrawRules,
  supervisor: PersonRecord,
  pool: readonly PersonRecord[],
  now: Date,
  requestId: string,
): Promise<DrawSummary> {
  const store = draws(deps);
  const stage = body.stage as ReviewStage;
  const scope = roundScope(app.roundId);
  let record = await store.get(app.roundId, app.applicationId, stage);
  if (record?.result) throw new AppError('DRAW_EXISTS', 409);
  const headBefore = (await deps.audit.head(scope))?.seq ?? 0;
  if (!record) {
    const [assignments, team, declarations] = await Promise.all([
      deps.reviews.assignments(app.roundId),
      deps.reviews.assignments(app.roundId, app.applicationId, stage),
      deps.reviews.declarations(app.roundId, app.applicationId),
    ]);
    if (team.some((a) => !STEPPED_ASIDE.has(a.status))) throw new AppError('DRAW_EXISTS', 409);
    const loads = new Map<string, number>();
    for (const a of assignments) if (!STEPPED_ASIDE.has(a.status)) loads.set(a.reviewerId, (loads.get(a.reviewerId) ?? 0) + 1);
    const byReviewer = new Map(declarations.map((d) => [d.reviewerId, d]));
    const eligible: DrawCandidate[] = [];
    const excluded: DrawExclusion[] = [];
    for (const p of pool) {
      const reason = await exclusionOf(deps, ctx, app, p, loads, team, byReviewer, rules, now.toISOString());
      if (reason) excluded.push({ personId: p.personId, name: p.name, reason });
      else eligible.push({ personId: p.personId, name: p.name, fields: [...(p.profile?.fields ?? [])], load: loads.get(p.personId) ?? 0 });
    }
    const size = body.size ?? (stage === 'onSite' ? ctx.config.teams.onSiteMin : ctx.config.teams.materialReviewMin);
    const inputs: DrawInputs = {
      version: 2,
      drawId: ulid(now.getTime()),
      roundId: app.roundId,
      applicationId: app.applicationId,
      stage,
      applicant: { name: app.organisation.name, district: app.organisation.district, industry: app.organisation.industry },
      size,
      mix: rules.mix,
      loadCap: rules.loadCap,
      excludeSameDistrict: rules.excludeSameDistrict,
      leaderRule: 'firstDrawn',
      witness: { supervisorId: supervisor.personId, supervisorName: supervisor.name, value: body.witness.value },
      eligible,
      excluded,
    };
    // Too few eligible: refused before anything is committed.
    assertDrawable(inputs);
    record = { inputs, replacements: [], roundId: app.roundId, applicationId: app.applicationId, stage, committedAt: now.toISOString(), committedBy: session.personId, version: 1 };
    try {
      await deps.audit.commit({
        scope,
        actor: actorOf(session),
        action: 'draw.committed',
        target: { type: 'draw', id: inputs.drawId },
        context: { applicationId: app.applicationId, stage },
        state: inputs,
        requestId,
        now,
        writes: [store.inputsPut(record)],
      });
    } catch (error) {
      if (error instanceof WriteConditionError) throw new AppError('DRAW_EXISTS', 409);
      throw error;
    }
  }
  const committed = await linkedEntry(deps, scope, record.version === 1 && record.committedAt === now.toISOString() ? headBefore : 0, 'draw.committed', record.inputs.drawId);
  if (!committed) throw new AppError('DRAW_PENDING', 409);
  const result = await runDraw(nodeSha256, record.inputs, { seq: committed.seq, hash: committed.hash });
  const names = new Map(record.inputs.eligible.map((c) => [c.personId, c.name]));
  const declarations = new Map((await deps.reviews.declarations(app.roundId, app.applicationId)).map((d) => [d.reviewerId, d]));
  const assignments: AssignmentRecord[] = result.members.map((reviewerId) => {
    const d = declarations.get(reviewerId);
    const allowed = d && checkAssignment({ reviewer: { reviewerId, employers: [] }, applicant: { applicationId: app.applicationId, organisationName: app.organisation.name, creditCode: app.organisation.creditCode }, declaration: d, now: now.toISOString() }, ctx.config).allowed;
    return {
      roundId: app.roundId,
      applicationId: app.applicationId,
      stage,
      reviewerId,
      reviewerName: names.get(reviewerId)!,
      leader: reviewerId === result.leaderId,
      status: d ? (allowed ? 'active' : 'conflicted') : 'awaitingDeclaration',
      organisation: organisationOf(app),
      assignedAt: now.toISOString(),
      assignedBy: session.personId,
      drawId: record!.inputs.drawId,
      version: 1,
      updatedAt: now.toISOString(),
    } as AssignmentRecord;
  });
  const writes: TransactItem[] = [
    store.resultSet(record, result),
    deps.reviews.noConsensus(app.roundId, app.applicationId, stage),
    ...assignments.flatMap((a) => [deps.reviews.assignmentPut(a), ...(declarations.has(a.reviewerId) ? [] : [deps.reviews.noDeclaration(app.roundId, app.applicationId, a.reviewerId)])]),
    deps.reviews.leaderClaim(assignments.find((a) => a.leader)!),
    store.rosterJoinMany(app.roundId, app.applicationId, stage, assignments.length),
  ];
  try {
    await deps.audit.commit({
      scope,
      actor: actorOf(session),
      action: 'draw.drawn',
      target: { type: 'draw', id: record.inputs.drawId },
      context: { applicationId: app.applicationId, stage },
      state: result,
      requestId,
      now,
      writes,
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError(error.index === 0 ? 'DRAW_EXISTS' : 'CONSENSUS_RECORDED', 409);
    throw error;
  }
  for (const a of assignments) {
    const email = pool.find((p) => p.personId === a.reviewerId)?.email;
    if (email) await mailAssignment(deps, a, email, ctx).catch((e: unknown) => deps.logger.error('assignment mail failed', { reviewerId: a.reviewerId, error: e as Error }));
  }
  return {
    drawId: record.inputs.drawId,
    applicationId: app.applicationId,
    organisation: app.organisation.name,
    stage,
    members: assignments.map((a) => ({ personId: a.reviewerId, name: a.reviewerName, leader: a.leader })),
    eligible: record.inputs.eligible.length,
    excluded: record.inputs.excluded.length,
  };
}

/** The office draws the teams of a stage in one action: every application that still needs one (or those listed), one after the other, so each draw sees the load the previous ones gave. */
export async function drawTeams(deps: ReviewDeps, session: Session, roundId: string, body: v.InferOutput<typeof DrawTeamsBody>, now: Date, requestId: string): Promise<DrawTeamsResponse> {
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  assertRoundStage(ctx, ...ASSIGNABLE_AT[body.stage]);
  const rules = drawRules(ctx, body);
  const supervisor = await deps.identity.getPerson(body.witness.supervisorId);
  if (!supervisor || supervisor.role !== 'supervisor' || supervisor.status !== 'active' || supervisor.programmeId !== session.programmeId) throw new AppError('WITNESS_REQUIRED', 422);
  const people = await deps.identity.listPeople(session.programmeId);
  const pool = people.filter((p) => p.role === 'expert').sort((a, b) => (a.personId < b.personId ? -1 : 1));
  let apps = (await deps.applications.listRound(roundId)).filter(isReviewable);
  if (body.stage === 'onSite') {
    const shortlisted = await Promise.all(apps.map(async (a) => (await deps.reviews.shortlistDecision(roundId, a.applicationId))?.shortlisted === true));
    apps = apps.filter((_, i) => shortlisted[i]);
  }
  if (body.applicationIds) {
    const wanted = new Set(body.applicationIds);
    apps = apps.filter((a) => wanted.has(a.applicationId));
  }
  const existing = new Map((await draws(deps).ofRound(roundId)).filter((d) => d.stage === body.stage).map((d) => [d.applicationId, d]));
  const allAssignments = await deps.reviews.assignments(roundId);
  apps.sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
  const done: DrawSummary[] = [];
  const refused: DrawRefusal[] = [];
  for (const app of apps) {
    const prior = existing.get(app.applicationId);
    if (prior?.result) continue;
    // A team formed by hand is left as it is (unless asked for by name).
    if (!prior && !body.applicationIds && allAssignments.some((a) => a.applicationId === app.applicationId && a.stage === body.stage && !STEPPED_ASIDE.has(a.status))) continue;
    try {
      done.push(await drawOne(deps, session, ctx, app, body, rules, supervisor, pool, now, requestId));
    } catch (error) {
      if (error instanceof DrawMixTooLargeError) refused.push({ applicationId: app.applicationId, organisation: app.organisation.name, code: 'DRAW_MIX_TOO_LARGE', params: { size: error.size, total: error.total } });
      else if (error instanceof DrawTooFewError) refused.push({ applicationId: app.applicationId, organisation: app.organisation.name, code: 'DRAW_TOO_FEW', params: { needed: error.needed, eligible: error.eligible, missing: error.missing } });
      else if (error instanceof AppError) refused.push({ applicationId: app.applicationId, organisation: app.organisation.name, code: error.code, params: {} });
      else throw error;
    }
  }
  return { draws: done, refused, rules };
}

/** The rules a batch draws under: the round's `draw` settings, the stage's mix, and the batch's field (the larger minimum of a section counts). */
function drawRules(ctx: ReviewRound, body: v.InferOutput<typeof DrawTeamsBody>): DrawRules {
  const settings = ctx.config.draw;
  const mix = settings.mix[body.stage].map((m) => ({ section: m.section as string, min: m.min }));
  const extra = body.requiredField;
  if (extra) {
    const same = mix.findIndex((m) => m.section === extra.section);
    if (same < 0) mix.push({ section: extra.section, min: extra.min });
    else mix[same] = { section: extra.section, min: Math.max(extra.min, mix[same]!.min) };
  }
  return { loadCap: settings.loadCap, excludeSameDistrict: settings.excludeSameDistrict, mix };
}

/** Draws one application's team; a refusal is an error (422 DRAW_TOO_FEW naming how many are missing). */
export async function drawTeam(deps: ReviewDeps, session: Session, applicationId: string, body: v.InferOutput<typeof DrawTeamsBody>, now: Date, requestId: string): Promise<DrawSummary> {
  const app = await programmeApplication(deps, session, applicationId);
  const out = await drawTeams(deps, session, app.roundId, { ...body, applicationIds: [applicationId] }, now, requestId);
  const refusal = out.refused[0];
  if (refusal) throw new AppError(refusal.code as 'DRAW_TOO_FEW', refusal.code === 'DRAW_TOO_FEW' || refusal.code === 'DRAW_MIX_TOO_LARGE' ? 422 : 409, refusal.params, refusal.params);
  if (!out.draws[0]) throw new AppError('DRAW_EXISTS', 409);
  return out.draws[0];
}

/** The leader of a team as it stands: the one holding the post (not stepped aside), else the one who last held it. */
const leaderOfTeam = (team: readonly AssignmentRecord[]) => (team.find((a) => a.leader && !STEPPED_ASIDE.has(a.status)) ?? team.find((a) => a.leader))?.reviewerId;

/** A drawn team as the office reads it after a change, from the record and the team's assignments. */
function summaryOf(record: DrawRecord, organisation: string, members: readonly string[], leaderId: string | undefined): DrawSummary {
  const nameOf = new Map(record.inputs.eligible.map((c) => [c.personId, c.name]));
  return {
    drawId: record.inputs.drawId,
    applicationId: record.applicationId,
    organisation,
    stage: record.stage,
    members: members.map((m) => ({ personId: m, name: nameOf.get(m) ?? m, leader: m === leaderId })),
    eligible: record.inputs.eligible.length,
    excluded: record.inputs.excluded.length,
  };
}

/**
 * Replaces a drawn member whose recusal or conflict is logged with the next in
 * the seeded order (`draw.replaced`), replayable from the same inputs: from
 * version 2 the next who keeps the field mix, and when the one who declined led
 * the team, the lead passes to the first of the new team in the seeded order.
 */
export async function replaceDrawn(deps: ReviewDeps, session: Session, applicationId: string, stage: ReviewStage, body: v.InferOutput<typeof ReplaceDrawnBody>, now: Date, requestId: string): Promise<DrawSummary> {
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  assertRoundStage(ctx, ...ASSIGNABLE_AT[stage]);
  const store = draws(deps);
  const record = await store.get(app.roundId, applicationId, stage);
  if (!record?.result) throw new AppError('DRAW_NOT_FOUND', 404);
  const current = currentTeam(record.result, record.replacements);
  if (!current.includes(body.reviewerId)) throw new AppError('DRAW_NOT_MEMBER', 422);
  const team = await deps.reviews.assignments(app.roundId, applicationId, stage);
  const declinedAssignment = team.find((a) => a.reviewerId === body.reviewerId);
  if (!declinedAssignment || !STEPPED_ASIDE.has(declinedAssignment.status)) throw new AppError('DRAW_NOT_MEMBER', 422, { reason: 'not recused' });
  const leaderNow = leaderOfTeam(team) ?? ruleLeader(record.result, record.replacements);
  const replacement = nextReplacement(record.result, record.replacements, body.reviewerId, record.inputs, leaderNow);
  if (!replacement) throw new AppError('DRAW_EXHAUSTED', 422);
  const person = await deps.identity.getPerson(replacement.replacement);
  const name = record.inputs.eligible.find((c) => c.personId === replacement.replacement)!.name;
  const declaration = await deps.reviews.declaration(app.roundId, applicationId, replacement.replacement);
  const a = {
    roundId: app.roundId, applicationId, stage, reviewerId: replacement.replacement, reviewerName: name, leader: replacement.leaderId === replacement.replacement,
    status: declaration ? 'active' : 'awaitingDeclaration', organisation: organisationOf(app), assignedAt: now.toISOString(), assignedBy: session.personId,
    drawId: record.inputs.drawId, version: 1, updatedAt: now.toISOString(),
  } as AssignmentRecord;
  // The lead passed on: the one who declined no longer holds it, the new leader claims the post in the same transaction.
  const leaderWrites: TransactItem[] = [];
  if (replacement.leaderId) {
    leaderWrites.push(deps.reviews.assignmentUpdate({ ...declinedAssignment, leader: false, version: declinedAssignment.version + 1, updatedAt: now.toISOString() }, declinedAssignment.version));
    const heir = team.find((x) => x.reviewerId === replacement.leaderId);
    if (heir) leaderWrites.push(deps.reviews.assignmentUpdate({ ...heir, leader: true, version: heir.version + 1, updatedAt: now.toISOString() }, heir.version));
    leaderWrites.push(deps.reviews.leaderClaim(heir ?? a, body.reviewerId));
  }
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'draw.replaced',
      target: { type: 'draw', id: `${record.inputs.drawId}/${record.replacements.length + 1}` },
      context: { applicationId, stage },
      state: replacement,
      requestId,
      now,
      writes: [store.replacementAdd(record, replacement), deps.reviews.assignmentPut(a), deps.reviews.noConsensus(app.roundId, applicationId, stage), store.rosterJoinMany(app.roundId, applicationId, stage, 1), ...leaderWrites],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  if (person) await mailAssignment(deps, a, person.email, ctx).catch(() => undefined);
  const members = current.map((m) => (m === body.reviewerId ? replacement.replacement : m));
  return summaryOf(record, app.organisation.name, members, replacement.leaderId ?? (leaderNow === body.reviewerId ? undefined : leaderNow));
}

/**
 * The office names the leader of a drawn team by hand, with why (audited as
 * `draw.leaderNamed`): only a member of the team as it stands who has not
 * stepped aside; the one who led before no longer does, in the same transaction.
 */
export async function nameDrawnLeader(deps: ReviewDeps, session: Session, applicationId: string, stage: ReviewStage, body: v.InferOutput<typeof NameDrawnLeaderBody>, now: Date, requestId: string): Promise<DrawSummary> {
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  assertRoundStage(ctx, ...ASSIGNABLE_AT[stage]);
  const record = await draws(deps).get(app.roundId, applicationId, stage);
  if (!record?.result) throw new AppError('DRAW_NOT_FOUND', 404);
  const current = currentTeam(record.result, record.replacements);
  const [team, consensus] = await Promise.all([deps.reviews.assignments(app.roundId, applicationId, stage), deps.reviews.consensus(app.roundId, applicationId, stage)]);
  if (consensus) throw new AppError('CONSENSUS_RECORDED', 409);
  const chosen = team.find((a) => a.reviewerId === body.reviewerId);
  if (!current.includes(body.reviewerId) || !chosen || STEPPED_ASIDE.has(chosen.status)) throw new AppError('DRAW_LEADER_NOT_MEMBER', 422);
  const previous = leaderOfTeam(team);
  if (previous === body.reviewerId && chosen.leader) throw new AppError('DRAW_LEADER_ALREADY', 409);
  const at = now.toISOString();
  const writes: TransactItem[] = [deps.reviews.assignmentUpdate({ ...chosen, leader: true, version: chosen.version + 1, updatedAt: at }, chosen.version)];
  for (const other of team.filter((a) => a.leader && a.reviewerId !== body.reviewerId)) writes.push(deps.reviews.assignmentUpdate({ ...other, leader: false, version: other.version + 1, updatedAt: at }, other.version));
  writes.push(deps.reviews.leaderClaim(chosen, previous), deps.reviews.noConsensus(app.roundId, applicationId, stage));
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'draw.leaderNamed',
      target: { type: 'draw', id: record.inputs.drawId },
      context: { applicationId, stage },
      state: { drawId: record.inputs.drawId, leaderId: body.reviewerId, previous: previous ?? null, reason: body.reason },
      requestId,
      now,
      writes,
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  return summaryOf(record, app.organisation.name, current, body.reviewerId);
}

/** Every draw of a round with its inputs, result and replacements (office and supervisors), to replay against the chain. */
export async function roundDraws(deps: ReviewDeps, session: Session, roundId: string): Promise<RoundDrawsResponse> {
  await reviewRound(deps, roundId, session.programmeId);
  const records = await draws(deps).ofRound(roundId);
  if (records.length === 0) return { draws: [] };
  const apps = new Map((await deps.applications.listRound(roundId)).map((a) => [a.applicationId, a.organisation.name]));
  return {
    draws: records
      .sort((a, b) => (a.inputs.drawId < b.inputs.drawId ? -1 : 1))
      .map((r) => ({ inputs: r.inputs, ...(r.result ? { result: r.result } : {}), replacements: r.replacements ?? [], organisation: apps.get(r.applicationId) ?? '', committedAt: r.committedAt })),
  };
}
