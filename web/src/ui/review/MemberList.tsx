import type { ComponentChildren } from 'preact';
import type { AssignmentStatus, AssignmentView } from '../../../../shared/api/reviews';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { statusLabel } from './format';
import './review.css';
import '../../texts/team-view';

/** Where one expert's assignment stands, as a badge (colour and text: never colour alone). */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const t = useT();
  return (
    <span class={`status-badge status-badge-${status}`} data-status={status}>
      {statusLabel(t, status)}
    </span>
  );
}

/** A team's members: name, leader mark, status, and the recusal with its reason; `actions` adds controls per member (office only). */
export function MemberList({
  members,
  showAssigned = false,
  actions,
}: {
  members: readonly AssignmentView[];
  /** Also say when each member was assigned (the team view). */
  showAssigned?: boolean;
  actions?: ((member: AssignmentView) => ComponentChildren) | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  if (members.length === 0) return <p class="muted small">{t('teamView.noMembers')}</p>;
  return (
    <ul class="member-list">
      {members.map((m) => (
        <li key={m.reviewerId} data-member={m.reviewerId} data-status={m.status}>
          <div class="member-head">
            <span class="member-name">{m.reviewerName}</span>
            {m.leader && (
              <span class="badge leader-badge" data-leader="true">
                {t('teamView.leader')}
              </span>
            )}
            <StatusBadge status={m.status} />
            <span class="badge" data-chosen={m.drawId ? 'drawn' : 'manual'}>
              {t(m.drawId ? 'teamView.drawn' : 'teamView.manual')}
            </span>
            {showAssigned && <span class="muted small">{t('teamView.assignedAt', { at: formatDateTime(m.assignedAt, locale) })}</span>}
          </div>
          {m.manualReason && (
            <p class="small muted" data-manual-reason={m.reviewerId}>
              {t('teamView.manualReason', { reason: m.manualReason })}
            </p>
          )}
          {m.recusal && (
            <p class="recusal small" data-recusal={m.reviewerId}>
              {t('teamView.recusal', { reason: m.recusal.reason, name: m.recusal.byName, at: formatDateTime(m.recusal.at, locale) })}
            </p>
          )}
          {actions?.(m)}
        </li>
      ))}
    </ul>
  );
}
