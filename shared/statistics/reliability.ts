/**
 * Inter-rater reliability of a team's independent cards (issue 15 part 3):
 * Krippendorff's alpha with the interval metric and the intraclass
 * correlation ICC(2,1) over a matrix of items × raters.
 */
import type { Scorecard } from '../scoring/scorecard';
import { reviewerCalibration, type CalibrationSample } from './statistics';

/** Why a reliability coefficient could not be computed. */
export type NotEnoughDataReason = 'tooFewRaters' | 'tooFewItems' | 'noVariance';

/** A reliability coefficient, or a clear "not enough data" — never NaN. */
export type Reliability = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: NotEnoughDataReason };

/** Ratings of items (rows) by raters (columns); `null`/`undefined` where a rater gave no value. */
export type RatingMatrix = readonly (readonly (number | null | undefined)[])[];

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const notEnough = (reason: NotEnoughDataReason): Reliability => ({ ok: false, reason });
const raterCount = (matrix: RatingMatrix) => matrix.reduce((m, row) => Math.max(m, row.length), 0);

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C: alpha = 1 − D_o / D_e over the coincidences
// of pairable values (units with at least two values), with the interval metric δ² = (c − k)²; missing values allowed.
/**
 * Krippendorff's alpha, interval metric, over items × raters with missing values.
 * Not enough data: fewer than 2 raters, fewer than 2 pairable values… (`tooFewItems`), or no variance at all.
 */
export function krippendorffAlphaInterval(matrix: RatingMatrix): Reliability {
  if (raterCount(matrix) < 2) return notEnough('tooFewRaters');
  const units = matrix.map((row) => row.filter(present)).filter((values) => values.length >= 2);
  const n = units.reduce((s, u) => s + u.length, 0);
  if (units.length === 0 || n < 2) return notEnough('tooFewItems');
  // Observed disagreement: within each unit, every ordered pair of values from different raters, weighted 1/(m_u − 1).
  let observed = 0;
  for (const values of units) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (i !== j) sum += (values[i]! - values[j]!) ** 2;
    observed += sum / (values.length - 1);
  }
  observed /= n;
  // Expected disagreement: every ordered pair of pairable values across all units.
  const all = units.flat();
  const mean = all.reduce((s, v) => s + v, 0) / n;
  // Σ_{i≠j} (x_i − x_j)² = 2n Σ (x_i − mean)²
  const squares = all.reduce((s, v) => s + (v - mean) ** 2, 0);
  const expected = (2 * n * squares) / (n * (n - 1));
  if (!(expected > 1e-12)) return notEnough('noVariance');
  return { ok: true, value: 1 - observed / expected };
}

// Shrout & Fleiss (1979), "Intraclass correlations: uses in assessing rater reliability", Psychological Bulletin 86(2),
// case 2, single rater: ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS)/n) from the two-way ANOVA.
/**
 * ICC(2,1): two-way random effects, absolute agreement, single rater. Needs a complete matrix, so items
 * missing any rater's value are left out. Not enough data: fewer than 2 raters or 2 complete items, or no variance.
 */
