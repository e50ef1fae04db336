import { lazyPage } from '../ui/deferred';
import { useAppState } from '../state';
import { RequireRole } from '../ui/RequireRole';
import { LazyMySchedule } from '../ui/schedule/lazy';
import './review.css';
import '../texts/terms';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

// Each page of the area loads when opened: the list of assignments never loads the scorecard's editor, nor an expert
// the deliberators' pages (issue 11).
const AssignmentList = lazyPage(() => import('./AssignmentList').then((m) => m.AssignmentList));
const AssignmentPage = lazyPage(() => import('./AssignmentPage').then((m) => m.AssignmentPage));
const DefenseList = lazyPage(() => import('./defense/DefenseList').then((m) => m.DefenseList));
const DefensePage = lazyPage(() => import('./defense/DefensePage').then((m) => m.DefensePage));

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
          <>
            <DefenseList />
            <LazyMySchedule hideEmpty />
          </>
        )
      ) : applicationId && stage ? (
        <AssignmentPage key={`${applicationId}/${stage}`} applicationId={applicationId} stage={stage} />
      ) : (
        <>
          <AssignmentList />
          <LazyMySchedule hideEmpty />
        </>
      )}
    </RequireRole>
  );
}
