import type { Catalogue } from './types';

/** The experts' area: assignments, declarations, scorecards, consensus. */
export const reviewUiMessages = {
} as const satisfies Catalogue;
