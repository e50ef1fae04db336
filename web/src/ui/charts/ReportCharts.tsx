import { Fragment } from 'preact';
import type { StageDistribution } from '../../../../shared/api/report';
import { formatPoints } from '../../../../shared/scoring/exact';
import { useLocale, useT } from '../../i18n';
import { ChartFigure, Columns, HBar } from './Charts';
import './charts.css';

// The funnel is a module of its own, so the public summary can show it before the distributions load. The report
// page takes it from here on purpose: importing it from ./Funnel there made Rolldown split the funnel and the chart
// pieces into two more chunks of the summary's first load (+0.3 KB, over its budget).
export { FunnelChart } from './Funnel';

/** One stage's distribution: the totals as columns of 100 points, and (the two teams' stages) each category's mean as a share of its points. */
export function DistributionChart({ distribution }: { distribution: StageDistribution }) {
  const t = useT();
  const locale = useLocale();
  const stage = t(`report.stage.${distribution.stage}`);
  const { total, categories } = distribution;
  const width = 1000 / total.counts.length;
  const range = (i: number) => t('report.range', { from: i * width, to: (i + 1) * width });
  const name = (c: StageDistribution['categories'][number]) => `${c.categoryId} ${c.name[locale]}`;
  const scored = categories.filter((c) => c.meanHundredths !== undefined);
  return (
    <ChartFigure
      id={`dist-${distribution.stage}`}
      title={t('report.dist.title', { stage })}
      hint={`${t('report.dist.total')} · n = ${total.n}`}
      tableLabel={t('report.chart.table')}
      chart={
        <>
          <Columns id={distribution.stage} counts={total.counts} labels={total.counts.map((_, i) => String(i * width))} />
          {scored.length > 0 && (
            <div class="category-bars">
              <p class="muted small">{t('report.dist.categories')}</p>
              {scored.map((c) => (
                <HBar key={c.categoryId} label={name(c)} value={c.meanHundredths! / 100} max={c.points} text={`${formatPoints(c.meanHundredths!, 1)} / ${c.points}`} />
              ))}
            </div>
          )}
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.col.range')}</th>
              <th scope="col">{t('report.col.applications')}</th>
            </tr>
          </thead>
          <tbody>
            {total.counts.map((c, i) => (
              <tr key={i} data-bin-row={i}>
                <th scope="row">{range(i)}</th>
                <td class="num" data-count>
                  {c}
                </td>
              </tr>
            ))}
          </tbody>
          {scored.length > 0 && (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('report.col.category')}</th>
                  <th scope="col">{t('report.col.mean')}</th>
                </tr>
              </thead>
              <tbody>
                {scored.map((c) => (
                  <tr key={c.categoryId} data-category-row={c.categoryId}>
                    <th scope="row">{name(c)}</th>
                    <td class="num">{`${formatPoints(c.meanHundredths!, 1)} / ${c.points}`}</td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </>
      }
    />
  );
}

/** Each category's scores in bands of 10% of its points (rows: categories; columns: bands), shaded by how many fall in each. */
export function CategoryBands({ distribution }: { distribution: StageDistribution }) {
  const t = useT();
  const locale = useLocale();
  const rows = distribution.categories.filter((c) => c.histogram.n > 0);
  if (rows.length === 0) return null;
  const bands = rows[0]!.histogram.counts.length;
  const max = Math.max(1, ...rows.flatMap((c) => c.histogram.counts));
  const cellW = 30;
  const cellH = 18;
  const labelW = 40;
  const stage = t(`report.stage.${distribution.stage}`);
  const band = (i: number) => `${(i * 100) / bands}–${((i + 1) * 100) / bands}%`;
  return (
    <ChartFigure
      id={`bands-${distribution.stage}`}
      stacked
      title={t('report.bands.title', { stage })}
      hint={t('report.bands.hint')}
      tableLabel={t('report.chart.table')}
      chart={
        <svg class="columns-svg" viewBox={`0 0 ${labelW + bands * cellW} ${(rows.length + 1) * cellH + 4}`} role="presentation">
          {Array.from({ length: bands }, (_, i) => (
            <text key={i} x={labelW + i * cellW + cellW / 2} y={12} text-anchor="middle" class="column-label">
              {(i * 100) / bands}
            </text>
          ))}
          {rows.map((c, r) => (
            <g key={c.categoryId} data-band-row={c.categoryId}>
              <text x={0} y={(r + 1) * cellH + 13} class="column-label">
                {c.categoryId}
              </text>
              {c.histogram.counts.map((n, i) => (
                <g key={i} data-count={n}>
                  <rect x={labelW + i * cellW + 1} y={(r + 1) * cellH + 1} width={cellW - 2} height={cellH - 2} class="band-cell" fill-opacity={n === 0 ? 0.06 : 0.2 + (0.8 * n) / max} />
                  {n > 0 && (
                    <text x={labelW + i * cellW + cellW / 2} y={(r + 1) * cellH + 13} text-anchor="middle" class="band-count">
                      {n}
                    </text>
                  )}
                </g>
              ))}
            </g>
          ))}
        </svg>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.col.category')}</th>
              {Array.from({ length: bands }, (_, i) => (
                <th scope="col" key={i} class="nowrap">
                  {band(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.categoryId} data-band-table-row={c.categoryId}>
                <th scope="row">{`${c.categoryId} ${c.name[locale]}`}</th>
                {c.histogram.counts.map((n, i) => (
                  <td class="num" key={i}>
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}

/** Every stage with scores: its distribution chart; a stage without any score says so. */
export function Distributions({ distributions }: { distributions: readonly StageDistribution[] }) {
  const t = useT();
  return (
    <>
      {distributions.map((d) =>
        d.withheld ? (
          <p class="card" key={d.stage} data-chart-withheld={d.stage}>
            <strong>{t('report.dist.title', { stage: t(`report.stage.${d.stage}`) })}</strong> <span class="muted">{t('report.dist.withheld')}</span>
          </p>
        ) : d.total.n === 0 ? (
          <p class="card" key={d.stage} data-chart-empty={d.stage}>
            <strong>{t('report.dist.title', { stage: t(`report.stage.${d.stage}`) })}</strong> <span class="muted">{t('report.dist.none')}</span>
          </p>
        ) : (
          <Fragment key={d.stage}>
            <DistributionChart distribution={d} />
            <CategoryBands distribution={d} />
          </Fragment>
        ),
      )}
    </>
  );
}
