import { useRef, useState } from 'preact/hooks';
import type { Completeness, Receipt } from '../../../shared/api/applications';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment, sectionLabel } from './format';
import { newIdempotencyKey } from './upload';
import '../texts/apply';
import '../texts/terms';

/**
 * Formal submission: disabled, with the list of what is missing, until the
 * package is complete; then a confirmation. One idempotency key per attempt,
 * reused by a retry or a second press, so the server submits exactly once.
 */
export function SubmitPanel({
  applicationId,
  completeness,
  unsaved,
  deadline,
  now = () => Date.now(),
  onSubmitted,
}: {
  applicationId: string;
  completeness: Completeness;
  /** Sections with edits not saved yet. */
  unsaved: readonly string[];
  deadline: string;
  now?: () => number;
  onSubmitted: (receipt: Receipt) => void;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const late = now() >= Date.parse(deadline);

  const missing: string[] = [
    ...completeness.missingSections.map((s) => t('submit.missing.section', { section: sectionLabel(s, t, locale) })),
    ...completeness.missingDocuments.map((c) => t('submit.missing.document', { category: t(`document.category.${c}`) })),
    ...(completeness.pendingDocuments.length > 0 ? [t('submit.missing.pending', { count: completeness.pendingDocuments.length })] : []),
    ...(unsaved.length > 0 ? [t('submit.missing.unsaved', { count: unsaved.length })] : []),
  ];
  const ready = missing.length === 0 && !late;

  const submit = async () => {
    // A second press before the first answer sends nothing (and would carry the same key anyway).
    if (inFlight.current) return;
    inFlight.current = true;
    key.current ??= newIdempotencyKey();
    setBusy(true);
    setError(null);
    try {
      const result = await call('applications.submit', { params: { applicationId }, body: { idempotencyKey: key.current } });
      onSubmitted(result.receipt);
    } catch (e) {
      setError(e);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="submit-title" data-submit={ready ? 'ready' : 'blocked'}>
      <h2 id="submit-title">{t('submit.title')}</h2>
      <p class="muted small">{t('submit.intro', { deadline: formatMoment(deadline, locale) })}</p>
      {late && (
        <p class="error" role="alert">
          {t('submit.late')}
        </p>
      )}
      {missing.length > 0 && (
        <div class="missing" id="submit-missing">
          <p>{t('submit.missing.title', { count: missing.length })}</p>
          <ul>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {!confirming ? (
        <button type="button" disabled={!ready} aria-describedby={missing.length > 0 ? 'submit-missing' : undefined} onClick={() => setConfirming(true)}>
          {t('submit.button')}
        </button>
      ) : (
        <div class="confirm-box" role="group" aria-labelledby="submit-confirm-text">
          <p id="submit-confirm-text">
            <strong>{t('submit.confirm')}</strong>
          </p>
          <button type="button" disabled={busy || !ready} onClick={() => void submit()}>
            {t(busy ? 'submit.submitting' : 'submit.yes')}
          </button>{' '}
          <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
            {t('submit.cancel')}
          </button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} onRetry={() => void submit()} />}
    </section>
  );
}
