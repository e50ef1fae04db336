import { RequireRole } from '../../ui/RequireRole';
import { PoolPage } from './PoolPage';
import '../../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

/** The office's pools page (its own chunk: the import page is the only one that reads pool files). */
export function PoolArea() {
  return (
    <RequireRole roles={['admin']}>
      <PoolPage />
    </RequireRole>
  );
}
