import { useRoute } from 'preact-iso';
import type { ApplicationLettersResponse, CertificateView } from '../../../shared/api/letters';
import { formatMoment } from '../../../shared/messages/units';
import type { Locale } from '../../../shared/messages/types';
import { useLocale, useT } from '../i18n';
import { useLoad } from '../review/load';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { RequireRole } from '../ui/RequireRole';
import '../texts/letters';
import './certificate.css';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

/** The announcement's date as the certificate prints it: the day, in the round's time zone. */
function awardDate(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** The certificate sheet: one A4 landscape page when printed. */
export function CertificateSheet({ certificate, origin }: { certificate: CertificateView; origin: string }) {
  const t = useT();
  const locale = useLocale();
  const checkUrl = `${origin}${certificate.checkPath}`;
  return (
    <article class="certificate-sheet" data-certificate={certificate.number} lang={locale}>
      <p class="certificate-heading">{t('certificate.heading')}</p>
      <p class="certificate-body">{t('certificate.body', { organisation: certificate.organisation, award: certificate.award[locale] })}</p>
      <p class="certificate-round">{t('certificate.round', { round: certificate.round[locale] })}</p>
      <div class="certificate-foot">
        <div class="certificate-issuer">
          <p>{certificate.issuer[locale]}</p>
          <p>
            <time dateTime={certificate.awardedAt}>{awardDate(certificate.awardedAt, locale, certificate.timeZone)}</time>
          </p>
        </div>
        <div class="certificate-proof">
          <p>{t('certificate.number', { number: certificate.number })}</p>
          <p>{t('certificate.check', { url: checkUrl })}</p>
          <p>{t('certificate.announcement', { url: `${origin}${certificate.announcement.page}` })}</p>
          <p class="certificate-hash">{t('certificate.sha256', { sha256: certificate.announcement.sha256 })}</p>
        </div>
      </div>
    </article>
  );
}

function Certificate({ applicationId }: { applicationId: string }) {
  const { call } = useAppState();
  const t = useT();
  const [load] = useLoad<ApplicationLettersResponse>(() => call('letters.ofApplication', { params: { applicationId } }), [applicationId]);
  if (load.state === 'loading') return <p class="muted">{t('letters.loading')}</p>;
  if (load.state === 'error') return <ErrorMessage error={load.error} />;
  const { certificate } = load.value;
  return (
    <section class="certificate-page" aria-label={t('certificate.title')}>
      <p class="no-print certificate-actions">
        <button type="button" onClick={() => window.print()}>
          {t('certificate.print')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => history.back()}>
          {t('certificate.back')}
        </button>
      </p>
      {certificate ? <CertificateSheet certificate={certificate} origin={location.origin} /> : <p class="notice">{t('certificate.none')}</p>}
    </section>
  );
}

/** The printable certificate of a winning application (`/certificates/<applicationId>`): its winner, the office and supervisors. */
export function CertificatePage() {
  const { params } = useRoute();
  return (
    <RequireRole roles={['applicant', 'admin', 'supervisor']}>
      <Certificate applicationId={params.applicationId ?? ''} />
    </RequireRole>
  );
}
