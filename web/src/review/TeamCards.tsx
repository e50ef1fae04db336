import type { AssignmentView, DivergenceView, ScorecardView, TeamReviewResponse } from '../../../shared/api/reviews';
import type { Criteria } from '../../../shared/criteria';
import { formatMoment } from '../apply/format';
import { useLocale, useT, type Translate } from '../i18n';
import { REVIEW_CRITERIA, showMax, showPoints } from './scores';
import './review.css'; // its table styles come along when the office or supervisors reuse it

const statusText = (t: Translate, member: AssignmentView): string => t(`review.status.${member.status}`);

function Comments({ strengths, opportunities }: { strengths: string; opportunities: string }) {
  const t = useT();
  if (!strengths && !opportunities) return null;
  return (
    <details class="team-comments">
      <summary>{t('review.team.comments')}</summary>
      {strengths && (
        <p>
          <strong>{t('review.labelled', { label: t('review.card.strengths') })}</strong> <span class="applicant-text">{strengths}</span>
        </p>
      )}
      {opportunities && (
        <p>
          <strong>{t('review.labelled', { label: t('review.card.opportunities') })}</strong> <span class="applicant-text">{opportunities}</span>
        </p>
      )}
    </details>
  );
}

/**
 * One team's cards side by side per item (read-only): each member's
 * percentage with their strengths and opportunities, divergence flags
 * highlighted, and the consensus once recorded. Used by the experts' area;
 * the office's and supervisors' pages can show the same response.
 */
export function TeamCards({ team, criteria = REVIEW_CRITERIA }: { team: TeamReviewResponse; criteria?: Criteria }) {
  const t = useT();
  const locale = useLocale();
  const flags = new Map<string, DivergenceView>(team.flags.map((f) => [f.itemId, f]));
  const cards: readonly ScorecardView[] = team.scorecards;
  const consensus = team.consensus;
  const columns = cards.length + 2 + (consensus ? 1 : 0);
  return (
    <div class="team-cards" data-team={`${team.applicationId}/${team.stage}`}>
      <h3>{t('review.team.members')}</h3>
      <ul class="team-members">
        {team.members.map((m) => (
          <li key={m.reviewerId} data-member={m.reviewerId} data-member-status={m.status}>
            <span>{m.reviewerName}</span> {m.leader && <span class="badge leader-badge">{t('review.leader')}</span>}{' '}
            <span class="muted small">{statusText(t, m)}</span>
            {m.recusal && (
              <span class="muted small">
                {' '}
                {t('review.labelled', { label: t('review.recuse.reason') })} <span class="applicant-text">{m.recusal.reason}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      <p class="muted small">{t('review.team.intro', { threshold: team.divergenceThreshold })}</p>
      {cards.length === 0 && !consensus ? (
        <p class="muted">{t('review.team.noCards')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table team-table">
            <thead>
              <tr>
                <th scope="col">{t('review.team.item')}</th>
                {cards.map((card) => (
                  <th scope="col" key={card.reviewerId} data-card-of={card.reviewerId}>
                    {card.reviewerName}
                    {card.status === 'draft' && <span class="muted small"> {t('review.team.draft')}</span>}
                  </th>
                ))}
                <th scope="col">{t('review.team.flagColumn')}</th>
                {consensus && <th scope="col">{t('review.team.consensus')}</th>}
              </tr>
            </thead>
            <tbody>
              {criteria.categories.map((category) => [
                <tr key={category.id} class="category-row">
                  <th scope="colgroup" colSpan={columns}>
                    {category.id} {category.name[locale]} <span class="muted small">({showMax(category.points)})</span>
                  </th>
                </tr>,
                ...category.items.map((item) => {
                  const flag = flags.get(item.id);
                  const agreed = consensus?.items[item.id];
                  return (
                    <tr key={item.id} class={flag ? 'flagged' : undefined} data-team-item={item.id} data-flagged={flag ? 'true' : undefined}>
                      <th scope="row" class="wrap">
                        {item.id} {item.name[locale]} <span class="muted small">({showMax(item.points)})</span>
                      </th>
                      {cards.map((card) => {
                        const entry = card.items[item.id];
                        return (
                          <td key={card.reviewerId} class="wrap">
                            <span class="team-percent">{entry?.percent === undefined ? '—' : `${entry.percent}%`}</span>
                            {entry && <Comments strengths={entry.strengths} opportunities={entry.opportunities} />}
                          </td>
                        );
                      })}
                      <td class="wrap">{flag && <strong class="flag">{t('review.team.flag', { spread: flag.spread, min: flag.min, max: flag.max })}</strong>}</td>
                      {consensus && (
                        <td class="wrap" data-consensus-item={item.id}>
                          <strong>{agreed ? `${agreed.percent}%` : '—'}</strong>
                          {agreed?.rationale && (
                            <p class="small">
                              {t('review.labelled', { label: t('review.team.rationale') })} <span class="applicant-text">{agreed.rationale}</span>
                            </p>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                }),
              ])}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('review.team.total')}</th>
                {cards.map((card) => (
                  <td key={card.reviewerId} data-card-total={card.reviewerId}>
                    {card.total === undefined ? '—' : showPoints(card.total)}
                  </td>
                ))}
                <td />
                {consensus && (
                  <td data-consensus-total>
                    <strong>{showPoints(consensus.total)}</strong>
                  </td>
                )}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {consensus && (
        <p class="small" data-consensus-recorded>
          {t('review.team.recordedBy', { name: consensus.recordedByName, time: formatMoment(consensus.recordedAt, locale), count: consensus.basedOn })}
        </p>
      )}
    </div>
  );
}
