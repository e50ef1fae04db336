import type * as v from 'valibot';
import { LETTERS_TIME_BUDGET_MS } from '../../../shared/api/letters';
import type { MoveRoundBody, RoundStageResponse } from '../../../shared/api/reviews';
import { REVIEW_STAGES, type ReviewStage } from '../../../shared/api/review-stages';
import { roundScope } from '../../../shared/audit/chain';
import { parseRoundConfig, type RoundConfig } from '../../../shared/round';
import { moveRound, ROUND_STAGES, TransitionError, type RoundFacts, type RoundStage, type RoundState } from '../../../shared/stages';
import type { ApplicationRecord, ApplicationsRepository } from '../../lib/applications/repository';
import { WriteConditionError, type AuditLog } from '../../lib/audit/log';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import { AppError, conflict, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { isMessageKey, lookup, momentText, type MessageParams, type Text } from '../../../shared/messages';
import { applicationsBeforePanel, openDefenseWork } from '../../lib/reviews/defense';
import type { ReviewProgressReader, RoundReviewProgress } from '../../lib/reviews/progress';
import { outcomeFacts } from '../../lib/outcome/progress';
import type { OutcomeStore } from '../../lib/outcome/store';
import type { IdentityStore } from '../../lib/identity/store';
import type { LettersStore } from '../../lib/letters/store';
import type { Mailer } from '../../lib/mailer';
import { chainHeadOf, publicationOfStage, publishRound, type PublishDeps } from './publish';

/** What moving a round needs: the round, its applications and reviews (read), the audit log (the only writer), and what publishing needs. */
export interface RoundDeps extends PublishDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly applications: ApplicationsRepository;
  readonly reviews: ReviewProgressReader;
  readonly outcome: OutcomeStore;
  /** What sending the result letters needs; without them (tests of the move alone) no letter is sent. */
  readonly letters?: LettersStore;
  readonly identity?: Pick<IdentityStore, 'getPerson'>;
  readonly mailer?: Mailer;
}

const isReviewStage = (stage: RoundStage): stage is ReviewStage => (REVIEW_STAGES as readonly string[]).includes(stage);

// DOMAIN.md stages 4 and 5: a review stage's work is open while an expert on a team has not finished (still to
// declare, or scoring) and while an application the stage reviews has no consensus yet — a team never formed counts too.
/** Open work of a review stage: unfinished assignments plus reviewed applications without a consensus. */
export function openReviewWork(stage: ReviewStage, applications: readonly ApplicationRecord[], progress: RoundReviewProgress): number {
  const unfinished = progress.assignments.filter((a) => a.stage === stage && (a.status === 'awaitingDeclaration' || a.status === 'active')).length;
  const reviewed =
    stage === 'materialReview'
      ? applications.filter((a) => a.status === 'submitted' && a.eligibility?.decision === 'eligible').map((a) => a.applicationId)
      : progress.shortlist.filter((s) => s.shortlisted).map((s) => s.applicationId);
  const agreed = new Set(progress.consensus.filter((c) => c.stage === stage).map((c) => c.applicationId));
  return unfinished + reviewed.filter((id) => !agreed.has(id)).length;
}

/** Open work of the defense: seats still to declare or score, and applications before the panel without a panel score. */
async function openDefense(deps: RoundDeps, roundId: string, applications: readonly ApplicationRecord[], progress: RoundReviewProgress, config: RoundConfig): Promise<number> {
  const before = applicationsBeforePanel(
    applications.filter((a) => a.eligibility?.decision === 'eligible'),
    progress.shortlist,
    progress.consensus,
  ).map((a) => a.applicationId);
  return openDefenseWork(before, await deps.reviews.defenseOfRound(roundId), config.teams.defensePanelMin);
}

/** The facts the stage guards read, counted from what is stored (applications, reviews, the round's outcome records). */
async function roundFacts(deps: RoundDeps, round: RoundRecord, stage: RoundStage, config: RoundConfig, now: Date): Promise<RoundFacts> {
  const [applications, progress, outcome] = await Promise.all([
    deps.applications.listRound(round.roundId),
    deps.reviews.ofRound(round.roundId),
    deps.outcome.ofRound(round.roundId),
  ]);
  return {
    now: now.toISOString(),
    pendingEligibility: applications.filter((a) => a.status === 'submitted' && !a.eligibility).length,
    openAssignments: isReviewStage(stage)
      ? openReviewWork(stage, applications, progress)
      : stage === 'defense'
        ? await openDefense(deps, round.roundId, applications, progress, config)
        : 0,
    shortlisted: progress.shortlist.filter((s) => s.shortlisted).length,
    ...outcomeFacts(outcome, config.opinionDepartments),
  };
}

const isRoundStage = (stage: string): stage is RoundStage => (ROUND_STAGES as readonly string[]).includes(stage);

/**
 * A round of the caller's programme (any other: the 404 that reveals nothing)
 * as the page read it: a newer version answers 409 CONFLICT and nothing is written.
 */
export async function roundAtVersion(deps: { readonly awards: AwardsStore }, session: Session, roundId: string, version: number): Promise<RoundRecord> {
  const round = roundId ? await deps.awards.getProgrammeRound(session.programmeId, roundId) : undefined;
  if (!round) throw notFound();
  if (round.version !== version) throw conflict('CONFLICT', { currentVersion: round.version, yourVersion: version });
  return round;
}

/**
 * The office moves a round of its programme one stage on (audited), when the
 * work of the current stage is done (shared/stages guards). Based on the
 * version the page read: a stale one answers 409 CONFLICT and nothing is written.
 */
