import { deferred } from '../../ui/deferred';
import type { RoundDefense as Defense } from '../../ui/review/defense/RoundDefense';
import type { PanelForm as Form } from './PanelForm';
import type { RemoveMemberControl as Remove } from './RemoveMemberControl';

// The defense panel, with the office's controls, loads in its own chunk once the board shows it (from the on-site
// evaluation on; it sits last on the board), so the board's first load leaves out the panel, the seat badges and
// their texts (issue 11). The controls load with the panel, so they show with it.
const controls = () => Promise.all([import('./PanelForm'), import('./RemoveMemberControl')]);

export const LazyRoundDefense = deferred<Parameters<typeof Defense>[0]>(() =>
  Promise.all([import('../../ui/review/defense/RoundDefense'), controls()]).then(([m]) => m.RoundDefense),
);
export const LazyPanelForm = deferred<Parameters<typeof Form>[0]>(() => import('./PanelForm').then((m) => m.PanelForm));
export const LazyRemoveMemberControl = deferred<Parameters<typeof Remove>[0]>(() => import('./RemoveMemberControl').then((m) => m.RemoveMemberControl));
