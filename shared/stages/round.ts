import type { RoundConfig } from '../round';
import { toInstant, refuse, TransitionError, type Refusal } from './errors';
import type { DomainEvent, Transition } from './events';

/** The stages of a round, in order (DOMAIN.md "The round, stage by stage", 0–11). */
export const ROUND_STAGES = [
  'call',
  'registration',
  'formalSubmission',
  'eligibility',
  'materialReview',
  'onSite',
  'defense',
  'comprehensiveEvaluation',
  'opinions',
  'deliberation',
  'publicNotice',
  'announcement',
] as const;

/** A stage of a round. */
export type RoundStage = (typeof ROUND_STAGES)[number];

/**
 * Whether a round is past its eligibility stage (形式审查, DOMAIN.md stage 3): material review or later. An eligibility
 * decision there is a recorded exception with its reason (issue #16.10); the office's forms ask for it from this rule.
 */
export function pastEligibilityStage(stage: string | undefined): boolean {
  return ROUND_STAGES.indexOf(stage as RoundStage) > ROUND_STAGES.indexOf('eligibility');
}

/** Where a round stands. */
export interface RoundState {
  readonly roundId: string;
  readonly stage: RoundStage;
  /** When the current stage began. */
  readonly stageSince?: string;
  /** Set when the public notice opened: objections are accepted until `noticeEndsAt`. */
  readonly noticeOpenedAt?: string;
  readonly noticeEndsAt?: string;
}

/** The round settings the stage guards read (a `RoundConfig` satisfies it). */
export type RoundStageSettings = Pick<RoundConfig, 'dates' | 'winnersQuota' | 'publicNoticeDays'>;

/**
 * What the caller knows when it asks to move a round; every count is of the
 * round's current stage. All are required so a forgotten fact can never let a
 * guard pass.
 */
