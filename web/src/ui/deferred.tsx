import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ChunkFailed } from './ErrorMessage';

/** A part whose code loads in its own chunk; `preload()` starts (or joins) that load. */
export type DeferredPart<P extends object> = ComponentType<P> & { preload: () => Promise<ComponentType<P>> };

/**
 * A component whose code loads in its own chunk once a page shows it; until then it takes no room. (Not preact-iso's
 * lazy(): that suspends the whole page until the chunk arrives.) A page that knows it will show the part can call
 * `preload()` while it fetches its data, so the part is there when the data is and shows in the same render (nothing
 * below it moves). Used for the draw, the remarks, the schedules, the notice's chain check and objection form.
 * A chunk that does not arrive shows that it did not, with a reload (ChunkFailed), not an empty space.
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
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        (component) => live && setLoaded(() => component),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (Loaded) return <Loaded {...props} />;
    return failed ? <ChunkFailed /> : null;
  }
  return Object.assign(Deferred, { preload });
}

/**
 * A page (or an area's sub-page) in a chunk of its own, for the router: preact-iso's lazy(), except that a chunk that
 * does not arrive (the connection dropped, or a deployment replaced it while the reader had the site open) shows
 * ChunkFailed with a reload; lazy() alone waits on the failed load forever and the page stays empty.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => Promise<unknown> } {
  return lazy(() => load().catch((): ComponentType<P> => () => <ChunkFailed />));
}
