import { useT } from '../i18n';
import { useAppState } from '../state';
import { RequireRole } from '../ui/RequireRole';
import { AssignmentList } from './AssignmentList';
import { AssignmentPage } from './AssignmentPage';
import './review.css';

// Deliberators land here too (ui/areas.ts), but the contract has no defense scoring yet: they see that nothing is assigned.
function Deliberator() {
  const t = useT();
  return (
    <section class="card" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <p data-testid="no-assignments">{t('review.none')}</p>
    </section>
  );
}

/** The experts' area: `/review` lists the assignments, `/review/:applicationId/:stage` is one of them. */
export function ReviewArea({ applicationId, stage }: { applicationId?: string; stage?: string }) {
  const state = useAppState();
  return (
    <RequireRole roles={['expert', 'deliberator']}>
      {state.session.value?.role === 'deliberator' ? (
        <Deliberator />
      ) : applicationId && stage ? (
        <AssignmentPage key={`${applicationId}/${stage}`} applicationId={applicationId} stage={stage} />
      ) : (
        <AssignmentList />
      )}
    </RequireRole>
  );
}
