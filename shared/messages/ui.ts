import type { Catalogue } from './types';

/** Interface strings of the web site, keyed `area.thing`. */
export const uiMessages = {} as const satisfies Catalogue;