export function iccTwoWayRandomSingle(matrix: RatingMatrix): Reliability {
  const k = raterCount(matrix);
  if (k < 2) return notEnough('tooFewRaters');
  const rows = matrix.filter((row) => row.length === k && row.every(present)) as number[][];
  const n = rows.length;
  if (n < 2) return notEnough('tooFewItems');
  const grand = rows.flat().reduce((s, v) => s + v, 0) / (n * k);
  const rowMeans = rows.map((row) => row.reduce((s, v) => s + v, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => rows.reduce((s, row) => s + row[j]!, 0) / n);
  const total = rows.flat().reduce((s, v) => s + (v - grand) ** 2, 0);
  const between = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const judges = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const residual = Math.max(0, total - between - judges);
  const bms = between / (n - 1);
  const jms = judges / (k - 1);
  const ems = residual / ((n - 1) * (k - 1));
  const denominator = bms + (k - 1) * ems + (k * (jms - ems)) / n;
  if (!(total > 1e-12) || !(Math.abs(denominator) > 1e-12)) return notEnough('noVariance');
  return { ok: true, value: (bms - ems) / denominator };
}

/** One reviewer's submitted card for a team: item id → percentage. */
export interface RatedCard {
  readonly reviewerId: string;
  readonly percents: Readonly<Record<string, number>>;
}

/** One team (application and stage): its submitted cards and, once recorded, its consensus percentages. */
export interface TeamRatings {
  readonly applicationId: string;
  readonly stage: string;
  readonly cards: readonly RatedCard[];
  readonly consensus?: Readonly<Record<string, number>>;
}

/** A team's reliability over the items: how many cards, alpha and ICC(2,1). */
export interface TeamReliability {
  readonly applicationId: string;
  readonly stage: string;
  readonly raters: number;
  readonly alpha: Reliability;
  readonly icc: Reliability;
}

/** An item where a reviewer is furthest from the consensus, by their mean offset on it (percentage points). */
export interface DivergentItem {
  readonly itemId: string;
  readonly meanOffset: number;
}

/** A reviewer's leniency (+) or severity (−) across the round against the consensus of their teams. */
export interface ReviewerLeniency {
  readonly reviewerId: string;
  /** Cards compared with a recorded consensus. */
  readonly cards: number;
  /** Item scores compared. */
  readonly count: number;
  /** Mean of (own − consensus) in percentage points, two decimals; `null` without any consensus to compare. */
  readonly meanOffset: number | null;
  /** Population standard deviation of (own − consensus), two decimals; `null` without any consensus. */
  readonly spread: number | null;
  /** Whether |mean offset| exceeds the round's flag offset. */
  readonly flagged: boolean;
  /** Up to three items with the largest mean |offset|, largest first (items at 0 left out). */
  readonly divergentItems: readonly DivergentItem[];
}

/** One application's drift from the material-review consensus to the site-visit consensus. */
export interface ConsensusDrift {
  readonly applicationId: string;
  /** Consensus totals in hundredths of a point (1,000-point scale). */
  readonly materialTotal: number;
  readonly onSiteTotal: number;
  /** onSite − material, in hundredths of a point. */
  readonly totalDrift: number;
  /** Mean of (on-site − material) over the items, in percentage points, two decimals. */
  readonly meanItemDrift: number;
  /** The item that moved most, with its change in percentage points. */
  readonly largestItem: DivergentItem | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100 + 0;

/** The items × raters matrix of a team's cards, over the given items in order. */
export function ratingMatrix(cards: readonly RatedCard[], itemIds: readonly string[]): (number | null)[][] {
  return itemIds.map((itemId) => cards.map((card) => card.percents[itemId] ?? null));
}

/** Alpha and ICC(2,1) of each team over `itemIds` (percentages). */
export function teamReliability(teams: readonly TeamRatings[], itemIds: readonly string[]): TeamReliability[] {
  return teams.map((team) => {
    const matrix = ratingMatrix(team.cards, itemIds);
    return { applicationId: team.applicationId, stage: team.stage, raters: team.cards.length, alpha: krippendorffAlphaInterval(matrix), icc: iccTwoWayRandomSingle(matrix) };
  });
}

// Leniency: a reviewer whose independent percentages sit, on average, more than the round's flag offset above (lenient)
// or below (severe) the consensus their team agreed is flagged for the office and supervisors to look at.
/** Per reviewer across the round, their mean offset from the consensus, its spread, flag and most divergent items; sorted by id. */
export function reviewerLeniency(teams: readonly TeamRatings[], flagOffset: number): ReviewerLeniency[] {
  const samples: CalibrationSample[] = [];
  const cards = new Map<string, number>();
  const items = new Map<string, Map<string, number[]>>();
  for (const team of teams) {
    for (const card of team.cards) {
      cards.set(card.reviewerId, (cards.get(card.reviewerId) ?? 0) + (team.consensus ? 1 : 0));
      if (!team.consensus) continue;
      samples.push({ reviewerId: card.reviewerId, card: card.percents as Scorecard, consensus: team.consensus as Scorecard });
      const mine = items.get(card.reviewerId) ?? new Map<string, number[]>();
      items.set(card.reviewerId, mine);
      for (const [itemId, own] of Object.entries(card.percents)) {
        const agreed = team.consensus[itemId];
        if (agreed !== undefined) mine.set(itemId, [...(mine.get(itemId) ?? []), own - agreed]);
      }
    }
  }
  const calibration = new Map(reviewerCalibration(samples).map((c) => [c.reviewerId, c]));
  return [...cards.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((reviewerId): ReviewerLeniency => {
      const c = calibration.get(reviewerId);
      if (!c || c.count === 0) return { reviewerId, cards: cards.get(reviewerId)!, count: 0, meanOffset: null, spread: null, flagged: false, divergentItems: [] };
      const divergentItems = [...(items.get(reviewerId) ?? new Map<string, number[]>()).entries()]
        .map(([itemId, list]) => ({ itemId, meanOffset: round2(list.reduce((s, v) => s + v, 0) / list.length) }))
        .filter((i) => i.meanOffset !== 0)
        .sort((a, b) => Math.abs(b.meanOffset) - Math.abs(a.meanOffset) || (a.itemId < b.itemId ? -1 : 1))
        .slice(0, 3);
      return { reviewerId, cards: cards.get(reviewerId)!, count: c.count, meanOffset: c.meanOffset, spread: c.spread, flagged: Math.abs(c.meanOffset) > flagOffset, divergentItems };
    });
}

/** The drift of each application's consensus from material review to the site visit (both recorded), in `itemIds` order. */
export function consensusDrift(
  material: ReadonlyMap<string, { readonly percents: Readonly<Record<string, number>>; readonly total: number }>,
  onSite: ReadonlyMap<string, { readonly percents: Readonly<Record<string, number>>; readonly total: number }>,
  itemIds: readonly string[],
): ConsensusDrift[] {
  const out: ConsensusDrift[] = [];
  for (const [applicationId, site] of onSite) {
    const before = material.get(applicationId);
    if (!before) continue;
    const changes = itemIds
      .filter((id) => before.percents[id] !== undefined && site.percents[id] !== undefined)
      .map((itemId) => ({ itemId, meanOffset: site.percents[itemId]! - before.percents[itemId]! }));
    const largest = changes.filter((c) => c.meanOffset !== 0).sort((a, b) => Math.abs(b.meanOffset) - Math.abs(a.meanOffset))[0] ?? null;
    out.push({
      applicationId,
      materialTotal: before.total,
      onSiteTotal: site.total,
      totalDrift: site.total - before.total,
      meanItemDrift: changes.length === 0 ? 0 : round2(changes.reduce((s, c) => s + c.meanOffset, 0) / changes.length),
      largestItem: largest,
    });
  }
  return out;
}
