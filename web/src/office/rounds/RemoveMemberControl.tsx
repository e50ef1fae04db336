import type { PanelMemberView } from '../../../../shared/api/defense';
import { REVIEW_NOTE_MAX_CHARS } from '../../../../shared/api/review-stages';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ReasonControl } from '../../ui/review/ReasonControl';
import '../../texts/defense';

/**
 * The office takes a member off the round's defense panel (absent, revoked, a conflict found late): the reason is
 * required and audited as a recusal; their seats stop counting and their scores are set aside.
 */
export function RemoveMemberControl({ member, onRemoved }: { member: PanelMemberView; onRemoved: (member: PanelMemberView) => void }) {
  const { call } = useAppState();
  const t = useT();
  return (
    <ReasonControl
      id={`panel-remove-${member.reviewerId}`}
      texts={{
        open: t('defense.panel.remove.open'),
        label: t('defense.panel.remove.reason', { name: member.reviewerName, max: REVIEW_NOTE_MAX_CHARS }),
        required: t('defense.panel.remove.required'),
        submit: t('defense.panel.remove.submit'),
        cancel: t('defense.panel.remove.cancel'),
      }}
      send={(reason) => call('defense.removeMember', { params: { roundId: member.roundId, reviewerId: member.reviewerId }, body: { reason } })}
      onDone={onRemoved}
      data={{ button: { 'data-remove-member': member.reviewerId }, form: { 'data-remove-form': member.reviewerId } }}
    />
  );
}
