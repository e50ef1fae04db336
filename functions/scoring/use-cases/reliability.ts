import type { RoundReliabilityResponse, TeamReliabilityView } from '../../../shared/api/reliability';
import { REVIEW_STAGES, type ReviewStage } from '../../../shared/api/reviews';
import { consensusDrift, reviewerLeniency, teamReliability, type TeamRatings } from '../../../shared/statistics/reliability';
import type { Session } from '../../lib/http/router';
import { compareNames, loadNameOrder, percentsOf, reviewRound, type ReviewDeps } from './context';

/**
 * Reviewer reliability (评审一致性, issue 15 part 3) of a round, for the office
 * and supervisors of its programme: per team and stage, Krippendorff's alpha
 * and ICC(2,1) over the submitted cards; per reviewer, the mean offset from
 * their teams' consensus, flagged beyond the round's `reliabilityFlagOffset`;
 * per application, the drift from material-review to site-visit consensus.
 * Only submitted cards of members who did not recuse count; drafts are never read.
 */
export async function roundReliability(deps: ReviewDeps, session: Session, roundId: string): Promise<RoundReliabilityResponse> {
  await loadNameOrder(); // sorts by name
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  const [apps, assignments, cards, consensuses] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.assignments(roundId),
    deps.reviews.submittedCards(roundId),
    deps.reviews.consensuses(roundId),
  ]);
  const itemIds = ctx.criteria.items.map((i) => i.id);
  const teamKey = (applicationId: string, stage: string) => `${applicationId}#${stage}`;
  // A card counts when its member's assignment is submitted (not recused or set aside).
  const counted = new Set(assignments.filter((a) => a.status === 'submitted').map((a) => `${teamKey(a.applicationId, a.stage)}#${a.reviewerId}`));
  const names = new Map(apps.map((a) => [a.applicationId, a.organisation.name]));
  const reviewerNames = new Map<string, string>();
  const teams = new Map<string, TeamRatings & { cards: { reviewerId: string; percents: Record<string, number> }[] }>();
  for (const card of cards) {
    if (card.status !== 'submitted' || !counted.has(`${teamKey(card.applicationId, card.stage)}#${card.reviewerId}`)) continue;
    reviewerNames.set(card.reviewerId, card.reviewerName);
    const key = teamKey(card.applicationId, card.stage);
    const team = teams.get(key) ?? { applicationId: card.applicationId, stage: card.stage, cards: [] };
    team.cards.push({ reviewerId: card.reviewerId, percents: percentsOf(card.items) });
    teams.set(key, team);
  }
  const consensusOf = new Map(consensuses.map((c) => [teamKey(c.applicationId, c.stage), c]));
  const rated: TeamRatings[] = [...teams.values()].map((team) => {
    const consensus = consensusOf.get(teamKey(team.applicationId, team.stage));
    return consensus ? { ...team, consensus: Object.fromEntries(Object.entries(consensus.items).map(([id, i]) => [id, i.percent])) } : team;
  });
  const stageOrder = (stage: string) => REVIEW_STAGES.indexOf(stage as ReviewStage);
  const teamViews: TeamReliabilityView[] = teamReliability(rated, itemIds)
    .map((t) => ({
      applicationId: t.applicationId,
      organisationName: names.get(t.applicationId) ?? '',
      stage: t.stage as ReviewStage,
      raters: t.raters,
      alpha: t.alpha,
      icc: t.icc,
      consensus: consensusOf.has(teamKey(t.applicationId, t.stage)),
    }))
    .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || compareNames(a.organisationName, b.organisationName));
  const flagOffset = ctx.config.reliabilityFlagOffset;
  const reviewers = reviewerLeniency(rated, flagOffset)
    .map((r) => ({ ...r, reviewerName: reviewerNames.get(r.reviewerId) ?? '' }))
    .sort((a, b) => compareNames(a.reviewerName, b.reviewerName) || (a.reviewerId < b.reviewerId ? -1 : 1));
  const stageConsensus = (stage: ReviewStage) =>
    new Map(consensuses.filter((c) => c.stage === stage).map((c) => [c.applicationId, { percents: Object.fromEntries(Object.entries(c.items).map(([id, i]) => [id, i.percent])), total: c.total }]));
  const drift = consensusDrift(stageConsensus('materialReview'), stageConsensus('onSite'), itemIds)
    .map((d) => ({ ...d, organisationName: names.get(d.applicationId) ?? '' }))
    .sort((a, b) => compareNames(a.organisationName, b.organisationName));
  return { roundId, flagOffset, teams: teamViews, reviewers, drift };
}
