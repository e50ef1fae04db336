import type * as v from 'valibot';
import type {
  AddPanelMemberBody,
  DefenseApplicationView,
  DefenseDeclarationResponse,
  DefenseScoreView,
  MyDefenseResponse,
  PanelMemberView,
  RoundDefenseResponse,
  SaveDefenseScoreBody,
  SubmitDefenseScoreBody,
} from '../../../shared/api/defense';
import type { DeclarationBody, RecusalBody } from '../../../shared/api/reviews';
import { roundScope } from '../../../shared/audit/chain';
import type { RoundStage } from '../../../shared/stages/round';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { applicationsBeforePanel, defenseOutcome, seatStatus } from '../../lib/reviews/defense';
import type { DeclarationRecord, DefenseScoreRecord, PanelMemberRecord } from '../../lib/reviews/repository';
import { newDeclaration } from './assignments';
import { actorOf, assertRoundStage, byReviewerName, isOffice, loadNameOrder, isReviewable, organisationOf, programmeApplication, reviewRound, type ReviewDeps, type ReviewRound } from './context';
import type { Locale } from '../../../shared/messages';
import { bilingualMail } from '../../lib/mail';
import { byOrganisation } from './round';

// DOMAIN.md stage 6: the panel is formed while the site visits run; deliberators declare from then on and score during the defense.
const PANEL_OPEN_AT: RoundStage[] = ['onSite', 'defense'];

/** The applications before a round's panel (shortlisted, with an on-site consensus, not withdrawn), with their on-site totals. */
async function beforePanel(deps: ReviewDeps, roundId: string): Promise<{ app: ApplicationRecord; onSiteTotal: number }[]> {
  const [apps, shortlist, consensuses] = await Promise.all([deps.applications.listRound(roundId), deps.reviews.shortlist(roundId), deps.reviews.consensuses(roundId)]);
  const onSite = new Map(consensuses.filter((c) => c.stage === 'onSite').map((c) => [c.applicationId, c.total]));
  return applicationsBeforePanel(apps.filter(isReviewable), shortlist, consensuses)
    .sort(byOrganisation)
    .map((app) => ({ app, onSiteTotal: onSite.get(app.applicationId)! }));
}

/**
 * The caller's seat for an application: not on the panel of its round is 404;
 * an application of that round not before the panel is 422 NOT_BEFORE_PANEL.
 */
async function panelSeat(deps: ReviewDeps, session: Session, applicationId: string) {
  const app = await programmeApplication(deps, session, applicationId);
  const member = await deps.reviews.panelMember(app.roundId, session.personId);
  // A member taken off the panel is, for their own seats, no member at all.
  if (!member || member.removal) throw notFound();
  const [shortlisted, onSite] = await Promise.all([
    deps.reviews.shortlistDecision(app.roundId, applicationId),
    deps.reviews.consensus(app.roundId, applicationId, 'onSite'),
  ]);
  if (!isReviewable(app) || shortlisted?.shortlisted !== true || !onSite) throw new AppError('NOT_BEFORE_PANEL', 422);
  return { app, member };
}

/** The caller's seat where they may score: before the declaration 403 DECLARATION_REQUIRED, conflicted 404. */
async function scoringSeat(deps: ReviewDeps, session: Session, applicationId: string) {
  const seat = await panelSeat(deps, session, applicationId);
  const declaration = await deps.reviews.declaration(seat.app.roundId, applicationId, session.personId);
  const status = seatStatus(declaration, undefined);
  if (status === 'awaitingDeclaration') throw new AppError('DECLARATION_REQUIRED', 403);
  if (status === 'conflicted') throw notFound();
  return seat;
}

const emptyScore = (member: PanelMemberRecord, applicationId: string): DefenseScoreRecord => ({
  roundId: member.roundId,
  applicationId,
  reviewerId: member.reviewerId,
  reviewerName: member.reviewerName,
  status: 'draft',
  comment: '',
  version: 0,
  updatedAt: '',
});

/** The view of a stored score (an empty draft, version 0, before the first save). */
function scoreView(s: DefenseScoreRecord): DefenseScoreView {
  const { updatedAt, ...rest } = s;
  return { ...rest, ...(s.version > 0 ? { updatedAt } : {}) };
}

/**
 * The office adds an active deliberator of its programme to a round's defense
 * panel, once, while the site visits or the defense run.
 */
