import { useState } from 'preact/hooks';
import type { DefenseScoreView, MyDefenseResponse } from '../../../../shared/api/defense';
import type { DeclarationView } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScoreList } from '../../ui/review/defense/ScoreList';
import { SeatBadge } from '../../ui/review/defense/SeatBadge';
import { Conflicted } from '../AssignmentPage';
import { Declaration } from '../Declaration';
import { useLoad } from '../load';
import { DefenseScoreEditor } from './DefenseScoreEditor';
import '../../texts/review';
import '../../texts/defense';
import '../../texts/terms';

type Round = MyDefenseResponse['rounds'][number];
type Seat = Round['applications'][number];

/** After submitting: the other panel members' submitted scores for this application (defense.round shows them only now). */
function Others({ roundId, applicationId, reviewerId }: { roundId: string; applicationId: string; reviewerId: string }) {
  const { call } = useAppState();
  const t = useT();
  const [round, load] = useLoad(() => call('defense.round', { params: { roundId } }), [call, roundId]);
  let body;
  if (round.state === 'loading') body = <p class="muted">{t('site.loading')}</p>;
  else if (round.state === 'error') body = <ErrorMessage error={round.error} onRetry={load} />;
  else {
    const others = (round.value.applications.find((a) => a.applicationId === applicationId)?.scores ?? []).filter(
      (s) => s.status === 'submitted' && s.reviewerId !== reviewerId,
    );
    body = others.length === 0 ? <p class="muted">{t('defense.others.none')}</p> : <ScoreList scores={others} />;
  }
  return (
    <section class="card" aria-labelledby="defense-others-title" data-others>
      <h2 id="defense-others-title">{t('defense.others.title')}</h2>
      {body}
    </section>
  );
}

/** The score part of the page: the deliberator's own score (read first), then the others' once submitted. */
function Scoring({ round, seat, onSubmitted }: { round: Round; seat: Seat; onSubmitted: (score: DefenseScoreView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [score, load, setScore] = useLoad(() => call('defense.score', { params: { applicationId: seat.applicationId } }), [call, seat.applicationId]);
  if (score.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (score.state === 'error') return <ErrorMessage error={score.error} onRetry={load} />;
  const own = score.value;
  return (
    <>
      <DefenseScoreEditor
        key={`${own.status}-${own.version}`}
        applicationId={seat.applicationId}
        score={own}
        editable={round.roundStage === 'defense' && seat.status === 'scoring'}
        onSubmitted={(next) => {
          setScore(next);
          onSubmitted(next);
        }}
      />
      {own.status === 'submitted' && <Others roundId={round.roundId} applicationId={seat.applicationId} reviewerId={own.reviewerId} />}
    </>
  );
}

/** One application before the deliberator's panel: the declaration first, then the score; the others' scores after submitting. */
export function DefensePage({ applicationId }: { applicationId: string }) {
  const { call } = useAppState();
  const t = useT();
  const [mine, load, setMine] = useLoad(() => call('defense.mine'), [call]);
  const [declared, setDeclared] = useState<DeclarationView | undefined>();

  let body;
  let seat: Seat | undefined;
  if (mine.state === 'loading') body = <p class="muted">{t('site.loading')}</p>;
  else if (mine.state === 'error') body = <ErrorMessage error={mine.error} onRetry={load} />;
  else {
    const round = mine.value.rounds.find((r) => r.applications.some((a) => a.applicationId === applicationId));
    seat = round?.applications.find((a) => a.applicationId === applicationId);
    const update = (patch: Partial<Seat>) =>
      setMine({
        rounds: mine.value.rounds.map((r) =>
          r === round ? { ...r, applications: r.applications.map((a) => (a.applicationId === applicationId ? { ...a, ...patch } : a)) } : r,
        ),
      });
    if (!round || !seat) body = <p class="card">{t('defense.notOnPanel')}</p>;
    else if (seat.status === 'awaitingDeclaration')
      body = (
        <Declaration
          applicationId={applicationId}
          organisation={seat.organisation}
          send={(declaration) => call('defense.declare', { params: { applicationId }, body: declaration })}
          onDeclared={(result) => {
            setDeclared(result.declaration);
            update({ status: result.status, declaration: result.declaration });
            requestAnimationFrame(() => document.getElementById('defense-title')?.focus());
          }}
        />
      );
    else if (seat.status === 'conflicted') body = <Conflicted declaration={declared ?? seat.declaration} message={t('defense.conflicted')} />;
    else
      body = (
        <>
          {declared && declared.conflicts.length === 0 && seat.status === 'scoring' && (
            <p class="notice" role="status" data-declared-clear>
              {t('defense.declared')}
            </p>
          )}
          <Scoring round={round} seat={seat} onSubmitted={(score) => update({ status: 'submitted', score })} />
        </>
      );
  }

  return (
    <div class="stack review">
      <p>
        <a href="/review">{t('defense.back')}</a>
      </p>
      {seat && (
        <header class="assignment-head">
          <h1 id="defense-title" tabIndex={-1}>
            {seat.organisation.name}
          </h1>
          <p class="muted">
            {t('domain.stage.defense')} · {t('review.material.district', { district: seat.organisation.district, industry: seat.organisation.industry })}{' '}
            <SeatBadge status={seat.status} />
          </p>
        </header>
      )}
      {body}
    </div>
  );
}
