import type { CategoryId, Criteria, ItemId } from '../criteria';
import { bandFor } from '../scoring/bands';
import { divideRoundHalfUp, formatScaled, type Hundredths } from '../scoring/exact';
import { isValidPercentage } from '../scoring/percentage';
import type { Scorecard, ScorecardTotals } from '../scoring/scorecard';
import type { ApplicationStatus } from '../stages/application';

/** A share of a whole, exact for storage and rounded half up for display. */
export interface Share {
  readonly part: number;
  readonly whole: number;
  /** The share in tenths of a percent, rounded half up (170 of 541 → 314); `null` when the whole is 0. */
  readonly permille: number | null;
  /** `'31.4%'`, or `'–'` when the whole is 0. */
  readonly text: string;
}

// Percentages in reports carry one decimal, rounded half up on integers (170 of 541 = 31.4%), never on binary floats.
/** `part` of `whole` as a {@link Share}. */
export function share(part: number, whole: number): Share {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0) throw new RangeError(`share needs whole non-negative counts, got ${part} of ${whole}`);
  if (whole === 0) return { part, whole, permille: null, text: '–' };
  const permille = divideRoundHalfUp(part * 1000, whole);
  return { part, whole, permille, text: `${formatScaled(permille, 1, 1)}%` };
}

/** The steps of a round's funnel (DOMAIN.md: 541 registered → 170 submitted …). */
export const FUNNEL_STEPS = ['registered', 'submitted', 'eligible', 'shortlisted', 'candidates', 'proposed', 'winners'] as const;

/** A step of the funnel. */
export type FunnelStepName = (typeof FUNNEL_STEPS)[number];

/** One step of the funnel with its share of the step before and of the first step. */
export interface FunnelStep {
  readonly step: FunnelStepName;
  readonly count: number;
  readonly ofPrevious: Share;
  readonly ofRegistered: Share;
}

/** The funnel from counts per step (each step a subset of the one before). */
export function funnel(counts: Readonly<Record<FunnelStepName, number>>): FunnelStep[] {
  const first = counts.registered;
  return FUNNEL_STEPS.map((step, index) => {
    const previous = index === 0 ? first : counts[FUNNEL_STEPS[index - 1]!];
    return { step, count: counts[step], ofPrevious: share(counts[step], previous), ofRegistered: share(counts[step], first) };
  });
}

// The furthest funnel step each application state shows it reached (a withdrawn application only counts as registered).
const REACHED: Readonly<Record<ApplicationStatus, number>> = {
  registered: 0,
  withdrawn: 0,
  submitted: 1,
  ineligible: 1,
  eligible: 2,
  reviewed: 2,
  notShortlisted: 2,
  shortlisted: 3,
  visited: 3,
  defended: 3,
  belowThreshold: 3,
  candidate: 4,
  cleared: 4,
  objected: 4,
  notProposed: 4,
  proposed: 5,
  notAwarded: 5,
  winner: 6,
};

/** Counts per funnel step from the applications' current states. */
export function funnelCounts(statuses: readonly ApplicationStatus[]): Record<FunnelStepName, number> {
  const counts = Object.fromEntries(FUNNEL_STEPS.map((step) => [step, 0])) as Record<FunnelStepName, number>;
  for (const status of statuses) {
    const reached = REACHED[status];
    for (let i = 0; i <= reached; i++) counts[FUNNEL_STEPS[i]!]++;
  }
  return counts;
}

/** Summary of a list of scores in hundredths (means and medians rounded half up to the hundredth). */
export interface Summary {
  readonly count: number;
  readonly min: Hundredths | null;
  readonly max: Hundredths | null;
  readonly mean: Hundredths | null;
  readonly median: Hundredths | null;
}

/** Count, min, max, mean and median of integer scores. */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : divideRoundHalfUp(sorted[mid - 1]! + sorted[mid]!, 2);
  return { count: sorted.length, min: sorted[0]!, max: sorted[sorted.length - 1]!, mean: divideRoundHalfUp(sum, sorted.length), median };
}

