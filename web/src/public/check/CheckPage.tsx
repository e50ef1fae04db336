import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { CertificateView } from '../../../../shared/api/letters';
import { formatMoment } from '../../../../shared/messages/units';
import { ApiError } from '../../api';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../texts/check';
import './check.css';

type Result = { state: 'idle' } | { state: 'checking' } | { state: 'valid'; certificate: CertificateView } | { state: 'unknown'; number: string } | { state: 'error'; error: unknown };

function Valid({ certificate }: { certificate: CertificateView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div class="notice check-valid" role="status" data-check="valid">
      <p>
        <strong>{t('check.valid')}</strong> · <code>{certificate.number}</code>
      </p>
      <dl class="check-facts">
        <dt>{t('check.organisation')}</dt>
        <dd>{certificate.organisation}</dd>
        <dt>{t('check.award')}</dt>
        <dd>{certificate.award[locale]}</dd>
        <dt>{t('check.issuer')}</dt>
        <dd>{certificate.issuer[locale]}</dd>
        <dt>{t('check.round')}</dt>
        <dd>{certificate.round[locale]}</dd>
        <dt>{t('check.date')}</dt>
        <dd>
          <time dateTime={certificate.awardedAt}>{formatMoment(certificate.awardedAt, locale, certificate.timeZone)}</time>
        </dd>
        <dt>{t('check.sha256')}</dt>
        <dd class="check-hash">{certificate.announcement.sha256}</dd>
      </dl>
      <p>
        <a href={certificate.announcement.page}>{t('check.announcement')}</a>
      </p>
    </div>
  );
}

/** The public certificate check (`/check`, `/check/<number>`): anyone enters a number and sees whether it is genuine. */
export function CheckPage() {
  const t = useT();
  const { call } = useAppState();
  const { params } = useRoute();
  const { route } = useLocation();
  const asked = (params.number ?? '').trim();
  const [number, setNumber] = useState(asked);
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const [empty, setEmpty] = useState(false);

  useEffect(() => {
    // Only a number in the address replaces what is in the field: a reader may have typed before this first ran.
    if (!asked) return setResult({ state: 'idle' });
    setNumber(asked);
    let current = true;
    setResult({ state: 'checking' });
    call('certificates.check', { params: { number: asked } }).then(
      (certificate) => current && setResult({ state: 'valid', certificate }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 404) setResult({ state: 'unknown', number: asked });
        else setResult({ state: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [asked]);

  const submit = (e: Event) => {
    e.preventDefault();
    // What the field holds (what the reader sees), even if it was filled before the page was ready to listen.
    const field = (e.currentTarget as HTMLFormElement).elements.namedItem('number') as HTMLInputElement | null;
    const wanted = (field?.value ?? number).trim();
    setEmpty(wanted === '');
    if (wanted) route(`/check/${encodeURIComponent(wanted)}`);
  };

  return (
    <section class="card check-page" aria-labelledby="check-title">
      <h1 id="check-title">{t('check.title')}</h1>
      <p>{t('check.intro')}</p>
      <form class="check-form" onSubmit={submit} noValidate>
        <label for="certificate-number">{t('check.label')}</label>
        <div class="check-row">
          <input
            id="certificate-number"
            name="number"
            autoComplete="off"
            spellcheck={false}
            maxLength={80}
            placeholder={t('check.hint')}
            value={number}
            aria-invalid={empty}
            aria-describedby={empty ? 'check-empty' : undefined}
            onInput={(e) => setNumber((e.target as HTMLInputElement).value)}
          />
          <button type="submit" disabled={result.state === 'checking'}>
            {t('check.submit')}
          </button>
        </div>
        {empty && (
          <p id="check-empty" class="error" role="alert">
            {t('check.empty')}
          </p>
        )}
      </form>
      {result.state === 'checking' && <p class="muted">{t('check.checking')}</p>}
      {result.state === 'valid' && <Valid certificate={result.certificate} />}
      {result.state === 'unknown' && (
        <p class="error" role="alert" data-check="unknown">
          {t('check.notFound', { number: result.number })}
        </p>
      )}
      {result.state === 'error' && <ErrorMessage error={result.error} />}
    </section>
  );
}
