import { useState } from 'preact/hooks';
import type { DefenseScoreView } from '../../../../shared/api/defense';
import { DEFENSE_COMMENT_MAX_CHARS } from '../../../../shared/api/defense-limits';
import { formatMoment } from '../../apply/format';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { useAutosave } from '../../ui/autosave';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatScore } from '../../ui/review/format';
import { lengthOf } from '../scores';
import { parsePoints, pointsText } from './points';
import '../../texts/defense';

/** How long typing must pause before the score is saved. */
export const AUTOSAVE_DELAY_MS = 1200;
type Draft = { readonly points: string; readonly comment: string };

const draftOf = (s: DefenseScoreView): Draft => ({ points: pointsText(s.score), comment: s.comment });
// What the PUT sends besides the version; undefined while the draft cannot be saved.
function bodyOf(d: Draft): { score: number | null; comment: string } | undefined {
  if (lengthOf(d.comment.trim()) > DEFENSE_COMMENT_MAX_CHARS) return undefined;
  if (!d.points.trim()) return { score: null, comment: d.comment.trim() };
  const score = parsePoints(d.points);
  return score === undefined ? undefined : { score, comment: d.comment.trim() };
}

/**
 * The deliberator's one holistic score for one application (points with up to two decimals, sent in
 * hundredths) and a comment, saved after a pause, always on the version read. A 409 stops autosave
 * until the deliberator loads the saved score (what they typed stays to copy); nothing is overwritten.
 * Submitting asks first and then the score is read-only.
 */
