import type { ComponentChildren } from 'preact';

/**
 * Small SVG charts for the round report and its public summary (issue 12.4), in the same hand-drawn style as the
 * reliability view: plain SVG the page draws itself (no chart library: measured in the README, "The round's report"),
 * each figure hidden from screen readers and paired with a table of the same numbers, which is what prints.
 */

/** A chart (SVG, hidden from screen readers) with the table of its numbers beside it. */
export function ChartFigure({ id, title, hint, tableLabel, chart, table, stacked }: { id: string; title: string; hint?: string; tableLabel: string; chart: ComponentChildren; table: ComponentChildren; stacked?: boolean }) {
  return (
    <section class="card chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p class="muted small">{hint}</p>}
      <div class={stacked ? 'chart-pair chart-pair-stacked' : 'chart-pair'}>
        <figure class="chart" aria-hidden="true">
          {chart}
        </figure>
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{`${title} · ${tableLabel}`}</caption>
            {table}
          </table>
        </div>
      </div>
    </section>
  );
}

/** One row of horizontal bars on a 0…max axis: a light bar for `value`, a darker one for `part` (both drawn from 0). */
export function HBar({ label, value, part, max, text }: { label: string; value: number; part?: number; max: number; text: string }) {
  const w = (v: number) => (max > 0 ? (Math.max(0, v) / max) * 100 : 0);
  return (
    <div class="hbar-row" data-bar={label} data-value={value}>
      <span class="hbar-label">{label}</span>
      <svg class="hbar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" role="presentation">
        <rect x={0} y={1.5} width={Math.max(value > 0 ? 0.6 : 0, w(value))} height={7} class={part === undefined ? 'hbar-main' : 'hbar-back'} />
        {part !== undefined && <rect x={0} y={1.5} width={Math.max(part > 0 ? 0.6 : 0, w(part))} height={7} class="hbar-main" data-part={part} />}
      </svg>
      <span class="hbar-value">{text}</span>
    </div>
  );
}

/** Vertical columns, one per bin, with each bin's count above it and its label below (SVG scales with the page's width). */
export function Columns({ counts, labels, id }: { counts: readonly number[]; labels: readonly string[]; id: string }) {
  const width = 400;
  const height = 150;
  const top = 16;
  const bottom = 22;
  const max = Math.max(1, ...counts);
  const step = width / counts.length;
  return (
    <svg class="columns-svg" viewBox={`0 0 ${width} ${height}`} role="presentation" data-columns={id}>
      <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} class="axis" />
      {counts.map((c, i) => {
        const h = ((height - top - bottom) * c) / max;
        const x = i * step + step * 0.12;
        return (
          <g key={i} data-bin={i} data-count={c}>
            <rect x={x} y={height - bottom - h} width={step * 0.76} height={h} class="column" />
            {c > 0 && (
              <text x={x + step * 0.38} y={height - bottom - h - 3} text-anchor="middle" class="column-count">
                {c}
              </text>
            )}
            <text x={x + step * 0.38} y={height - 6} text-anchor="middle" class="column-label">
              {labels[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