export interface RoundFacts {
  /** ISO timestamp of the move (the domain has no clock). */
  readonly now: string;
  /** Submitted applications without an eligibility decision. */
  readonly pendingEligibility: number;
  /** Assignments of the current stage (material review, on-site, defense) not yet complete. */
  readonly openAssignments: number;
  /** Applications chosen for a site visit. */
  readonly shortlisted: number;
  /** Whether the comprehensive evaluation (ranking, candidates) has been recorded. */
  readonly evaluationRecorded: boolean;
  /** Candidate × department opinions not yet received. */
  readonly pendingOpinions: number;
  /** Cleared candidates the committee has not voted on yet. */
  readonly pendingVotes: number;
  /** Proposed winners the committee voted for. */
  readonly proposedWinners: number;
  /** Objections filed during the public notice and not yet resolved. */
  readonly openObjections: number;
  /** Supervisors' remarks on the round the office has not answered yet. */
  readonly openRemarks: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new round, at the call (stage 0). */
export function newRound(roundId: string, now: string): RoundState {
  toInstant(now);
  return { roundId, stage: 'call', stageSince: now };
}

/** The stage after `stage`, or `undefined` after the announcement. */
export function nextStage(stage: RoundStage): RoundStage | undefined {
  return ROUND_STAGES[ROUND_STAGES.indexOf(stage) + 1];
}

// DOMAIN.md "The round, stage by stage": a round only moves one stage forward, and only when the work of its stage is done.
/** Why moving `state` to `to` is refused now, or `undefined` when the move is allowed. */
export function checkRoundMove(state: RoundState, to: RoundStage, facts: RoundFacts, settings: RoundStageSettings): Refusal | undefined {
  if (nextStage(state.stage) !== to) return refuse('ILLEGAL_STAGE_TRANSITION', { from: state.stage, to });
  const now = toInstant(facts.now);
  const { dates } = settings;
  switch (to) {
    case 'registration':
      return now < Date.parse(dates.registrationOpens) ? refuse('REGISTRATION_NOT_OPEN', { opens: dates.registrationOpens }) : undefined;
    case 'formalSubmission':
      return now < Date.parse(dates.registrationCloses) ? refuse('REGISTRATION_STILL_OPEN', { closes: dates.registrationCloses }) : undefined;
    case 'eligibility':
      return now < Date.parse(dates.submissionDeadline) ? refuse('SUBMISSION_DEADLINE_NOT_PASSED', { deadline: dates.submissionDeadline }) : undefined;
    case 'materialReview':
      return facts.pendingEligibility > 0 ? refuse('ELIGIBILITY_PENDING', { count: facts.pendingEligibility }) : undefined;
    case 'onSite':
      if (facts.openAssignments > 0) return refuse('ASSIGNMENTS_INCOMPLETE', { count: facts.openAssignments });
      return facts.shortlisted === 0 ? refuse('SHORTLIST_EMPTY') : undefined;
    case 'defense':
    case 'comprehensiveEvaluation':
      return facts.openAssignments > 0 ? refuse('ASSIGNMENTS_INCOMPLETE', { count: facts.openAssignments }) : undefined;
    case 'opinions':
      // DOMAIN.md stage 7: the ranked list and its candidates are what the departments are asked about.
      return facts.evaluationRecorded ? undefined : refuse('EVALUATION_PENDING');
    case 'deliberation':
      return facts.pendingOpinions > 0 ? refuse('OPINIONS_PENDING', { count: facts.pendingOpinions }) : undefined;
    case 'publicNotice':
      if (facts.pendingVotes > 0) return refuse('VOTES_PENDING', { count: facts.pendingVotes });
      if (facts.proposedWinners > settings.winnersQuota) return refuse('QUOTA_EXCEEDED', { quota: settings.winnersQuota, count: facts.proposedWinners });
      if (facts.proposedWinners === 0) return refuse('NO_PROPOSED_WINNERS');
      // Issue 15: the office answers every supervisor's remark before the notice makes the proposed winners public.
      return facts.openRemarks > 0 ? refuse('REMARKS_OPEN', { count: facts.openRemarks }) : undefined;
    case 'announcement': {
      // DOMAIN.md stage 10: the notice runs its full period and no objection may stay open.
      const endsAt = state.noticeEndsAt === undefined ? Number.NaN : toInstant(state.noticeEndsAt, 'noticeEndsAt');
      if (!(now >= endsAt)) return refuse('NOTICE_PERIOD_NOT_OVER', { endsAt: state.noticeEndsAt ?? '' });
      return facts.openObjections > 0 ? refuse('OBJECTIONS_OPEN', { count: facts.openObjections }) : undefined;
    }
    case 'call':
      return refuse('ILLEGAL_STAGE_TRANSITION', { from: state.stage, to });
  }
}

/** Moves a round to its next stage; throws {@link TransitionError} with the refusal's code when the move is illegal or a guard refuses. */
export function moveRound(state: RoundState, to: RoundStage, facts: RoundFacts, settings: RoundStageSettings): Transition<RoundState> {
  const refusal = checkRoundMove(state, to, facts, settings);
  if (refusal) throw new TransitionError(refusal);
  const at = facts.now;
  const events: DomainEvent[] = [{ type: 'round.stageMoved', at, roundId: state.roundId, data: { from: state.stage, to } }];
  let next: RoundState = { roundId: state.roundId, stage: to, stageSince: at };
  if (to === 'publicNotice') {
    const noticeEndsAt = new Date(toInstant(at) + settings.publicNoticeDays * DAY_MS).toISOString();
    next = { ...next, noticeOpenedAt: at, noticeEndsAt };
    events.push({ type: 'round.noticeOpened', at, roundId: state.roundId, data: { endsAt: noticeEndsAt, days: settings.publicNoticeDays } });
  } else if (to === 'announcement') {
    next = { ...next, noticeOpenedAt: state.noticeOpenedAt, noticeEndsAt: state.noticeEndsAt };
  }
  return { state: next, events };
}

/** True while the public notice is open at `now` (objections are accepted only then). */
export function isNoticeOpen(state: RoundState, now: string): boolean {
  if (state.stage !== 'publicNotice' || state.noticeOpenedAt === undefined || state.noticeEndsAt === undefined) return false;
  const at = toInstant(now);
  return at >= toInstant(state.noticeOpenedAt, 'noticeOpenedAt') && at < toInstant(state.noticeEndsAt, 'noticeEndsAt');
}
