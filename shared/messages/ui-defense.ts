import type { Catalogue } from './types';

/** The deliberators' defense pages, and the defense panel on the office's board and the supervisors' overview. */
export const defenseUiMessages = {
} as const satisfies Catalogue;
