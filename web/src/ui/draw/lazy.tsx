import { deferred } from '../deferred';
import type { DrawPanel as Panel } from './DrawPanel';
import type { DrawReplay as Replay } from './DrawReplay';
import type { NameLeader as Leader } from './NameLeader';
import type { ExpertLoad as Load } from './ExpertLoad';

// The draw's form and the replay load in their own chunks once a board shows them; until then they take no room.
// (Not preact-iso's lazy(): that suspends the whole board until the chunk arrives.)

export const LazyDrawPanel = deferred<Parameters<typeof Panel>[0]>(() => import('./DrawPanel').then((m) => m.DrawPanel));
export const LazyDrawReplay = deferred<Parameters<typeof Replay>[0]>(() => import('./DrawReplay').then((m) => m.DrawReplay));
export const LazyNameLeader = deferred<Parameters<typeof Leader>[0]>(() => import('./NameLeader').then((m) => m.NameLeader));
export const LazyExpertLoad = deferred<Parameters<typeof Load>[0]>(() => import('./ExpertLoad').then((m) => m.ExpertLoad));