/** The distribution of one item's scores: summary in hundredths and how many scores fell in each band (index 0 = band 1). */
export interface ItemDistribution extends Summary {
  readonly itemId: ItemId;
  readonly points: number;
  readonly bandCounts: readonly number[];
}

/** The distribution of one category's scores. */
export interface CategoryDistribution extends Summary {
  readonly categoryId: CategoryId;
  readonly points: number;
}

/** Score distributions of a set of (consensus) scorecards. */
export interface ScoreDistributions {
  readonly items: readonly ItemDistribution[];
  readonly categories: readonly CategoryDistribution[];
  readonly total: Summary;
}

/** Distributions per item, per category and of the total, for the scored cards of one stage. */
export function scoreDistributions(totals: readonly ScorecardTotals[], criteria: Criteria): ScoreDistributions {
  const items = criteria.items.map((item): ItemDistribution => {
    const values = totals.map((t) => t.items[item.id]).filter((v): v is number => v !== undefined);
    const bandCounts = criteria.bands.map(() => 0);
    for (const value of values) {
      const percent = value / item.points;
      if (!isValidPercentage(percent)) continue;
      const level = bandFor(percent, criteria.bands).level;
      bandCounts[level - 1] = (bandCounts[level - 1] ?? 0) + 1;
    }
    return { itemId: item.id, points: item.points, bandCounts, ...summarise(values) };
  });
  const categories = criteria.categories.map(
    (category): CategoryDistribution => ({
      categoryId: category.id,
      points: category.points,
      ...summarise(totals.map((t) => t.categories[category.id]).filter((v): v is number => v !== undefined)),
    }),
  );
  return { items, categories, total: summarise(totals.map((t) => t.total)) };
}

/** One reviewer's independent card beside the team's consensus card for the same application and stage. */
export interface CalibrationSample {
  readonly reviewerId: string;
  readonly card: Scorecard;
  readonly consensus: Scorecard;
}

/** How a reviewer scores compared with the consensus, in percentage points (positive: more generous). */
export interface ReviewerCalibration {
  readonly reviewerId: string;
  /** Items compared. */
  readonly count: number;
  /** Mean of (own − consensus), rounded to two decimals. */
  readonly meanOffset: number;
  /** Mean of |own − consensus|, rounded to two decimals. */
  readonly meanAbsoluteOffset: number;
  /** Population standard deviation of (own − consensus), rounded to two decimals. */
  readonly spread: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100 + 0;

// Reviewer calibration: each reviewer's independent percentages against the team consensus show leniency (mean offset) and consistency (spread).
/** Per reviewer, the mean offset from the consensus and its spread; reviewers sorted by id. */
export function reviewerCalibration(samples: readonly CalibrationSample[]): ReviewerCalibration[] {
  const offsets = new Map<string, number[]>();
  for (const sample of samples) {
    const list = offsets.get(sample.reviewerId) ?? [];
    for (const key of Object.keys(sample.card) as ItemId[]) {
      const own = sample.card[key];
      const agreed = sample.consensus[key];
      if (own !== undefined && agreed !== undefined) list.push(own - agreed);
    }
    offsets.set(sample.reviewerId, list);
  }
  return [...offsets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reviewerId, list]) => {
      const n = list.length;
      if (n === 0) return { reviewerId, count: 0, meanOffset: 0, meanAbsoluteOffset: 0, spread: 0 };
      const mean = list.reduce((s, v) => s + v, 0) / n;
      const meanAbs = list.reduce((s, v) => s + Math.abs(v), 0) / n;
      const variance = list.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
      return { reviewerId, count: n, meanOffset: round2(mean), meanAbsoluteOffset: round2(meanAbs), spread: round2(Math.sqrt(variance)) };
    });
}
