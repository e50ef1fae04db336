import { deferred } from '../../ui/deferred';
import type { LatePanel as Panel } from './LatePanel';

// The late list loads in its own chunk (with its texts) once the office's board shows it; the board's first load stays as it was.
export const LazyLatePanel = deferred<Parameters<typeof Panel>[0]>(() => import('./LatePanel').then((m) => m.LatePanel));
