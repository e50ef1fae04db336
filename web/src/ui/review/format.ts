import type { AssignmentStatus } from '../../../../shared/api/reviews';
import { REVIEW_STAGES, type ReviewStage } from '../../../../shared/api/review-stages';
import { formatPoints, type Hundredths } from '../../../../shared/scoring/exact';
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
