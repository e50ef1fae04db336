import { Fragment } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApplicationView } from '../../../shared/api/applications';
import { DOCUMENT_CATEGORIES } from '../../../shared/api/application-constants';
import type { Locale } from '../../../shared/messages';
import { pastEligibilityStage } from '../../../shared/stages/round';
import { formatDateTime, useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment, sectionLabel, tKnown } from '../apply/format';
import { DocumentDownload } from '../apply/PackageView';
import { ReceiptView } from '../apply/ReceiptView';
import { formatBytes } from '../apply/upload';
import { RequestsPanel } from './RequestsPanel';
import '../texts/apply';
import '../texts/office';
import '../texts/terms';

/** The office's eligibility decision, with the reason the applicant sees (required when refusing). */
function Decide({ app, onDecided }: { app: ApplicationView; onDecided: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [decision, setDecision] = useState<'eligible' | 'ineligible' | ''>('');
  const [reason, setReason] = useState('');
  // After the eligibility stage a decision is a recorded exception with its reason (issue #16.10).
  const late = pastEligibilityStage(app.stage);
  const [exception, setException] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!decision) return setProblem(t('office.decide.choose'));
    if ((decision === 'ineligible' && !reason.trim()) || (late && !exception.trim())) return setProblem(t('REASON_REQUIRED'));
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      await call('applications.decideEligibility', { params: { applicationId: app.applicationId }, body: { decision, reason: reason.trim(), ...(late ? { exceptionReason: exception.trim() } : {}) } });
      setDecision('');
      setReason('');
      setException('');
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="decide" onSubmit={submit}>
      <fieldset class="radio-row">
        <legend>{t('office.decide.title')}</legend>
        {(['eligible', 'ineligible'] as const).map((d) => (
          <label key={d} class="check">
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`eligibility.${d}`)}
          </label>
        ))}
      </fieldset>
      <label for="decide-reason">{t('office.decide.reason')}</label>
      <textarea id="decide-reason" rows={3} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      {late && (
        <>
          <label for="decide-exception">{t('office.decide.exception')}</label>
          <textarea id="decide-exception" rows={3} maxLength={2000} value={exception} onInput={(e) => setException(e.currentTarget.value)} />
        </>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('office.decide.submit')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

function declarationFacts(app: ApplicationView, t: ReturnType<typeof useT>, locale: Locale) {
  const d = app.declarations;
  const yes = (v: boolean) => t(v ? 'office.yes' : 'office.no');
  return [
    [t('register.establishedOn'), d.establishedOn],
    [t('domain.rule.legalPerson'), yes(d.legalPerson)],
    [t('register.incidents'), d.majorIncidents.length ? d.majorIncidents.map((i) => `${i.date} ${t(`register.incident.${i.kind}`)}`).join('; ') : t('office.none')],
    [t('register.penalties'), d.seriousPenalties.length ? d.seriousPenalties.join('; ') : t('office.none')],
    [t('domain.rule.goodCredit'), yes(d.goodCreditRecord)],
    [t('domain.rule.performanceExcellence'), yes(d.appliesPerformanceExcellence)],
    [t('register.roundsSinceLastWin'), d.roundsSinceLastWin === undefined ? t('office.never') : String(d.roundsSinceLastWin)],
    [t('office.registeredAt'), formatDateTime(app.createdAt, locale)],
  ] as const;
}

/** One application as the office sees it: organisation, declarations, decision, requests to the applicant, package texts, documents. */
export function ApplicationDetail({ applicationId }: { applicationId: string }) {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const [app, setApp] = useState<ApplicationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isAdmin = state.session.value?.role === 'admin';

  const load = useCallback(() => {
    setError(null);
    state.call('applications.get', { params: { applicationId } }).then(setApp, setError);
  }, [state, applicationId]);
  useEffect(load, [load]);

  if (error !== null) {
    return (
      <div class="stack">
        <p>
          <a href="/office">{t('office.back')}</a>
        </p>
        <ErrorMessage error={error} onRetry={load} />
      </div>
    );
  }
  if (!app) return <p class="muted">{t('site.loading')}</p>;
  const o = app.organisation;
  const sections = app.sections.filter((s) => s.text.trim() !== '');

  return (
    <div class="stack" data-office-application={app.applicationId}>
      <p>
        <a href="/office">{t('office.back')}</a>
      </p>
      <section class="card" aria-labelledby="office-app-title">
        <h2 id="office-app-title">{o.name}</h2>
        <dl class="facts">
          <dt>{t('register.creditCode')}</dt>
          <dd>
            <code>{o.creditCode}</code>
          </dd>
          <dt>{t('dashboard.status')}</dt>
          <dd>{t(`application.status.${app.status}`)}</dd>
          <dt>{t('dashboard.stage')}</dt>
          <dd>{tKnown(t, `domain.stage.${app.stage}`, app.stage)}</dd>
          <dt>{t('register.district')}</dt>
          <dd>{o.district}</dd>
          <dt>{t('register.industry')}</dt>
          <dd>{o.industry}</dd>
          <dt>{t('register.size')}</dt>
          <dd>{t(`application.size.${o.size}`)}</dd>
          <dt>{t('register.address')}</dt>
          <dd>{o.address}</dd>
          <dt>{t('register.legalRepresentative')}</dt>
          <dd>{o.legalRepresentative}</dd>
          <dt>{t('register.contactPerson')}</dt>
          <dd>{o.contactPerson}</dd>
          <dt>{t('register.phone')}</dt>
          <dd>{o.phone}</dd>
          <dt>{t('register.email')}</dt>
          <dd>{o.email}</dd>
          {app.submittedAt && (
            <>
              <dt>{t('dashboard.submittedAt')}</dt>
              <dd>{formatMoment(app.submittedAt, locale)}</dd>
            </>
          )}
        </dl>
        {app.stage === 'announcement' && app.status === 'submitted' && (
          <p>
            {/* The certificate page says so when the application won none. */}
            <a href={`/certificates/${encodeURIComponent(app.applicationId)}`} data-certificate-link>
              {t('office.certificate')}
            </a>
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="office-eligibility-title">
        <h2 id="office-eligibility-title">{t('office.eligibility')}</h2>
        {app.recommendations?.length ? (
          <div data-recommendations>
            <h3>{t('office.recommendations')}</h3>
            <ul>
              {app.recommendations.map((r) => (
                <li key={`${r.programmeId}/${r.roundId}`}>{t('office.recommendedBy', { programme: r.programmeName[locale], round: r.roundName[locale] })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {app.recordedWin && (
          <p data-recorded-win>{t('office.recordedWin', { round: app.recordedWin.roundName[locale], rounds: app.recordedWin.roundsSince })}</p>
        )}
        <h3>{t('dashboard.selfCheck')}</h3>
        {app.selfCheck.failures.length === 0 ? (
          <p class="muted">{t('office.selfCheckOk')}</p>
        ) : (
          <ul>
            {app.selfCheck.failures.map((f) => (
              <li key={f.ruleId}>{tKnown(t, f.code, f.code, f.params)}</li>
            ))}
          </ul>
        )}
        <dl class="facts">
          {declarationFacts(app, t, locale).map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
        {app.eligibility && (
          <div class={app.eligibility.decision === 'eligible' ? 'notice' : 'error'} data-eligibility={app.eligibility.decision}>
            <p>
              <strong>{t(`eligibility.${app.eligibility.decision}`)}</strong> · {formatMoment(app.eligibility.decidedAt, locale)}
            </p>
            {app.eligibility.reason && <p>{app.eligibility.reason}</p>}
            {app.eligibility.exception && (
              <p data-eligibility-exception>
                {t('office.eligibility.exception', { stage: t(`domain.stage.${app.eligibility.exception.stage}` as 'domain.stage.eligibility'), reason: app.eligibility.exception.reason })}
              </p>
            )}
          </div>
        )}
        {isAdmin && app.status === 'submitted' ? (
          <Decide app={app} onDecided={load} />
        ) : isAdmin ? (
          <p class="muted small">{t('office.decide.onlySubmitted')}</p>
        ) : (
          <p class="muted small">{t('supervise.readOnly')}</p>
        )}
      </section>

      <RequestsPanel app={app} isAdmin={isAdmin} />

      {app.receipt && <ReceiptView receipt={app.receipt} reader="office" />}

      <section class="card" aria-labelledby="office-docs-title">
        <h2 id="office-docs-title">{t('documents.title')}</h2>
        {app.documents.length === 0 ? (
          <p class="muted">{t('documents.none')}</p>
        ) : (
          DOCUMENT_CATEGORIES.filter((c) => app.documents.some((d) => d.category === c)).map((c) => (
            <div key={c} class="doc-category">
              <h3>{t(`document.category.${c}`)}</h3>
              <ul class="doc-list">
                {app.documents
                  .filter((d) => d.category === c)
                  .map((d) => (
                    <li key={d.documentId} class="doc" data-document={d.documentId} data-status={d.status}>
                      <div class="doc-head">
                        <span class="doc-name">{d.fileName}</span>
                        <span class={`doc-status status-${d.status}`}>{t(`document.status.${d.status}`)}</span>
                        {d.replacedBy && <span class="badge">{t('documents.replaced')}</span>}
                      </div>
                      <p class="muted small">
                        {formatBytes(d.size, locale)} · {formatMoment(d.createdAt, locale)} · <code>{d.sha256}</code>
                      </p>
                      {d.rejection && <p class="error">{d.rejection.message[locale]}</p>}
                      {d.status === 'verified' && <DocumentDownload doc={d} />}
                    </li>
                  ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section class="card" aria-labelledby="office-texts-title">
        <h2 id="office-texts-title">{t('office.texts')}</h2>
        {sections.length === 0 ? (
          <p class="muted">{t('office.noTexts')}</p>
        ) : (
          <dl class="office-texts">
            {sections.map((s) => (
              <Fragment key={s.section}>
                <dt>{sectionLabel(s.section, t, locale)}</dt>
                <dd>{s.text}</dd>
              </Fragment>
            ))}
          </dl>
        )}
        {app.completeness.missingSections.length > 0 && (
          <p class="muted small">
            {t('office.missingTexts', { sections: app.completeness.missingSections.map((s) => sectionLabel(s, t, locale)).join('、') })}
          </p>
        )}
      </section>
    </div>
  );
}
