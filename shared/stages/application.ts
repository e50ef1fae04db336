import type { RoundConfig } from '../round';
import { toInstant, refuse, TransitionError, type Refusal } from './errors';
import type { DomainEvent, Transition } from './events';
import { isNoticeOpen, type RoundState } from './round';

/** The states of one application, from online registration to the award. */
export const APPLICATION_STATES = [
  'registered',
  'submitted',
  'eligible',
  'ineligible',
  'reviewed',
  'shortlisted',
  'notShortlisted',
  'visited',
  'defended',
  'candidate',
  'belowThreshold',
  'cleared',
  'objected',
  'proposed',
  'notProposed',
  'winner',
  'notAwarded',
  'withdrawn',
] as const;

/** A state of an application. */
export type ApplicationStatus = (typeof APPLICATION_STATES)[number];

/** States after which nothing more happens to an application. */
export const FINAL_APPLICATION_STATES: readonly ApplicationStatus[] = [
  'ineligible',
  'notShortlisted',
  'belowThreshold',
  'objected',
  'notProposed',
  'winner',
  'notAwarded',
  'withdrawn',
];

/** One application's place in the round. */
export interface ApplicationState {
  readonly roundId: string;
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  /** Ids of objections filed during the public notice and not yet resolved. */
  readonly openObjections: readonly string[];
}

/** The round settings the application guards read (a `RoundConfig` satisfies it). */
export type ApplicationSettings = Pick<RoundConfig, 'dates' | 'winnersQuota' | 'candidateThreshold' | 'teams'>;

/** What can be done to an application; each command carries the facts its guard needs. */
export type ApplicationCommand =
  /** The applicant locks its package (DOMAIN.md stage 2): only before the deadline, only once. */
  | { readonly type: 'submit' }
  /** The applicant withdraws (not once proposed to the committee). */
  | { readonly type: 'withdraw' }
  /** The office's formal check (stage 3): a rejection carries the reasons the applicant sees. */
  | { readonly type: 'decideEligibility'; readonly eligible: boolean; readonly reasons: readonly string[] }
  /** A team leader records the consensus (stages 4 and 5); every member must have submitted. */
  | { readonly type: 'recordConsensus'; readonly stage: 'materialReview' | 'onSite'; readonly submittedScorecards: number; readonly openAssignments: number; readonly total: number }
  /** The site-visit shortlist (stage 4) chose this application or not. */
  | { readonly type: 'decideShortlist'; readonly shortlisted: boolean }
  /** The defense panel's score (stage 6), in hundredths of a point. */
  | { readonly type: 'recordDefense'; readonly panelSize: number; readonly score: number }
  /** The comprehensive evaluation (stage 7): the exact final score, in 1/100,000 points. */
  | { readonly type: 'evaluate'; readonly final: number }
  /** Departments' opinions are in (stage 8): the departments that objected, and how many have not answered. */
  | { readonly type: 'recordOpinions'; readonly objectingDepartments: readonly string[]; readonly pendingDepartments: number }
  /** The committee's vote (stage 9); `proposedSoFar` counts the applications already proposed in the round. */
  | { readonly type: 'decideProposal'; readonly proposed: boolean; readonly proposedSoFar: number }
  /** A written, real-name objection with evidence during the public notice (stage 10). */
  | { readonly type: 'fileObjection'; readonly objectionId: string; readonly realName: boolean; readonly hasEvidence: boolean; readonly round: RoundState }
  /** The office resolves an objection: upheld, the application is not awarded. */
  | { readonly type: 'resolveObjection'; readonly objectionId: string; readonly upheld: boolean; readonly reason: string }
  /** The announcement (stage 11): only after the notice period, with no objection open. */
  | { readonly type: 'award'; readonly round: RoundState };

/** A kind of application command. */
export type ApplicationCommandType = ApplicationCommand['type'];

/** Every kind of application command. */
export const APPLICATION_COMMANDS: readonly ApplicationCommandType[] = [
  'submit',
  'withdraw',
  'decideEligibility',
  'recordConsensus',
  'decideShortlist',
  'recordDefense',
  'evaluate',
  'recordOpinions',
  'decideProposal',
  'fileObjection',
  'resolveObjection',
  'award',
];

