import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LatePanel as Panel } from './LatePanel';

type Props = Parameters<typeof Panel>[0];

// The late list loads in its own chunk (with its texts) once the office's board shows it; the board's first load stays as it was.
// (Not preact-iso's lazy(): that suspends the whole board until the chunk arrives.)
export function LazyLatePanel(props: Props) {
  const [Loaded, setLoaded] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    let live = true;
    import('./LatePanel').then((m) => live && setLoaded(() => m.LatePanel), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}
