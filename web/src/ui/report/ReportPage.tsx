import { useState } from 'preact/hooks';
import type { BreakdownDimension, BreakdownRow, RoundExportResponse, RoundReportResponse } from '../../../../shared/api/report';
import { formatPoints, formatScaled } from '../../../../shared/scoring/exact';
import { isMessageKey } from '../../../../shared/messages/registry';
import { useLocale, useT, type Translate } from '../../i18n';
import { useLoad } from '../../review/load';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import { downloadCsv, downloadWorkbook } from '../export/workbook';
import { ChartFigure, HBar } from '../charts/Charts';
import { RankLines } from '../charts/RankLines';
import { Distributions, FunnelChart } from '../charts/ReportCharts';
import '../../texts/terms';
import '../../texts/report';
import './report.css';

/** A value of a breakdown in words: a size by its name (大型 …), a district or industry as the profile stores it. */
function valueLabel(t: Translate, dimension: BreakdownDimension, value: string): string {
  const key = `application.size.${value}`;
  return dimension === 'size' && isMessageKey(key) ? t(key) : value;
}

function Breakdown({ dimension, rows }: { dimension: BreakdownDimension; rows: readonly BreakdownRow[] }) {
  const t = useT();
  const name = t(`report.col.${dimension}`);
  const max = Math.max(0, ...rows.map((r) => r.counts.registered));
  const steps = ['registered', 'submitted', 'eligible', 'shortlisted', 'candidates', 'awarded'] as const;
  return (
    <ChartFigure
      id={`breakdown-${dimension}`}
      title={t('report.breakdown.title', { dimension: name })}
      hint={t('report.breakdown.hint')}
      tableLabel={t('report.chart.table')}
      chart={rows.map((r) => (
        <HBar key={r.value} label={valueLabel(t, dimension, r.value)} value={r.counts.registered} part={r.counts.submitted} max={max} text={`${r.counts.submitted} / ${r.counts.registered}`} />
      ))}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{name}</th>
              {steps.map((s) => (
                <th scope="col" key={s}>
                  {t(`report.step.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.value} data-group={r.value}>
                <th scope="row">{valueLabel(t, dimension, r.value)}</th>
                {steps.map((s) => (
                  <td class="num" key={s} data-step={s}>
                    {r.counts[s]}
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

const STAGE_COLUMNS = ['materialReview', 'onSite', 'defense', 'final'] as const;

function Movements({ movements }: { movements: RoundReportResponse['movements'] }) {
  const t = useT();
  if (movements.length === 0) return <p class="card">{t('report.movements.none')}</p>;
  const maxRank = Math.max(1, ...movements.flatMap((m) => Object.values(m.ranks)));
  const score = (m: RoundReportResponse['movements'][number], stage: (typeof STAGE_COLUMNS)[number]) => {
    const value = stage === 'materialReview' ? m.material : stage === 'onSite' ? m.onSite : stage === 'defense' ? m.defense : m.final;
    if (value === undefined) return '';
    return stage === 'final' ? formatScaled(value, 5, 2) : formatPoints(value, 2);
  };
  return (
    <ChartFigure
      id="movements"
      title={t('report.movements.title')}
      hint={t('report.movements.hint')}
      tableLabel={t('report.chart.table')}
      chart={
        <RankLines
          columns={STAGE_COLUMNS.map((s) => t(`report.stage.${s}`))}
          maxRank={maxRank}
          series={movements.map((m) => ({ id: m.applicationId, label: m.organisationName, ranks: STAGE_COLUMNS.map((s) => m.ranks[s]) }))}
        />
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.col.applicant')}</th>
              {STAGE_COLUMNS.map((s) => (
                <th scope="col" key={s}>
                  {t(`report.stage.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {movements.map((m, n) => (
              <tr key={m.applicationId} data-movement={m.applicationId}>
                <th scope="row">
                  <span class={`swatch swatch-${n % 6}`} aria-hidden="true" />
                  {m.organisationName}
                </th>
                {STAGE_COLUMNS.map((s) => (
                  <td key={s} class="num nowrap" data-stage={s}>
                    {m.ranks[s] === undefined ? '' : t('report.scoreRank', { score: score(m, s), rank: m.ranks[s]! })}
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

/** The export: the workbook (write-excel-file, loaded on the click) and one CSV per sheet, from one read of the round's records. */
function ExportPanel({ roundId }: { roundId: string }) {
  const t = useT();
  const { call } = useAppState();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sheets, setSheets] = useState<RoundExportResponse | null>(null);
  const read = async (): Promise<RoundExportResponse> => {
    if (sheets) return sheets;
    const res = await call('report.export', { params: { roundId } });
    setSheets(res);
    return res;
  };
  const run = async (write: (data: RoundExportResponse) => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await write(await read()));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const xlsx = () =>
    run(async (data) => {
      await downloadWorkbook(data.fileName, data.sheets);
      return `${data.fileName}.xlsx`;
    });
  const csv = (key: string) =>
    run(async (data) => {
      const sheet = data.sheets.find((s) => s.key === key)!;
      const name = `${data.fileName}-${sheet.name}`;
      downloadCsv(name, sheet);
      return `${name}.csv`;
    });
  const keys = ['scores', 'consensus', 'ranking', 'opinions', 'votes', 'objections'] as const;
  return (
    <section class="card no-print" aria-labelledby="report-export-title" data-export>
      <h2 id="report-export-title">{t('report.export.title')}</h2>
      <p class="muted small">{t('report.export.hint')}</p>
      <p>
        <button type="button" onClick={xlsx} disabled={busy} data-export-xlsx>
          {t('report.export.xlsx')}
        </button>
      </p>
      <ul class="export-csv">
        {keys.map((key) => (
          <li key={key}>
            <button type="button" class="secondary" onClick={() => csv(key)} disabled={busy} data-export-csv={key}>
              {t('report.export.csv', { sheet: t(`report.sheet.${key}`) })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class="muted small">
        {busy ? t('report.export.busy') : done ? t('report.export.done', { file: done }) : ''}
      </p>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}

/**
 * The round's report (issue 12.4) for the office and supervisors: the funnel, breakdowns by district, industry and size,
 * score distributions per stage, how ranks moved — each chart with its numbers as a table — and the export.
 */
export function ReportPage({ roundId, base }: { roundId: string; base: string }) {
  const t = useT();
  const locale = useLocale();
  const { call } = useAppState();
  const [load, reload] = useLoad(() => call('report.round', { params: { roundId } }), [call, roundId]);
  const round = `${base}/rounds/${encodeURIComponent(roundId)}`;
  return (
    <div class="stack report-page" data-report={roundId}>
      <p class="no-print">
        <a href={round}>{t('report.back')}</a>
      </p>
      {load.state === 'error' ? (
        <ErrorMessage error={load.error} onRetry={reload} />
      ) : load.state === 'loading' ? (
        <p class="muted">{t('site.loading')}</p>
      ) : (
        <>
          <h2 class="report-title">{`${load.value.roundName[locale]} · ${t('report.title')}`}</h2>
          <p class="muted">{t('report.intro')}</p>
          <p class="no-print">
            <a href={`${round}/papers`} data-papers-link>
              {t('report.papers.link')}
            </a>
          </p>
          <FunnelChart funnel={load.value.funnel} />
          {(['district', 'industry', 'size'] as const).map((d) => (
            <Breakdown key={d} dimension={d} rows={load.value.breakdowns[d]} />
          ))}
          <Distributions distributions={load.value.distributions} />
          <Movements movements={load.value.movements} />
          <ExportPanel roundId={roundId} />
        </>
      )}
    </div>
  );
}