/** The states each command may start from; any other start is `ILLEGAL_APPLICATION_TRANSITION`. */
export const ALLOWED_FROM: Readonly<Record<ApplicationCommandType, readonly ApplicationStatus[]>> = {
  submit: ['registered'],
  withdraw: ['registered', 'submitted', 'eligible', 'reviewed', 'shortlisted', 'visited', 'defended', 'candidate', 'cleared'],
  decideEligibility: ['submitted'],
  recordConsensus: ['eligible', 'shortlisted'],
  decideShortlist: ['reviewed'],
  recordDefense: ['visited'],
  evaluate: ['defended'],
  recordOpinions: ['candidate'],
  decideProposal: ['cleared'],
  fileObjection: ['proposed'],
  resolveObjection: ['proposed'],
  award: ['proposed'],
};

const FINAL_UNITS_PER_POINT = 100_000;

/** A newly registered application (DOMAIN.md stage 1). */
export function newApplication(roundId: string, applicationId: string): ApplicationState {
  return { roundId, applicationId, status: 'registered', openObjections: [] };
}

// Each command's guard, given that the start state is allowed. Returns the refusal or the next status.
function decide(state: ApplicationState, command: ApplicationCommand, now: number, settings: ApplicationSettings): Refusal | ApplicationStatus {
  switch (command.type) {
    case 'submit':
      // DOMAIN.md stage 2: before the deadline only, and not before registration opens.
      if (now < Date.parse(settings.dates.registrationOpens)) return refuse('STAGE_CLOSED', { opens: settings.dates.registrationOpens });
      return now >= Date.parse(settings.dates.submissionDeadline) ? refuse('DEADLINE_PASSED', { deadline: settings.dates.submissionDeadline }) : 'submitted';
    case 'withdraw':
      return 'withdrawn';
    case 'decideEligibility':
      if (command.eligible) return 'eligible';
      return command.reasons.some((r) => r.trim() !== '') ? 'ineligible' : refuse('REASON_REQUIRED');
    case 'recordConsensus': {
      const expected = command.stage === 'materialReview' ? 'eligible' : 'shortlisted';
      if (state.status !== expected) return refuse('ILLEGAL_APPLICATION_TRANSITION', { from: state.status, command: `${command.type}:${command.stage}` });
      const min = command.stage === 'materialReview' ? settings.teams.materialReviewMin : settings.teams.onSiteMin;
      if (command.submittedScorecards < min) return refuse('TEAM_TOO_SMALL', { min, count: command.submittedScorecards });
      if (command.openAssignments > 0) return refuse('ASSIGNMENTS_INCOMPLETE', { count: command.openAssignments });
      return command.stage === 'materialReview' ? 'reviewed' : 'visited';
    }
    case 'decideShortlist':
      return command.shortlisted ? 'shortlisted' : 'notShortlisted';
    case 'recordDefense':
      if (command.panelSize < settings.teams.defensePanelMin) return refuse('TEAM_TOO_SMALL', { min: settings.teams.defensePanelMin, count: command.panelSize });
      return 'defended';
    case 'evaluate':
      // DOMAIN.md stage 7: a final score at or above the threshold makes a recommended candidate.
      return command.final >= settings.candidateThreshold * FINAL_UNITS_PER_POINT ? 'candidate' : 'belowThreshold';
    case 'recordOpinions':
      if (command.pendingDepartments > 0) return refuse('OPINIONS_PENDING', { count: command.pendingDepartments });
      return command.objectingDepartments.length > 0 ? 'objected' : 'cleared';
    case 'decideProposal':
      // DOMAIN.md stage 9: never more proposed winners than the quota.
      if (command.proposed && command.proposedSoFar >= settings.winnersQuota) return refuse('QUOTA_EXCEEDED', { quota: settings.winnersQuota, count: command.proposedSoFar + 1 });
      return command.proposed ? 'proposed' : 'notProposed';
    case 'fileObjection':
      // DOMAIN.md stage 10: written, real-name objections with evidence, only within the notice period.
      if (command.round.noticeOpenedAt === undefined || now < toInstant(command.round.noticeOpenedAt, 'noticeOpenedAt')) return refuse('STAGE_CLOSED');
      if (!isNoticeOpen(command.round, new Date(now).toISOString())) return refuse('NOTICE_PERIOD_OVER');
      if (!command.realName || !command.hasEvidence) return refuse('OBJECTION_INCOMPLETE');
      return 'proposed';
    case 'resolveObjection':
      if (!state.openObjections.includes(command.objectionId)) return refuse('OBJECTION_UNKNOWN', { objectionId: command.objectionId });
      if (command.reason.trim() === '') return refuse('REASON_REQUIRED');
      return command.upheld ? 'notAwarded' : 'proposed';
    case 'award': {
      const round = command.round;
      const endsAt = instantOr(round.noticeEndsAt);
      if (!(round.stage === 'publicNotice' || round.stage === 'announcement') || !(now >= endsAt)) return refuse('NOTICE_PERIOD_NOT_OVER', { endsAt: round.noticeEndsAt ?? '' });
      return state.openObjections.length > 0 ? refuse('OBJECTIONS_OPEN', { count: state.openObjections.length }) : 'winner';
    }
  }
}

