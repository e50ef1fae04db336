import type { RoundReviewsResponse } from '../../../../shared/api/reviews';
import { REVIEW_STAGES, STEPPED_ASIDE } from '../../../../shared/api/review-stages';
import { useLocale, useT } from '../../i18n';
import { stageLabel } from '../review/format';
import '../../texts/pool';
import '../../office/pool/pool.css';

/** One expert's assignments in the round, per review stage. */
export interface ExpertLoadRow {
  readonly reviewerId: string;
  readonly name: string;
  readonly byStage: Readonly<Record<string, number>>;
  readonly total: number;
}

/** Each expert's assignments in a round, counted from the board's teams, most loaded first (then by name). */
export function expertLoads(data: Pick<RoundReviewsResponse, 'applications'>, locale: string): ExpertLoadRow[] {
  const rows = new Map<string, { name: string; byStage: Record<string, number>; total: number }>();
  for (const app of data.applications) {
    for (const [stage, team] of Object.entries(app.stages)) {
      for (const member of team?.members ?? []) {
        if (STEPPED_ASIDE.has(member.status)) continue;
        const row = rows.get(member.reviewerId) ?? { name: member.reviewerName, byStage: {}, total: 0 };
        row.byStage[stage] = (row.byStage[stage] ?? 0) + 1;
        row.total += 1;
        rows.set(member.reviewerId, row);
      }
    }
  }
  return [...rows]
    .map(([reviewerId, row]) => ({ reviewerId, ...row }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, locale));
}

/**
 * The office's view of the experts' load in a round (issue 13.1): each expert's assignments per stage and in all,
 * against the round's load cap (its configuration's `draw.loadCap`, which the board reads once; without it the counts
 * still show), those at the cap marked. Counted from the
 * board's own data, so it always agrees with the teams shown below it.
 */
export function ExpertLoad({ cap, data }: { cap: number | null; data: Pick<RoundReviewsResponse, 'applications'> }) {
  const t = useT();
  const locale = useLocale();
  const rows = expertLoads(data, locale);
  const stages = REVIEW_STAGES.filter((stage) => rows.some((row) => row.byStage[stage]));
  return (
    <details class="card expert-load" data-expert-load>
      <summary>
        <h2>{t('draw.load.title')}</h2>
      </summary>
      <p class="muted small">{t('draw.load.hint')}</p>
      {cap !== null && <p data-load-cap={cap}>{t('draw.load.cap', { cap })}</p>}
      {rows.length === 0 ? (
        <p>{t('draw.load.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('draw.load.expert')}</th>
                {stages.map((stage) => (
                  <th key={stage} scope="col" class="num">
                    {stageLabel(t, stage)}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t('draw.load.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.reviewerId} data-load-of={row.reviewerId} data-load-total={row.total}>
                  <th scope="row">
                    {row.name}
                    {cap !== null && row.total >= cap && (
                      <>
                        {' '}
                        <span class="badge" data-at-cap>
                          {t('draw.load.atCap')}
                        </span>
                      </>
                    )}
                  </th>
                  {stages.map((stage) => (
                    <td key={stage} class="num">
                      {row.byStage[stage] ?? 0}
                    </td>
                  ))}
                  <td class="num">{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
