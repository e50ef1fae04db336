import { useRoute } from 'preact-iso';
import { useT } from '../i18n';
import { RequireRole } from '../ui/RequireRole';
import '../apply/apply.css';
import { ApplicationDetail } from './ApplicationDetail';
import { ApplicationList } from './ApplicationList';

function Office() {
  const t = useT();
  const applicationId = useRoute().params.applicationId;
  return (
    <div class="stack">
      <h1>{t('office.title')}</h1>
      {applicationId ? <ApplicationDetail key={applicationId} applicationId={applicationId} /> : <ApplicationList />}
    </div>
  );
}

/** The award office's applications (supervisors read them too): the funnel, the list, each package, eligibility decisions. */
export function OfficeArea() {
  return (
    <RequireRole roles={['admin', 'supervisor']}>
      <Office />
    </RequireRole>
  );
}
