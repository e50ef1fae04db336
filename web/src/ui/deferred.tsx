import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads in its own chunk once a page shows it; until then it takes no room. (Not preact-iso's
 * lazy(): that suspends the whole page until the chunk arrives.) Used for the draw, the remarks and the schedules.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
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
