import { useState } from 'preact/hooks';
import type { ScorecardView } from '../../../shared/api/reviews';
import { REVIEW_TEXT_MAX_CHARS, type ReviewStage } from '../../../shared/api/review-stages';
import type { CriteriaItem } from '../../../shared/criteria';
import { PERCENTAGES } from '../../../shared/scoring/percentage';
import { formatMoment } from '../apply/format';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { useAutosave } from '../ui/autosave';
import { ErrorMessage } from '../ui/ErrorMessage';
import { bandHint, itemAnchor, itemLabel, lengthOf, partialTotals, REVIEW_CRITERIA, showMax, showPoints } from './scores';
import '../texts/review';

/** How long editing must pause before the card is saved. */
export const AUTOSAVE_DELAY_MS = 1200;

/** One item as entered on the page. */
export interface Entry {
  readonly percent?: number;
  readonly strengths: string;
  readonly opportunities: string;
}
type Entries = Readonly<Record<string, Entry>>;

const BLANK: Entry = { strengths: '', opportunities: '' };

function entriesOf(card: ScorecardView): Entries {
  const out: Record<string, Entry> = {};
  for (const item of REVIEW_CRITERIA.items) {
    const saved = card.items[item.id];
    out[item.id] = saved ? { ...(saved.percent === undefined ? {} : { percent: saved.percent }), strengths: saved.strengths, opportunities: saved.opportunities } : BLANK;
  }
  return out;
}

// The whole card as the PUT sends it, in criteria order; blank items are left out (the contract reads them as blank).
function bodyOf(entries: Entries) {
  const items: Record<string, { percent?: number; strengths: string; opportunities: string }> = {};
  for (const item of REVIEW_CRITERIA.items) {
    const e = entries[item.id] ?? BLANK;
    if (e.percent === undefined && !e.strengths && !e.opportunities) continue;
    items[item.id] = { ...(e.percent === undefined ? {} : { percent: e.percent }), strengths: e.strengths, opportunities: e.opportunities };
  }
  return items;
}

const tooLong = (entries: Entries) =>
  Object.values(entries).some((e) => lengthOf(e.strengths) > REVIEW_TEXT_MAX_CHARS || lengthOf(e.opportunities) > REVIEW_TEXT_MAX_CHARS);

// Keyboard first: jumping to an item puts the cursor on its percentage, in the middle of the screen (clear of the sticky totals).
function focusItem(itemId: string, event: Event) {
  const select = document.getElementById(`${itemAnchor(itemId)}-percent`);
  if (!select) return;
  event.preventDefault();
  select.scrollIntoView?.({ block: 'center' });
  select.focus({ preventScroll: true });
}

function ItemText({ id, label, value, readOnly, onInput, onBlur }: { id: string; label: string; value: string; readOnly: boolean; onInput: (v: string) => void; onBlur: () => void }) {
  const t = useT();
  const count = lengthOf(value);
  const over = count > REVIEW_TEXT_MAX_CHARS;
  return (
    <div class="review-text">
      <label for={id}>{label}</label>
      {readOnly ? (
        <div id={id} class="applicant-text own-text">
          {value || <span class="muted">—</span>}
        </div>
      ) : (
        <>
          <textarea id={id} rows={3} value={value} aria-invalid={over} aria-describedby={`${id}-count`} onInput={(e) => onInput(e.currentTarget.value)} onBlur={onBlur} />
          <span id={`${id}-count`} class={over ? 'over small' : 'muted small'}>
            {t('review.card.count', { count, max: REVIEW_TEXT_MAX_CHARS })}
          </span>
        </>
      )}
    </div>
  );
}

