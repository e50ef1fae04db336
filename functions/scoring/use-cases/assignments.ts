import type * as v from 'valibot';
import type {
  AssignmentStatus,
  AssignmentView,
  CreateAssignmentBody,
  DeclarationBody,
  DeclarationResponse,
  MyAssignmentsResponse,
  RecusalBody,
  ReviewStage,
} from '../../../shared/api/reviews';
import { roundScope } from '../../../shared/audit/chain';
import {
  checkAssignment,
  declaredConflicts,
  detectConflicts,
  type ApplicantIdentity,
  type ConflictDeclaration,
  type ReviewerProfile,
} from '../../../shared/conflicts';
import type { RoundStage } from '../../../shared/stages/round';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { PersonRecord } from '../../lib/identity/store';
import type { AssignmentRecord, DeclarationRecord } from '../../lib/reviews/repository';
import { actorOf, assertRoundStage, assignmentView, isReviewable, organisationOf, programmeApplication, reviewerProfileOf, reviewRound, type ReviewDeps, type ReviewRound } from './context';
import { t, type Locale } from '../../../shared/messages';
import { onFreshRead } from '../../lib/audit/fresh';
import { bilingualMail } from '../../lib/mail';
import { STEPPED_ASIDE } from '../../../shared/api/review-stages';

const reviewerProfile = reviewerProfileOf;

const applicantOf = (app: ApplicationRecord): ApplicantIdentity => ({
  applicationId: app.applicationId,
  organisationName: app.organisation.name,
  creditCode: app.organisation.creditCode,
});

const asDeclaration = (d: DeclarationRecord): ConflictDeclaration => ({
  reviewerId: d.reviewerId,
  applicationId: d.applicationId,
  declaredAt: d.declaredAt,
  relations: d.relations,
  confidentialitySigned: d.confidentialitySigned,
  impartialitySigned: d.impartialitySigned,
});

// DOMAIN.md stages 4–5: material review follows the eligibility check; site teams are formed once the shortlist is known.
const ASSIGNABLE_AT: Readonly<Record<ReviewStage, RoundStage[]>> = {
  materialReview: ['eligibility', 'materialReview'],
  onSite: ['materialReview', 'onSite'],
};

/** Statuses in which a leader no longer holds the post (another may be named). */

/**
 * The office assigns an active expert of its programme (optionally the
 * leader, one per team) to an eligible application for material review, or a
 * shortlisted one on site; a detected conflict (the expert works for the
 * applicant) is refused. An expert who already declared for the applicant
 * starts active or conflicted accordingly, anyone else awaits the declaration.
 */
