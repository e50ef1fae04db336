import type { CategoryId, Criteria, ItemId } from '../criteria';
import { ScoringError } from './errors';
import { itemScoreHundredths, type Hundredths } from './exact';
import { isValidPercentage, type Percentage } from './percentage';

/** One reviewer's (or the leader's consensus) percentage per item; a draft may leave items out. */
export type Scorecard = Readonly<Partial<Record<ItemId, Percentage>>>;

/** The exact scores of a complete scorecard, in hundredths of a point. */
export interface ScorecardTotals {
  readonly items: Readonly<Record<ItemId, Hundredths>>;
  readonly categories: Readonly<Record<CategoryId, Hundredths>>;
  /** 0 … 100,000 (0–1,000 points). */
  readonly total: Hundredths;
}

/** A problem with a scorecard as entered. */
export interface ScorecardIssue {
  readonly code: 'MISSING_ITEM_SCORE' | 'UNKNOWN_ITEM' | 'INVALID_PERCENTAGE';
  readonly itemId: string;
  readonly value?: unknown;
}

/** Every problem of an entered scorecard: items not in the catalogue, percentages off the 5-point grid, and (when `complete`) unscored items. */
export function checkScorecard(input: Readonly<Record<string, unknown>>, criteria: Criteria, options: { complete?: boolean } = {}): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  const known = new Set<string>(criteria.items.map((item) => item.id));
  for (const [itemId, value] of Object.entries(input)) {
    if (!known.has(itemId)) issues.push({ code: 'UNKNOWN_ITEM', itemId });
    else if (value !== undefined && !isValidPercentage(value)) issues.push({ code: 'INVALID_PERCENTAGE', itemId, value });
  }
  if (options.complete ?? true) {
    for (const item of criteria.items) if (input[item.id] === undefined) issues.push({ code: 'MISSING_ITEM_SCORE', itemId: item.id });
  }
  return issues;
}

// DOMAIN.md: category = sum of its items, total = sum of all; every sum is of exact hundredths, so nothing is lost.
/** Item, category and total scores of a complete scorecard; throws `ScoringError` when an item is unscored or off-grid. */
export function scorecardTotals(card: Scorecard, criteria: Criteria): ScorecardTotals {
  const items: Partial<Record<ItemId, Hundredths>> = {};
  const categories: Partial<Record<CategoryId, Hundredths>> = {};
  let total = 0;
  for (const category of criteria.categories) {
    let categoryTotal = 0;
    for (const item of category.items) {
      const percent = card[item.id];
      if (percent === undefined) throw new ScoringError('INCOMPLETE_SCORECARD', { itemId: item.id });
      const score = itemScoreHundredths(percent, item.points);
      items[item.id] = score;
      categoryTotal += score;
    }
    categories[category.id] = categoryTotal;
    total += categoryTotal;
  }
  return { items: items as Record<ItemId, Hundredths>, categories: categories as Record<CategoryId, Hundredths>, total };
}

/** A catalogue laid out flat for fast scoring: item ids, their points and whether each item is a results item, in order. */
export interface CriteriaLayout {
  readonly itemIds: readonly ItemId[];
  readonly points: readonly number[];
  readonly isResults: readonly boolean[];
}

const layouts = new WeakMap<Criteria, CriteriaLayout>();

/** The flat layout of a catalogue, computed once per catalogue. */
export function criteriaLayout(criteria: Criteria): CriteriaLayout {
  let layout = layouts.get(criteria);
  if (!layout) {
    layout = {
      itemIds: criteria.items.map((item) => item.id),
      points: criteria.items.map((item) => item.points),
      isResults: criteria.items.map((item) => item.kind === 'results'),
    };
    layouts.set(criteria, layout);
  }
  return layout;
}

/** The total and the results-items (4.7) part of a complete scorecard, in hundredths. */
export interface CardSums {
  readonly total: Hundredths;
  readonly results: Hundredths;
}

// The hot path of the comprehensive evaluation: one read per item, no per-item objects; same rules as scorecardTotals.
/** Total and results part of a complete card; throws `ScoringError` when an item is unscored or off-grid. */
export function scorecardSums(card: Scorecard, layout: CriteriaLayout): CardSums {
  const { itemIds, points, isResults } = layout;
  let total = 0;
  let results = 0;
  for (let i = 0; i < itemIds.length; i++) {
    const itemId = itemIds[i]!;
    const percent = card[itemId];
    if (percent === undefined) throw new ScoringError('INCOMPLETE_SCORECARD', { itemId });
    if (!(percent >= 0 && percent <= 100 && percent % 5 === 0)) throw new ScoringError('INVALID_PERCENTAGE', { value: String(percent) });
    const score = percent * points[i]!;
    total += score;
    if (isResults[i]) results += score;
  }
  return { total, results };
}