/** One item: the applicant's self-assessment beside the percentage, band, score and the two texts. */
function ItemRow({ item, entry, selfAssessment, score, readOnly, onChange, onLeave }: {
  item: CriteriaItem;
  entry: Entry;
  selfAssessment: string | undefined;
  score: number | undefined;
  readOnly: boolean;
  onChange: (patch: Partial<Entry> & { percent?: number | undefined }) => void;
  /** Leaving a text field saves at once. */
  onLeave: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const anchor = itemAnchor(item.id);
  const label = itemLabel(item.id, locale);
  const hint = entry.percent === undefined ? undefined : bandHint(entry.percent, item.kind, locale);
  const points = showMax(item.points);
  return (
    <div class="review-item" id={anchor} data-item={item.id} data-scored={entry.percent !== undefined}>
      <div class="review-item-material">
        <h4>
          {label} <span class="muted small">{t('review.card.points', { points })}</span>
        </h4>
        {selfAssessment !== undefined && (
          <details class="self-assessment" open>
            <summary>{t('review.material.selfAssessment')}</summary>
            <div class="applicant-text" data-section={item.id}>
              {selfAssessment || <span class="muted">{t('review.material.empty')}</span>}
            </div>
          </details>
        )}
      </div>
      <div class="review-item-score">
        <div class="percent-row">
          <label for={`${anchor}-percent`} class="visually-hidden">
            {t('review.card.percent', { item: label })}
          </label>
          {readOnly ? (
            <strong id={`${anchor}-percent`} class="percent-value">
              {entry.percent === undefined ? t('review.card.blank') : `${entry.percent}%`}
            </strong>
          ) : (
            <select
              id={`${anchor}-percent`}
              value={entry.percent === undefined ? '' : String(entry.percent)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                onChange({ percent: v === '' ? undefined : Number(v) });
              }}
            >
              <option value="">{t('review.card.blank')}</option>
              {PERCENTAGES.map((p) => (
                <option key={p} value={String(p)}>
                  {p}%
                </option>
              ))}
            </select>
          )}
          <span class="item-score" data-item-score={item.id}>
            {t('review.card.itemScore', { score: score === undefined ? '—' : showPoints(score), points })}
          </span>
        </div>
        {hint && (
          <p class="band-hint small" data-band={hint.level}>
            {t('review.card.band', { level: hint.level, min: hint.min, max: hint.max, text: hint.text })}
          </p>
        )}
        <ItemText
          id={`${anchor}-strengths`}
          label={t('review.card.textLabel', { item: item.id, field: t('review.card.strengths') })}
          value={entry.strengths}
          readOnly={readOnly}
          onInput={(strengths) => onChange({ strengths })}
          onBlur={onLeave}
        />
        <ItemText
          id={`${anchor}-opportunities`}
          label={t('review.card.textLabel', { item: item.id, field: t('review.card.opportunities') })}
          value={entry.opportunities}
          readOnly={readOnly}
          onInput={(opportunities) => onChange({ opportunities })}
          onBlur={onLeave}
        />
      </div>
    </div>
  );
}

/**
 * The expert's own scorecard for one application and stage: 23 items by
 * category, exact item, category and total scores (shared/scoring), the whole
 * card saved after a pause, always on the version read. A 409 stops autosave
 * until the expert loads the saved card (their entries stay visible to copy);
 * nothing is overwritten silently. Submitting lists unscored items first.
 */
