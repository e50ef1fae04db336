import type { DefenseSeatStatus } from '../../../../../shared/api/defense';
import { useT } from '../../../i18n';
import '../review.css';
import '../../../texts/defense';

// The seat statuses share the assignment badges' colours: `scoring` is the experts' `active`.
const BADGE_CLASS: Readonly<Record<DefenseSeatStatus, string>> = {
  awaitingDeclaration: 'awaitingDeclaration',
  conflicted: 'conflicted',
  scoring: 'active',
  submitted: 'submitted',
};

/** Where a panel member stands on one application, as a badge (colour and text: never colour alone). */
export function SeatBadge({ status }: { status: DefenseSeatStatus }) {
  const t = useT();
  return (
    <span class={`status-badge status-badge-${BADGE_CLASS[status]}`} data-seat-status={status}>
      {t(`defense.seat.${status}`)}
    </span>
  );
}
