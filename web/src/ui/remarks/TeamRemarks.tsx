import type { RemarkTarget } from '../../../../shared/api/remarks';
import type { TeamReviewResponse } from '../../../../shared/api/reviews';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { RemarkControl } from './RemarkControl';
import { targetLabel } from './targets';
import '../../texts/remarks';
import './remarks.css';

/**
 * A supervisor's remarks on one team's work: each submitted card, the consensus once recorded, each member's
 * assignment — the steps of the team page, each with its own control. Nobody else sees this section.
 */
export function TeamRemarks({ team }: { team: TeamReviewResponse }) {
  const { session } = useAppState();
  const t = useT();
  const locale = useLocale();
  if (session.value?.role !== 'supervisor') return null;
  const base = `${team.applicationId}/${team.stage}`;
  const people = Object.fromEntries(team.members.map((m) => [m.reviewerId, m.reviewerName]));
  const names = { people, organisations: { [team.applicationId]: team.organisation.name } };
  const targets: RemarkTarget[] = [
    ...team.scorecards.filter((c) => c.status === 'submitted' && !c.sealed).map((c) => ({ kind: 'card' as const, id: `${base}/${c.reviewerId}` })),
    ...(team.consensus ? [{ kind: 'consensus' as const, id: base }] : []),
    ...team.members.map((m) => ({ kind: 'assignment' as const, id: `${base}/${m.reviewerId}` })),
  ];
  return (
    <section class="card" aria-labelledby="team-remarks-title" data-team-remarks>
      <h2 id="team-remarks-title">{t('remarks.title')}</h2>
      <p class="muted small">
        <a href={`/supervise/rounds/${encodeURIComponent(team.roundId)}`}>{t('remarks.listLink')}</a>
      </p>
      <ul class="plain remark-targets">
        {targets.map((target) => {
          const about = targetLabel(t, locale, target, names);
          return (
            <li key={`${target.kind}:${target.id}`} data-remark-target-row={`${target.kind}:${target.id}`}>
              <span>{about}</span> <RemarkControl roundId={team.roundId} target={target} about={about} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
