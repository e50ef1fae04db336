/**
 * The review stages and text limits of material review and on-site evaluation, without their request schemas
 * (./reviews.ts re-exports them): importing a constant never loads valibot (issue 11).
 */

/** The two stages a team of experts scores. */
export const REVIEW_STAGES = ['materialReview', 'onSite'] as const;
/** A stage a team of experts scores. */
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/**
 * Assignment statuses of a member who stepped aside (recused, or a declared conflict): they no longer lead, score or
 * count towards an expert's load in the round — in the draw, the teams and the office's view of the load alike.
 */
export const STEPPED_ASIDE: ReadonlySet<string> = new Set(['recused', 'conflicted']);

/** Most characters of one item's strengths, opportunities or consensus rationale. */
export const REVIEW_TEXT_MAX_CHARS = 1000;
/** Most characters of the site team's findings recorded with the on-site consensus (issue 12). */
export const REVIEW_FINDINGS_MAX_CHARS = 4000;
/** Most characters of a recusal reason or a declared relation's note. */
export const REVIEW_NOTE_MAX_CHARS = 500;
