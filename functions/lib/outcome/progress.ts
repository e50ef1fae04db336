import type { OpinionOutcome } from '../../../shared/api/outcome';
import type { OpinionRecord, RoundOutcome, StandingRecord } from './store';

/** The recorded evaluation's candidates (at or above the threshold), best first; none before it is recorded. */
export function candidatesOf(outcome: RoundOutcome): StandingRecord[] {
  return (outcome.evaluation?.standings ?? []).filter((s) => s.candidate);
}

// DOMAIN.md stage 8: every configured department answers on every candidate; one objection takes the candidate out.
/** Where a candidate stands after the opinions: `pending` until every department answered, then `objected` or `cleared`. */
export function opinionOutcome(applicationId: string, departments: readonly string[], opinions: readonly OpinionRecord[]): OpinionOutcome {
  const mine = opinions.filter((o) => o.applicationId === applicationId && departments.includes(o.department));
  if (mine.some((o) => o.objection)) return 'objected';
  return departments.every((d) => mine.some((o) => o.department === d)) ? 'cleared' : 'pending';
}

/** Candidates every department cleared, best first: the ones the committee votes on. */
export function clearedCandidates(outcome: RoundOutcome, departments: readonly string[]): StandingRecord[] {
  return candidatesOf(outcome).filter((s) => opinionOutcome(s.applicationId, departments, outcome.opinions) === 'cleared');
}

/** Candidates the committee's vote proposed, best first. */
export function proposedWinners(outcome: RoundOutcome): StandingRecord[] {
  const proposed = new Set(outcome.votes.filter((v) => v.proposed).map((v) => v.applicationId));
  return candidatesOf(outcome).filter((s) => proposed.has(s.applicationId));
}

/** Applications an upheld objection took out of the award. */
export function notAwardedIds(outcome: RoundOutcome): Set<string> {
  return new Set(outcome.objections.filter((o) => o.resolution?.upheld === true).map((o) => o.applicationId));
}

// DOMAIN.md stage 11: the winners are the proposed winners no upheld objection took out.
/** The winners, best first. */
export function winnersOf(outcome: RoundOutcome): StandingRecord[] {
  const out = notAwardedIds(outcome);
  return proposedWinners(outcome).filter((s) => !out.has(s.applicationId));
}

/** The facts of stages 7–11 the stage guards read (shared/stages `RoundFacts`). */
export interface OutcomeFacts {
  readonly evaluationRecorded: boolean;
  readonly pendingOpinions: number;
  readonly pendingVotes: number;
  readonly proposedWinners: number;
  readonly openObjections: number;
  readonly openRemarks: number;
}

/** Counts the outcome facts of a round from its records and its configured departments. */
export function outcomeFacts(outcome: RoundOutcome, departments: readonly string[]): OutcomeFacts {
  const candidates = candidatesOf(outcome);
  let pendingOpinions = 0;
  for (const c of candidates) {
    for (const d of departments) if (!outcome.opinions.some((o) => o.applicationId === c.applicationId && o.department === d)) pendingOpinions += 1;
  }
  const voted = new Set(outcome.votes.map((v) => v.applicationId));
  return {
    evaluationRecorded: outcome.evaluation !== undefined,
    pendingOpinions,
    pendingVotes: clearedCandidates(outcome, departments).filter((s) => !voted.has(s.applicationId)).length,
    proposedWinners: proposedWinners(outcome).length,
    openObjections: outcome.objections.filter((o) => o.resolution === undefined).length,
    openRemarks: outcome.remarks.filter((r) => r.answer === undefined).length,
  };
}
