import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ConsensusDriftView, Reliability, ReviewerLeniencyView, RoundReliabilityResponse, TeamReliabilityView } from '../../../../shared/api/reliability';
import { formatPoints } from '../../../../shared/scoring/exact';
import { useLocale, useT, type Translate } from '../../i18n';
import { itemLabel } from '../../review/scores';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import { stageLabel } from '../review/format';
import '../../texts/reliability';
import './reliability.css';

const MINUS = '−';
/** A signed number with `digits` decimals: +15.0, −5.7, 0.0 (never −0.0). */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : MINUS}${text}`;
}

/** A coefficient with two decimals, or "not enough data" in words — never NaN. */
export function coefficientText(t: Translate, r: Reliability): string {
  if (!r.ok) return t(`reliability.notEnough.${r.reason}`);
  const text = r.value.toFixed(2);
  return r.value < 0 && Number(text) !== 0 ? `${MINUS}${text.slice(1)}` : text.replace('-', '');
}

/** A chart (SVG, hidden from screen readers) with the table of its numbers beside it. */
function ChartWithTable({ id, title, hint, chart, table }: { id: string; title: string; hint?: string; chart: ComponentChildren; table: ComponentChildren }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p class="muted small">{hint}</p>}
      <div class="chart-pair">
        <figure class="chart" aria-hidden="true">
          {chart}
        </figure>
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{`${title} · ${t('reliability.chart.table')}`}</caption>
            {table}
          </table>
        </div>
      </div>
    </section>
  );
}

// One bar on a horizontal axis from `min` to `max` (SVG user units are percents of the row's width).
const x = (value: number, min: number, max: number) => ((value - min) / (max - min)) * 100;

/** A row of a bar chart: the label in HTML, the bar in SVG, on a shared axis with reference lines. */
function BarRow({ label, value, min, max, lines = [], whisker, flagged, text }: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  lines?: readonly number[];
  whisker?: number | null;
  flagged?: boolean;
  text: string;
}) {
  const zero = x(Math.max(min, Math.min(max, 0)), min, max);
  const at = value === null ? zero : x(Math.max(min, Math.min(max, value)), min, max);
  return (
    <div class={`bar-row${flagged ? ' bar-flagged' : ''}`}>
      <span class="bar-label">{label}</span>
      <svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" role="presentation">
        {lines.map((l) => (
          <line key={l} x1={x(l, min, max)} x2={x(l, min, max)} y1={0} y2={10} class="bar-ref" vector-effect="non-scaling-stroke" />
        ))}
        <line x1={zero} x2={zero} y1={0} y2={10} class="bar-axis" vector-effect="non-scaling-stroke" />
        {value !== null && <rect x={Math.min(zero, at)} y={2} width={Math.max(0.5, Math.abs(at - zero))} height={6} class={value < 0 ? 'bar-neg' : 'bar-pos'} />}
        {value !== null && whisker ? (
          <line
            x1={x(Math.max(min, value - whisker), min, max)}
            x2={x(Math.min(max, value + whisker), min, max)}
            y1={5}
            y2={5}
            class="bar-whisker"
            vector-effect="non-scaling-stroke"
          />
        ) : null}
      </svg>
      <span class="bar-value">{text}</span>
    </div>
  );
}

function TeamsChart({ teams }: { teams: readonly TeamReliabilityView[] }) {
  const t = useT();
  const values = teams.flatMap((team) => [team.alpha, team.icc]).flatMap((r) => (r.ok ? [r.value] : []));
  const min = Math.min(0, Math.floor(Math.min(0, ...values) * 10) / 10);
  const name = (team: TeamReliabilityView) => `${team.organisationName} · ${stageLabel(t, team.stage)}`;
  return (
    <ChartWithTable
      id="reliability-teams"
      title={t('reliability.teams.title')}
      chart={teams.map((team) => (
        <div class="bar-group" key={`${team.applicationId}/${team.stage}`} data-team={`${team.applicationId}/${team.stage}`}>
          <p class="bar-group-title">{name(team)}</p>
          <BarRow label="α" value={team.alpha.ok ? team.alpha.value : null} min={min} max={1} lines={[0.667, 0.8]} text={coefficientText(t, team.alpha)} />
          <BarRow label="ICC" value={team.icc.ok ? team.icc.value : null} min={min} max={1} lines={[0.667, 0.8]} text={coefficientText(t, team.icc)} />
        </div>
      ))}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('reliability.col.applicant')}</th>
              <th scope="col">{t('reliability.col.stage')}</th>
              <th scope="col">{t('reliability.col.raters')}</th>
              <th scope="col">{t('reliability.col.alpha')}</th>
              <th scope="col">{t('reliability.col.icc')}</th>
              <th scope="col">{t('reliability.col.consensus')}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={`${team.applicationId}/${team.stage}`} data-team-row={`${team.applicationId}/${team.stage}`}>
                <th scope="row">{team.organisationName}</th>
                <td class="nowrap">{stageLabel(t, team.stage)}</td>
                <td class="num">{team.raters}</td>
                <td class={team.alpha.ok ? 'num' : ''} data-alpha>{coefficientText(t, team.alpha)}</td>
                <td class={team.icc.ok ? 'num' : ''} data-icc>{coefficientText(t, team.icc)}</td>
                <td>{t(team.consensus ? 'reliability.consensus.yes' : 'reliability.consensus.no')}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}

function ReviewersChart({ reviewers, flagOffset }: { reviewers: readonly ReviewerLeniencyView[]; flagOffset: number }) {
  const t = useT();
  const locale = useLocale();
  const reach = Math.max(flagOffset + 5, ...reviewers.map((r) => Math.abs(r.meanOffset ?? 0) + (r.spread ?? 0)));
  const bound = Math.ceil(reach / 5) * 5;
  const offsetText = (r: ReviewerLeniencyView) => (r.meanOffset === null ? t('reliability.noConsensus') : signed(r.meanOffset));
  const items = (r: ReviewerLeniencyView) =>
    r.divergentItems.length === 0 ? t('reliability.none') : r.divergentItems.map((i) => `${itemLabel(i.itemId, locale)} (${signed(i.meanOffset, 0)})`).join('；');
  return (
    <ChartWithTable
      id="reliability-reviewers"
      title={t('reliability.reviewers.title')}
      hint={t('reliability.reviewers.hint', { offset: flagOffset })}
      chart={reviewers.map((r) => (
        <BarRow
          key={r.reviewerId}
          label={r.reviewerName}
          value={r.meanOffset}
          whisker={r.spread}
          min={-bound}
          max={bound}
          lines={[-flagOffset, flagOffset]}
          flagged={r.flagged}
          text={r.flagged ? `${offsetText(r)} ⚑` : offsetText(r)}
        />
      ))}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('reliability.col.reviewer')}</th>
              <th scope="col">{t('reliability.col.cards')}</th>
              <th scope="col">{t('reliability.col.offset')}</th>
              <th scope="col">{t('reliability.col.spread')}</th>
              <th scope="col">{t('reliability.col.flag')}</th>
              <th scope="col">{t('reliability.col.items')}</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.map((r) => (
              <tr key={r.reviewerId} data-reviewer={r.reviewerId} class={r.flagged ? 'row-flagged' : undefined}>
                <th scope="row">{r.reviewerName}</th>
                <td class="num">{r.cards}</td>
                <td class={r.meanOffset === null ? '' : 'num'} data-offset>
                  {offsetText(r)}
                  {r.meanOffset !== null && r.meanOffset !== 0 && <span class="muted small"> {t(r.meanOffset > 0 ? 'reliability.lenient' : 'reliability.severe')}</span>}
                </td>
                <td class="num">{r.spread === null ? '' : r.spread.toFixed(1)}</td>
                <td data-flag>{r.flagged ? <strong class="flag">⚑ {t('reliability.flagged')}</strong> : ''}</td>
                <td>{items(r)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}

function DriftChart({ drift }: { drift: readonly ConsensusDriftView[] }) {
  const t = useT();
  const locale = useLocale();
  const bound = Math.max(50, ...drift.map((d) => Math.ceil(Math.abs(d.totalDrift) / 100 / 50) * 50));
  const points = (hundredths: number) => (hundredths < 0 ? `${MINUS}${formatPoints(-hundredths, 2)}` : hundredths > 0 ? `+${formatPoints(hundredths, 2)}` : formatPoints(0, 2));
  return (
    <ChartWithTable
      id="reliability-drift"
      title={t('reliability.drift.title')}
      hint={t('reliability.drift.hint')}
      chart={drift.map((d) => (
        <BarRow key={d.applicationId} label={d.organisationName} value={d.totalDrift / 100} min={-bound} max={bound} text={points(d.totalDrift)} />
      ))}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('reliability.col.applicant')}</th>
              <th scope="col">{t('reliability.col.material')}</th>
              <th scope="col">{t('reliability.col.onSite')}</th>
              <th scope="col">{t('reliability.col.drift')}</th>
              <th scope="col">{t('reliability.col.itemDrift')}</th>
              <th scope="col">{t('reliability.col.largestItem')}</th>
            </tr>
          </thead>
          <tbody>
            {drift.map((d) => (
              <tr key={d.applicationId} data-drift={d.applicationId}>
                <th scope="row">{d.organisationName}</th>
                <td class="num">{formatPoints(d.materialTotal, 2)}</td>
                <td class="num">{formatPoints(d.onSiteTotal, 2)}</td>
                <td class="num">{points(d.totalDrift)}</td>
                <td class="num">{signed(d.meanItemDrift)}</td>
                <td>{d.largestItem ? `${itemLabel(d.largestItem.itemId, locale)} (${signed(d.largestItem.meanOffset, 0)})` : t('reliability.none')}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}

/**
 * Reviewer reliability (评审一致性) of a round for the office and supervisors: each team's α and ICC(2,1),
 * each reviewer's leniency against the consensus (flagged beyond the round's offset), each applicant's drift
 * from material review to the site visit — every chart with its numbers in a table beside it.
 */
export function ReliabilityPage({ roundId, back }: { roundId: string; back: string }) {
  const { call } = useAppState();
  const t = useT();
  const [data, setData] = useState<RoundReliabilityResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const load = useCallback(() => {
    const ticket = ++latest.current;
    setError(null);
    call('reviews.reliability', { params: { roundId } }).then(
      (res) => ticket === latest.current && setData(res),
      (e: unknown) => ticket === latest.current && setError(e),
    );
  }, [call, roundId]);
  useEffect(load, [load]);

  return (
    <div class="stack" data-reliability={roundId}>
      <p>
        <a href={back}>{t('reliability.back')}</a>
      </p>
      <h2 class="reliability-title">{t('reliability.title')}</h2>
      <p class="muted">{t('reliability.intro')}</p>
      {error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !data ? (
        <p class="muted">{t('site.loading')}</p>
      ) : (
        <>
          {data.teams.length === 0 ? <p class="card">{t('reliability.teams.none')}</p> : <TeamsChart teams={data.teams} />}
          {data.reviewers.every((r) => r.meanOffset === null) ? (
            <p class="card">{t('reliability.reviewers.none')}</p>
          ) : (
            <ReviewersChart reviewers={data.reviewers} flagOffset={data.flagOffset} />
          )}
          {data.drift.length === 0 ? <p class="card">{t('reliability.drift.none')}</p> : <DriftChart drift={data.drift} />}
        </>
      )}
    </div>
  );
}
