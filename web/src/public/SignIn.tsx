import { useState } from 'preact/hooks';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/sign-in';

/** Ask for a sign-in link. The answer is the same whether or not the address is known. */
export function SignIn() {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setState('sending');
    setError(null);
    try {
      await call('auth.requestLink', { body: { email, locale } });
      setState('sent');
    } catch (e) {
      setError(e);
      setState('idle');
    }
  };

  return (
    <section class="card narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} class="form">
        <label for="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          name="email"
          autoComplete="email"
          required
          maxLength={254}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" disabled={state === 'sending'}>
          {t(state === 'sending' ? 'signIn.sending' : 'signIn.submit')}
        </button>
      </form>
      {state === 'sent' && (
        <p class="notice" role="status">
          {t('signIn.sent')}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
