import type { Text } from '../messages/types';

/** A scored item of the criteria, numbered as in the standard (`'4.1.2'`). */
export type ItemId = `${number}.${number}.${number}`;

/** A category of the criteria, numbered as in the standard (`'4.1'` … `'4.7'`). */
export type CategoryId = `${number}.${number}`;

/** How an item is judged: process items on ADLI, results items on LeTCI. */
export type ItemKind = 'process' | 'results';

/** One scored item (the 4.x.1 overview clauses are not scored and not listed). */
export interface CriteriaItem {
  readonly id: ItemId;
  readonly categoryId: CategoryId;
  /** Maximum points of the item (a whole number). */
  readonly points: number;
  readonly kind: ItemKind;
  readonly name: Text;
}

/** A category with its items, in the standard's order. */
export interface Category {
  readonly id: CategoryId;
  /** Maximum points of the category: the sum of its items' points. */
  readonly points: number;
  readonly kind: ItemKind;
  readonly name: Text;
  readonly items: readonly CriteriaItem[];
}

/** A scoring band: the range of percentages it covers and what it means for each kind of item. */
export interface Band {
  /** 1 (lowest) … 6 (highest). */
  readonly level: number;
  readonly minPercent: number;
  readonly maxPercent: number;
  /** Descriptor for process items (Approach, Deployment, Learning, Integration). */
  readonly process: Text;
  /** Descriptor for results items (Levels, Trends, Comparisons, Integration). */
  readonly results: Text;
}

/** A versioned criteria catalogue (one edition of the standard). */
export interface Criteria {
  readonly edition: string;
  readonly name: Text;
  /** Points of the whole catalogue (1,000 for GB/T 19580-2012). */
  readonly totalPoints: number;
  readonly categories: readonly Category[];
  /** Every scored item, in the standard's order. */
  readonly items: readonly CriteriaItem[];
  /** The scoring bands, lowest first; together they cover 0–100% in steps of 5. */
  readonly bands: readonly Band[];
}
