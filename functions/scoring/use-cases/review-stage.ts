import { REVIEW_STAGES, type ReviewStage } from '../../../shared/api/review-stages';
import { notFound } from '../../lib/http/errors';

/** A review stage from a path segment; anything else is 404. (Its own module: the handler needs it at cold start, the round's context only with a use case.) */
export function reviewStage(value: string): ReviewStage {
  if (!(REVIEW_STAGES as readonly string[]).includes(value)) throw notFound();
  return value as ReviewStage;
}