export async function assignExpert(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof CreateAssignmentBody>,
  now: Date,
  requestId: string,
): Promise<AssignmentView> {
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  const { stage, reviewerId, leader } = input;
  const reviewer = await deps.identity.getPerson(reviewerId);
  if (!reviewer || reviewer.role !== 'expert' || reviewer.status !== 'active' || reviewer.programmeId !== session.programmeId) {
    throw new AppError('REVIEWER_UNKNOWN', 422, { reviewerId }, { reviewerId });
  }
  assertRoundStage(ctx, ...ASSIGNABLE_AT[stage]);
  if (!isReviewable(app)) throw new AppError('APPLICATION_NOT_ELIGIBLE', 422, { status: app.status, eligibility: app.eligibility?.decision ?? null });
  if (stage === 'onSite' && (await deps.reviews.shortlistDecision(app.roundId, applicationId))?.shortlisted !== true) {
    throw new AppError('NOT_SHORTLISTED', 422);
  }
  return onFreshRead(async () => {
    const [team, consensus, declaration] = await Promise.all([
      deps.reviews.assignments(app.roundId, applicationId, stage),
      deps.reviews.consensus(app.roundId, applicationId, stage),
      deps.reviews.declaration(app.roundId, applicationId, reviewerId),
    ]);
    if (consensus) throw new AppError('CONSENSUS_RECORDED', 409);
    if (team.some((a) => a.reviewerId === reviewerId)) throw new AppError('ALREADY_ASSIGNED', 409, { reviewerId, stage });
    const holder = team.find((a) => a.leader && !STEPPED_ASIDE.has(a.status));
    if (leader && holder) throw new AppError('LEADER_TAKEN', 409, { leaderId: holder.reviewerId });
    const previous = team.filter((a) => a.leader).sort((x, y) => (x.assignedAt < y.assignedAt ? 1 : -1))[0];

    const check = checkAssignment(
      { reviewer: reviewerProfile(reviewer), applicant: applicantOf(app), ...(declaration ? { declaration: asDeclaration(declaration) } : {}), now: now.toISOString() },
      ctx.config,
    );
    const detected = check.allowed ? [] : check.conflicts.filter((c) => c.source === 'detected');
    if (detected.length > 0) {
      throw new AppError('CONFLICT_OF_INTEREST', 422, { conflicts: detected.map((c) => ({ source: c.source, kind: c.kind, ...(c.match ? { match: c.match } : {}) })) });
    }
    const status: AssignmentStatus = check.allowed ? 'active' : check.code === 'CONFLICT_OF_INTEREST' ? 'conflicted' : 'awaitingDeclaration';
    const assignment: AssignmentRecord = {
      roundId: app.roundId,
      applicationId,
      stage,
      reviewerId,
      reviewerName: reviewer.name,
      leader,
      status,
      organisation: organisationOf(app),
      assignedAt: now.toISOString(),
      assignedBy: session.personId,
      ...(input.reason ? { manualReason: input.reason } : {}),
      version: 1,
      updatedAt: now.toISOString(),
    };
    try {
      await deps.audit.commit({
        scope: roundScope(app.roundId),
        actor: actorOf(session),
        action: 'assignment.made',
        target: { type: 'assignment', id: `${applicationId}/${stage}/${reviewerId}` },
        context: { applicationId, stage: ctx.stage },
        state: assignmentView(assignment),
        requestId,
        now,
        writes: [
          deps.reviews.assignmentPut(assignment),
          deps.reviews.noConsensus(app.roundId, applicationId, stage),
          // Without a declaration the assignment awaits one; with the leader flag it claims the post. A change meanwhile means a fresh read.
          ...(declaration ? [] : [deps.reviews.noDeclaration(app.roundId, applicationId, reviewerId)]),
          ...(leader ? [deps.reviews.leaderClaim(assignment, previous?.reviewerId)] : []),
          deps.reviews.rosterJoin(assignment),
        ],
      });
    } catch (error) {
      if (!(error instanceof WriteConditionError) || error.index >= 2) throw error;
      throw error.index === 0 ? new AppError('ALREADY_ASSIGNED', 409, { reviewerId, stage }) : new AppError('CONSENSUS_RECORDED', 409);
    }
    await mailAssignment(deps, assignment, reviewer.email, ctx).catch((e: unknown) =>
      deps.logger.error('assignment mail failed', { applicationId, reviewerId, error: e as Error }),
    );
    return assignmentView(assignment);
  });
}

/** Tells the expert, in Chinese then English, which applicant and stage they are assigned to and where to declare and score. */
export async function mailAssignment(deps: ReviewDeps, a: AssignmentRecord, email: string, ctx: ReviewRound): Promise<void> {
  const programme = (await deps.awards.getProgramme(ctx.round.programmeId))?.name ?? { 'zh-CN': ctx.round.programmeId, en: ctx.round.programmeId };
  const link = `${await deps.publicUrl()}/review/${encodeURIComponent(a.applicationId)}/${a.stage}`;
  const params = (locale: Locale) => ({
    programme: programme[locale],
    organisation: a.organisation.name,
    name: a.reviewerName,
    stage: t(`domain.stage.${a.stage}`, locale),
    leader: a.leader ? t('mail.assignment.leader', locale) : '',
    link,
  });
  await deps.mailer.send(bilingualMail(email, 'mail.assignment.subject', 'mail.assignment.body', params), new Date(a.assignedAt));
}

