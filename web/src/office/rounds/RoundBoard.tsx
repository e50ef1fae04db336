import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApplicationReviewSummary, AssignmentView, ReviewStage, RoundReviewsResponse } from '../../../../shared/api/reviews';
import type { PersonView } from '../../../../shared/api/schemas';
import { ROUND_STAGES, type RoundStage } from '../../../../shared/stages/round';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Board, RoundFacts, type BoardActions } from '../../ui/review/Board';
import { showsDefensePanel } from '../../ui/review/defense/stages';
import { LazyPanelForm as PanelForm, LazyRemoveMemberControl as RemoveMemberControl, LazyRoundDefense as RoundDefense } from './lazy-defense';
import { stageLabel } from '../../ui/review/format';
import { AssignForm } from './AssignForm';
import { MoveStage } from './MoveStage';
import { RecuseControl } from './RecuseControl';
import { RoundLetters, type LettersRun } from './RoundLetters';
import { LazyLatePanel as LatePanel } from './lazy-late';
import { ShortlistPanel } from './ShortlistPanel';
import { showsDraw } from '../../ui/draw/stages';
import { LazySchedulePanel as SchedulePanel } from '../../ui/schedule/lazy';
import { showsSchedule } from '../../ui/schedule/stages';
import type { DrawSettings } from '../../ui/draw/DrawPanel';
import { LazyDrawPanel as DrawPanel, LazyDrawReplay as DrawReplay, LazyExpertLoad as ExpertLoad } from '../../ui/draw/lazy';
import '../../texts/office-review';
import '../../texts/round-links';
import '../../texts/report-link';

/** Where the office reads one team's work. */
export const officeTeamHref = (roundId: string) => (applicationId: string, stage: ReviewStage) =>
  `/office/rounds/${encodeURIComponent(roundId)}/reviews/${encodeURIComponent(applicationId)}/${stage}`;

// A team takes new experts until its consensus is recorded and while the round has not gone past its stage;
// on-site teams only for shortlisted applications. The server has the last word on each assignment.
function canAssign(data: RoundReviewsResponse, app: ApplicationReviewSummary, stage: ReviewStage): 'yes' | 'closed' | 'notShortlisted' | 'past' {
  if (app.stages[stage]?.consensus) return 'closed';
  if (ROUND_STAGES.indexOf(data.roundStage) > ROUND_STAGES.indexOf(stage)) return 'past';
  if (stage === 'onSite' && app.shortlist?.shortlisted !== true) return 'notShortlisted';
  return 'yes';
}

// The schedule panel reads the site teams again when the board's teams change (an assignment, a recusal).
const scheduleKey = (data: RoundReviewsResponse) =>
  `${data.roundStage}-${data.applications.map((a) => (a.stages.onSite?.members ?? []).map((m) => `${m.reviewerId}:${m.status}`).join(',')).join(';')}`;

/** The round owes result letters from the move past the eligibility check on (shared/letters). */
const sendsLetters = (stage: RoundStage) => ROUND_STAGES.indexOf(stage) > ROUND_STAGES.indexOf('eligibility');

/** An expert may be recused on their behalf while they are still to declare or scoring, before the consensus. */
function canRecuse(app: ApplicationReviewSummary, stage: ReviewStage, member: AssignmentView): boolean {
  return !app.stages[stage]?.consensus && (member.status === 'awaitingDeclaration' || member.status === 'active');
}

/**
 * The office's review board of one round: the round's stage and the move to the next, the site-visit
 * shortlist, and every eligible application's teams with assignment and recusal controls. Supervisors
 * see the same board with no control at all.
 */
