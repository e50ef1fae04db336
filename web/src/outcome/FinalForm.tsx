import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useT } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/office-review';
import '../texts/outcome';

/**
 * A form whose recording is final (an evaluation, a department's answer, a vote, an objection's
 * resolution): checked here first, then confirmed with what exactly will be recorded, then sent once.
 * The server has the last word: its refusal is shown in both languages, and a 409 (the round changed
 * meanwhile) has the page read it again.
 */
export function FinalForm<T>({
  name,
  title,
  submitLabel,
  confirmText,
  check,
  send,
  onDone,
  onStale,
  children,
}: {
  name: string;
  title: string;
  submitLabel: string;
  /** What the office is about to record, said in full. */
  confirmText: string;
  /** A problem to fix before anything is sent, or null. */
  check?: () => string | null;
  send: () => Promise<T>;
  onDone: (result: T) => void;
  onStale: () => void;
  children?: ComponentChildren;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    setError(null);
    const found = check?.() ?? null;
    setProblem(found);
    if (!found) setConfirming(true);
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await send();
      setConfirming(false);
      onDone(result);
    } catch (e) {
      setError(e);
      setConfirming(false);
      // The round moved or changed since the page read it: read it again, the refusal stays shown.
      if (e instanceof ApiError && e.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="assign-form outcome-form" onSubmit={submit} aria-label={title} data-form={name} aria-busy={busy}>
      {children && (
        <fieldset class="outcome-fields" disabled={confirming || busy}>
          <legend>{title}</legend>
          {children}
        </fieldset>
      )}
      {confirming ? (
        <div class="confirm-box" role="group" aria-label={title}>
          <p>{confirmText}</p>
          <p class="small">{t('outcome.final')}</p>
          <div class="stage-move">
            <button type="button" class="danger" disabled={busy} onClick={() => void confirm()}>
              {busy ? t('outcome.sending') : t('officeReview.confirm')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('officeReview.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
