import { deferred } from '../deferred';
import type { MySchedule as Mine } from './MySchedule';

// A schedule loads in its own chunk once a page shows it; until then it takes no room (kept out of the entry chunk).

export const LazyMySchedule = deferred<Parameters<typeof Mine>[0]>(() => import('./MySchedule').then((m) => m.MySchedule));
export const LazySchedulePanel = deferred<{ roundId: string; isAdmin: boolean }>(() => import('../../office/rounds/SchedulePanel').then((m) => m.SchedulePanel));
