import { useState } from 'preact/hooks';
import type { RoundReviewsResponse, RoundStageResponse } from '../../../../shared/api/reviews';
import { nextStage } from '../../../../shared/stages/round';
import { ApiError } from '../../api';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { stageLabel } from '../../ui/review/format';
import '../../texts/office-review';

/**
 * "Move to <next stage>", confirmed first: a stage move cannot be undone. It sends the round version
 * the board read, so a move made meanwhile elsewhere is refused (409) instead of repeated; the domain's
 * guards (ELIGIBILITY_PENDING, SHORTLIST_EMPTY …) answer with their message in both languages.
 */
export function MoveStage({ data, onMoved, onStale }: { data: Pick<RoundReviewsResponse, 'roundId' | 'roundStage' | 'roundVersion'>; onMoved: (res: RoundStageResponse) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const to = nextStage(data.roundStage);
  if (!to) return <p class="muted small">{t('officeReview.lastStage')}</p>;

  const move = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await call('rounds.move', { params: { roundId: data.roundId }, body: { to, version: data.roundVersion } });
      setConfirming(false);
      onMoved(res);
    } catch (e) {
      setError(e);
      setConfirming(false);
      // Someone moved the round (or changed it) since the board was read: read it again.
      if (e instanceof ApiError && e.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="stack" data-stage-move={to}>
      {confirming ? (
        <div class="confirm-box" role="group" aria-label={t('officeReview.move', { stage: stageLabel(t, to) })}>
          <p>{t('officeReview.moveConfirm', { from: stageLabel(t, data.roundStage), stage: stageLabel(t, to) })}</p>
          <div class="stage-move">
            <button type="button" class="danger" disabled={busy} onClick={() => void move()}>
              {t('officeReview.confirm')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('officeReview.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="stage-move">
          <button
            type="button"
            onClick={() => {
              setError(null);
              setConfirming(true);
            }}
          >
            {t('officeReview.move', { stage: stageLabel(t, to) })}
          </button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