export async function moveRoundStage(
  deps: RoundDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof MoveRoundBody>,
  now: Date,
  requestId: string,
): Promise<RoundStageResponse> {
  // The letters after the move stop within the request's time (API Gateway answers 504 at 29 s): the rest are pending.
  const stopAt = performance.now() + LETTERS_TIME_BUDGET_MS;
  const round = await roundAtVersion(deps, session, roundId, input.version);
  const parsed = parseRoundConfig(round.config);
  if (!parsed.ok || !isRoundStage(round.stage)) throw new AppError('ROUND_NOT_CONFIGURED', 422);

  const state: RoundState = {
    roundId,
    stage: round.stage,
    ...(round.stageSince ? { stageSince: round.stageSince } : {}),
    ...(round.noticeOpenedAt ? { noticeOpenedAt: round.noticeOpenedAt } : {}),
    ...(round.noticeEndsAt ? { noticeEndsAt: round.noticeEndsAt } : {}),
  };
  const facts = await roundFacts(deps, round, state.stage, parsed.config, now);
  let moved: ReturnType<typeof moveRound>;
  try {
    moved = moveRound(state, input.to, facts, parsed.config);
  } catch (error) {
    if (error instanceof TransitionError) throw new AppError(error.code, 422, error.params, namedParams(error.params, parsed.config.timeZone));
    throw error;
  }

  const { noticeOpenedAt: _opened, noticeEndsAt: _ends, stageSince: _since, ...unchanged } = round;
  const next: RoundRecord = { ...unchanged, ...moved.state, version: round.version + 1 };
  try {
    // One entry per move: 'round.stageMoved'. When the public notice opens, the domain's 'round.noticeOpened' is this
    // same entry: its state carries the notice's dates (noticeOpenedAt, noticeEndsAt).
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: { personId: session.personId, role: session.role },
      action: 'round.stageMoved',
      target: { type: 'round', id: roundId },
      context: { stage: next.stage },
      state: { ...moved.state, from: state.stage, version: next.version },
      requestId,
      now,
      // Issue 15: a remark recorded after the guard read the remarks fails the move (409), so the notice never opens over it.
      writes: [deps.awards.roundUpdate(next, round.version), ...(next.stage === 'publicNotice' ? [deps.outcome.noOpenRemarks(roundId)] : [])],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw conflict();
    throw error;
  }
  const answer: RoundStageResponse = { roundId, stage: moved.state.stage, stageSince: moved.state.stageSince ?? now.toISOString(), version: next.version };
  const publication = await publishAfterMove(deps, session, next, now, requestId);
  // The letters go out after the publication: a proposed winner's letter points at the notice, a winner's certificate at the announcement.
  const letters = await lettersAfter(deps, session, next, now, requestId, stopAt);
  return { ...answer, ...(publication ? { publication } : {}), ...(letters ? { letters } : {}) };
}

/**
 * The result letters the round owes now (./letters), sent after a stage move or a republication. The move stands
 * whatever happens: a failure is logged and counted, and the office sends again (POST …/letters).
 */
export async function lettersAfter(
  deps: PublishDeps & Partial<Pick<RoundDeps, 'letters' | 'identity' | 'mailer' | 'applications' | 'reviews'>>,
  session: Session,
  round: RoundRecord,
  now: Date,
  requestId: string,
  stopAt: number,
): Promise<{ sent: number; failed: number; pending: number } | undefined> {
  const { letters, identity, mailer, applications, reviews } = deps;
  if (!letters || !identity || !mailer || !applications || !reviews) return undefined;
  try {
    const { sendDueLetters } = await import('./letters');
    const result = await sendDueLetters({ ...deps, letters, identity, mailer, applications, reviews }, { personId: session.personId, role: session.role }, round, now, requestId, stopAt);
    return { sent: result.sent, failed: result.failed, pending: result.pending };
  } catch (error) {
    deps.logger.error('letters after the stage move failed; the office can send them again', { roundId: round.roundId, requestId, error: error as Error });
    return { sent: 0, failed: 1, pending: 0 };
  }
}

async function publishAfterMove(deps: RoundDeps, session: Session, next: RoundRecord, now: Date, requestId: string): Promise<RoundStageResponse['publication']> {
  const roundId = next.roundId;
  const kind = publicationOfStage(next.stage);
  if (!kind) return undefined;
  // DOMAIN.md stages 10–11: opening the notice publishes the proposed winners, the announcement the winners, each with
  // the chain's head once the linker has caught up (so it covers the move and every change committed before it). The
  // move is committed whatever happens next: a failed publication is logged and said in the answer, and the office
  // publishes again (POST …/publications).
  try {
    const head = await deps.audit.caughtUp(roundScope(roundId));
    // The move's own record is committed, so the chain cannot be empty once caught up.
    if (!head) throw new Error(`round ${roundId} has no audit chain`);
    await publishRound(deps, session, next, kind, chainHeadOf(head), now, requestId);
    return { kind, published: true };
  } catch (error) {
    deps.logger.error('publication after the stage move failed; the office can publish again', { roundId, kind, requestId, error: error as Error });
    return { kind, published: false };
  }
}

/**
 * Message parameters as people read them: stage ids (`from`, `to`) become the stage's name and moments (`endsAt`)
 * the time in the round's time zone, in each language; `details` keep the ids and ISO times.
 */
function namedParams(params: Readonly<Record<string, string | number>> = {}, timeZone: string): MessageParams {
  const named: Record<string, string | number | Text> = { ...params };
  if (typeof params.endsAt === 'string' && params.endsAt !== '') named.endsAt = momentText(params.endsAt, timeZone);
  for (const name of ['from', 'to']) {
    const value = params[name];
    const key = `domain.stage.${String(value)}`;
    if (typeof value === 'string' && isMessageKey(key)) named[name] = lookup(key);
  }
  return named;
}
