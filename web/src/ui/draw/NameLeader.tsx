import { useState } from 'preact/hooks';
import type { TeamReviewResponse } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import '../../texts/pool';

/** The office names another leader of a drawn team, with why (only a member still on the team; audited). */
export function NameLeader({ team, onNamed }: { team: TeamReviewResponse; onNamed: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const candidates = team.members.filter((m) => m.drawId && !m.leader && m.status !== 'recused' && m.status !== 'conflicted');
  const [reviewerId, setReviewerId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  if (candidates.length === 0) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reviewerId || !reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      await call('draws.leader', { params: { applicationId: team.applicationId, stage: team.stage }, body: { reviewerId, reason: reason.trim() } });
      onNamed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card stack" aria-labelledby="name-leader-title" data-name-leader>
      <h2 id="name-leader-title">{t('draw.leaderByHand.title')}</h2>
      <p class="muted small">{t('draw.leaderByHand.note')}</p>
      <form class="draw-form" onSubmit={submit} noValidate>
        <label>
          {t('draw.leaderByHand.member')}
          <select value={reviewerId} onChange={(e) => setReviewerId((e.currentTarget as HTMLSelectElement).value)} data-name-leader-member>
            <option value="">{t('draw.leaderByHand.choose')}</option>
            {candidates.map((m) => (
              <option value={m.reviewerId}>{m.reviewerName}</option>
            ))}
          </select>
        </label>
        <label>
          {t('draw.leaderByHand.reason')}
          <input value={reason} maxLength={500} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} data-name-leader-reason />
        </label>
        <button type="submit" disabled={busy} data-name-leader-save>
          {t('draw.leaderByHand.save')}
        </button>
      </form>
      {missing && (
        <p class="error" role="alert">
          {t('draw.leaderByHand.missing')}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