function instantOr(iso: string | undefined): number {
  return iso === undefined ? Number.NaN : toInstant(iso, 'notice');
}

/** Why `command` is refused for `state` at `now`, or `undefined` when it is allowed. */
export function checkApplicationCommand(state: ApplicationState, command: ApplicationCommand, now: string, settings: ApplicationSettings): Refusal | undefined {
  const result = guard(state, command, now, settings);
  return typeof result === 'string' ? undefined : result;
}

function guard(state: ApplicationState, command: ApplicationCommand, now: string, settings: ApplicationSettings): Refusal | ApplicationStatus {
  if (!ALLOWED_FROM[command.type].includes(state.status)) return refuse('ILLEGAL_APPLICATION_TRANSITION', { from: state.status, command: command.type });
  return decide(state, command, toInstant(now), settings);
}

function eventsFor(state: ApplicationState, command: ApplicationCommand, to: ApplicationStatus, at: string): DomainEvent[] {
  const base = { at, roundId: state.roundId, applicationId: state.applicationId };
  switch (command.type) {
    case 'submit':
      return [{ ...base, type: 'application.submitted', data: {} }];
    case 'withdraw':
      return [{ ...base, type: 'application.withdrawn', data: { from: state.status } }];
    case 'decideEligibility':
      return [{ ...base, type: 'application.eligibilityDecided', data: { eligible: command.eligible, reasons: [...command.reasons] } }];
    case 'recordConsensus':
      return [{ ...base, type: 'consensus.recorded', data: { stage: command.stage, total: command.total, scorecards: command.submittedScorecards } }];
    case 'decideShortlist':
      return [{ ...base, type: 'application.shortlistDecided', data: { shortlisted: command.shortlisted } }];
    case 'recordDefense':
      return [{ ...base, type: 'application.defenseScored', data: { score: command.score, panelSize: command.panelSize } }];
    case 'evaluate':
      return [{ ...base, type: 'application.evaluated', data: { final: command.final, candidate: to === 'candidate' } }];
    case 'recordOpinions':
      return [{ ...base, type: 'opinion.recorded', data: { objectingDepartments: [...command.objectingDepartments], cleared: to === 'cleared' } }];
    case 'decideProposal':
      return [{ ...base, type: 'application.proposalDecided', data: { proposed: command.proposed } }];
    case 'fileObjection':
      return [{ ...base, type: 'objection.filed', data: { objectionId: command.objectionId } }];
    case 'resolveObjection': {
      const events: DomainEvent[] = [{ ...base, type: 'objection.resolved', data: { objectionId: command.objectionId, upheld: command.upheld, reason: command.reason } }];
      if (to === 'notAwarded') events.push({ ...base, type: 'application.notAwarded', data: { objectionId: command.objectionId } });
      return events;
    }
    case 'award':
      return [{ ...base, type: 'application.awarded', data: {} }];
  }
}

/**
 * Applies a command to an application at `now` (ISO timestamp): the new state
 * and the domain events to record. Throws {@link TransitionError} when the
 * command is illegal from the current state (`ILLEGAL_APPLICATION_TRANSITION`)
 * or its guard refuses (`DEADLINE_PASSED`, `QUOTA_EXCEEDED`, `OBJECTIONS_OPEN` …).
 */
export function applyApplicationCommand(state: ApplicationState, command: ApplicationCommand, now: string, settings: ApplicationSettings): Transition<ApplicationState> {
  const result = guard(state, command, now, settings);
  if (typeof result !== 'string') throw new TransitionError(result);
  let openObjections = state.openObjections;
  if (command.type === 'fileObjection') openObjections = [...openObjections, command.objectionId];
  if (command.type === 'resolveObjection') openObjections = openObjections.filter((id) => id !== command.objectionId);
  return { state: { ...state, status: result, openObjections }, events: eventsFor(state, command, result, now) };
}
