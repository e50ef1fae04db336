import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DrawPanel as Panel } from './DrawPanel';
import type { DrawReplay as Replay } from './DrawReplay';

// The draw's form and the replay load in their own chunks once a board shows them; until then they take no room.
// (Not preact-iso's lazy(): that suspends the whole board until the chunk arrives.)
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

export const LazyDrawPanel = deferred<Parameters<typeof Panel>[0]>(() => import('./DrawPanel').then((m) => m.DrawPanel));
export const LazyDrawReplay = deferred<Parameters<typeof Replay>[0]>(() => import('./DrawReplay').then((m) => m.DrawReplay));
