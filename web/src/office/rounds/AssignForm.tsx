import { useState } from 'preact/hooks';
import type { AssignmentView, ConflictView, ReviewStage } from '../../../../shared/api/reviews';
import type { PersonView } from '../../../../shared/api/schemas';
import { isMessageKey } from '../../../../shared/messages/registry';
import { ApiError } from '../../api';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { stageLabel } from '../../ui/review/format';
import '../../texts/team-view';
import '../../texts/office-review';
import '../../texts/terms';

// A refusal for a conflict of interest may name the conflicts found (source and kind); anything else is ignored.
function conflictsOf(error: unknown): ConflictView[] {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT_OF_INTEREST') return [];
  const found = (error.details as { conflicts?: unknown } | undefined)?.conflicts;
  return Array.isArray(found) ? found.filter((c): c is ConflictView => typeof c?.kind === 'string' && typeof c?.source === 'string') : [];
}

/**
 * Assign an expert to one application's team for one stage: an active expert not already on the team,
 * optionally as its leader. The server refuses obvious conflicts (CONFLICT_OF_INTEREST), a second
 * leader (LEADER_TAKEN) and the rest; the refusal is shown as the server words it.
 */
export function AssignForm(props: {
  applicationId: string;
  stage: ReviewStage;
  members: readonly AssignmentView[];
  experts: readonly PersonView[];
  onAssigned: (assignment: AssignmentView) => void;
}) {
  const { applicationId, stage, members, experts, onAssigned } = props;
  const { call } = useAppState();
  const t = useT();
  const [reviewerId, setReviewerId] = useState('');
  const [leader, setLeader] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onTeam = new Set(members.map((m) => m.reviewerId));
  const choices = experts.filter((p) => !onTeam.has(p.personId));
  const currentLeader = members.find((m) => m.leader && m.status !== 'recused' && m.status !== 'conflicted');
  const id = `assign-${applicationId}-${stage}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reviewerId) return setProblem(t('officeReview.assign.chooseFirst'));
    if (!reason.trim()) return setProblem(t('officeReview.assign.reasonFirst'));
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const assignment = await call('reviews.assign', { params: { applicationId }, body: { stage, reviewerId, leader, reason: reason.trim() } });
      setReviewerId('');
      setReason('');
      setLeader(false);
      onAssigned(assignment);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (choices.length === 0) return <p class="muted small">{t('officeReview.assign.noExperts')}</p>;
  const conflicts = conflictsOf(error);
  return (
    <form class="assign-form" onSubmit={submit} data-assign={stage} aria-label={`${t('officeReview.assign.title')} · ${stageLabel(t, stage)}`}>
      <div class="field">
        <label for={`${id}-expert`}>{t('officeReview.assign.expert')}</label>
        <select id={`${id}-expert`} value={reviewerId} onChange={(e) => setReviewerId(e.currentTarget.value)}>
          <option value="">{t('officeReview.assign.choose')}</option>
          {choices.map((p) => (
            <option key={p.personId} value={p.personId}>
              {p.organisation ? `${p.name} · ${p.organisation}` : p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-reason`}>{t('officeReview.assign.reason')}</label>
        <input id={`${id}-reason`} value={reason} maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <label class="check">
        <input type="checkbox" checked={leader} onChange={(e) => setLeader(e.currentTarget.checked)} />
        {t('officeReview.assign.leader')}
      </label>
      <button type="submit" disabled={busy}>
        {t('officeReview.assign.submit')}
      </button>
      {currentLeader && <p class="muted small">{t('officeReview.assign.leaderHint', { name: currentLeader.reviewerName })}</p>}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {conflicts.length > 0 && (
        <ul class="small conflicts">
          {conflicts.map((c, i) => {
            const key = `domain.conflict.${c.kind}`;
            return (
              <li key={i} data-conflict={`${c.source}:${c.kind}`}>
                {isMessageKey(key) ? t(key) : c.kind} ({t(c.source === 'detected' ? 'teamView.source.detected' : 'teamView.source.declared')})
              </li>
            );
          })}
        </ul>
      )}
    </form>
  );
}
