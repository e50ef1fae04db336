import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { MoveStage } from '../office/rounds/MoveStage';
import { ErrorMessage } from '../ui/ErrorMessage';
import { stageLabel } from '../ui/review/format';
import { DeliberationSection } from './DeliberationSection';
import { EvaluationSection } from './EvaluationSection';
import { NoticeSection } from './NoticeSection';
import { OpinionsSection } from './OpinionsSection';
import { useKeptLoad } from './parts';
import { PublicationsSection } from './PublicationsSection';
import { LazyRemarksSection as RemarksSection } from '../ui/remarks/lazy';
import '../ui/review/review.css';
import './outcome.css';
import '../texts/office-review';
import '../texts/team-view';
import '../texts/outcome';

/**
 * A round's outcome (DOMAIN.md stages 7–11), one section per stage in order: the comprehensive
 * evaluation, the departments' opinions, the committee's vote, the public notice with its objections,
 * the publications checked against the audit chain. The office acts on each at its stage (the server
 * has the last word); supervisors read everything with no control at all. After each action the page
 * says what was done and reads the round again.
 */
export function OutcomePage({ roundId }: { roundId: string }) {
  const state = useAppState();
  const { call } = state;
  const t = useT();
  const locale = useLocale();
  const { path } = useLocation();
  const isAdmin = state.session.value?.role === 'admin';
  const inSupervise = path.startsWith('/supervise');
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const { value: evaluation, error, loading, reload } = useKeptLoad(() => call('outcome.evaluation', { params: { roundId } }), [call, roundId, generation]);
  const again = () => setGeneration((g) => g + 1);
  const done = (text: string) => {
    setNotice(text);
    again();
  };
  const Title = inSupervise ? 'h2' : 'h1';
  const back = inSupervise
    ? { href: `/supervise/rounds/${encodeURIComponent(roundId)}`, label: t('superviseReview.backToRound') }
    : { href: `/office/rounds/${encodeURIComponent(roundId)}`, label: t('officeReview.backToBoard') };

  return (
    <div class="stack outcome" data-outcome={roundId}>
      <p>
        <a href={back.href}>{back.label}</a>
        {' · '}
        <a href={`/feedback/rounds/${encodeURIComponent(roundId)}`} data-feedback-round-link>
          {t('outcome.feedbackLink')}
        </a>
      </p>
      <Title>{t('outcome.title')}</Title>
      {!evaluation ? (
        error !== null ? (
          <ErrorMessage error={error} onRetry={reload} />
        ) : (
          <p class="muted">{t('site.loading')}</p>
        )
      ) : (
        <>
          <section class="card" aria-labelledby="outcome-stage-title" data-round-stage={evaluation.roundStage}>
            <h2 id="outcome-stage-title">
              {evaluation.roundName[locale]} · {stageLabel(t, evaluation.roundStage)}
            </h2>
            {isAdmin ? (
              <MoveStage data={evaluation} onMoved={(res) => done(t('officeReview.moved', { stage: stageLabel(t, res.stage) }))} onStale={again} />
            ) : (
              <p class="muted small">{t('supervise.readOnly')}</p>
            )}
          </section>
          <div aria-live="polite">
            {notice && (
              <p class="notice" role="status" data-outcome-status>
                {notice}
              </p>
            )}
          </div>
          {error !== null && <ErrorMessage error={error} onRetry={reload} />}
          {loading && <p class="muted small">{t('outcome.reloading')}</p>}
          {/* Issue 15: the office answers every supervisor's remark before the public notice can open. */}
          <RemarksSection roundId={roundId} generation={generation} answerable onAnswered={setNotice} />
          <EvaluationSection data={evaluation} isAdmin={isAdmin} onDone={done} onStale={again} />
          <OpinionsSection round={evaluation} isAdmin={isAdmin} generation={generation} onDone={done} onStale={again} />
          <DeliberationSection round={evaluation} isAdmin={isAdmin} generation={generation} onDone={done} onStale={again} />
          <NoticeSection round={evaluation} isAdmin={isAdmin} generation={generation} onDone={done} onStale={again} />
          <PublicationsSection round={evaluation} isAdmin={isAdmin} generation={generation} onDone={done} onStale={again} />
        </>
      )}
    </div>
  );
}
