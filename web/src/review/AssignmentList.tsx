import type { MyAssignmentsResponse } from '../../../shared/api/reviews';
import { REVIEW_STAGES } from '../../../shared/api/review-stages';
import { useLocale, useT, type Translate } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { REVIEW_CRITERIA } from './scores';
import { useLoad } from './load';
import '../texts/review';
import '../texts/terms';

/** One of the expert's assignments as reviews.mine answers it. */
export type MyAssignment = MyAssignmentsResponse['assignments'][number];


/** Where an assignment stands, in words ("Scoring: 5 of 23 items"). */
export function assignmentStatus(t: Translate, a: MyAssignment): string {
  if (a.status === 'active') return t('review.status.scoring', { scored: a.card?.scored ?? 0, total: REVIEW_CRITERIA.items.length });
  return t(`review.status.${a.status}`);
}

/** The path of an assignment's page. */
export const assignmentPath = (a: { applicationId: string; stage: string }) => `/review/${encodeURIComponent(a.applicationId)}/${encodeURIComponent(a.stage)}`;

/** The expert's assignments, grouped by round (newest first, as the server sends them) and stage. */
export function AssignmentList() {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const [list, load] = useLoad(() => state.call('reviews.mine').then((res) => res.assignments), [state]);

  const roundName = (roundId: string) =>
    state.programmes.value?.flatMap((p) => p.rounds).find((r) => r.roundId === roundId)?.name[locale] ?? roundId;

  let body;
  if (list.state === 'loading') body = <p class="muted">{t('site.loading')}</p>;
  else if (list.state === 'error') body = <ErrorMessage error={list.error} onRetry={load} />;
  else if (list.value.length === 0) body = <p data-testid="no-assignments">{t('review.list.empty')}</p>;
  else {
    const rounds: string[] = [];
    for (const a of list.value) if (!rounds.includes(a.roundId)) rounds.push(a.roundId);
    body = rounds.map((roundId) => (
      <section key={roundId} class="card review-round" data-round={roundId}>
        <h2>{t('review.list.round', { name: roundName(roundId) })}</h2>
        {REVIEW_STAGES.map((stage) => {
          const items = list.value.filter((a) => a.roundId === roundId && a.stage === stage);
          if (items.length === 0) return null;
          return (
            <div key={stage} class="review-stage" data-stage={stage}>
              <h3>{t(`domain.stage.${stage}`)}</h3>
              <ul class="assignment-list">
                {items.map((a) => (
                  <li key={`${a.applicationId}/${a.stage}`} class="assignment" data-assignment={a.applicationId} data-status={a.status}>
                    <div class="assignment-main">
                      <a href={assignmentPath(a)} class="assignment-name">
                        {a.organisation.name}
                      </a>{' '}
                      {a.leader && <span class="badge leader-badge">{t('review.leader')}</span>}
                      <div class="muted small">{t('review.material.district', { district: a.organisation.district, industry: a.organisation.industry })}</div>
                    </div>
                    <div class="assignment-status">
                      <span class={`status status-${a.status}`} data-assignment-status>
                        {assignmentStatus(t, a)}
                      </span>
                      {a.status === 'active' && a.roundStage !== a.stage && <span class="muted small"> · {t('review.status.stageClosed')}</span>}
                      {a.consensusRecorded && <span class="badge consensus-badge">{t('review.consensusRecorded')}</span>}
                    </div>
                    <a class="button small-button" href={assignmentPath(a)}>
                      {a.status === 'awaitingDeclaration' ? t('review.list.declare') : a.status === 'active' ? t('review.list.score') : t('review.list.view')}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    ));
  }

  return (
    <div class="stack review">
      <h1 id="review-title">{t('review.list.title')}</h1>
      <p class="muted">{t('review.list.intro')}</p>
      {body}
    </div>
  );
}
