import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TeamReviewResponse } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import { isReviewStage } from './format';
import { TeamView } from './TeamView';
import { LazyTeamRemarks } from '../remarks/lazy';
import { LazyNameLeader } from '../draw/lazy';
import '../../texts/team-view';

/** Loads one team's work (`reviews.team`) and shows it read-only, with a link back to the board it came from. */
export function TeamPage({ applicationId, stage, back }: { applicationId: string; stage: string; back: { href: string; label: string } }) {
  const { call, session } = useAppState();
  const t = useT();
  const [team, setTeam] = useState<TeamReviewResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const valid = isReviewStage(stage);

  const load = useCallback(() => {
    if (!isReviewStage(stage)) return;
    setError(null);
    setTeam(null);
    call('reviews.team', { params: { applicationId, stage } }).then(setTeam, setError);
  }, [call, applicationId, stage]);
  useEffect(load, [load]);

  return (
    <div class="stack">
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
      {!valid ? (
        <p role="alert">{t('teamView.unknownStage')}</p>
      ) : error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !team ? (
        <p class="muted">{t('site.loading')}</p>
      ) : (
        <>
          <TeamView team={team} />
          {session.value?.role === 'supervisor' && <LazyTeamRemarks team={team} />}
          {session.value?.role === 'admin' && !team.consensus && team.members.some((m) => m.drawId) && <LazyNameLeader team={team} onNamed={load} />}
        </>
      )}
    </div>
  );
}