export function DefenseScoreEditor({ applicationId, score, editable, onSubmitted, autosaveMs = AUTOSAVE_DELAY_MS }: {
  applicationId: string;
  score: DefenseScoreView;
  /** False when the round is not at the defense (or the score is submitted). */
  editable: boolean;
  onSubmitted: (score: DefenseScoreView) => void;
  autosaveMs?: number;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const readOnly = !editable || score.status === 'submitted';
  const params = { applicationId };
  const autosave = useAutosave({
    initial: score,
    draftOf,
    bodyOf,
    problemOf: (d: Draft) => (lengthOf(d.comment.trim()) > DEFENSE_COMMENT_MAX_CHARS ? 'tooLong' : bodyOf(d) === undefined ? 'invalid' : undefined),
    save: (body, version) => call('defense.saveScore', { params, body: { ...body, version } }),
    load: () => call('defense.score', { params }),
    onLoaded: (fresh) => fresh.status === 'submitted' && onSubmitted(fresh),
    readOnly,
    delayMs: autosaveMs,
  });
  const { draft, saveState, savedAt, error, mine, reloadError, reload } = autosave;
  const pump = autosave.flush;

  const change = (patch: Partial<Draft>) => {
    setConfirming(false);
    autosave.change({ ...autosave.currentNow(), ...patch });
  };

  const parsed = parsePoints(draft.points);
  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await pump();
      if (autosave.stateNow() !== 'saved' || autosave.versionNow() < 1) return setSubmitError(t('defense.score.notSavedYet'));
      const submitted = await call('defense.submitScore', { params, body: { version: autosave.versionNow() } });
      setConfirming(false);
      onSubmitted(submitted);
    } catch (e) {
      setSubmitError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const count = lengthOf(draft.comment);
  const over = count > DEFENSE_COMMENT_MAX_CHARS;
  const invalid = saveState === 'invalid';
  return (
    <section class="card review-card" aria-labelledby="defense-score-title" data-score-status={score.status}>
      <h2 id="defense-score-title">{t('defense.score.title')}</h2>
      {!readOnly && <p class="muted small">{t('defense.score.intro')}</p>}
      {score.status === 'submitted' && score.submittedAt && (
        <p class="notice" data-submitted>
          {t('defense.score.submitted', { time: formatMoment(score.submittedAt, locale) })}
        </p>
      )}
      {!editable && score.status !== 'submitted' && <p class="notice-warn">{t('defense.score.closed')}</p>}

      {saveState === 'conflict' && (
        <div class="conflict" role="alert" data-conflict="defense">
          <p>
            <strong>{t('defense.score.conflict.title')}</strong>
          </p>
          <p>{t('defense.score.conflict.body')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('defense.score.conflict.reload')}
          </button>
          {reloadError !== null && <ErrorMessage error={reloadError} />}
        </div>
      )}
      {mine !== null && (
        <details class="yours" open={saveState === 'conflict'}>
          <summary>{t('defense.score.conflict.yours')}</summary>
          <textarea readOnly rows={4} aria-label={t('defense.score.conflict.yours')} value={t('defense.score.yours', { score: mine.points || '—', comment: mine.comment })} />
        </details>
      )}

      {readOnly ? (
        <dl class="defense-own">
          <dt>{t('defense.score.points')}</dt>
          <dd>
            <strong data-own-points>{score.score === undefined ? '—' : t('defense.score.value', { score: formatScore(score.score) })}</strong>
          </dd>
          <dt>{t('defense.score.comment')}</dt>
          <dd class="applicant-text own-text" data-own-comment>
            {score.comment || <span class="muted">—</span>}
          </dd>
        </dl>
      ) : (
        <form class="review-form" onSubmit={(e) => e.preventDefault()} noValidate>
          <div class="field">
            <label for="defense-points">{t('defense.score.points')}</label>
            <input
              id="defense-points"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={draft.points}
              aria-invalid={invalid}
              aria-describedby={invalid ? 'defense-points-error' : undefined}
              onInput={(e) => change({ points: e.currentTarget.value })}
              onBlur={() => autosave.stateNow() === 'dirty' && void pump()}
            />
            {invalid && (
              <p id="defense-points-error" class="field-error">
                {t('defense.score.invalid')}
              </p>
            )}
          </div>
          <div class="field">
            <label for="defense-comment">{t('defense.score.comment')}</label>
            <textarea
              id="defense-comment"
              rows={6}
              value={draft.comment}
              aria-invalid={over}
              aria-describedby="defense-comment-count"
              onInput={(e) => change({ comment: e.currentTarget.value })}
              onBlur={() => autosave.stateNow() === 'dirty' && void pump()}
            />
            <span id="defense-comment-count" class={over ? 'over small' : 'muted small'}>
              {t('defense.score.count', { count, max: DEFENSE_COMMENT_MAX_CHARS })}
            </span>
          </div>
          <p class={`save-status state-${saveState}`} data-save-state={saveState} aria-live="polite">
            {saveState === 'saving' && t('defense.score.saving')}
            {saveState === 'dirty' && t('defense.score.unsaved')}
            {saveState === 'saved' && (savedAt ? t('defense.score.savedAt', { time: formatMoment(savedAt, locale) }) : '')}
            {saveState === 'tooLong' && t('defense.score.tooLong', { max: DEFENSE_COMMENT_MAX_CHARS })}
            {saveState === 'failed' && t('defense.score.failed')}
            {saveState === 'conflict' && t('defense.score.conflict.title')}
          </p>
          {saveState === 'failed' && error !== null && <ErrorMessage error={error} onRetry={() => void pump()} />}
          <div class="review-submit">
            {!confirming ? (
              <button
                type="button"
                data-action="open-submit"
                disabled={saveState === 'conflict'}
                onClick={() => {
                  setSubmitError(null);
                  if (parsed === undefined) return setSubmitError(t('defense.score.required'));
                  setConfirming(true);
                  void pump();
                }}
              >
                {t('defense.score.submit')}
              </button>
            ) : (
              <div class="confirm-box" role="group" aria-labelledby="defense-submit-text">
                <p id="defense-submit-text">{t('defense.score.submitConfirm', { score: pointsText(parsed) })}</p>
                <div class="button-row">
                  <button type="button" disabled={submitting} onClick={() => void submit()} data-action="submit">
                    {t('defense.score.submitYes')}
                  </button>
                  <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                    {t('defense.score.submitNo')}
                  </button>
                </div>
              </div>
            )}
            {submitError !== null &&
              (typeof submitError === 'string' ? (
                <p class="field-error" role="alert">
                  {submitError}
                </p>
              ) : (
                <ErrorMessage error={submitError} />
              ))}
          </div>
        </form>
      )}
    </section>
  );
}
