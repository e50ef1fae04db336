import { useState } from 'preact/hooks';
import type { PanelMemberView } from '../../../../shared/api/defense';
import { REVIEW_NOTE_MAX_CHARS } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useReasonForm } from '../../ui/review/recusal';
import '../../texts/defense';

/**
 * The office takes a member off the round's defense panel (absent, revoked, a conflict found late): the reason is
 * required and audited as a recusal; their seats stop counting and their scores are set aside.
 */
export function RemoveMemberControl({ member, onRemoved }: { member: PanelMemberView; onRemoved: (member: PanelMemberView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [open, setOpen] = useState(false);
  const { reason, setReason, problem: issue, busy, error, submit, reset } = useReasonForm(
    (text) => call('defense.removeMember', { params: { roundId: member.roundId, reviewerId: member.reviewerId }, body: { reason: text } }),
    (removed) => {
      setOpen(false);
      onRemoved(removed);
    },
  );
  // The textarea's maxLength keeps the reason within the limit, so the only problem left is a blank one.
  const problem = issue === null ? null : t('defense.panel.remove.required');
  const id = `panel-remove-${member.reviewerId}`;

  if (!open) {
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)} data-remove-member={member.reviewerId}>
        {t('defense.panel.remove.open')}
      </button>
    );
  }

  return (
    <form class="inline-form" onSubmit={submit} data-remove-form={member.reviewerId}>
      <label for={id}>{t('defense.panel.remove.reason', { name: member.reviewerName, max: REVIEW_NOTE_MAX_CHARS })}</label>
      <textarea id={id} rows={2} maxLength={REVIEW_NOTE_MAX_CHARS} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="stage-move">
        <button type="submit" class="danger" disabled={busy}>
          {t('defense.panel.remove.submit')}
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
          {t('defense.panel.remove.cancel')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
