import { useT } from '../i18n';
import { Health } from './Health';
import { RequireRole } from '../ui/RequireRole';
import { People } from './People';
import { deferred } from '../ui/deferred';

// Where written objections go (issue #14 part 2): its own chunk, after the area's first paint.
const ContactEditor = deferred(() => import('../portal/ContactEditor').then((m) => m.ContactEditor));
import '../texts/rounds';
import '../texts/admin';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

/** The award office's area: its links, the people, and whether the three functions are up. */
export function AdminArea() {
  const t = useT();
  return (
    <RequireRole roles={['admin']}>
      <h1>{t('admin.title')}</h1>
      <p class="round-links">
        <a class="button" href="/office">
          {t('office.open')}
        </a>
        <a class="button" href="/office/pool" data-pool-link>
          {t('admin.pool')}
        </a>
        <a class="button" href="/admin/rounds">
          {t('rounds.open')}
        </a>
      </p>
      <People />
      <ContactEditor />
      <Health />
    </RequireRole>
  );
}
