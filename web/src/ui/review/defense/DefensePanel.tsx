import type { ComponentChildren } from 'preact';
import type { DefenseApplicationView, PanelMemberView, RoundDefenseResponse } from '../../../../../shared/api/defense';
import { formatDateTime, useLocale, useT } from '../../../i18n';
import { formatScore } from '../format';
import { DeclarationDetails } from '../TeamView';
import { ScoreList } from './ScoreList';
import { SeatBadge } from './SeatBadge';
import '../review.css';
import '../../../texts/defense';

// Apart (./stages.ts), so a page asking whether to show the panel does not load it.
export { showsDefensePanel } from './stages';

function Application({ app, panelMin }: { app: DefenseApplicationView; panelMin: number }) {
  const t = useT();
  const submitted = app.seats.filter((s) => s.status === 'submitted').length;
  return (
    <li class="card defense-app" data-defense-app={app.applicationId}>
      <div class="board-app-head">
        <h4>{app.organisation.name}</h4>
        <span class="muted small">{t('defense.onSiteTotal', { score: formatScore(app.onSiteTotal) })}</span>
        <span class={submitted >= panelMin ? 'count-ok' : 'count-short'} data-submitted-count={submitted}>
          {t('defense.panel.count', { count: submitted, min: panelMin })}
        </span>
        <strong data-panel-score={app.panelScore ?? ''}>
          {app.panelScore === undefined ? t('defense.panel.pending') : t('defense.panel.score', { score: formatScore(app.panelScore) })}
        </strong>
      </div>
      {app.seats.length === 0 ? (
        <p class="muted small">{t('defense.panel.noSeats')}</p>
      ) : (
        <ul class="member-list">
          {app.seats.map((s) => (
            <li key={s.reviewerId} data-seat={s.reviewerId}>
              <div class="member-head">
                <span class="member-name">{s.reviewerName}</span>
                <SeatBadge status={s.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {app.scores.length > 0 && (
        <details class="defense-score-details" open>
          <summary>{t('defense.panel.scores')}</summary>
          <ScoreList scores={app.scores} />
        </details>
      )}
    </li>
  );
}

/**
 * A round's defense panel (答辩评审组) as the office and supervisors read it: the members, and every
 * application before the panel with its seats, submitted scores against the minimum, every score the
 * caller may see (drafts and set-aside scores marked) and the panel score once set; members taken off
 * the panel with the reason. `addForm` and `memberControl` (per member still seated) are the office's
 * controls; supervisors get none.
 */
export function DefensePanel({ data, addForm, memberControl, showDeclarations = false }: {
  data: RoundDefenseResponse;
  addForm?: ComponentChildren;
  memberControl?: (member: PanelMemberView) => ComponentChildren;
  /** Also list the deliberators' declarations (the supervisors' overview). */
  showDeclarations?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const names = new Map(data.applications.map((a) => [a.applicationId, a.organisation.name]));
  return (
    <section class="card defense-panel" aria-labelledby="defense-panel-title" data-defense-panel={data.roundId}>
      <h2 id="defense-panel-title">{t('defense.panel.title')}</h2>
      <p class="muted small">{t('defense.panel.intro', { min: data.panelMin })}</p>
      <h3>{t('defense.panel.members')}</h3>
      {data.panel.length === 0 ? (
        <p class="muted small" data-testid="no-panel-members">
          {t('defense.panel.noMembers')}
        </p>
      ) : (
        <ul class="member-list">
          {data.panel.map((m) => (
            <li key={m.reviewerId} data-panel-member={m.reviewerId} {...(m.removal ? { 'data-removed': 'true' } : {})}>
              <div class="member-head">
                <span class="member-name">{m.reviewerName}</span>
                <span class="muted small">{t('defense.panel.addedAt', { at: formatDateTime(m.addedAt, locale) })}</span>
                {!m.removal && memberControl?.(m)}
              </div>
              {m.removal && (
                <p class="muted small" data-removal={m.reviewerId}>
                  {t('defense.panel.removed', { at: formatDateTime(m.removal.at, locale), by: m.removal.byName, reason: m.removal.reason })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {addForm}
      <h3>{t('defense.panel.applications')}</h3>
      {data.applications.length === 0 ? (
        <p class="muted small">{t('defense.panel.noApplications')}</p>
      ) : (
        <ul class="board">
          {data.applications.map((app) => (
            <Application key={app.applicationId} app={app} panelMin={data.panelMin} />
          ))}
        </ul>
      )}
      {showDeclarations && (
        <>
          <h3>{t('defense.panel.declarations')}</h3>
          {data.declarations.length === 0 ? (
            <p class="muted small">{t('defense.panel.noDeclarations')}</p>
          ) : (
            <ul class="declaration-list">
              {data.declarations.map((d) => (
                <li key={`${d.reviewerId}-${d.applicationId}`} data-defense-declaration={`${d.reviewerId}/${d.applicationId}`}>
                  <p>
                    <strong>{d.reviewerName}</strong> · {names.get(d.applicationId) ?? d.applicationId} · {formatDateTime(d.declaredAt, locale)}
                  </p>
                  <DeclarationDetails declaration={d} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
