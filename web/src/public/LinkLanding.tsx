import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { useAppState } from '../state';
import { AREA_OF_ROLE } from '../ui/areas';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/sign-in';

/** The token of a sign-in link: it travels in the fragment (`#token=…`) so it never reaches a server log. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length > 0 ? token : null;
}

/** Where a mailed link lands: exchange the token once, forget it, go to the person's area. */
export function LinkLanding() {
  const state = useAppState();
  const t = useT();
  const { route } = useLocation();
  const started = useRef(false);
  const [phase, setPhase] = useState<'working' | 'missing' | 'failed' | 'done'>('working');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = tokenFromFragment(window.location.hash);
    // Take the token out of the address bar and history before anything else happens.
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
    if (!token) {
      setPhase('missing');
      return;
    }
    state.call('auth.exchange', { body: { token } }).then(
      (session) => {
        state.signedIn(session);
        setPhase('done');
        route(AREA_OF_ROLE[session.role], true);
      },
      (e: unknown) => {
        setError(e);
        setPhase('failed');
        // The site did not ask who is signed in on this landing: whoever was signed in before still is.
        void state.loadSession();
      },
    );
  }, [state, route]);

  return (
    <section class="card narrow" aria-labelledby="link-title" aria-busy={phase === 'working'}>
      <h1 id="link-title">{t('link.title')}</h1>
      {phase === 'working' && <p role="status">{t('link.working')}</p>}
      {phase === 'done' && <p role="status">{t('link.done')}</p>}
      {phase === 'missing' && <p role="alert">{t('link.missing')}</p>}
      {phase === 'failed' && <ErrorMessage error={error} />}
      {(phase === 'missing' || phase === 'failed') && (
        <p>
          <button type="button" onClick={() => route('/sign-in')}>
            {t('link.requestNew')}
          </button>
        </p>
      )}
    </section>
  );
}