export async function addPanelMember(
  deps: ReviewDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof AddPanelMemberBody>,
  now: Date,
  requestId: string,
): Promise<PanelMemberView> {
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  assertRoundStage(ctx, ...PANEL_OPEN_AT);
  const { reviewerId } = input;
  const person = await deps.identity.getPerson(reviewerId);
  if (!person || person.role !== 'deliberator' || person.status !== 'active' || person.programmeId !== session.programmeId) {
    throw new AppError('DELIBERATOR_UNKNOWN', 422, { reviewerId }, { reviewerId });
  }
  if (await deps.reviews.panelMember(roundId, reviewerId)) throw new AppError('ALREADY_ON_PANEL', 409, { reviewerId });
  const member: PanelMemberRecord = { roundId, reviewerId, reviewerName: person.name, addedAt: now.toISOString(), addedBy: session.personId };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'assignment.made',
      target: { type: 'panel', id: `${roundId}/${reviewerId}` },
      context: { stage: ctx.stage },
      state: member,
      requestId,
      now,
      writes: [deps.reviews.panelMemberPut(member)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('ALREADY_ON_PANEL', 409, { reviewerId });
    throw error;
  }
  await mailPanelSeat(deps, ctx, member, person.email).catch((e: unknown) => deps.logger.error('panel mail failed', { roundId, reviewerId, error: e as Error }));
  return member;
}

/** Tells the deliberator, in Chinese then English, which round's defense panel they sit on and where to declare and score. */
async function mailPanelSeat(deps: ReviewDeps, ctx: ReviewRound, member: PanelMemberRecord, email: string): Promise<void> {
  const programme = (await deps.awards.getProgramme(ctx.round.programmeId))?.name ?? { 'zh-CN': ctx.round.programmeId, en: ctx.round.programmeId };
  const link = `${await deps.publicUrl()}/review`;
  const params = (locale: Locale) => ({ programme: programme[locale], round: ctx.round.name[locale], name: member.reviewerName, link });
  await deps.mailer.send(bilingualMail(email, 'mail.panel.subject', 'mail.panel.body', params), new Date(member.addedAt));
}

/**
 * The office takes a member off the round's panel with a reason (absent,
 * revoked, a conflict found late), once, while the site visits or the defense
 * run — logged as a recusal (DOMAIN.md). Their seats stop counting, so the
 * round can move on once the remaining members are done; their scores are set
 * aside, kept for the record.
 */
export async function removePanelMember(
  deps: ReviewDeps,
  session: Session,
  roundId: string,
  reviewerId: string,
  input: v.InferOutput<typeof RecusalBody>,
  now: Date,
  requestId: string,
): Promise<PanelMemberView> {
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  const member = await deps.reviews.panelMember(roundId, reviewerId);
  if (!member) throw notFound();
  if (member.removal) throw new AppError('PANEL_MEMBER_REMOVED', 409, { reviewerId });
  assertRoundStage(ctx, ...PANEL_OPEN_AT);
  const next: PanelMemberRecord = { ...member, removal: { reason: input.reason, at: now.toISOString(), by: session.personId, byName: session.name } };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'recusal.logged',
      target: { type: 'panel', id: `${roundId}/${reviewerId}` },
      context: { stage: ctx.stage },
      state: next,
      requestId,
      now,
      writes: [deps.reviews.panelMemberRemovalPut(next)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('PANEL_MEMBER_REMOVED', 409, { reviewerId });
    throw error;
  }
  return next;
}

/**
 * A panel member declares their relations with an applicant before the panel
 * and signs both declarations, once (the same declaration an expert makes); a
 * conflict, declared or detected, takes them off that application only.
 */
