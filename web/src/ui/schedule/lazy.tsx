import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MySchedule as Mine } from './MySchedule';

// A schedule loads in its own chunk once a page shows it; until then it takes no room (kept out of the entry chunk).
function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return function Deferred(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      let live = true;
      load().then((c) => live && setLoaded(() => c), () => undefined);
      return () => {
        live = false;
      };
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  };
}

export const LazyMySchedule = deferred<Parameters<typeof Mine>[0]>(() => import('./MySchedule').then((m) => m.MySchedule));
export const LazySchedulePanel = deferred<{ roundId: string; isAdmin: boolean }>(() => import('../../office/rounds/SchedulePanel').then((m) => m.SchedulePanel));