/** The expert's own assignments with the round's stage, their card and whether the consensus is in; newest round first. */
export async function myAssignments(deps: ReviewDeps, session: Session): Promise<MyAssignmentsResponse> {
  const mine = await deps.reviews.assignmentsOfReviewer(session.personId);
  const rounds = new Map<string, ReturnType<ReviewDeps['awards']['getRound']>>();
  for (const a of mine) if (!rounds.has(a.roundId)) rounds.set(a.roundId, deps.awards.getRound(a.roundId));
  const assignments = await Promise.all(
    mine.map(async (a) => {
      const [round, card, consensus, declaration] = await Promise.all([
        rounds.get(a.roundId)!,
        deps.reviews.card(a.roundId, a.applicationId, a.stage, a.reviewerId),
        deps.reviews.consensus(a.roundId, a.applicationId, a.stage),
        a.status === 'awaitingDeclaration' ? undefined : deps.reviews.declaration(a.roundId, a.applicationId, a.reviewerId),
      ]);
      const scored = card ? Object.values(card.items).filter((i) => i.percent !== undefined && i.percent !== null).length : 0;
      return {
        entry: {
          ...assignmentView(a),
          roundStage: (round?.stage ?? 'call') as RoundStage,
          ...(card ? { card: { status: card.status, scored, version: card.version } } : {}),
          consensusRecorded: consensus !== undefined,
          ...(declaration ? { declaration } : {}),
        },
        roundCreated: round?.createdAt ?? '',
      };
    }),
  );
  assignments.sort((x, y) => (x.roundCreated === y.roundCreated ? (x.entry.assignedAt < y.entry.assignedAt ? 1 : -1) : x.roundCreated < y.roundCreated ? 1 : -1));
  return { assignments: assignments.map((x) => x.entry) };
}

/**
 * The expert declares their relations with an assigned applicant and signs
 * the confidentiality and impartiality declarations, once. A conflict (every
 * declared relation but employment that ended long enough ago) blocks their
 * assignments for the applicant; otherwise they become active. The
 * declaration, the assignments' new statuses and the audit entry are one
 * transaction.
 */
export async function declare(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof DeclarationBody>,
  now: Date,
  requestId: string,
): Promise<DeclarationResponse> {
  const app = await programmeApplication(deps, session, applicationId);
  return onFreshRead(async () => {
    const mine = (await deps.reviews.assignments(app.roundId, applicationId)).filter((a) => a.reviewerId === session.personId);
    if (mine.length === 0) throw notFound();
    const ctx = await reviewRound(deps, app.roundId, session.programmeId);
    if (await deps.reviews.declaration(app.roundId, applicationId, session.personId)) throw new AppError('DECLARATION_MADE', 409);
    // An expert who stepped aside from every assignment here (recused) has nothing left to declare for (issue #16 note).
    if (!mine.some((a) => a.status === 'awaitingDeclaration')) throw new AppError('ASSIGNMENT_CLOSED', 409, { status: mine[0]!.status });
    const declaration = await newDeclaration(deps, session, app, ctx, input, now);
    const at = declaration.declaredAt;
    const conflicts = declaration.conflicts;
    const status: AssignmentStatus = conflicts.length > 0 ? 'conflicted' : 'active';
    const settled = mine
      .filter((a) => a.status === 'awaitingDeclaration')
      .map((a): [AssignmentRecord, AssignmentRecord] => [a, { ...a, status, version: a.version + 1, updatedAt: at }]);
    try {
      await deps.audit.commit({
        scope: roundScope(app.roundId),
        actor: actorOf(session),
        action: 'declaration.made',
        target: { type: 'declaration', id: `${applicationId}/${session.personId}` },
        context: { applicationId, stage: ctx.stage },
        state: { declaration, assignments: settled.map(([, next]) => ({ stage: next.stage, status: next.status })) },
        requestId,
        now,
        writes: [deps.reviews.declarationPut(declaration), ...settled.map(([before, next]) => deps.reviews.assignmentUpdate(next, before.version))],
      });
    } catch (error) {
      if (error instanceof WriteConditionError && error.index === 0) throw new AppError('DECLARATION_MADE', 409);
      throw error;
    }
    return { declaration, assignments: settled.map(([, next]) => assignmentView(next)) };
  });
}

