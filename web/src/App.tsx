import type { ComponentType } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router } from 'preact-iso';
import { exec } from 'preact-iso/router';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n';
import { AppStateContext, type AppState } from './state';
import { lazyPage } from './ui/deferred';
import { Header } from './ui/Header';

// Every page is a chunk of its own or of its audience (STYLE.md "Front end"): a visitor never downloads the
// supervisor's code, and a notice's reader not the home page's. The entry loads the chunk of the page it opens on
// together with the texts, before the first render (main.tsx, `preloadPage`), so no page shows empty first and
// nothing shifts when it arrives.
const Home = lazyPage(() => import('./public/Home').then((m) => m.Home));
const SignIn = lazyPage(() => import('./public').then((m) => m.SignIn));
const LinkLanding = lazyPage(() => import('./public').then((m) => m.LinkLanding));
const NotFound = lazyPage(() => import('./public').then((m) => m.NotFound));
const ApplyArea = lazyPage(() => import('./apply/ApplyArea').then((m) => m.ApplyArea));
const ReviewArea = lazyPage(() => import('./review/ReviewArea').then((m) => m.ReviewArea));
const AdminArea = lazyPage(() => import('./admin/AdminArea').then((m) => m.AdminArea));
const RoundsArea = lazyPage(() => import('./admin/rounds/RoundsArea').then((m) => m.RoundsArea));
const PoolArea = lazyPage(() => import('./office/pool/PoolArea').then((m) => m.PoolArea));
const OfficeArea = lazyPage(() => import('./office/OfficeArea').then((m) => m.OfficeArea));
const SuperviseArea = lazyPage(() => import('./supervise/SuperviseArea').then((m) => m.SuperviseArea));
const OperatorArea = lazyPage(() => import('./operator/OperatorArea').then((m) => m.OperatorArea));
const NoticePage = lazyPage(() => import('./public/notice/NoticePage').then((m) => m.NoticePage));
const CheckPage = lazyPage(() => import('./public/check/CheckPage').then((m) => m.CheckPage));
// The public portal (issue #14 part 2): one chunk per page, so a visitor reading a call loads nothing of the others.
const ProgrammePage = lazyPage(() => import('./portal/ProgrammePage').then((m) => m.ProgrammePage));
const CallPage = lazyPage(() => import('./portal/CallPage').then((m) => m.CallPage));
const VerifyPage = lazyPage(() => import('./portal/VerifyPage').then((m) => m.VerifyPage));
const CertificatePage = lazyPage(() => import('./certificate/CertificatePage').then((m) => m.CertificatePage));
const FeedbackPage = lazyPage(() => import('./feedback/FeedbackPage').then((m) => m.FeedbackPage));
const RoundFeedbackPage = lazyPage(() => import('./feedback/RoundFeedbackPage').then((m) => m.RoundFeedbackPage));
const SummaryPage = lazyPage(() => import('./public/summary/SummaryPage').then((m) => m.SummaryPage));

/** The site's pages in the order the router tries them; the first whose path matches shows. */
const PAGES: readonly (readonly [path: string, page: LazyPage])[] = [
  ['/', Home],
  ['/sign-in', SignIn],
  // Mailed links open /auth#token=…; /signin is kept for links mailed before that (they last 15 minutes).
  ['/auth', LinkLanding],
  ['/signin', LinkLanding],
  ['/apply', ApplyArea],
  ['/review', ReviewArea],
  ['/review/defense/:applicationId', ReviewArea],
  ['/review/:applicationId/:stage', ReviewArea],
  ['/admin', AdminArea],
  ['/admin/rounds', RoundsArea],
  ['/admin/rounds/:roundId', RoundsArea],
  ['/office', OfficeArea],
  ['/office/pool', PoolArea],
  ['/office/:applicationId', OfficeArea],
  ['/office/rounds/:roundId', OfficeArea],
  ['/office/rounds/:roundId/outcome', OfficeArea],
  ['/office/rounds/:roundId/reliability', OfficeArea],
  ['/office/rounds/:roundId/report', OfficeArea],
  ['/office/rounds/:roundId/papers', OfficeArea],
  ['/office/rounds/:roundId/reviews/:applicationId/:stage', OfficeArea],
  ['/supervise', SuperviseArea],
  ['/supervise/:scope', SuperviseArea],
  ['/supervise/rounds/:roundId', SuperviseArea],
  ['/supervise/rounds/:roundId/outcome', SuperviseArea],
  ['/supervise/rounds/:roundId/reliability', SuperviseArea],
  ['/supervise/rounds/:roundId/report', SuperviseArea],
  ['/supervise/rounds/:roundId/papers', SuperviseArea],
  ['/supervise/rounds/:roundId/reviews/:applicationId/:stage', SuperviseArea],
  ['/operator', OperatorArea],
  ['/notices/:roundId', NoticePage],
  ['/summaries/:roundId', SummaryPage],
  ['/check', CheckPage],
  ['/check/:number', CheckPage],
  ['/certificates/:applicationId', CertificatePage],
  ['/feedback/rounds/:roundId', RoundFeedbackPage],
  ['/feedback/:applicationId', FeedbackPage],
  ['/programmes/:programmeId', ProgrammePage],
  ['/calls/:roundId', CallPage],
  ['/verify/:roundId', VerifyPage],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each page takes its own route's props
type LazyPage = ComponentType<any> & { preload: () => Promise<unknown> };

/**
 * Starts loading the chunk (and the texts it awaits) of the page a location opens, so the first render can wait
 * for it alongside the common texts instead of showing an empty page and then shifting. Never rejects: a chunk that
 * fails shows ChunkFailed when rendered (lazyPage).
 */
export function preloadPage(pathname: string): Promise<void> {
  const page = PAGES.find(([path]) => exec(pathname, path) !== undefined)?.[1] ?? NotFound; // the router's own matching
  return page.preload().then(
    () => undefined,
    () => undefined,
  );
}

function Footer() {
  const t = useT();
  return (
    <footer class="site-footer">
      <p>{t('site.footer')}</p>
      <p>
        <a href="/check">{t('site.checkCertificate')}</a>
      </p>
    </footer>
  );
}

function SkipLink() {
  const t = useT();
  return (
    <a class="skip-link" href="#main">
      {t('site.skip')}
    </a>
  );
}

/** The whole site: header, one lazily loaded area per audience, footer. */
export function App({ state }: { state: AppState }) {
  // A mailed link's landing (`/auth#token=…`) does not ask who is signed in: the link's exchange answers that, and a
  // question with a cookie the link replaces only costs a request (a 401 when it had expired). It asks if the link fails.
  const [landing] = useState(() => typeof location !== 'undefined' && location.pathname === '/auth' && location.hash.includes('token='));
  useEffect(() => {
    if (!landing) void state.loadSession();
    state.loadProgrammes().catch(() => undefined); // the home page shows the error itself
  }, [state, landing]);

  return (
    <AppStateContext.Provider value={state}>
      <LocationProvider>
        <SkipLink />
        <Header />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router>
              {PAGES.map(([path, page]) => (
                <Route key={path} path={path} component={page} />
              ))}
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <Footer />
      </LocationProvider>
    </AppStateContext.Provider>
  );
}
