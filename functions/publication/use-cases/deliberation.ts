import type * as v from 'valibot';
import type { DeliberationResponse, RecordVoteBody, RecordVotesBody, VotesRecordedResponse, VoteView } from '../../../shared/api/outcome';
import { roundScope } from '../../../shared/audit/chain';
import { rankApplications } from '../../../shared/scoring';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { clearedCandidates, proposedWinners } from '../../lib/outcome/progress';
import type { RoundOutcome, StandingRecord, VoteRecord } from '../../lib/outcome/store';
import { actorOf, assertStage, outcomeRound, recordedBy, suggestionOf, type OutcomeDeps } from './evaluation';

/** The view of a recorded vote. */
const voteView = (v: VoteRecord): VoteView => ({
  applicationId: v.applicationId,
  for: v.for,
  against: v.against,
  abstain: v.abstain,
  proposed: v.proposed,
  at: v.at,
  by: v.by,
  byName: v.byName,
});

// DOMAIN.md stage 9: the committee proposes by a majority of the votes cast (abstentions are cast votes, so they count against).
/** Whether a vote proposes the candidate: more than half of the votes cast are for. */
export const isProposing = (vote: { readonly for: number; readonly against: number; readonly abstain: number }): boolean =>
  vote.for * 2 > vote.for + vote.against + vote.abstain;

/**
 * The ranking's advice over the cleared candidates: ranked again among
 * themselves (a candidate taken out leaves no hole), at most the quota, a tie
 * straddling the last place left to the vote.
 */
export function clearedSuggestion(cleared: readonly StandingRecord[], quota: number): DeliberationResponse['suggestion'] {
  return suggestionOf(rankApplications(cleared), quota);
}

/** How many candidates the recorded votes proposed. */
const proposedCountOf = (outcome: RoundOutcome) => outcome.votes.filter((v) => v.proposed).length;

/** The cleared candidates best first with their votes, the ranking's advice and how many are proposed. */
export async function readDeliberation(deps: OutcomeDeps, session: Session, roundId: string): Promise<DeliberationResponse> {
  const round = await outcomeRound(deps, session, roundId);
  const outcome = await deps.outcome.ofRound(roundId);
  const cleared = clearedCandidates(outcome, round.config.opinionDepartments);
  const quota = round.config.winnersQuota;
  return {
    roundId,
    roundStage: round.stage,
    roundVersion: round.round.version,
    winnersQuota: quota,
    candidates: cleared.map((c) => {
      const vote = outcome.votes.find((v) => v.applicationId === c.applicationId);
      return { applicationId: c.applicationId, organisation: c.organisation, rank: c.rank, final: c.final, ...(vote ? { vote: voteView(vote) } : {}) };
    }),
    suggestion: clearedSuggestion(cleared, quota),
    proposedCount: proposedWinners(outcome).length,
  };
}

/**
 * The office records the award committee's vote on one cleared candidate
 * (DOMAIN.md stage 9), once, during deliberation. A majority of the votes
 * cast proposes it, never past the quota: a proposing vote also counts itself
 * in the round's proposals in the same transaction, so two votes at once
 * cannot both take the last place (the loser: 422 QUOTA_EXCEEDED).
 */