/**
 * A reviewer's (expert's or deliberator's) declaration for an applicant, both
 * declarations signed (else 422 DECLARATION_UNSIGNED), with its conflicts at
 * the time of declaring: detected (they work for the applicant) and declared.
 */
export async function newDeclaration(
  deps: ReviewDeps,
  session: Session,
  app: ApplicationRecord,
  ctx: ReviewRound,
  input: v.InferOutput<typeof DeclarationBody>,
  now: Date,
): Promise<DeclarationRecord> {
  if (!input.confidentialitySigned || !input.impartialitySigned) {
    throw new AppError('DECLARATION_UNSIGNED', 422, { confidentialitySigned: input.confidentialitySigned, impartialitySigned: input.impartialitySigned });
  }
  const at = now.toISOString();
  const relations = input.relations.map((r) => ({ kind: r.kind, ...(r.endedOn ? { endedOn: r.endedOn } : {}), ...(r.note ? { note: r.note } : {}) }));
  const declared: ConflictDeclaration = { reviewerId: session.personId, applicationId: app.applicationId, declaredAt: at, relations, confidentialitySigned: true, impartialitySigned: true };
  const reviewer = await deps.identity.getPerson(session.personId);
  const detected = reviewer ? detectConflicts(reviewerProfile(reviewer), applicantOf(app), ctx.config, at) : [];
  const conflicts = [...detected, ...declaredConflicts(declared, ctx.config, at)].map((c) => ({ source: c.source, kind: c.kind }));
  return {
    roundId: app.roundId,
    applicationId: app.applicationId,
    reviewerId: session.personId,
    reviewerName: reviewer?.name ?? session.name,
    declaredAt: at,
    relations,
    confidentialitySigned: true,
    impartialitySigned: true,
    conflicts,
  };
}

/**
 * A recusal during review (DOMAIN.md: logged): the expert on their own
 * assignment, or an administrator of the programme, with the reason. The
 * card is set aside; not after the team's consensus.
 */
export async function recuse(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  stage: ReviewStage,
  reviewerId: string,
  input: v.InferOutput<typeof RecusalBody>,
  now: Date,
  requestId: string,
): Promise<AssignmentView> {
  if (session.role === 'expert' && reviewerId !== session.personId) throw notFound();
  const app = await programmeApplication(deps, session, applicationId);
  return onFreshRead(async () => {
    const [assignment, consensus] = await Promise.all([
      deps.reviews.assignment(app.roundId, applicationId, stage, reviewerId),
      deps.reviews.consensus(app.roundId, applicationId, stage),
    ]);
    if (!assignment) throw notFound();
    const ctx = await reviewRound(deps, app.roundId, session.programmeId);
    if (consensus) throw new AppError('CONSENSUS_RECORDED', 409);
    if (STEPPED_ASIDE.has(assignment.status)) throw new AppError('ASSIGNMENT_CLOSED', 409, { status: assignment.status });
    const at = now.toISOString();
    const next: AssignmentRecord = {
      ...assignment,
      status: 'recused',
      recusal: { reason: input.reason, at, by: session.personId, byName: session.name },
      version: assignment.version + 1,
      updatedAt: at,
    };
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'recusal.logged',
      target: { type: 'assignment', id: `${applicationId}/${stage}/${reviewerId}` },
      context: { applicationId, stage: ctx.stage },
      state: assignmentView(next),
      requestId,
      now,
      writes: [deps.reviews.assignmentUpdate(next, assignment.version), deps.reviews.noConsensus(app.roundId, applicationId, stage)],
    });
    return assignmentView(next);
  });
}
