/** Codes of the programming errors the scoring functions refuse (callers validate first with `checkScorecard`). */
export const SCORING_ERROR_CODES = ['INVALID_PERCENTAGE', 'INVALID_POINTS', 'INCOMPLETE_SCORECARD', 'INVALID_WEIGHTS', 'INVALID_SCORE', 'DUPLICATE_APPLICATION'] as const;

/** A code of {@link SCORING_ERROR_CODES}. */
export type ScoringErrorCode = (typeof SCORING_ERROR_CODES)[number];

/** Thrown when a scoring function is handed a value the rules do not allow (a 7% score, weights not summing to 1). */
export class ScoringError extends Error {
  constructor(
    readonly code: ScoringErrorCode,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'ScoringError';
  }
}
