import type { FunnelStep } from '../../../../shared/api/report';
import { formatShare } from '../../../../shared/report/report';
import { useT } from '../../i18n';
import { ChartFigure, HBar } from './Charts';
import './charts.css';

/** The funnel: each step's count as a bar on the scale of the first step, with its share of the step before (chart and table). */
export function FunnelChart({ funnel }: { funnel: readonly FunnelStep[] }) {
  const t = useT();
  const max = funnel[0]?.count ?? 0;
  const share = (s: FunnelStep) => (s.sharePerMille === undefined ? '' : formatShare(s.sharePerMille));
  return (
    <ChartFigure
      id="funnel"
      title={t('report.funnel.title')}
      hint={t('report.funnel.hint')}
      tableLabel={t('report.chart.table')}
      chart={funnel.map((s) => (
        <HBar key={s.step} label={t(`report.step.${s.step}`)} value={s.count} max={max} text={s.sharePerMille === undefined ? String(s.count) : `${s.count} · ${share(s)}`} />
      ))}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.col.step')}</th>
              <th scope="col">{t('report.col.count')}</th>
              <th scope="col">{t('report.col.share')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((s) => (
              <tr key={s.step} data-step={s.step}>
                <th scope="row">{t(`report.step.${s.step}`)}</th>
                <td class="num" data-count>
                  {s.count}
                </td>
                <td class="num" data-share>
                  {share(s)}
                </td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}
