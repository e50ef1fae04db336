import { useState } from 'preact/hooks';
import { REVIEW_NOTE_MAX_CHARS, type AssignmentView } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useRecusal } from '../../ui/review/recusal';
import '../../texts/office-review';

/** The office logs a recusal on an expert's behalf (DOMAIN.md "Conflicts of interest"): the reason is required and audited. */
export function RecuseControl({ member, onRecused }: { member: AssignmentView; onRecused: (assignment: AssignmentView) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { reason, setReason, problem: issue, busy, error, submit, reset } = useRecusal(member, (assignment) => {
    setOpen(false);
    onRecused(assignment);
  });
  // The textarea's maxLength keeps the reason within the limit, so the only problem left is a blank one.
  const problem = issue === null ? null : t('officeReview.recuse.required');
  const id = `recuse-${member.applicationId}-${member.stage}-${member.reviewerId}`;

  if (!open) {
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        {t('officeReview.recuse.open')}
      </button>
    );
  }

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
            reset();
          }}
        >
          {t('officeReview.cancel')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
