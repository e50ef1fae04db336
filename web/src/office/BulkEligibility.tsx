import { useState } from 'preact/hooks';
import type { ApplicationSummary } from '../../../shared/api/applications';
import { useLocale, useT } from '../i18n';
import { pastEligibilityStage } from '../../../shared/stages/round';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';


/**
 * One eligibility decision with one reason for the applications the office ticked in the list (issue #13.5): checked
 * here, confirmed with every name, sent once; the answer says which were decided and which changed meanwhile.
 */
export function BulkEligibility({
  roundId,
  roundStage,
  chosen,
  onClear,
  onDecided,
}: {
  roundId: string;
  roundStage: string | undefined;
  chosen: readonly ApplicationSummary[];
  onClear: () => void;
  onDecided: () => void;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [decision, setDecision] = useState<'eligible' | 'ineligible' | ''>('');
  const [reason, setReason] = useState('');
  const [exception, setException] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<{ decided: number; failed: string[] } | null>(null);
  const late = pastEligibilityStage(roundStage);
  const join = (names: string[]) => names.join(locale === 'zh-CN' ? '、' : ', ');

  const check = (event: Event) => {
    event.preventDefault();
    setError(null);
    setOutcome(null);
    const found = !decision ? t('office.decide.choose') : (decision === 'ineligible' && !reason.trim()) || (late && !exception.trim()) ? t('REASON_REQUIRED') : null;
    setProblem(found);
    if (!found) setConfirming(true);
  };

  const send = async () => {
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call('applications.decideEligibilityMany', {
        params: { roundId },
        body: { applicationIds: chosen.map((a) => a.applicationId), decision, reason: reason.trim(), ...(late ? { exceptionReason: exception.trim() } : {}) },
      });
      const names = new Map(chosen.map((a) => [a.applicationId, a.organisation.name]));
      setOutcome({ decided: res.decided.length, failed: res.failed.map((f) => names.get(f.applicationId) ?? '') });
      setConfirming(false);
      setDecision('');
      setReason('');
      setException('');
      onDecided();
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card bulk-decide" aria-labelledby="bulk-decide-title" data-bulk-eligibility>
      {outcome && (
        <div class="notice" role="status">
          <p>{t('office.bulk.done', { count: outcome.decided })}</p>
          {outcome.failed.length > 0 && <p>{t('office.bulk.failed', { names: join(outcome.failed) })}</p>}
        </div>
      )}
      {chosen.length > 0 && (
        <form class="decide" onSubmit={check}>
          <h2 id="bulk-decide-title">{t('office.bulk.title', { count: chosen.length })}</h2>
          <p class="muted small">{t('office.bulk.hint')}</p>
          <fieldset class="radio-row" disabled={confirming || busy}>
            <legend>{t('office.decide.title')}</legend>
            {(['eligible', 'ineligible'] as const).map((d) => (
              <label key={d} class="check">
                <input type="radio" name="bulk-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
                {t(`eligibility.${d}`)}
              </label>
            ))}
          </fieldset>
          <label for="bulk-reason">{t('office.decide.reason')}</label>
          <textarea id="bulk-reason" rows={3} maxLength={2000} value={reason} disabled={confirming || busy} onInput={(e) => setReason(e.currentTarget.value)} />
          {late && (
            <>
              <label for="bulk-exception">{t('office.decide.exception')}</label>
              <textarea id="bulk-exception" rows={3} maxLength={2000} value={exception} disabled={confirming || busy} onInput={(e) => setException(e.currentTarget.value)} />
            </>
          )}
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
          {confirming && decision ? (
            <div class="confirm-box" role="group" aria-label={t('office.bulk.title', { count: chosen.length })}>
              <p>{t('office.bulk.confirm', { count: chosen.length, decision: t(`eligibility.${decision}`), names: join(chosen.map((a) => a.organisation.name)) })}</p>
              <div class="stage-move">
                <button type="button" disabled={busy} onClick={() => void send()}>
                  {t('office.bulk.confirmButton')}
                </button>
                <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                  {t('office.bulk.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div class="stage-move">
              <button type="submit" disabled={busy}>
                {t('office.decide.submit')}
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={onClear}>
                {t('office.bulk.clear')}
              </button>
            </div>
          )}
          {error !== null && <ErrorMessage error={error} />}
        </form>
      )}
    </section>
  );
}
