import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n';
import { AppStateContext, type AppState } from './state';
import { Home } from './public/Home';
import { Header } from './ui/Header';

// The home page comes with the entry: most visits start there, and it shows without a second request (nothing
// shifts while a chunk loads). Every other page is one chunk per audience (STYLE.md "Front end"): a visitor never
// downloads the supervisor's code.
const SignIn = lazy(() => import('./public').then((m) => m.SignIn));
const LinkLanding = lazy(() => import('./public').then((m) => m.LinkLanding));
const NotFound = lazy(() => import('./public').then((m) => m.NotFound));
const ApplyArea = lazy(() => import('./apply/ApplyArea').then((m) => m.ApplyArea));
const ReviewArea = lazy(() => import('./review/ReviewArea').then((m) => m.ReviewArea));
const AdminArea = lazy(() => import('./admin/AdminArea').then((m) => m.AdminArea));
const RoundsArea = lazy(() => import('./admin/rounds/RoundsArea').then((m) => m.RoundsArea));
const PoolArea = lazy(() => import('./office/pool/PoolArea').then((m) => m.PoolArea));
const OfficeArea = lazy(() => import('./office/OfficeArea').then((m) => m.OfficeArea));
const SuperviseArea = lazy(() => import('./supervise/SuperviseArea').then((m) => m.SuperviseArea));
const OperatorArea = lazy(() => import('./operator/OperatorArea').then((m) => m.OperatorArea));
const NoticePage = lazy(() => import('./public/notice/NoticePage').then((m) => m.NoticePage));
const CheckPage = lazy(() => import('./public/check/CheckPage').then((m) => m.CheckPage));
// The public portal (issue #14 part 2): one chunk per page, so a visitor reading a call loads nothing of the others.
const ProgrammePage = lazy(() => import('./portal/ProgrammePage').then((m) => m.ProgrammePage));
const CallPage = lazy(() => import('./portal/CallPage').then((m) => m.CallPage));
const VerifyPage = lazy(() => import('./portal/VerifyPage').then((m) => m.VerifyPage));
const CertificatePage = lazy(() => import('./certificate/CertificatePage').then((m) => m.CertificatePage));
const FeedbackPage = lazy(() => import('./feedback/FeedbackPage').then((m) => m.FeedbackPage));
const RoundFeedbackPage = lazy(() => import('./feedback/RoundFeedbackPage').then((m) => m.RoundFeedbackPage));
const SummaryPage = lazy(() => import('./public/summary/SummaryPage').then((m) => m.SummaryPage));

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
              <Route path="/" component={Home} />
              <Route path="/sign-in" component={SignIn} />
              {/* Mailed links open /auth#token=…; /signin is kept for links mailed before that (they last 15 minutes). */}
              <Route path="/auth" component={LinkLanding} />
              <Route path="/signin" component={LinkLanding} />
              <Route path="/apply" component={ApplyArea} />
              <Route path="/review" component={ReviewArea} />
              <Route path="/review/defense/:applicationId" component={ReviewArea} />
              <Route path="/review/:applicationId/:stage" component={ReviewArea} />
              <Route path="/admin" component={AdminArea} />
              <Route path="/admin/rounds" component={RoundsArea} />
              <Route path="/admin/rounds/:roundId" component={RoundsArea} />
              <Route path="/office" component={OfficeArea} />
              <Route path="/office/pool" component={PoolArea} />
              <Route path="/office/:applicationId" component={OfficeArea} />
              <Route path="/office/rounds/:roundId" component={OfficeArea} />
              <Route path="/office/rounds/:roundId/outcome" component={OfficeArea} />
              <Route path="/office/rounds/:roundId/reliability" component={OfficeArea} />
              <Route path="/office/rounds/:roundId/report" component={OfficeArea} />
              <Route path="/office/rounds/:roundId/papers" component={OfficeArea} />
              <Route path="/office/rounds/:roundId/reviews/:applicationId/:stage" component={OfficeArea} />
              <Route path="/supervise" component={SuperviseArea} />
              <Route path="/supervise/:scope" component={SuperviseArea} />
              <Route path="/supervise/rounds/:roundId" component={SuperviseArea} />
              <Route path="/supervise/rounds/:roundId/outcome" component={SuperviseArea} />
              <Route path="/supervise/rounds/:roundId/reliability" component={SuperviseArea} />
              <Route path="/supervise/rounds/:roundId/report" component={SuperviseArea} />
              <Route path="/supervise/rounds/:roundId/papers" component={SuperviseArea} />
              <Route path="/supervise/rounds/:roundId/reviews/:applicationId/:stage" component={SuperviseArea} />
              <Route path="/operator" component={OperatorArea} />
              <Route path="/notices/:roundId" component={NoticePage} />
              <Route path="/summaries/:roundId" component={SummaryPage} />
              <Route path="/check" component={CheckPage} />
              <Route path="/check/:number" component={CheckPage} />
              <Route path="/certificates/:applicationId" component={CertificatePage} />
              <Route path="/feedback/rounds/:roundId" component={RoundFeedbackPage} />
              <Route path="/feedback/:applicationId" component={FeedbackPage} />
              <Route path="/programmes/:programmeId" component={ProgrammePage} />
              <Route path="/calls/:roundId" component={CallPage} />
              <Route path="/verify/:roundId" component={VerifyPage} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <Footer />
      </LocationProvider>
    </AppStateContext.Provider>
  );
}