export async function recordVote(
  deps: OutcomeDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RecordVoteBody>,
  now: Date,
  requestId: string,
): Promise<VoteView> {
  const round = await outcomeRound(deps, session, roundId);
  assertStage(round, 'deliberation');
  const { applicationId } = input;
  const outcome = await deps.outcome.ofRound(roundId);
  if (!clearedCandidates(outcome, round.config.opinionDepartments).some((c) => c.applicationId === applicationId)) {
    throw new AppError('NOT_CLEARED', 422, { applicationId });
  }
  if (input.for + input.against + input.abstain === 0) throw new AppError('NO_VOTES', 422);
  const recorded = () => new AppError('VOTE_RECORDED', 409, { applicationId });
  if (outcome.votes.some((v) => v.applicationId === applicationId)) throw recorded();
  const quota = round.config.winnersQuota;
  const quotaExceeded = (proposedSoFar: number) => {
    const params = { quota, count: proposedSoFar + 1 };
    return new AppError('QUOTA_EXCEEDED', 422, params, params);
  };
  const proposed = isProposing(input);
  if (proposed && proposedCountOf(outcome) >= quota) throw quotaExceeded(proposedCountOf(outcome));

  const record: VoteRecord = { applicationId, for: input.for, against: input.against, abstain: input.abstain, proposed, ...recordedBy(session, now) };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'vote.cast',
      target: { type: 'application', id: applicationId },
      context: { applicationId, stage: round.stage },
      state: record,
      requestId,
      now,
      writes: [deps.outcome.votePut(roundId, record), ...(proposed ? [deps.outcome.proposalCount(roundId, quota)] : [])],
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    if (error.index === 0) throw recorded();
    // Another proposing vote took the last place meanwhile.
    throw quotaExceeded(proposedCountOf(await deps.outcome.ofRound(roundId)));
  }
  return voteView(record);
}

/**
 * The office records the committee's votes on several cleared candidates from one table (issue #13.5), in one
 * audited change (`vote.tableRecorded`, one record per candidate) or not at all: every row is checked first (cleared,
 * not voted on yet, some votes cast), and the proposals it adds are counted into the round's proposals in the same
 * transaction, so the quota holds against any vote recorded meanwhile.
 */
export async function recordVotes(
  deps: OutcomeDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RecordVotesBody>,
  now: Date,
  requestId: string,
): Promise<VotesRecordedResponse> {
  const round = await outcomeRound(deps, session, roundId);
  assertStage(round, 'deliberation');
  const outcome = await deps.outcome.ofRound(roundId);
  const cleared = new Set(clearedCandidates(outcome, round.config.opinionDepartments).map((c) => c.applicationId));
  const notCleared = input.votes.filter((row) => !cleared.has(row.applicationId)).map((row) => row.applicationId);
  if (notCleared.length > 0) throw new AppError('NOT_CLEARED', 422, { applicationId: notCleared[0], applicationIds: notCleared });
  const empty = input.votes.find((row) => row.for + row.against + row.abstain === 0);
  if (empty) throw new AppError('NO_VOTES', 422, { applicationId: empty.applicationId });
  const recorded = (ids: readonly string[]) => new AppError('VOTE_RECORDED', 409, { applicationId: ids[0], applicationIds: ids });
  const voted = input.votes.filter((row) => outcome.votes.some((v) => v.applicationId === row.applicationId)).map((row) => row.applicationId);
  if (voted.length > 0) throw recorded(voted);
  const quota = round.config.winnersQuota;
  const proposing = input.votes.filter(isProposing).length;
  const quotaExceeded = (proposedSoFar: number) => {
    const params = { quota, count: proposedSoFar + proposing };
    return new AppError('QUOTA_EXCEEDED', 422, params, params);
  };
  if (proposedCountOf(outcome) + proposing > quota) throw quotaExceeded(proposedCountOf(outcome));

  const records: VoteRecord[] = input.votes.map((row) => ({
    applicationId: row.applicationId,
    for: row.for,
    against: row.against,
    abstain: row.abstain,
    proposed: isProposing(row),
    ...recordedBy(session, now),
  }));
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'vote.tableRecorded',
      target: { type: 'round', id: roundId },
      context: { stage: round.stage },
      state: { votes: records.map(({ applicationId, for: f, against, abstain, proposed }) => ({ applicationId, for: f, against, abstain, proposed })) },
      requestId,
      now,
      writes: [...records.map((r) => deps.outcome.votePut(roundId, r)), ...(proposing > 0 ? [deps.outcome.proposalCount(roundId, quota, proposing)] : [])],
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    const again = await deps.outcome.ofRound(roundId);
    const meanwhile = input.votes.filter((row) => again.votes.some((v) => v.applicationId === row.applicationId)).map((row) => row.applicationId);
    if (meanwhile.length > 0) throw recorded(meanwhile);
    // Other proposing votes took the last places meanwhile.
    throw quotaExceeded(proposedCountOf(again));
  }
  return { votes: records.map(voteView) };
}
