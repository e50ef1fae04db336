// The defense limits without their request schemas (./defense.ts re-exports them): importing one never loads valibot.

/** Most characters of a deliberator's comment. */
export const DEFENSE_COMMENT_MAX_CHARS = 1000;
/** A score in hundredths of a point: 0 … 100,000 (0–1,000 points). */
export const DEFENSE_SCORE_MAX = 100_000;