export async function declareForDefense(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof DeclarationBody>,
  now: Date,
  requestId: string,
): Promise<DefenseDeclarationResponse> {
  const { app } = await panelSeat(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  assertRoundStage(ctx, ...PANEL_OPEN_AT);
  if (await deps.reviews.declaration(app.roundId, applicationId, session.personId)) throw new AppError('DECLARATION_MADE', 409);
  const declaration = await newDeclaration(deps, session, app, ctx, input, now);
  const status = seatStatus(declaration, undefined);
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'declaration.made',
      target: { type: 'declaration', id: `${applicationId}/${session.personId}` },
      context: { applicationId, stage: ctx.stage },
      state: { declaration, seat: status },
      requestId,
      now,
      writes: [deps.reviews.declarationPut(declaration)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('DECLARATION_MADE', 409);
    throw error;
  }
  return { declaration, status };
}

/** The panel member's own score for an application: an empty draft, version 0, before the first save. */
export async function readDefenseScore(deps: ReviewDeps, session: Session, applicationId: string): Promise<DefenseScoreView> {
  const { app, member } = await scoringSeat(deps, session, applicationId);
  return scoreView((await deps.reviews.defenseScore(app.roundId, applicationId, session.personId)) ?? emptyScore(member, applicationId));
}

/** Why a score write lost its condition, from a fresh read: submitted meanwhile, else a stale version. */
async function lostScoreWrite(deps: ReviewDeps, roundId: string, applicationId: string, reviewerId: string): Promise<AppError> {
  const fresh = await deps.reviews.defenseScore(roundId, applicationId, reviewerId);
  return fresh?.status === 'submitted' ? new AppError('SCORE_SUBMITTED', 409) : new AppError('CONFLICT', 409, { version: fresh?.version ?? 0 });
}

/**
 * Saves the panel member's draft score and comment, based on the version read
 * (stale: 409 CONFLICT): only their own, only after declaring clear, only
 * during the defense, never after submitting.
 */
export async function saveDefenseScore(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof SaveDefenseScoreBody>,
  now: Date,
  requestId: string,
): Promise<DefenseScoreView> {
  const { app, member } = await scoringSeat(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  assertRoundStage(ctx, 'defense');
  const current = (await deps.reviews.defenseScore(app.roundId, applicationId, session.personId)) ?? emptyScore(member, applicationId);
  if (current.status === 'submitted') throw new AppError('SCORE_SUBMITTED', 409);
  if (current.version !== input.version) throw new AppError('CONFLICT', 409, { version: current.version });
  const { score: _previous, ...rest } = current;
  const next: DefenseScoreRecord = {
    ...rest,
    ...(input.score !== undefined && input.score !== null ? { score: input.score } : {}),
    comment: input.comment,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'scorecard.saved',
      target: { type: 'defense', id: `${applicationId}/${session.personId}` },
      context: { applicationId, stage: ctx.stage },
      state: next,
      requestId,
      now,
      writes: [deps.reviews.defenseScorePut(next, current.version)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw await lostScoreWrite(deps, app.roundId, applicationId, session.personId);
    throw error;
  }
  return scoreView(next);
}

/**
 * Submits the saved score (a score is required), at the version read; then it
 * never changes. A retry answers the submitted score.
 */
export async function submitDefenseScore(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof SubmitDefenseScoreBody>,
  now: Date,
  requestId: string,
): Promise<DefenseScoreView> {
  const { app, member } = await scoringSeat(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  const current = (await deps.reviews.defenseScore(app.roundId, applicationId, session.personId)) ?? emptyScore(member, applicationId);
  if (current.status === 'submitted') return scoreView(current);
  assertRoundStage(ctx, 'defense');
  // Never saved: nothing to submit yet, whatever version the page sent.
  if (current.version > 0 && current.version !== input.version) throw new AppError('CONFLICT', 409, { version: current.version });
  if (current.score === undefined) throw new AppError('SCORE_REQUIRED', 422);
  const at = now.toISOString();
  const next: DefenseScoreRecord = { ...current, status: 'submitted', version: current.version + 1, updatedAt: at, submittedAt: at };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'scorecard.submitted',
      target: { type: 'defense', id: `${applicationId}/${session.personId}` },
      context: { applicationId, stage: ctx.stage },
      state: scoreView(next),
      requestId,
      now,
      writes: [deps.reviews.defenseScorePut(next, current.version)],
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    // A concurrent press of the same button submitted it first: answer the submitted score.
    const fresh = await deps.reviews.defenseScore(app.roundId, applicationId, session.personId);
    if (fresh?.status === 'submitted') return scoreView(fresh);
    throw new AppError('CONFLICT', 409, { version: fresh?.version ?? 0 });
  }
  return scoreView(next);
}

/**
 * The round's panel and every application before it. The office and
 * supervisors see every score, drafts too, and every declaration; a panel
 * member (anyone else: 404) sees their own score and declarations, and the
 * others' submitted scores only where they submitted their own (DOMAIN.md:
 * independent scores).
 */
export async function roundDefense(deps: ReviewDeps, session: Session, roundId: string): Promise<RoundDefenseResponse> {
  await loadNameOrder(); // sorts by name
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  const office = isOffice(session);
  const [panel, applications, declarations, scores] = await Promise.all([
    deps.reviews.panel(roundId),
    beforePanel(deps, roundId),
    deps.reviews.declarations(roundId),
    deps.reviews.defenseScores(roundId),
  ]);
  if (!office && !panel.some((m) => m.reviewerId === session.personId && !m.removal)) throw notFound();
  const members = [...panel].sort(byReviewerName);
  const onPanel = new Set(members.map((m) => m.reviewerId));
  const removed = new Set(members.filter((m) => m.removal).map((m) => m.reviewerId));
  const names = new Map(members.map((m) => [m.reviewerId, m.reviewerName]));
  const panelDeclarations = declarations.filter((d) => onPanel.has(d.reviewerId));
  const min = ctx.config.teams.defensePanelMin;
  const progress = {
    panel: members.map((m) => ({ reviewerId: m.reviewerId, ...(m.removal ? { removed: true } : {}) })),
    declarations: panelDeclarations,
    scores: scores.filter((s) => onPanel.has(s.reviewerId)),
  };
  const views: DefenseApplicationView[] = applications.map(({ app, onSiteTotal }) => {
    const outcome = defenseOutcome(app.applicationId, progress, min);
    const own = outcome.seats.find((s) => s.reviewerId === session.personId);
    const seesOthers = office || own?.status === 'submitted';
    // Set-aside scores (of members taken off the panel) stay on the record for the office and supervisors only.
    const visible = progress.scores
      .filter((s) => s.applicationId === app.applicationId)
      .filter((s) => office || s.reviewerId === session.personId || (seesOthers && s.status === 'submitted' && !removed.has(s.reviewerId)))
      .sort(byReviewerName);
    return {
      applicationId: app.applicationId,
      organisation: organisationOf(app),
      onSiteTotal,
      seats: outcome.seats.map((s) => ({ reviewerId: s.reviewerId, reviewerName: names.get(s.reviewerId)!, status: s.status })),
      scores: visible.map((s) => (removed.has(s.reviewerId) ? { ...scoreView(s), setAside: true as const } : scoreView(s))),
      ...(outcome.panelScore !== undefined ? { panelScore: outcome.panelScore } : {}),
    };
  });
  return {
    roundId,
    roundStage: ctx.stage,
    panelMin: min,
    panel: members,
    applications: views,
    declarations: panelDeclarations.filter((d) => office || d.reviewerId === session.personId).sort((a, b) => (a.declaredAt < b.declaredAt ? -1 : 1)),
  };
}

/** The panels the deliberator sits on, newest round first, with each application's seat, their own score and declaration. */
export async function myDefense(deps: ReviewDeps, session: Session): Promise<MyDefenseResponse> {
  await loadNameOrder(); // sorts by name
  const seats = await deps.reviews.panelsOfReviewer(session.personId);
  const rounds = await Promise.all(
    seats.map(async ({ roundId, removal }) => {
      if (removal) return undefined;
      const round = await deps.awards.getRound(roundId);
      if (!round || round.programmeId !== session.programmeId) return undefined;
      const [applications, declarations, scores] = await Promise.all([
        beforePanel(deps, roundId),
        deps.reviews.declarations(roundId),
        deps.reviews.defenseScores(roundId),
      ]);
      const own = <T extends { reviewerId: string; applicationId: string }>(list: readonly T[], applicationId: string) =>
        list.find((x) => x.reviewerId === session.personId && x.applicationId === applicationId);
      return {
        createdAt: round.createdAt,
        entry: {
          roundId,
          roundStage: round.stage as RoundStage,
          applications: applications.map(({ app }) => {
            const declaration: DeclarationRecord | undefined = own(declarations, app.applicationId);
            const score = own(scores, app.applicationId);
            return {
              applicationId: app.applicationId,
              organisation: organisationOf(app),
              status: seatStatus(declaration, score),
              ...(score ? { score: scoreView(score) } : {}),
              ...(declaration ? { declaration } : {}),
            };
          }),
        },
      };
    }),
  );
  const listed = rounds.filter((r) => r !== undefined).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return { rounds: listed.map((r) => r.entry) };
}
