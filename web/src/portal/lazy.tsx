import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// A part of a page that loads in its own chunk once the page shows it (not preact-iso's lazy(): that suspends the
// whole page until the chunk arrives). Renders nothing until then.
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return function LazyPart(props: P) {
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
