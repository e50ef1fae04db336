import { useState } from 'preact/hooks';
import type { AssignmentView, DeclarationView, ReviewMaterialResponse, ScorecardView, TeamReviewResponse } from '../../../shared/api/reviews';
import { formatMoment } from '../apply/format';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { MemberList } from '../ui/review/MemberList';
import { CardsTable } from '../ui/review/TeamView';
import type { MyAssignment } from './AssignmentList';
import { ConsensusForm } from './ConsensusForm';
import { Declaration } from './Declaration';
import { useLoad } from './load';
import { Material } from './Material';
import { Recusal } from './Recusal';
import { ScorecardEditor } from './ScorecardEditor';
import '../texts/review';
import '../texts/terms';

/** The team's cards once the expert may see them (after submitting or recusing), and the leader's consensus. */
function Team({ assignment }: { assignment: MyAssignment }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const params = { applicationId: assignment.applicationId, stage: assignment.stage };
  const [team, load, setTeam] = useLoad<TeamReviewResponse>(() => call('reviews.team', { params }), [call, assignment.applicationId, assignment.stage]);

  if (team.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (team.state === 'error') return <ErrorMessage error={team.error} onRetry={load} />;
  const value = team.value;
  const pending = value.members.filter((m) => m.status === 'awaitingDeclaration' || m.status === 'active').length;
  const submitted = value.scorecards.filter((c) => c.status === 'submitted').length;
  const leads = assignment.leader && assignment.status === 'submitted' && !value.consensus;
  return (
    <>
      <section class="card" aria-labelledby="team-title" data-team-view>
        <h2 id="team-title">{t('review.team.title')}</h2>
        {pending > 0 && <p class="muted">{t('review.team.pending', { count: pending })}</p>}
        <div class="team-cards" data-team={`${value.applicationId}/${value.stage}`}>
          <MemberList members={value.members} />
          <p class="muted small">{t('review.team.intro', { threshold: value.divergenceThreshold })}</p>
          {value.scorecards.length === 0 && !value.consensus ? <p class="muted">{t('review.team.noCards')}</p> : <CardsTable team={value} />}
          {value.consensus && (
            <p class="small" data-consensus-recorded>
              {t('review.team.recordedBy', { name: value.consensus.recordedByName, time: formatMoment(value.consensus.recordedAt, locale), count: value.consensus.basedOn })}
            </p>
          )}
        </div>
      </section>
      {leads &&
        (pending > 0 ? (
          <p class="notice" data-consensus-waiting>
            {t('review.consensus.waiting')}
          </p>
        ) : submitted < value.minTeam ? (
          <p class="notice-warn">{t('review.team.tooSmall', { min: value.minTeam })}</p>
        ) : (
          <ConsensusForm team={value} onRecorded={(consensus) => setTeam({ ...value, consensus })} />
        ))}
    </>
  );
}

/** Material beside the scorecard, for an expert who declared clear. */
function Workspace({ assignment, onChange }: { assignment: MyAssignment; onChange: (next: MyAssignment) => void }) {
  const { call } = useAppState();
  const t = useT();
  const params = { applicationId: assignment.applicationId, stage: assignment.stage };
  const [loaded, load, setLoaded] = useLoad<{ material: ReviewMaterialResponse; card: ScorecardView }>(
    async () => {
      const [material, card] = await Promise.all([
        call('reviews.material', { params: { applicationId: assignment.applicationId } }),
        call('reviews.card', { params }),
      ]);
      return { material, card };
    },
    [call, assignment.applicationId, assignment.stage],
  );

  if (loaded.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} onRetry={load} />;
  const { material, card } = loaded.value;
  const stageOpen = assignment.roundStage === assignment.stage;
  const editable = assignment.status === 'active' && stageOpen && card.status === 'draft';
  const submitted = card.status === 'submitted' || assignment.status === 'submitted';
  return (
    <>
      {assignment.status === 'active' && !stageOpen && (
        <p class="notice-warn">{t('review.stageNotOpen', { stage: t(`domain.stage.${assignment.stage}`) })}</p>
      )}
      {submitted && <Team assignment={{ ...assignment, status: 'submitted' }} />}
      <Material material={material} />
      <ScorecardEditor
        key={`${card.status}`}
        applicationId={assignment.applicationId}
        stage={assignment.stage}
        card={card}
        sections={material.sections}
        editable={editable}
        onSubmitted={(next) => {
          setLoaded({ material, card: next });
          onChange({ ...assignment, status: 'submitted', card: { status: next.status, scored: next.scored, version: next.version } });
          requestAnimationFrame(() => document.getElementById('assignment-title')?.focus());
        }}
      />
      {assignment.status === 'active' && !submitted && (
        <Recusal assignment={assignment} onRecused={(next) => onChange({ ...assignment, ...next })} />
      )}
    </>
  );
}

function Recused({ assignment }: { assignment: MyAssignment }) {
  const t = useT();
  const locale = useLocale();
  const recusal = assignment.recusal;
  return (
    <>
      <section class="card" data-recused>
        <p>{recusal ? t('review.recuse.done', { time: formatMoment(recusal.at, locale) }) : t('review.status.recused')}</p>
        {recusal && <p class="applicant-text">{recusal.reason}</p>}
      </section>
      <Team assignment={assignment} />
    </>
  );
}

/** A conflict took the reviewer off this application: why, with the conflicts found; `message` words it for the page. */
export function Conflicted({ declaration, message }: { declaration: DeclarationView | undefined; message?: string }) {
  const t = useT();
  return (
    <section class="card notice-warn" role="status" data-conflicted>
      <p>{message ?? t('review.declare.conflicted')}</p>
      {declaration && declaration.conflicts.length > 0 && (
        <>
          <p>{t('review.declare.conflicts')}</p>
          <ul>
            {declaration.conflicts.map((c, i) => (
              <li key={`${c.kind}-${i}`}>
                {t(`domain.conflict.${c.kind}`)}
                {c.source === 'detected' && ` ${t('review.declare.detected')}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One assignment: declaration first, then material and scorecard, then the team and (for the leader) the consensus. */
export function AssignmentPage({ applicationId, stage }: { applicationId: string; stage: string }) {
  const { call } = useAppState();
  const t = useT();
  const [mine, load, setMine] = useLoad(() => call('reviews.mine'), [call]);
  const [declared, setDeclared] = useState<DeclarationView | undefined>();

  let body;
  let assignment: MyAssignment | undefined;
  if (mine.state === 'loading') body = <p class="muted">{t('site.loading')}</p>;
  else if (mine.state === 'error') body = <ErrorMessage error={mine.error} onRetry={load} />;
  else {
    assignment = mine.value.assignments.find((a) => a.applicationId === applicationId && a.stage === stage);
    const replace = (changed: readonly AssignmentView[]) =>
      setMine({
        assignments: mine.value.assignments.map((a) => {
          const next = changed.find((c) => c.applicationId === a.applicationId && c.stage === a.stage && c.reviewerId === a.reviewerId);
          return next ? { ...a, ...next } : a;
        }),
      });
    if (!assignment) body = <p class="card">{t('review.notAssigned')}</p>;
    else if (assignment.status === 'awaitingDeclaration')
      body = (
        <Declaration
          applicationId={applicationId}
          organisation={assignment.organisation}
          onDeclared={(result) => {
            setDeclared(result.declaration);
            replace(result.assignments);
            requestAnimationFrame(() => document.getElementById('assignment-title')?.focus());
          }}
        />
      );
    else if (assignment.status === 'conflicted') body = <Conflicted declaration={declared ?? assignment.declaration} />;
    else if (assignment.status === 'recused') body = <Recused assignment={assignment} />;
    else
      body = (
        <>
          {declared && declared.conflicts.length === 0 && assignment.status === 'active' && (
            <p class="notice" role="status" data-declared-clear>
              {t('review.declare.clear')}
            </p>
          )}
          <Workspace assignment={assignment} onChange={(next) => replace([next])} />
        </>
      );
  }

  return (
    <div class="stack review">
      <p>
        <a href="/review">← {t('review.back')}</a>
      </p>
      {assignment && (
        <header class="assignment-head">
          <h1 id="assignment-title" tabIndex={-1}>
            {assignment.organisation.name}
          </h1>
          <p class="muted">
            {t(`domain.stage.${assignment.stage}`)} · {t('review.material.district', { district: assignment.organisation.district, industry: assignment.organisation.industry })}{' '}
            {assignment.leader && <span class="badge leader-badge">{t('review.leader')}</span>}{' '}
            <span class={`status status-${assignment.status}`} data-assignment-status>
              {/* The card's own summary counts scored items live; the list's count would go stale here. */}
              {t(`review.status.${assignment.status}`)}
            </span>
          </p>
        </header>
      )}
      {body}
    </div>
  );
}
