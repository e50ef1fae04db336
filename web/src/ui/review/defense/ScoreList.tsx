import type { DefenseScoreView } from '../../../../../shared/api/defense';
import { formatDateTime, useLocale, useT } from '../../../i18n';
import { formatScore } from '../format';
import '../review.css';
import '../../../texts/defense';

/** Panel members' defense scores with their comments (always text, never HTML); drafts and set-aside scores are marked as such. */
export function ScoreList({ scores }: { scores: readonly DefenseScoreView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul class="member-list defense-scores">
      {scores.map((s) => (
        <li key={s.reviewerId} data-score={s.reviewerId} data-score-status={s.status} {...(s.setAside ? { 'data-set-aside': 'true' } : {})}>
          <div class="member-head">
            <span class="member-name">{s.reviewerName}</span>
            <strong class="defense-score-value" data-points>
              {s.score === undefined ? t('defense.panel.noScore') : t('defense.score.value', { score: formatScore(s.score) })}
            </strong>
            {s.status === 'draft' ? (
              <span class="badge draft-badge" data-draft="true">
                {t('defense.panel.draft')}
              </span>
            ) : (
              s.submittedAt && <span class="muted small">{t('defense.score.submitted', { time: formatDateTime(s.submittedAt, locale) })}</span>
            )}
            {s.setAside && <span class="badge draft-badge">{t('defense.panel.setAside')}</span>}
          </div>
          {s.comment && <p class="user-text small defense-comment">{s.comment}</p>}
        </li>
      ))}
    </ul>
  );
}
