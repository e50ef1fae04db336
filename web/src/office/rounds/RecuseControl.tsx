import { useState } from 'preact/hooks';
import { REVIEW_NOTE_MAX_CHARS, type AssignmentView } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../texts/office-review';

/** The office logs a recusal on an expert's behalf (DOMAIN.md "Conflicts of interest"): the reason is required and audited. */
export function RecuseControl({ member, onRecused }: { member: AssignmentView; onRecused: (assignment: AssignmentView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `recuse-${member.applicationId}-${member.stage}-${member.reviewerId}`;

  if (!open) {
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        {t('officeReview.recuse.open')}
      </button>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return setProblem(t('officeReview.recuse.required'));
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const assignment = await call('reviews.recuse', {
        params: { applicationId: member.applicationId, stage: member.stage, reviewerId: member.reviewerId },
        body: { reason: text },
      });
      setOpen(false);
      setReason('');
      onRecused(assignment);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form" onSubmit={submit} data-recuse={member.reviewerId}>
      <label for={id}>{t('officeReview.recuse.reason', { name: member.reviewerName, max: REVIEW_NOTE_MAX_CHARS })}</label>
      <textarea id={id} rows={2} maxLength={REVIEW_NOTE_MAX_CHARS} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="stage-move">
        <button type="submit" class="danger" disabled={busy}>
          {t('officeReview.recuse.submit')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setProblem(null);
            setError(null);
          }}
        >
          {t('officeReview.cancel')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
