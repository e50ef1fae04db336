import type { Criteria } from '../criteria';
import { divergenceFlags, stageScore, weightsPerMille, type DivergenceFlag, type FractionalWeights, type StageScore } from './aggregate';
import { ScoringError } from './errors';
import type { Hundredths } from './exact';
import { candidates, proposeWinners, rankApplications, standingOf, type RankedStanding, type WinnerProposal } from './ranking';
import type { Scorecard } from './scorecard';

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

/** What a team's cards come to: the items to discuss and the stage score. */
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

/** One application's aggregated stages. */
export interface ApplicationEvaluation {
  readonly applicationId: string;
  readonly material: TeamResult;
  readonly onSite: TeamResult;
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

// DOMAIN.md stage 7: weighted stage scores → ranked list; total ≥ threshold = candidate; at most the quota proposed.
/**
 * Aggregates every application's cards, ranks them with the tie-breaks of
 * DOMAIN.md and picks candidates and the proposal. Throws `ScoringError` for
 * incomplete or off-grid cards, a defense score outside 0–1,000 points, or a
 * repeated application id.
 */
export function evaluateRound(applications: readonly ApplicationScores[], settings: EvaluationSettings, criteria: Criteria): RoundEvaluation {
  const weights = weightsPerMille(settings.weights);
  const seen = new Set<string>();
  const evaluations: ApplicationEvaluation[] = [];
  const standings = [];
  for (const application of applications) {
    if (seen.has(application.applicationId)) throw new ScoringError('DUPLICATE_APPLICATION', { applicationId: application.applicationId });
    seen.add(application.applicationId);
    const material = aggregateTeam(application.material, criteria, settings.divergenceThreshold);
    const onSite = aggregateTeam(application.onSite, criteria, settings.divergenceThreshold);
    evaluations.push({ applicationId: application.applicationId, material, onSite, defense: application.defense });
    standings.push(standingOf({ applicationId: application.applicationId, material: material.score.total, onSite: onSite.score, defense: application.defense }, weights, criteria));
  }
  const ranked = rankApplications(standings);
  const chosen = candidates(ranked, settings.candidateThreshold);
  return { applications: evaluations, ranked, candidates: chosen, proposal: proposeWinners(chosen, settings.winnersQuota) };
}
