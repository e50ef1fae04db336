import { DEFAULT_EDITION, getCriteria, type Criteria } from '../../../shared/criteria';
import { bandFor } from '../../../shared/scoring/bands';
import { formatPoints, itemScoreHundredths, pointsToHundredths, type Hundredths } from '../../../shared/scoring/exact';
import { isValidPercentage } from '../../../shared/scoring/percentage';
import { scorecardTotals, type Scorecard } from '../../../shared/scoring/scorecard';
import type { Locale } from '../../../shared/messages';

// The contract carries no edition with an assignment yet: every round so far scores GB/T 19580-2012.
/** The criteria the experts score against. */
export const REVIEW_CRITERIA: Criteria = getCriteria(DEFAULT_EDITION)!;

/** Percentages per item as entered; a blank item is absent or undefined. */
export type Percents = Readonly<Record<string, number | undefined>>;

/** Exact scores of a card as far as it is filled in, in hundredths of a point. */
export interface PartialTotals {
  readonly items: Readonly<Record<string, Hundredths | undefined>>;
  readonly categories: Readonly<Record<string, Hundredths>>;
  readonly total: Hundredths;
  readonly scored: number;
  readonly unscored: readonly string[];
}

// DOMAIN.md "Scoring an item": item = percentage × points, sums of exact hundredths; a complete card goes
// through scorecardTotals itself so the page shows exactly what the server will compute.
/** Item, category and total scores of a card, counting only scored items until it is complete. */
export function partialTotals(percents: Percents, criteria: Criteria = REVIEW_CRITERIA): PartialTotals {
  const items: Record<string, Hundredths | undefined> = {};
  const categories: Record<string, Hundredths> = {};
  const unscored: string[] = [];
  const card: Record<string, number> = {};
  let total = 0;
  for (const category of criteria.categories) {
    let sum = 0;
    for (const item of category.items) {
      const p = percents[item.id];
      if (p === undefined || !isValidPercentage(p)) {
        unscored.push(item.id);
        items[item.id] = undefined;
        continue;
      }
      card[item.id] = p;
      const score = itemScoreHundredths(p, item.points);
      items[item.id] = score;
      sum += score;
    }
    categories[category.id] = sum;
    total += sum;
  }
  if (unscored.length === 0) {
    const exact = scorecardTotals(card as Scorecard, criteria);
    return { items: exact.items, categories: exact.categories, total: exact.total, scored: criteria.items.length, unscored };
  }
  return { items, categories, total, scored: criteria.items.length - unscored.length, unscored };
}

/** A score for display: hundredths as points with two decimals (rounding happens only here). */
export function showPoints(hundredths: Hundredths): string {
  return formatPoints(hundredths, 2);
}

/** Whole points of the catalogue, item or category for display ("50", "1000"). */
export function showMax(points: number): string {
  return formatPoints(pointsToHundredths(points), 0);
}

/** The band descriptor for a percentage of an item of `kind`, in the reader's language. */
export function bandHint(percent: number, kind: 'process' | 'results', locale: Locale, criteria: Criteria = REVIEW_CRITERIA) {
  const band = bandFor(percent as Parameters<typeof bandFor>[0], criteria.bands);
  return { level: band.level, min: band.minPercent, max: band.maxPercent, text: band[kind][locale] };
}

/** Characters as the server counts them (code points, not UTF-16 units). */
export const lengthOf = (text: string): number => [...text].length;

/** "4.1.2 高层领导的作用" in the reader's language. */
export function itemLabel(itemId: string, locale: Locale, criteria: Criteria = REVIEW_CRITERIA): string {
  const item = criteria.items.find((i) => i.id === itemId);
  return item ? `${item.id} ${item.name[locale]}` : itemId;
}

/** A DOM id for an item's row (`item-4-1-2`). */
export const itemAnchor = (itemId: string, prefix = 'item'): string => `${prefix}-${itemId.replace(/\./g, '-')}`;
