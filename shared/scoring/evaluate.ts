import type { Criteria } from '../criteria';
import { areValidWeights, divergenceFlags, stageScore, weightsPerMille, type DivergenceFlag, type FractionalWeights, type StageScore } from './aggregate';
import { ScoringError } from './errors';
import type { Hundredths } from './exact';
import { candidates, proposeWinners, rankApplications, type RankedStanding, type Standing, type WinnerProposal } from './ranking';
import { criteriaLayout, scorecardSums, type Scorecard } from './scorecard';

/** The settings of a round that aggregation reads (a `RoundConfig` satisfies it). */
export interface EvaluationSettings {
  /** Stage weights as fractions of 1, summing to 1. */
  readonly weights: FractionalWeights;
  /** Final score in whole points at or above which an application is a candidate. */
  readonly candidateThreshold: number;
  /** Most proposed winners. */
  readonly winnersQuota: number;
  /** Independent scores this many percentage points apart are flagged. */
  readonly divergenceThreshold: number;
}

/** A team's cards for one application: each member's independent card and the leader's consensus card. */
export interface TeamScorecards {
  readonly independent: readonly Scorecard[];
  readonly consensus: Scorecard;
}

/** What a team's cards come to: the items to discuss and the stage score (item, category and total). */
export interface TeamResult {
  readonly flags: readonly DivergenceFlag[];
  readonly score: StageScore;
}

// DOMAIN.md stages 4–5: members score independently, items far apart are flagged, the leader's consensus card is the stage score.
/** Divergence flags of the independent cards and the exact score of the consensus card. */
export function aggregateTeam(team: TeamScorecards, criteria: Criteria, divergenceThreshold: number): TeamResult {
  return { flags: divergenceFlags(team.independent, divergenceThreshold, criteria), score: stageScore(team.consensus, criteria) };
}

/** Everything scored for one application by the time of the comprehensive evaluation. */
export interface ApplicationScores {
  readonly applicationId: string;
  readonly material: TeamScorecards;
  readonly onSite: TeamScorecards;
  /** The defense panel's score on the 1,000-point scale, in hundredths. */
  readonly defense: Hundredths;
}

/** One application's aggregated stages (per-item scores: {@link aggregateTeam} or `scorecardTotals` on a consensus card). */
export interface ApplicationEvaluation {
  readonly applicationId: string;
  /** Items the material-review team must discuss. */
  readonly materialFlags: readonly DivergenceFlag[];
  /** Items the site team must discuss. */
  readonly onSiteFlags: readonly DivergenceFlag[];
  /** Stage totals in hundredths. */
  readonly material: Hundredths;
  readonly onSite: Hundredths;
  readonly defense: Hundredths;
}

/** The comprehensive evaluation of a round (DOMAIN.md stage 7). */
export interface RoundEvaluation {
  /** Per application, in input order. */
  readonly applications: readonly ApplicationEvaluation[];
  /** Every application, best first, with shared ranks for full ties. */
  readonly ranked: readonly RankedStanding[];
  /** The ranked applications at or above the threshold (推荐和候选名单). */
  readonly candidates: readonly RankedStanding[];
  /** Candidates proposed to the committee, never more than the quota. */
  readonly proposal: WinnerProposal;
}

const MAX_STAGE_HUNDREDTHS = 100_000;

// DOMAIN.md stage 7: weighted stage scores → ranked list; total ≥ threshold = candidate; at most the quota proposed.
// Same rules as aggregateTeam + standingOf, read in one pass per card (the 10,000-application budget of `npm run bench`).
/**
 * Aggregates every application's cards, ranks them with the tie-breaks of
 * DOMAIN.md (results items 4.7 of the on-site consensus, then the on-site
 * total) and picks candidates and the proposal. Throws `ScoringError` for
 * incomplete or off-grid cards, weights not summing to 1, a defense score
 * outside 0–1,000 points, or a repeated application id.
 */
export function evaluateRound(applications: readonly ApplicationScores[], settings: EvaluationSettings, criteria: Criteria): RoundEvaluation {
  const weights = weightsPerMille(settings.weights);
  if (!areValidWeights(weights)) throw new ScoringError('INVALID_WEIGHTS', { ...weights });
  const layout = criteriaLayout(criteria);
  const seen = new Set<string>();
  const evaluations: ApplicationEvaluation[] = [];
  const standings: Standing[] = [];
  for (const application of applications) {
    const { applicationId, defense } = application;
    if (seen.has(applicationId)) throw new ScoringError('DUPLICATE_APPLICATION', { applicationId });
    seen.add(applicationId);
    if (!Number.isInteger(defense) || defense < 0 || defense > MAX_STAGE_HUNDREDTHS) throw new ScoringError('INVALID_SCORE', { stage: 'defense', value: String(defense) });
    const material = scorecardSums(application.material.consensus, layout);
    const onSite = scorecardSums(application.onSite.consensus, layout);
    evaluations.push({
      applicationId,
      materialFlags: divergenceFlags(application.material.independent, settings.divergenceThreshold, criteria),
      onSiteFlags: divergenceFlags(application.onSite.independent, settings.divergenceThreshold, criteria),
      material: material.total,
      onSite: onSite.total,
      defense,
    });
    standings.push({
      applicationId,
      final: material.total * weights.material + onSite.total * weights.onSite + defense * weights.defense,
      results: onSite.results,
      onSite: onSite.total,
    });
  }
  const ranked = rankApplications(standings);
  const chosen = candidates(ranked, settings.candidateThreshold);
  return { applications: evaluations, ranked, candidates: chosen, proposal: proposeWinners(chosen, settings.winnersQuota) };
}
