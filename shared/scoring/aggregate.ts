import type { Criteria, ItemId } from '../criteria';
import { ScoringError } from './errors';
import type { Hundredths } from './exact';
import type { Percentage } from './percentage';
import { criteriaLayout, scorecardTotals, type Scorecard, type ScorecardTotals } from './scorecard';

/** An item where a team's independent scores lie far apart and must be discussed before the consensus. */
export interface DivergenceFlag {
  readonly itemId: ItemId;
  readonly min: Percentage;
  readonly max: Percentage;
  /** `max − min`, in percentage points. */
  readonly spread: number;
}

// DOMAIN.md "Aggregation": items where independent scores differ by ≥ the round's divergence (default 20 points) are flagged for discussion.
/**
 * The items whose independent scores differ by at least `thresholdPercentPoints`.
 * With `criteria`, items are checked in the catalogue's order (the fast path);
 * without, in the order items first appear in the cards.
 */
export function divergenceFlags(cards: readonly Scorecard[], thresholdPercentPoints: number, criteria?: Criteria): DivergenceFlag[] {
  const flags: DivergenceFlag[] = [];
  if (cards.length < 2) return flags;
  const itemIds = criteria ? criteriaLayout(criteria).itemIds : [...new Set(cards.flatMap((card) => Object.keys(card) as ItemId[]))];
  for (let i = 0; i < itemIds.length; i++) {
    const itemId = itemIds[i]!;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < cards.length; k++) {
      const percent = cards[k]![itemId];
      if (percent === undefined) continue;
      if (percent < low) low = percent;
      if (percent > high) high = percent;
    }
    if (high - low >= thresholdPercentPoints) flags.push({ itemId, min: low as Percentage, max: high as Percentage, spread: high - low });
  }
  return flags;
}

/** A stage's score: the exact totals of the leader's consensus card. */
export type StageScore = ScorecardTotals;

// DOMAIN.md stage 4/5: the stage score is the leader's consensus card, not an average of the independent cards.
/** The stage score of a team: item, category and total of its consensus card. */
export function stageScore(consensusCard: Scorecard, criteria: Criteria): StageScore {
  return scorecardTotals(consensusCard, criteria);
}

/** The three scored stages whose weighted sum is the final score. */
export const SCORED_STAGES = ['material', 'onSite', 'defense'] as const;

/** A scored stage. */
export type ScoredStage = (typeof SCORED_STAGES)[number];

/** Stage weights in per mille (‰), whole numbers summing to 1,000: the default 0.3 / 0.5 / 0.2 is `{ material: 300, onSite: 500, defense: 200 }`. */
export type StageWeights = Readonly<Record<ScoredStage, number>>;

/** Each stage's total on the 1,000-point scale, in hundredths. */
export type StageScores = Readonly<Record<ScoredStage, Hundredths>>;

/** Per-mille units in a whole weight. */
export const WEIGHT_SCALE = 1000;

/**
 * A final score, exact: hundredths × per mille, i.e. units of 1/100,000 of a
 * point (0 … 100,000,000 for 0–1,000 points).
 */
export type FinalScore = number;

/** Final-score units in one point. */
export const FINAL_UNITS_PER_POINT = 100 * WEIGHT_SCALE;

const MAX_STAGE_HUNDREDTHS = 100_000;

/** Stage weights given as fractions of 1 (0.3 / 0.5 / 0.2), as in a round configuration. */
export type FractionalWeights = Readonly<Record<ScoredStage, number>>;

/** Fractional weights (0.3) as per mille (300), the exact form {@link finalScore} needs. */
export function weightsPerMille(weights: FractionalWeights): StageWeights {
  return {
    material: Math.round(weights.material * WEIGHT_SCALE),
    onSite: Math.round(weights.onSite * WEIGHT_SCALE),
    defense: Math.round(weights.defense * WEIGHT_SCALE),
  };
}

/** True when the weights are whole per-mille values, none negative, summing to 1,000. */
export function areValidWeights(weights: StageWeights): boolean {
  let sum = 0;
  for (const stage of SCORED_STAGES) {
    const w = weights[stage];
    if (!Number.isInteger(w) || w < 0) return false;
    sum += w;
  }
  return sum === WEIGHT_SCALE;
}

// DOMAIN.md "Aggregation": final = 0.3 × material + 0.5 × on-site + 0.2 × defense; with per-mille weights the sum is an exact integer and is never rounded.
/** The exact weighted final score; throws `ScoringError` for weights not summing to 1,000 ‰ or a stage score outside 0–1,000 points. */
export function finalScore(stageScores: StageScores, weights: StageWeights): FinalScore {
  if (!areValidWeights(weights)) throw new ScoringError('INVALID_WEIGHTS', { material: weights.material, onSite: weights.onSite, defense: weights.defense });
  let sum = 0;
  for (const stage of SCORED_STAGES) {
    const score = stageScores[stage];
    if (!Number.isInteger(score) || score < 0 || score > MAX_STAGE_HUNDREDTHS) throw new ScoringError('INVALID_SCORE', { stage, value: String(score) });
    sum += score * weights[stage];
  }
  return sum;
}
