import type { Catalogue } from './types';

/** The office's review board: teams, assignments, round stage moves, shortlist. */
export const officeReviewUiMessages = {
} as const satisfies Catalogue;
