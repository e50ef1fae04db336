import type { Catalogue } from './types';

/** The office's rounds: the list, creating a round (the call) and changing its configuration. */
export const roundsUiMessages = {
} as const satisfies Catalogue;