export function RoundBoard({ roundId }: { roundId: string }) {
  const state = useAppState();
  const { call } = state;
  const t = useT();
  const locale = useLocale();
  const isAdmin = state.session.value?.role === 'admin';
  const [data, setData] = useState<RoundReviewsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [people, setPeople] = useState<readonly PersonView[] | null>(null);
  const [peopleError, setPeopleError] = useState<unknown>(null);
  const [drawSettings, setDrawSettings] = useState<DrawSettings | null>(null);
  const [letters, setLetters] = useState<LettersRun | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    call('reviews.round', { params: { roundId } }).then(
      (res) => {
        if (ticket !== latest.current) return;
        setData(res);
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [call, roundId]);
  useEffect(load, [load]);

  // Only the office assigns and draws. The board reads the programme's people once (the experts to assign, the
  // supervisors who witness a draw) and the round's draw rules once (the draw's rules line, the experts' load cap).
  useEffect(() => {
    if (!isAdmin) return;
    call('people.list').then((res) => setPeople(res.people), setPeopleError);
    call('rounds.get', { params: { roundId } }).then(
      (round) => setDrawSettings(round.config.draw ?? null),
      () => undefined, // without the rules the draw still runs (the server applies them) and the load still counts
    );
  }, [call, isAdmin, roundId]);
  const active = (role: PersonView['role']) => people?.filter((p) => p.role === role && p.status === 'active') ?? null;
  const experts = useMemo(() => active('expert'), [people]);
  const supervisors = useMemo(() => active('supervisor'), [people]);

  const done = (text: string) => {
    setNotice(text);
    load();
  };

  const actions: BoardActions | undefined = isAdmin
    ? {
        team: (app, stage) => {
          const allowed = canAssign(data!, app, stage);
          if (allowed === 'closed') return <p class="muted small">{t('officeReview.assign.closed')}</p>;
          if (allowed === 'notShortlisted') return <p class="muted small">{t('officeReview.assign.onSiteOnly')}</p>;
          if (allowed === 'past') return null;
          if (peopleError !== null) return <p class="muted small">{t('officeReview.assign.expertsFailed')}</p>;
          if (!experts) return <p class="muted small">{t('site.loading')}</p>;
          return (
            <AssignForm
              applicationId={app.applicationId}
              stage={stage}
              members={app.stages[stage]?.members ?? []}
              experts={experts}
              onAssigned={(a) => done(t('officeReview.assign.done', { name: a.reviewerName }))}
            />
          );
        },
        member: (app, stage, member) =>
          canRecuse(app, stage, member) ? (
            <RecuseControl member={member} onRecused={(a) => done(t('officeReview.recuse.done', { name: a.reviewerName }))} />
          ) : null,
      }
    : undefined;

  return (
    <div class="stack" data-round-board={roundId}>
      <p>
        <a href="/office">{t('officeReview.back')}</a>
      </p>
      {error !== null && !data ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !data ? (
        <p class="muted">{t('site.loading')}</p>
      ) : (
        <>
          <section class="card" aria-labelledby="round-stage-title">
            <h2 id="round-stage-title">
              {data.roundName[locale]} · {stageLabel(t, data.roundStage)}
            </h2>
            <RoundFacts data={data} />
            <p>
              <a href={`/office/rounds/${encodeURIComponent(roundId)}/report`} data-report-link>
                {t('report.link')}
              </a>
            </p>
            {ROUND_STAGES.indexOf(data.roundStage) >= ROUND_STAGES.indexOf('materialReview') && (
              <p>
                <a href={`/office/rounds/${encodeURIComponent(roundId)}/reliability`} data-reliability-link>
                  {t('reliability.link')}
                </a>
              </p>
            )}
            {ROUND_STAGES.indexOf(data.roundStage) >= ROUND_STAGES.indexOf('comprehensiveEvaluation') && (
              <p>
                <a href={`/office/rounds/${encodeURIComponent(roundId)}/outcome`} data-outcome-link>
                  {t('outcome.link')}
                </a>
              </p>
            )}
            {isAdmin ? (
              <MoveStage
                data={data}
                onMoved={(res) => {
                  setLetters(res.letters ?? null);
                  done(t('officeReview.moved', { stage: stageLabel(t, res.stage) }));
                }}
                onStale={load}
              />
            ) : (
              <p class="muted small">{t('supervise.readOnly')}</p>
            )}
          </section>
          {notice && (
            <p class="notice" role="status">
              {notice}
            </p>
          )}
          {error !== null && <ErrorMessage error={error} onRetry={load} />}
          {loading && <p class="muted small">{t('site.loading')}</p>}
          {isAdmin && sendsLetters(data.roundStage) && <RoundLetters roundId={roundId} last={letters} onRun={setLetters} />}
          {isAdmin && <LatePanel roundId={roundId} />}
          <ShortlistPanel data={data} isAdmin={isAdmin} onDecided={load} />
          {isAdmin && showsDraw(data.roundStage) && (
            <DrawPanel roundId={roundId} roundStage={data.roundStage} supervisors={supervisors} supervisorsError={peopleError} settings={drawSettings} onDrawn={load} />
          )}
          {isAdmin && <ExpertLoad cap={drawSettings?.loadCap ?? null} data={data} />}
          <DrawReplay roundId={roundId} />
          <Board data={data} teamHref={officeTeamHref(roundId)} {...(actions ? { actions } : {})} />
          {showsSchedule(data) && <SchedulePanel key={scheduleKey(data)} roundId={roundId} isAdmin={isAdmin} />}
          {showsDefensePanel(data.roundStage) && (
            <RoundDefense
              key={data.roundStage}
              roundId={roundId}
              {...(isAdmin
                ? {
                    controls: (panel, reload) => (
                      <PanelForm
                        data={panel}
                        onAdded={(m) => {
                          setNotice(t('defense.panel.add.done', { name: m.reviewerName }));
                          reload();
                        }}
                      />
                    ),
                    memberControls: (member, reload) => (
                      <RemoveMemberControl
                        member={member}
                        onRemoved={(m) => {
                          setNotice(t('defense.panel.remove.done', { name: m.reviewerName }));
                          reload();
                        }}
                      />
                    ),
                  }
                : {})}
            />
          )}
        </>
      )}
    </div>
  );
}
