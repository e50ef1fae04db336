import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/apply';
import '../texts/sign-in';

/**
 * An organisation asks for a link to apply: a new address gets a registration
 * link while a round is open, a known applicant a sign-in link; the answer on
 * the page is the same either way.
 */
export function LinkRequest({ signedInTo }: { signedInTo?: string } = {}) {
  const { call, programmes } = useAppState();
  const t = useT();
  const locale = useLocale();
  const { query } = useLocation();
  // The programme the visitor came from (a call's or a programme's apply button); the default programme otherwise.
  const programmeId = /^[a-z0-9][a-z0-9-]{0,63}$/.test(query.programme ?? '') ? query.programme : undefined;
  const [email, setEmail] = useState('');
  const [phase, setPhase] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setPhase('sending');
    setError(null);
    try {
      await call('applicants.requestLink', { body: { email: email.trim(), locale, ...(programmeId ? { programmeId } : {}) } });
      setPhase('sent');
    } catch (e) {
      setError(e);
      setPhase('idle');
    }
  };

  return (
    <section class="card narrow" aria-labelledby="apply-link-title">
      <h1 id="apply-link-title">{t('applyLink.title')}</h1>
      {signedInTo && programmeId && (
        <p class="notice" data-other-programme>
          {t('applyLink.otherProgramme', {
            current: programmes.value?.find((p) => p.programmeId === signedInTo)?.name[locale] ?? signedInTo,
            target: programmes.value?.find((p) => p.programmeId === programmeId)?.name[locale] ?? programmeId,
          })}
        </p>
      )}
      <p>{t('applyLink.intro')}</p>
      <form class="form" onSubmit={submit}>
        <label for="apply-link-email">{t('signIn.email')}</label>
        <input
          id="apply-link-email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" disabled={phase === 'sending'}>
          {t(phase === 'sending' ? 'signIn.sending' : 'applyLink.submit')}
        </button>
      </form>
      {phase === 'sent' && (
        <p class="notice" role="status">
          {t('applyLink.sent')}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <p class="muted small">
        {t('applyLink.others')} <a href="/sign-in">{t('nav.signIn')}</a>
      </p>
    </section>
  );
}