export function ScorecardEditor({ applicationId, stage, card, sections, editable, onSubmitted, autosaveMs = AUTOSAVE_DELAY_MS }: {
  applicationId: string;
  stage: ReviewStage;
  card: ScorecardView;
  /** The applicant's texts by section (from reviews.material), shown beside each item. */
  sections?: Readonly<Record<string, string>>;
  /** False when the card is submitted or the round is not in this stage. */
  editable: boolean;
  onSubmitted: (card: ScorecardView) => void;
  /** The pause before saving (tests shorten it). */
  autosaveMs?: number;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const readOnly = !editable || card.status === 'submitted';
  const params = { applicationId, stage };
  const autosave = useAutosave({
    initial: card,
    draftOf: entriesOf,
    bodyOf: (e: Entries) => (tooLong(e) ? undefined : bodyOf(e)),
    problemOf: (e: Entries) => (tooLong(e) ? 'tooLong' : undefined),
    save: (items, version) => call('reviews.saveCard', { params, body: { items, version } }),
    load: () => call('reviews.card', { params }),
    onLoaded: (fresh) => fresh.status === 'submitted' && onSubmitted(fresh),
    readOnly,
    delayMs: autosaveMs,
  });
  const { draft: entries, saveState, savedAt, error, mine, reloadError, reload } = autosave;
  const pump = autosave.flush;

  const change = (itemId: string, patch: Partial<Entry> & { percent?: number | undefined }) => {
    const before = autosave.currentNow()[itemId] ?? BLANK;
    const merged = { ...before, ...patch };
    const next: Entry = merged.percent === undefined ? { strengths: merged.strengths, opportunities: merged.opportunities } : merged;
    autosave.change({ ...autosave.currentNow(), [itemId]: next });
  };

  const totals = partialTotals(Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, e.percent])));
  const totalText = t('review.card.total', { score: showPoints(totals.total), points: showMax(REVIEW_CRITERIA.totalPoints) });

  const openConfirm = () => {
    setSubmitError(null);
    setConfirming(true);
    void pump();
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await pump();
      if (autosave.stateNow() !== 'saved' || autosave.versionNow() < 1) {
        setSubmitError(t('review.card.notSavedYet'));
        return;
      }
      const submitted = await call('reviews.submitCard', { params, body: { version: autosave.versionNow() } });
      setConfirming(false);
      onSubmitted(submitted);
    } catch (e) {
      setSubmitError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section class="card review-card" aria-labelledby="card-title" data-card-status={card.status}>
      <h2 id="card-title">{t('review.card.title')}</h2>
      {!readOnly && <p class="muted small">{t('review.card.intro')}</p>}
      {card.status === 'submitted' && card.submittedAt && <p class="notice">{t('review.card.submitted', { time: formatMoment(card.submittedAt, locale) })}</p>}

      <div class="review-summary">
        <strong data-total={totals.total}>{totalText}</strong>
        <span>{t('review.card.scored', { scored: totals.scored, total: REVIEW_CRITERIA.items.length })}</span>
        {!readOnly && totals.unscored.length > 0 && (
          <a href={`#${itemAnchor(totals.unscored[0]!)}`} class="small" onClick={(e) => focusItem(totals.unscored[0]!, e)}>
            {t('review.card.nextUnscored')}
          </a>
        )}
        {!readOnly && (
          <span class={`save-status state-${saveState}`} data-save-state={saveState} aria-live="polite">
            {saveState === 'saving' && t('review.card.saving')}
            {saveState === 'dirty' && t('review.card.unsaved')}
            {saveState === 'saved' && (savedAt ? t('review.card.savedAt', { time: formatMoment(savedAt, locale) }) : '')}
            {saveState === 'tooLong' && t('review.card.tooLong', { max: REVIEW_TEXT_MAX_CHARS })}
            {saveState === 'failed' && t('review.card.failed')}
            {saveState === 'conflict' && t('review.card.conflict.title')}
          </span>
        )}
      </div>

      {saveState === 'conflict' && (
        <div class="conflict" role="alert" data-conflict="card">
          <p>
            <strong>{t('review.card.conflict.title')}</strong>
          </p>
          <p>{t('review.card.conflict.body')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('review.card.conflict.reload')}
          </button>
          {reloadError !== null && <ErrorMessage error={reloadError} />}
        </div>
      )}
      {mine !== null && (
        <details class="yours" open={saveState === 'conflict'}>
          <summary>{t('review.card.conflict.yours')}</summary>
          <textarea
            readOnly
            rows={6}
            aria-label={t('review.card.conflict.yours')}
            value={REVIEW_CRITERIA.items
              .map((item) => {
                const e = mine[item.id] ?? BLANK;
                if (e.percent === undefined && !e.strengths && !e.opportunities) return '';
                return `${itemLabel(item.id, locale)}: ${e.percent === undefined ? '—' : `${e.percent}%`}\n${t('review.card.strengths')}: ${e.strengths}\n${t('review.card.opportunities')}: ${e.opportunities}\n`;
              })
              .filter(Boolean)
              .join('\n')}
          />
        </details>
      )}
      {saveState === 'failed' && error !== null && <ErrorMessage error={error} onRetry={() => void pump()} />}

      {REVIEW_CRITERIA.categories.map((category) => (
        <fieldset key={category.id} class="review-category" data-category={category.id}>
          <legend>
            {category.id} {category.name[locale]}{' '}
            <span class="category-score" data-category-score={category.id}>
              {t('review.card.categoryScore', { score: showPoints(totals.categories[category.id] ?? 0), points: showMax(category.points) })}
            </span>
          </legend>
          {category.items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              entry={entries[item.id] ?? BLANK}
              selfAssessment={sections ? (sections[item.id] ?? '') : undefined}
              score={totals.items[item.id]}
              readOnly={readOnly}
              onChange={(patch) => change(item.id, patch)}
              onLeave={() => {
                if (autosave.stateNow() === 'dirty') void pump();
              }}
            />
          ))}
        </fieldset>
      ))}

      {!readOnly && (
        <div class="review-submit">
          {!confirming ? (
            <button type="button" onClick={openConfirm} data-action="open-submit">
              {t('review.card.submit')}
            </button>
          ) : (
            <div class="confirm-box" role="group" aria-labelledby="submit-confirm-text">
              {totals.unscored.length > 0 ? (
                <div class="missing" id="submit-confirm-text" data-unscored={totals.unscored.length}>
                  <p>{t('review.card.submitMissing', { count: totals.unscored.length })}</p>
                  <ul>
                    {totals.unscored.map((id) => (
                      <li key={id}>
                        <a
                          href={`#${itemAnchor(id)}`}
                          onClick={(e) => {
                            setConfirming(false);
                            focusItem(id, e);
                          }}
                        >
                          {itemLabel(id, locale)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p id="submit-confirm-text">{t('review.card.submitConfirm', { score: showPoints(totals.total) })}</p>
              )}
              <div class="button-row">
                {totals.unscored.length === 0 && (
                  <button type="button" disabled={submitting} onClick={() => void submit()} data-action="submit">
                    {t('review.card.submitYes')}
                  </button>
                )}
                <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                  {t('review.card.submitNo')}
                </button>
              </div>
              {submitError !== null &&
                (typeof submitError === 'string' ? (
                  <p class="field-error" role="alert">
                    {submitError}
                  </p>
                ) : (
                  <ErrorMessage error={submitError} />
                ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
