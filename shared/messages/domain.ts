import type { Catalogue } from './types';

/** Domain rule error codes and domain terms (criteria, stages, roles …). */
export const domainMessages = {} as const satisfies Catalogue;
