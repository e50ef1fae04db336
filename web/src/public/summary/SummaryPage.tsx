import { useRoute } from 'preact-iso';
import { ApiError } from '../../api';
import { useLocale, useT } from '../../i18n';
import { useLoad } from '../../review/load';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FunnelChart } from '../../ui/charts/Funnel';
import { deferred } from '../../ui/deferred';
import '../../texts/summary';

// The score distributions come below the funnel, in their own chunk once the summary shows (issue 11); their room is
// kept meanwhile so nothing moves when they arrive.
const LazyDistributions = deferred(() => import('../../ui/charts/ReportCharts').then((m) => m.Distributions));

/**
 * A round's public summary after its announcement (issue 12.4): how many organisations reached each step and how the
 * scores were spread, with the winners as the announcement published them — no other organisation's score. Before the
 * announcement the API answers 404 and the page says the summary comes after it.
 */
export function SummaryPage() {
  const t = useT();
  const locale = useLocale();
  const { call } = useAppState();
  const roundId = useRoute().params.roundId ?? '';
  const [load, reload] = useLoad(
    async () => {
      // The distributions' code loads with the numbers, so they show together.
      const charts = LazyDistributions.preload().catch(() => undefined);
      const summary = await call('report.summary', { params: { roundId } }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
      if (summary) await charts;
      return summary;
    },
    [call, roundId],
  );
  return (
    <div class="stack" data-summary={roundId}>
      {load.state === 'error' ? (
        <ErrorMessage error={load.error} onRetry={reload} />
      ) : load.state === 'loading' ? (
        <p class="muted">{t('site.loading')}</p>
      ) : load.value === null ? (
        <p class="card" data-summary-missing>
          {t('summary.notYet')}
        </p>
      ) : (
        <>
          <h1>{t('summary.title', { round: load.value.roundName[locale] })}</h1>
          <p class="muted">{`${load.value.programmeName[locale]} · ${t('summary.intro')}`}</p>
          <p>
            <a href={`/notices/${encodeURIComponent(roundId)}`}>{t('summary.notice')}</a>
          </p>
          <section class="card" aria-labelledby="summary-winners">
            <h2 id="summary-winners">{t('summary.winners')}</h2>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.col.rank')}</th>
                    <th scope="col">{t('report.col.applicant')}</th>
                    <th scope="col">{t('report.col.district')}</th>
                    <th scope="col">{t('report.col.industry')}</th>
                    <th scope="col">{t('summary.finalScore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {load.value.winners.map((w) => (
                    <tr key={w.organisation.name} data-winner>
                      <td class="num">{w.rank}</td>
                      <th scope="row">{w.organisation.name}</th>
                      <td>{w.organisation.district}</td>
                      <td>{w.organisation.industry}</td>
                      <td class="num">{w.finalScore}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <FunnelChart funnel={load.value.funnel} />
          <div class="deferred-charts">
            <LazyDistributions distributions={load.value.distributions} />
          </div>
        </>
      )}
    </div>
  );
}
