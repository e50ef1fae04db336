import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReviewStage, RoundReviewsResponse } from '../../../../shared/api/reviews';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Board, RoundFacts } from '../../ui/review/Board';
import { showsDefensePanel } from '../../ui/review/defense/DefensePanel';
import { RoundDefense } from '../../ui/review/defense/RoundDefense';
import { stageLabel } from '../../ui/review/format';
import { DeclarationDetails } from '../../ui/review/TeamView';
import { ROUND_STAGES } from '../../../../shared/stages/round';
import { LazyDrawReplay as DrawReplay } from '../../ui/draw/lazy';
import { LazySchedulePanel as SchedulePanel } from '../../ui/schedule/lazy';
import { showsSchedule } from '../../ui/schedule/stages';
import '../../texts/team-view';
import { LazyRemarksSection as RemarksSection } from '../../ui/remarks/lazy';
import '../../texts/round-links';
import '../../texts/report-link';

/** Where a supervisor reads one team's work. */
export const superviseTeamHref = (roundId: string) => (applicationId: string, stage: ReviewStage) =>
  `/supervise/rounds/${encodeURIComponent(roundId)}/reviews/${encodeURIComponent(applicationId)}/${stage}`;

function Declarations({ data, names }: { data: RoundReviewsResponse; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section class="card" aria-labelledby="round-declarations-title">
      <h2 id="round-declarations-title">{t('superviseReview.declarations')}</h2>
      {data.declarations.length === 0 ? (
        <p class="muted">{t('superviseReview.noDeclarations')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table reviews-table">
            <thead>
              <tr>
                <th scope="col">{t('superviseReview.col.when')}</th>
                <th scope="col">{t('superviseReview.col.who')}</th>
                <th scope="col">{t('superviseReview.col.applicant')}</th>
                <th scope="col">{t('superviseReview.col.what')}</th>
              </tr>
            </thead>
            <tbody>
              {data.declarations.map((d) => (
                <tr key={`${d.reviewerId}-${d.applicationId}-${d.declaredAt}`} data-declaration={`${d.reviewerId}/${d.applicationId}`}>
                  <td>{formatDateTime(d.declaredAt, locale)}</td>
                  <td>{d.reviewerName}</td>
                  <td>{names.get(d.applicationId) ?? d.applicationId}</td>
                  <td>
                    <DeclarationDetails declaration={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Recusals({ data, names }: { data: RoundReviewsResponse; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const href = superviseTeamHref(data.roundId);
  return (
    <section class="card" aria-labelledby="round-recusals-title">
      <h2 id="round-recusals-title">{t('superviseReview.recusals')}</h2>
      {data.recusals.length === 0 ? (
        <p class="muted">{t('superviseReview.noRecusals')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table reviews-table">
            <thead>
              <tr>
                <th scope="col">{t('superviseReview.col.when')}</th>
                <th scope="col">{t('superviseReview.col.who')}</th>
                <th scope="col">{t('superviseReview.col.applicant')}</th>
                <th scope="col">{t('superviseReview.col.stage')}</th>
                <th scope="col">{t('superviseReview.col.reason')}</th>
                <th scope="col">{t('superviseReview.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {data.recusals.map((r) => (
                <tr key={`${r.reviewerId}-${r.applicationId}-${r.stage}-${r.at}`} data-recusal={`${r.reviewerId}/${r.applicationId}/${r.stage}`}>
                  <td>{formatDateTime(r.at, locale)}</td>
                  <td>{r.reviewerName}</td>
                  <td>{names.get(r.applicationId) ?? r.applicationId}</td>
                  <td>
                    <a href={href(r.applicationId, r.stage)}>{stageLabel(t, r.stage)}</a>
                  </td>
                  <td class="user-text">{r.reason}</td>
                  <td>{r.byName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The supervisors' overview of a round's reviews, strictly read-only: the board (teams, statuses,
 * cards against the minimum, consensus totals, shortlist), every declaration and every recusal,
 * with a link to each team's work.
 */
export function RoundReviews({ roundId }: { roundId: string }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [data, setData] = useState<RoundReviewsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    call('reviews.round', { params: { roundId } }).then(setData, setError);
  }, [call, roundId]);
  useEffect(load, [load]);

  const names = new Map((data?.applications ?? []).map((a) => [a.applicationId, a.organisation.name]));
  return (
    <div class="stack" data-round-reviews={roundId}>
      <p>
        <a href="/supervise">{t('superviseReview.back')}</a>
      </p>
      {error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !data ? (
        <p class="muted">{t('site.loading')}</p>
      ) : (
        <>
          <section class="card" aria-labelledby="round-reviews-title">
            <h2 id="round-reviews-title">
              {data.roundName[locale]} · {stageLabel(t, data.roundStage)}
            </h2>
            <RoundFacts data={data} />
            <p>
              <a href={`/supervise/rounds/${encodeURIComponent(roundId)}/report`} data-report-link>
                {t('report.link')}
              </a>
            </p>
            {ROUND_STAGES.indexOf(data.roundStage) >= ROUND_STAGES.indexOf('materialReview') && (
              <p>
                <a href={`/supervise/rounds/${encodeURIComponent(roundId)}/reliability`} data-reliability-link>
                  {t('reliability.link')}
                </a>
              </p>
            )}
            {ROUND_STAGES.indexOf(data.roundStage) >= ROUND_STAGES.indexOf('comprehensiveEvaluation') && (
              <p>
                <a href={`/supervise/rounds/${encodeURIComponent(roundId)}/outcome`} data-outcome-link>
                  {t('outcome.link')}
                </a>
              </p>
            )}
          </section>
          <RemarksSection roundId={roundId} />
          <DrawReplay roundId={roundId} />
          <Board data={data} teamHref={superviseTeamHref(roundId)} />
          {showsSchedule(data) && <SchedulePanel roundId={roundId} isAdmin={false} />}
          {showsDefensePanel(data.roundStage) && <RoundDefense roundId={roundId} showDeclarations />}
          <Declarations data={data} names={names} />
          <Recusals data={data} names={names} />
        </>
      )}
    </div>
  );
}
