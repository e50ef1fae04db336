import type { ReviewStage } from './review-stages';
import type { ConsensusDrift, Reliability, ReviewerLeniency } from '../statistics/reliability';

export type { ConsensusDrift, DivergentItem, NotEnoughDataReason, Reliability, ReviewerLeniency } from '../statistics/reliability';

/** One team's reliability (one application and stage) over its submitted cards. */
export interface TeamReliabilityView {
  readonly applicationId: string;
  readonly organisationName: string;
  readonly stage: ReviewStage;
  /** Submitted cards counted. */
  readonly raters: number;
  /** Krippendorff's alpha (interval) over the 23 items' percentages. */
  readonly alpha: Reliability;
  /** ICC(2,1) over the 23 items' percentages. */
  readonly icc: Reliability;
  /** Whether the team's consensus is recorded (offsets count only then). */
  readonly consensus: boolean;
}

/** A reviewer's leniency (+) or severity (−) across the round, with their name. */
export type ReviewerLeniencyView = ReviewerLeniency & { readonly reviewerName: string };

/** An application's drift from material-review consensus to site-visit consensus, with its name. */
export type ConsensusDriftView = ConsensusDrift & { readonly organisationName: string };

/** GET /api/scoring/rounds/{roundId}/reliability — reviewer reliability (评审一致性) for the office and supervisors. */
export interface RoundReliabilityResponse {
  readonly roundId: string;
  /** The round's flag offset in percentage points (round configuration `reliabilityFlagOffset`). */
  readonly flagOffset: number;
  readonly teams: readonly TeamReliabilityView[];
  readonly reviewers: readonly ReviewerLeniencyView[];
  readonly drift: readonly ConsensusDriftView[];
}
