// Only the office's and supervisors' report draws how ranks moved: apart from the other charts, so the public summary
// does not load it (issue 11).
/** Lines across columns (stages), one per series, by rank (1 at the top): how each applicant's rank moved. */
export function RankLines({ columns, series, maxRank }: { columns: readonly string[]; series: readonly { id: string; label: string; ranks: readonly (number | undefined)[] }[]; maxRank: number }) {
  const width = 400;
  const rowH = 14;
  const top = 18;
  const height = top + Math.max(1, maxRank) * rowH + 6;
  const left = 24;
  const right = 24;
  const colX = (i: number) => left + (columns.length > 1 ? (i * (width - left - right)) / (columns.length - 1) : 0);
  const y = (rank: number) => top + (rank - 0.5) * rowH;
  return (
    <svg class="ranks-svg" viewBox={`0 0 ${width} ${height}`} role="presentation">
      {columns.map((c, i) => (
        <g key={c}>
          <line x1={colX(i)} x2={colX(i)} y1={top - 2} y2={height - 4} class="axis-light" />
          <text x={colX(i)} y={11} text-anchor={i === 0 ? 'start' : i === columns.length - 1 ? 'end' : 'middle'} class="column-label">
            {c}
          </text>
        </g>
      ))}
      {series.map((s, n) => {
        const points = s.ranks.flatMap((r, i) => (r === undefined ? [] : [`${colX(i)},${y(r)}`]));
        return (
          <g key={s.id} class={`rank-line rank-line-${n % 6}`} data-series={s.id}>
            {points.length > 1 && <polyline points={points.join(' ')} fill="none" />}
            {s.ranks.map((r, i) => (r === undefined ? null : <circle key={i} cx={colX(i)} cy={y(r)} r={3} />))}
            {s.ranks[0] !== undefined && (
              <text x={colX(0) - 6} y={y(s.ranks[0]) + 3} text-anchor="end" class="rank-num">
                {s.ranks[0]}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
