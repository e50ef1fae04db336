import { useRoute } from 'preact-iso';
import { lazyPage } from '../ui/deferred';
import { useT } from '../i18n';
import { RequireRole } from '../ui/RequireRole';
import '../apply/apply.css';
import '../texts/office-review';
import '../texts/office';
import '../texts/terms';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

// Each page of the office loads when opened: the review board never loads the registration desk's code, nor the desk the board's.
const ApplicationList = lazyPage(() => import('./ApplicationList').then((m) => m.ApplicationList));
const ApplicationDetail = lazyPage(() => import('./ApplicationDetail').then((m) => m.ApplicationDetail));
const RoundBoard = lazyPage(() => import('./rounds/RoundBoard').then((m) => m.RoundBoard));
const TeamPage = lazyPage(() => import('../ui/review/TeamPage').then((m) => m.TeamPage));
const OutcomePage = lazyPage(() => import('../outcome/OutcomePage').then((m) => m.OutcomePage));
const ReliabilityPage = lazyPage(() => import('../ui/reliability/ReliabilityPage').then((m) => m.ReliabilityPage));
const ReportPage = lazyPage(() => import('../ui/report/ReportPage').then((m) => m.ReportPage));
const CommitteePapers = lazyPage(() => import('../ui/report/CommitteePapers').then((m) => m.CommitteePapers));

function Office() {
  const t = useT();
  const route = useRoute();
  const { roundId, applicationId, stage } = route.params;
  if (roundId && route.path.endsWith('/outcome')) return <OutcomePage key={roundId} roundId={roundId} />;
  if (roundId && route.path.endsWith('/report')) return <ReportPage key={roundId} roundId={roundId} base="/office" />;
  if (roundId && route.path.endsWith('/papers')) return <CommitteePapers key={roundId} roundId={roundId} base="/office" />;
  if (roundId && route.path.endsWith('/reliability')) return <ReliabilityPage key={roundId} roundId={roundId} back={`/office/rounds/${encodeURIComponent(roundId)}`} />;
  if (roundId) {
    return (
      <div class="stack">
        <h1>{t('officeReview.title')}</h1>
        {applicationId && stage ? (
          <TeamPage
            key={`${applicationId}/${stage}`}
            applicationId={applicationId}
            stage={stage}
            back={{ href: `/office/rounds/${encodeURIComponent(roundId)}`, label: t('officeReview.backToBoard') }}
          />
        ) : (
          <RoundBoard key={roundId} roundId={roundId} />
        )}
      </div>
    );
  }
  return (
    <div class="stack">
      <h1>{t('office.title')}</h1>
      {applicationId ? <ApplicationDetail key={applicationId} applicationId={applicationId} /> : <ApplicationList />}
    </div>
  );
}

/** The award office's applications and review boards (supervisors read them too): the funnel, the list, each package, eligibility decisions, teams. */
export function OfficeArea() {
  return (
    <RequireRole roles={['admin', 'supervisor']}>
      <Office />
    </RequireRole>
  );
}
