import type { Catalogue } from './types';

/** The supervisors' read-only views of assignments, declarations, recusals, scorecards and consensus. */
export const superviseReviewUiMessages = {
} as const satisfies Catalogue;
