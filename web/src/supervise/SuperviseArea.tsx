import { useRoute } from 'preact-iso';
import { lazyPage } from '../ui/deferred';
import { useT } from '../i18n';
import { RequireRole } from '../ui/RequireRole';
import { ChainList } from './ChainList';
import '../texts/team-view';
import '../texts/supervise';
import '../texts/terms';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

// A chain, a round's reviews, a team's cards and the outcome page load when opened: the list of chains stays light.
const ChainView = lazyPage(() => import('./ChainView').then((m) => m.ChainView));
const RoundReviews = lazyPage(() => import('./reviews/RoundReviews').then((m) => m.RoundReviews));
const TeamPage = lazyPage(() => import('../ui/review/TeamPage').then((m) => m.TeamPage));
const OutcomePage = lazyPage(() => import('../outcome/OutcomePage').then((m) => m.OutcomePage));
const ReliabilityPage = lazyPage(() => import('../ui/reliability/ReliabilityPage').then((m) => m.ReliabilityPage));
const ReportPage = lazyPage(() => import('../ui/report/ReportPage').then((m) => m.ReportPage));
const CommitteePapers = lazyPage(() => import('../ui/report/CommitteePapers').then((m) => m.CommitteePapers));

function Reviews({ roundId }: { roundId: string }) {
  const t = useT();
  const route = useRoute();
  const { applicationId, stage } = route.params;
  if (route.path.endsWith('/outcome')) return <OutcomePage key={roundId} roundId={roundId} />;
  if (route.path.endsWith('/report')) return <ReportPage key={roundId} roundId={roundId} base="/supervise" />;
  if (route.path.endsWith('/papers')) return <CommitteePapers key={roundId} roundId={roundId} base="/supervise" />;
  if (route.path.endsWith('/reliability')) return <ReliabilityPage key={roundId} roundId={roundId} back={`/supervise/rounds/${encodeURIComponent(roundId)}`} />;
  return applicationId && stage ? (
    <TeamPage
      key={`${applicationId}/${stage}`}
      applicationId={applicationId}
      stage={stage}
      back={{ href: `/supervise/rounds/${encodeURIComponent(roundId)}`, label: t('superviseReview.backToRound') }}
    />
  ) : (
    <RoundReviews key={roundId} roundId={roundId} />
  );
}

function Workspace() {
  const t = useT();
  const { scope, roundId } = useRoute().params;
  return (
    <div class="stack">
      <h1>{t(roundId ? 'superviseReview.title' : 'supervise.title')}</h1>
      {!roundId && <p>{t('supervise.intro')}</p>}
      <p class="muted small">{t('supervise.readOnly')}</p>
      {roundId ? <Reviews roundId={roundId} /> : scope ? <ChainView key={scope} scope={scope} /> : <ChainList />}
    </div>
  );
}

/** The supervisors' workspace (the office may read it too): audit chains, timeline, verification, export, and each round's reviews. */
export function SuperviseArea() {
  return (
    <RequireRole roles={['supervisor', 'admin']}>
      <Workspace />
    </RequireRole>
  );
}
