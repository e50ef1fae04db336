import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A part whose code loads in its own chunk; `preload()` starts (or joins) that load. */
export type DeferredPart<P extends object> = ComponentType<P> & { preload: () => Promise<ComponentType<P>> };

/**
 * A component whose code loads in its own chunk once a page shows it; until then it takes no room. (Not preact-iso's
 * lazy(): that suspends the whole page until the chunk arrives.) A page that knows it will show the part can call
 * `preload()` while it fetches its data, so the part is there when the data is and shows in the same render (nothing
 * below it moves). Used for the draw, the remarks, the schedules, the notice's chain check and objection form.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): DeferredPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a later showing tries again
        throw error;
      },
    ));
  function Deferred(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        (component) => live && setLoaded(() => component),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  }
  return Object.assign(Deferred, { preload });
}
