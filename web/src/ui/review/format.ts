import type { AssignmentStatus } from '../../../../shared/api/reviews';
import { REVIEW_STAGES, type ReviewStage } from '../../../../shared/api/review-stages';
import { GBT19580_2012 } from '../../../../shared/criteria/gbt19580-2012';
import type { Category, CriteriaItem } from '../../../../shared/criteria/types';
import { isValidPercentage } from '../../../../shared/scoring/percentage';
import { formatPoints, itemScoreHundredths, type Hundredths } from '../../../../shared/scoring/exact';
import { isMessageKey } from '../../../../shared/messages/registry';
import type { Translate } from '../../i18n';
import '../../texts/team-view';
import '../../texts/terms';

/** True when a path segment names a stage a team of experts scores. */
export function isReviewStage(value: string | undefined): value is ReviewStage {
  return (REVIEW_STAGES as readonly (string | undefined)[]).includes(value);
}

/** The name of a round or review stage in the reader's language. */
export function stageLabel(t: Translate, stage: string): string {
  const key = `domain.stage.${stage}`;
  return isMessageKey(key) ? t(key) : stage;
}

/** The label of an assignment's status (awaiting declaration, conflict, scoring, submitted, recused). */
export function statusLabel(t: Translate, status: AssignmentStatus): string {
  return t(`teamView.status.${status}`);
}

/** A score kept in exact hundredths of a point, shown with two decimals (rounding only here, DOMAIN.md "Scoring an item"). */
export function formatScore(hundredths: Hundredths): string {
  return formatPoints(hundredths, 2);
}

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
