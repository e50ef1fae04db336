import type { MyDefenseResponse } from '../../../../shared/api/defense';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SeatBadge } from '../../ui/review/defense/SeatBadge';
import { useLoad } from '../load';
import '../../texts/review';
import '../../texts/defense';
import '../../texts/terms';


/** The path of the deliberator's page for one application. */
export const defensePath = (applicationId: string) => `/review/defense/${encodeURIComponent(applicationId)}`;

/** The deliberator's panels, newest round first (as the server sends them), each application with the seat's status. */
export function DefenseList() {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const [list, load] = useLoad(() => state.call('defense.mine').then((res) => res.rounds), [state]);

  const roundName = (roundId: string) =>
    state.programmes.value?.flatMap((p) => p.rounds).find((r) => r.roundId === roundId)?.name[locale] ?? roundId;

  let body;
  if (list.state === 'loading') body = <p class="muted">{t('site.loading')}</p>;
  else if (list.state === 'error') body = <ErrorMessage error={list.error} onRetry={load} />;
  else if (list.value.length === 0) body = <p data-testid="no-panels">{t('defense.list.empty')}</p>;
  else
    body = list.value.map((round) => (
      <section key={round.roundId} class="card review-round" data-round={round.roundId}>
        <h2>{t('defense.list.round', { name: roundName(round.roundId) })}</h2>
        <p class="muted small">{t(`domain.stage.${round.roundStage}`)}</p>
        {round.applications.length === 0 ? (
          <p class="muted">{t('defense.list.noApplications')}</p>
        ) : (
          <ul class="assignment-list">
            {round.applications.map((a) => (
              <li key={a.applicationId} class="assignment" data-defense={a.applicationId} data-status={a.status}>
                <div class="assignment-main">
                  <a href={defensePath(a.applicationId)} class="assignment-name">
                    {a.organisation.name}
                  </a>
                  <div class="muted small">{t('review.material.district', { district: a.organisation.district, industry: a.organisation.industry })}</div>
                </div>
                <div class="assignment-status">
                  <SeatBadge status={a.status} />
                </div>
                <a class="button small-button" href={defensePath(a.applicationId)}>
                  {a.status === 'awaitingDeclaration' ? t('defense.list.declare') : a.status === 'scoring' ? t('defense.list.score') : t('defense.list.view')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    ));

  return (
    <div class="stack review">
      <h1 id="review-title">{t('defense.list.title')}</h1>
      <p class="muted">{t('defense.list.intro')}</p>
      {body}
    </div>
  );
}
