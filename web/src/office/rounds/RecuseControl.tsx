import type { AssignmentView } from '../../../../shared/api/reviews';
import { REVIEW_NOTE_MAX_CHARS } from '../../../../shared/api/review-stages';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ReasonControl } from '../../ui/review/ReasonControl';
import '../../texts/office-review';

/** The office logs a recusal on an expert's behalf (DOMAIN.md "Conflicts of interest"): the reason is required and audited. */
export function RecuseControl({ member, onRecused }: { member: AssignmentView; onRecused: (assignment: AssignmentView) => void }) {
  const { call } = useAppState();
  const t = useT();
  return (
    <ReasonControl
      id={`recuse-${member.applicationId}-${member.stage}-${member.reviewerId}`}
      texts={{
        open: t('officeReview.recuse.open'),
        label: t('officeReview.recuse.reason', { name: member.reviewerName, max: REVIEW_NOTE_MAX_CHARS }),
        required: t('officeReview.recuse.required'),
        submit: t('officeReview.recuse.submit'),
        cancel: t('officeReview.cancel'),
      }}
      send={(reason) =>
        call('reviews.recuse', { params: { applicationId: member.applicationId, stage: member.stage, reviewerId: member.reviewerId }, body: { reason } })
      }
      onDone={onRecused}
      data={{ form: { 'data-recuse': member.reviewerId } }}
    />
  );
}
