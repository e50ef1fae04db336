import { useEffect, useState } from 'preact/hooks';
import type { ApplicationView } from '../../../shared/api/applications';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment as formatBeijing } from '../../../shared/messages/units';
import { formatMoment, tKnown } from './format';
import { OfficeRequests } from './OfficeRequests';
import { LazyMySchedule } from '../ui/schedule/lazy';
import { useLoad } from '../review/load';
import { ApiError } from '../api';
import type { ApplicationLettersResponse } from '../../../shared/api/letters';
import type { MessageKey } from '../../../shared/messages/registry';
import '../texts/apply';
import '../texts/terms';

// The letters and their texts load only for an applicant who has letters (most dashboards, before the material review, show none).
type LettersComponent = typeof import('./Letters').Letters;

/**
 * Where the application is: the round's stage, its status, the deadline (in
 * the reader's time zone, with the server's value), the office's decisions
 * with their reasons, what the office asked for (answered here), and
 * withdrawal before the deadline.
 */
export function Dashboard({
  app,
  roundName,
  now = () => Date.now(),
  onWithdrawn,
}: {
  app: ApplicationView;
  roundName?: string;
  now?: () => number;
  onWithdrawn: (app: ApplicationView) => void;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const beforeDeadline = now() < Date.parse(app.submissionDeadline);
  // The result letters and the status they tell (shared/stages, following the round): only a submitted package gets any.
  const [letters] = useLoad<ApplicationLettersResponse | null>(
    () =>
      app.status === 'submitted'
        ? call('letters.ofApplication', { params: { applicationId: app.applicationId } }).catch((e: unknown) => {
            // A round without letters yet answers them all the same; only a fault shows.
            if (e instanceof ApiError && e.status === 404) return null;
            throw e;
          })
        : Promise.resolve(null),
    [app.applicationId, app.status],
  );
  const told = letters.state === 'ready' && letters.value ? letters.value : undefined;
  const [Letters, setLetters] = useState<LettersComponent | null>(null);
  const hasLetters = (told?.letters.length ?? 0) > 0;
  useEffect(() => {
    if (hasLetters && !Letters) void import('./Letters').then((m) => setLetters(() => m.Letters));
  }, [hasLetters]);

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      onWithdrawn(await call('applications.withdraw', { params: { applicationId: app.applicationId } }));
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card dashboard" aria-labelledby="dashboard-title" data-status={app.status}>
      <h1 id="dashboard-title">{app.organisation.name}</h1>
      {roundName && <p class="muted">{roundName}</p>}
      <dl class="facts">
        <dt>{t('dashboard.stage')}</dt>
        <dd data-stage={app.stage}>{tKnown(t, `domain.stage.${app.stage}`, app.stage)}</dd>
        <dt>{t('dashboard.status')}</dt>
        <dd>
          {told && told.status !== 'submitted' ? (
            <span class={`badge status-${told.status}`} data-application-status={told.status}>
              {t(`domain.status.${told.status}` as MessageKey)}
            </span>
          ) : (
            <span class={`badge status-${app.status}`} data-application-status={app.status}>
              {t(`application.status.${app.status}`)}
            </span>
          )}
        </dd>
        <dt>{t('dashboard.deadline')}</dt>
        <dd>
          <time dateTime={app.submissionDeadline}>{formatMoment(app.submissionDeadline, locale)}</time>{' '}
          <span class="muted small">({t('dashboard.deadlineServer', { time: formatBeijing(app.submissionDeadline, locale) })})</span>
          {!beforeDeadline && <span class="badge"> {t('dashboard.deadlinePassed')}</span>}
        </dd>
        <dt>{t('dashboard.creditCode')}</dt>
        <dd>
          <code>{app.organisation.creditCode}</code>
        </dd>
        {app.submittedAt && (
          <>
            <dt>{t('dashboard.submittedAt')}</dt>
            <dd>{formatMoment(app.submittedAt, locale)}</dd>
          </>
        )}
        {app.withdrawnAt && (
          <>
            <dt>{t('dashboard.withdrawnAt')}</dt>
            <dd>{formatMoment(app.withdrawnAt, locale)}</dd>
          </>
        )}
      </dl>

      <h2>{t('dashboard.decisions')}</h2>
      {app.eligibility ? (
        <div class={app.eligibility.decision === 'eligible' ? 'notice' : 'error'} data-eligibility={app.eligibility.decision}>
          <p>
            <strong>{t(`eligibility.${app.eligibility.decision}`)}</strong> · {formatMoment(app.eligibility.decidedAt, locale)}
          </p>
          {app.eligibility.reason && (
            <p>
              {t('dashboard.reason')}: {app.eligibility.reason}
            </p>
          )}
        </div>
      ) : (
        <p class="muted">{t(app.status === 'submitted' ? 'dashboard.awaitingDecision' : 'dashboard.noDecision')}</p>
      )}
      <LazyMySchedule applicationId={app.applicationId} hideEmpty />
      {told?.feedbackReleasedAt && (
        <p class="notice">
          <a class="button" href={`/feedback/${encodeURIComponent(app.applicationId)}`} data-feedback-link>
            {t('dashboard.feedback')}
          </a>
        </p>
      )}
      {told && hasLetters && Letters && <Letters data={told} />}
      {told && !hasLetters && (
        <>
          <h2>{t('dashboard.letters')}</h2>
          <p class="muted">{t('dashboard.noLetters')}</p>
        </>
      )}
      {letters.state === 'error' && <ErrorMessage error={letters.error} />}
      <h2>{t('dashboard.requests')}</h2>
      <OfficeRequests applicationId={app.applicationId} canAnswer={app.status !== 'withdrawn'} />

      {app.selfCheck.failures.length > 0 && (
        <div class="self-check">
          <h2>{t('dashboard.selfCheck')}</h2>
          <p class="muted small">{t('dashboard.selfCheckIntro')}</p>
          <ul>
            {app.selfCheck.failures.map((f) => (
              <li key={f.ruleId}>{tKnown(t, f.code, f.code, f.params)}</li>
            ))}
          </ul>
        </div>
      )}

      {app.status !== 'withdrawn' && beforeDeadline && (
        <div class="withdraw no-print">
          {!confirming ? (
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              {t('withdraw.button')}
            </button>
          ) : (
            <div class="confirm-box" role="group" aria-labelledby="withdraw-confirm">
              <p id="withdraw-confirm">
                <strong>{t('withdraw.confirm')}</strong>
              </p>
              <button type="button" class="danger" disabled={busy} onClick={() => void withdraw()}>
                {t('withdraw.yes')}
              </button>{' '}
              <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                {t('withdraw.cancel')}
              </button>
            </div>
          )}
          {error !== null && <ErrorMessage error={error} />}
        </div>
      )}
    </section>
  );
}
