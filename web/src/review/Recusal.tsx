import { useState } from 'preact/hooks';
import type { AssignmentView } from '../../../shared/api/reviews';
import { REVIEW_NOTE_MAX_CHARS } from '../../../shared/api/review-stages';
import { useT } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRecusal } from '../ui/review/recusal';
import { lengthOf } from './scores';
import '../texts/review';

/** Stepping aside during review (回避), with the reason the office and supervisors read; logged and final. */
export function Recusal({ assignment, onRecused }: { assignment: AssignmentView; onRecused: (next: AssignmentView) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { reason, setReason, problem: issue, busy, error, submit: send } = useRecusal(assignment, onRecused);
  const problem =
    issue === 'required' ? t('review.recuse.reasonRequired') : issue === 'tooLong' ? t('review.declare.noteTooLong', { max: REVIEW_NOTE_MAX_CHARS }) : null;

  if (!open) {
    return (
      <p>
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t('review.recuse.open')}
        </button>
      </p>
    );
  }

  return (
    <section class="card" aria-labelledby="recuse-title">
      <h2 id="recuse-title">{t('review.recuse.title')}</h2>
      <p>{t('review.recuse.intro')}</p>
      <form class="review-form" onSubmit={send} noValidate>
        <label for="recuse-reason">{t('review.recuse.reasonLabel')}</label>
        <textarea id="recuse-reason" rows={3} required value={reason} aria-invalid={problem !== null} onInput={(e) => setReason(e.currentTarget.value)} />
        <span class="muted small">{t('review.card.count', { count: lengthOf(reason), max: REVIEW_NOTE_MAX_CHARS })}</span>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <div class="button-row">
          <button type="submit" class="danger" disabled={busy}>
            {t('review.recuse.submit')}
          </button>
          <button type="button" class="secondary" onClick={() => setOpen(false)}>
            {t('review.recuse.cancel')}
          </button>
        </div>
        {error !== null && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
