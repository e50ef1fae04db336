import { useAppState } from '../state';
import { RequireRole } from '../ui/RequireRole';
import { AssignmentList } from './AssignmentList';
import { AssignmentPage } from './AssignmentPage';
import { DefenseList } from './defense/DefenseList';
import { DefensePage } from './defense/DefensePage';
import './review.css';
import '../texts/terms';

/**
 * The reviewers' area. Experts: `/review` lists the assignments, `/review/:applicationId/:stage` is one of them.
 * Deliberators: `/review` lists their defense panels, `/review/defense/:applicationId` is one application before them.
 */
export function ReviewArea({ applicationId, stage }: { applicationId?: string; stage?: string }) {
  const state = useAppState();
  return (
    <RequireRole roles={['expert', 'deliberator']}>
      {state.session.value?.role === 'deliberator' ? (
        applicationId && !stage ? (
          <DefensePage key={applicationId} applicationId={applicationId} />
        ) : (
          <DefenseList />
        )
      ) : applicationId && stage ? (
        <AssignmentPage key={`${applicationId}/${stage}`} applicationId={applicationId} stage={stage} />
      ) : (
        <AssignmentList />
      )}
    </RequireRole>
  );
}
