import type { ComponentChildren } from 'preact';
import type { ApplicationReviewSummary, AssignmentView, RoundReviewsResponse } from '../../../../shared/api/reviews';
import { REVIEW_STAGES, type ReviewStage } from '../../../../shared/api/review-stages';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { formatScore, stageLabel } from './format';
import { MemberList } from './MemberList';
import './review.css';
import '../../texts/team-view';

/** Controls the office adds to the board; the supervisors' board gets none. */
export interface BoardActions {
  /** Under a team: the assign form. */
  readonly team?: (app: ApplicationReviewSummary, stage: ReviewStage) => ComponentChildren;
  /** Beside a member: recusal on their behalf. */
  readonly member?: (app: ApplicationReviewSummary, stage: ReviewStage, member: AssignmentView) => ComponentChildren;
}

// The on-site team exists only for shortlisted applications (DOMAIN.md stage 5); show it once there is one or it may be formed.
function stagesShown(app: ApplicationReviewSummary): ReviewStage[] {
  return REVIEW_STAGES.filter((s) => s === 'materialReview' || app.stages[s] !== undefined || app.shortlist?.shortlisted === true);
}

function ShortlistMark({ app }: { app: ApplicationReviewSummary }) {
  const t = useT();
  if (!app.shortlist) return <span class="badge">{t('teamView.shortlistPending')}</span>;
  return (
    <span class={`badge ${app.shortlist.shortlisted ? 'shortlist-yes' : 'shortlist-no'}`} data-shortlisted={String(app.shortlist.shortlisted)}>
      {t(app.shortlist.shortlisted ? 'teamView.shortlisted' : 'teamView.notShortlisted')}
    </span>
  );
}

function TeamSummary(props: {
  app: ApplicationReviewSummary;
  stage: ReviewStage;
  minTeam: number;
  teamHref: (applicationId: string, stage: ReviewStage) => string;
  actions?: BoardActions | undefined;
}) {
  const { app, stage, minTeam, teamHref, actions } = props;
  const t = useT();
  const locale = useLocale();
  const team = app.stages[stage];
  const members = team?.members ?? [];
  const submitted = team?.submittedCards ?? 0;
  return (
    <section class="board-team" data-team={stage} aria-label={stageLabel(t, stage)}>
      <h4>{stageLabel(t, stage)}</h4>
      <MemberList members={members} actions={actions?.member ? (m) => actions.member!(app, stage, m) : undefined} />
      <p class="small">
        <span class={submitted >= minTeam ? 'count-ok' : 'count-short'} data-cards={`${submitted}/${minTeam}`}>
          {t('teamView.cardsCount', { submitted, min: minTeam })}
        </span>
        {' · '}
        {team?.consensus ? (
          <strong data-consensus-total={team.consensus.total} title={formatDateTime(team.consensus.recordedAt, locale)}>
            {t('teamView.consensusTotal', { total: formatScore(team.consensus.total) })}
          </strong>
        ) : (
          <span class="muted">{t('teamView.noConsensus')}</span>
        )}
        {members.length > 0 && (
          <>
            {' · '}
            <a href={teamHref(app.applicationId, stage)}>{t('teamView.open')}</a>
          </>
        )}
      </p>
      {actions?.team?.(app, stage)}
    </section>
  );
}

/**
 * The round's review board: each eligible application with its material-review and on-site teams
 * (members and their status), cards submitted against the round's minimum, consensus totals and the
 * shortlist decision. Read-only unless the office passes `actions`.
 */
export function Board({
  data,
  teamHref,
  actions,
}: {
  data: RoundReviewsResponse;
  teamHref: (applicationId: string, stage: ReviewStage) => string;
  actions?: BoardActions;
}) {
  const t = useT();
  if (data.applications.length === 0) return <p data-empty="applications">{t('teamView.noApplications')}</p>;
  return (
    <ul class="board">
      {data.applications.map((app) => (
        <li key={app.applicationId} class="card board-app" data-board-application={app.applicationId}>
          <div class="board-app-head">
            <h3>{app.organisation.name}</h3>
            <span class="muted small">
              {app.organisation.district} · {app.organisation.industry}
            </span>
            <ShortlistMark app={app} />
          </div>
          <div class="board-teams">
            {stagesShown(app).map((stage) => (
              <TeamSummary key={stage} app={app} stage={stage} minTeam={data.minTeam[stage]} teamHref={teamHref} actions={actions} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The round's stage and the numbers its reviews are held to. */
export function RoundFacts({ data }: { data: RoundReviewsResponse }) {
  const t = useT();
  return (
    <>
      <p data-round-stage={data.roundStage}>
        <strong>{t('teamView.roundStage', { stage: stageLabel(t, data.roundStage) })}</strong>
      </p>
      <p class="muted small">
        {t('teamView.minTeam', { materialReview: data.minTeam.materialReview, onSite: data.minTeam.onSite, size: data.shortlistSize })}
      </p>
    </>
  );
}
