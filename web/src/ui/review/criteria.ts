import { GBT19580_2012 } from '../../../../shared/criteria/gbt19580-2012';
import type { Category, CriteriaItem } from '../../../../shared/criteria/types';
import { itemScoreHundredths, type Hundredths } from '../../../../shared/scoring/exact';
import { isValidPercentage } from '../../../../shared/scoring/percentage';

// Apart from ./format.ts (issue 11): a page that shows a stage's name or a score does not load the criteria.

/**
 * The criteria the team view lays its table out by. The team's answer does not name the round's
 * edition, so the only edition Merit knows is used; an item id it does not know is still shown (see {@link extraItemIds}).
 */
export const CRITERIA = GBT19580_2012;

/** Item ids present in the cards or the consensus that the criteria do not list (shown after the known ones, never dropped). */
export function extraItemIds(ids: Iterable<string>): string[] {
  const known = new Set<string>(CRITERIA.items.map((i) => i.id));
  return [...new Set(ids)].filter((id) => !known.has(id)).sort();
}

/** The exact score of a category from its items' percentages, or undefined while any of them is unscored (or off the 5-point grid). */
export function categoryScore(category: Category, percentOf: (item: CriteriaItem) => number | undefined): Hundredths | undefined {
  let sum = 0;
  for (const item of category.items) {
    const percent = percentOf(item);
    if (!isValidPercentage(percent)) return undefined;
    sum += itemScoreHundredths(percent, item.points);
  }
  return sum;
}
