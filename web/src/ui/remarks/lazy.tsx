import { deferred } from '../deferred';
import type { RemarksSection as Section } from './RemarksSection';
import type { TeamRemarks as Team } from './TeamRemarks';
import type { TimelineRemark as Entry } from './TimelineRemark';

// The remarks load in their own chunk once a page shows them (the pages' first load stays as it was); until then they
// take no room. (Not preact-iso's lazy(): that suspends the whole page until the chunk arrives.)

export const LazyRemarksSection = deferred<Parameters<typeof Section>[0]>(() => import('./RemarksSection').then((m) => m.RemarksSection));
export const LazyTeamRemarks = deferred<Parameters<typeof Team>[0]>(() => import('./TeamRemarks').then((m) => m.TeamRemarks));
export const LazyTimelineRemark = deferred<Parameters<typeof Entry>[0]>(() => import('./TimelineRemark').then((m) => m.TimelineRemark));
