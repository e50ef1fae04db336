// The outcome limits without their request schemas (./outcome.ts re-exports them): importing one never loads valibot.

/** Most characters of an opinion's, a resolution's or an objection's free text. */
export const OUTCOME_TEXT_MAX_CHARS = 2000;
