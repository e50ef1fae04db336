import { useRef, useState } from 'preact/hooks';
import type { ConsensusView, TeamReviewResponse } from '../../../shared/api/reviews';
import { REVIEW_TEXT_MAX_CHARS } from '../../../shared/api/review-stages';
import { isValidPercentage, PERCENTAGES } from '../../../shared/scoring/percentage';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { itemAnchor, itemLabel, lengthOf, partialTotals, REVIEW_CRITERIA, showMax, showPoints } from './scores';
import '../texts/review';

type Row = { percent?: number; rationale: string };
type Problem = 'percentRequired' | 'rationaleRequired' | 'tooLong';

/** Lowest and highest independent percentage per item over the submitted cards. */
function ranges(team: TeamReviewResponse): Map<string, { min: number; max: number }> {
  const out = new Map<string, { min: number; max: number }>();
  for (const card of team.scorecards) {
    if (card.status !== 'submitted') continue;
    for (const [itemId, entry] of Object.entries(card.items)) {
      if (entry.percent === undefined) continue;
      const r = out.get(itemId);
      out.set(itemId, r ? { min: Math.min(r.min, entry.percent), max: Math.max(r.max, entry.percent) } : { min: entry.percent, max: entry.percent });
    }
  }
  for (const flag of team.flags) out.set(flag.itemId, { min: flag.min, max: flag.max });
  return out;
}

// The form has no server-side draft (the contract records the consensus once): keep it in this tab's
// session storage so a reload does not lose it, without leaving scores on a shared computer after the tab closes.
const draftKey = (team: TeamReviewResponse) => `merit.consensusDraft.${team.applicationId}.${team.stage}`;
function readDraft(team: TeamReviewResponse): Record<string, Row> {
  try {
    const raw = globalThis.sessionStorage?.getItem(draftKey(team));
    const parsed = (raw ? JSON.parse(raw) : {}) as Record<string, { percent?: unknown; rationale?: unknown }>;
    const rows: Record<string, Row> = {};
    for (const item of REVIEW_CRITERIA.items) {
      const r = parsed[item.id];
      if (!r) continue;
      rows[item.id] = { ...(isValidPercentage(r.percent) ? { percent: r.percent } : {}), rationale: typeof r.rationale === 'string' ? r.rationale : '' };
    }
    return rows;
  } catch {
    return {};
  }
}
function writeDraft(team: TeamReviewResponse, rows: Readonly<Record<string, Row>> | null) {
  try {
    if (rows) globalThis.sessionStorage?.setItem(draftKey(team), JSON.stringify(rows));
    else globalThis.sessionStorage?.removeItem(draftKey(team));
  } catch {
    // storage full or blocked: the form still works, only without surviving a reload
  }
}

/**
 * The leader's consensus (DOMAIN.md "Aggregation"): a percentage for every
 * item, a rationale required where the independent scores diverge (flagged),
 * the total computed as entered, recorded once.
 */
export function ConsensusForm({ team, onRecorded }: { team: TeamReviewResponse; onRecorded: (consensus: ConsensusView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [rows, setRows] = useState<Readonly<Record<string, Row>>>(() => readDraft(team));
  const [shown, setShown] = useState<Readonly<Record<string, Problem>> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(rows);
  const flagged = new Set(team.flags.map((f) => f.itemId));
  const range = ranges(team);

  const problemsOf = (all: Readonly<Record<string, Row>>) => {
    const out: Record<string, Problem> = {};
    for (const item of REVIEW_CRITERIA.items) {
      const row = all[item.id] ?? { rationale: '' };
      if (row.percent === undefined) out[item.id] = 'percentRequired';
      else if (flagged.has(item.id) && !row.rationale.trim()) out[item.id] = 'rationaleRequired';
      else if (lengthOf(row.rationale.trim()) > REVIEW_TEXT_MAX_CHARS) out[item.id] = 'tooLong';
    }
    return out;
  };

  const set = (itemId: string, patch: Partial<Row> & { percent?: number | undefined }) => {
    setConfirming(false);
    const all = latest.current;
    const next = { ...all, [itemId]: { ...(all[itemId] ?? { rationale: '' }), ...patch } };
    latest.current = next;
    setRows(next);
    writeDraft(team, next);
    if (shown) setShown(problemsOf(next));
  };

  const totals = partialTotals(Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, r.percent])));
  const problems = shown ?? {};
  const count = Object.keys(problems).length;

  const check = (event: Event) => {
    event.preventDefault();
    const found = problemsOf(rows);
    setShown(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${itemAnchor(first, 'consensus')}-percent`)?.focus();
      return;
    }
    setConfirming(true);
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const items: Record<string, { percent: number; rationale: string }> = {};
      for (const item of REVIEW_CRITERIA.items) {
        const row = rows[item.id]!;
        items[item.id] = { percent: row.percent!, rationale: row.rationale.trim() };
      }
      const recorded = await call('reviews.consensus', { params: { applicationId: team.applicationId, stage: team.stage }, body: { items } });
      writeDraft(team, null);
      onRecorded(recorded);
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="consensus-title">
      <h2 id="consensus-title">{t('review.consensus.title')}</h2>
      <p class="muted small">{t('review.consensus.intro')}</p>
      <div class="review-summary">
        <strong data-consensus-live-total={totals.total}>
          {t('review.card.total', { score: showPoints(totals.total), points: showMax(REVIEW_CRITERIA.totalPoints) })}
        </strong>
        <span>{t('review.card.scored', { scored: totals.scored, total: REVIEW_CRITERIA.items.length })}</span>
      </div>
      <form class="review-form" onSubmit={check} noValidate>
        {REVIEW_CRITERIA.categories.map((category) => (
          <fieldset key={category.id} class="review-category">
            <legend>
              {category.id} {category.name[locale]}{' '}
              <span class="category-score">
                {t('review.card.categoryScore', { score: showPoints(totals.categories[category.id] ?? 0), points: showMax(category.points) })}
              </span>
            </legend>
            {category.items.map((item) => {
              const anchor = itemAnchor(item.id, 'consensus');
              const label = itemLabel(item.id, locale);
              const row = rows[item.id] ?? { rationale: '' };
              const r = range.get(item.id);
              const problem = problems[item.id];
              const isFlagged = flagged.has(item.id);
              return (
                <div key={item.id} class={`consensus-item${isFlagged ? ' flagged' : ''}`} data-consensus-row={item.id} data-flagged={isFlagged ? 'true' : undefined}>
                  <div class="percent-row">
                    <label for={`${anchor}-percent`}>{t('review.consensus.percent', { item: label })}</label>
                    <select
                      id={`${anchor}-percent`}
                      value={row.percent === undefined ? '' : String(row.percent)}
                      aria-invalid={problem === 'percentRequired'}
                      onChange={(e) => set(item.id, { percent: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })}
                    >
                      <option value="">{t('review.card.blank')}</option>
                      {PERCENTAGES.map((p) => (
                        <option key={p} value={String(p)}>
                          {p}%
                        </option>
                      ))}
                    </select>
                    {r && <span class={isFlagged ? 'flag small' : 'muted small'}>{t('review.consensus.range', { min: r.min, max: r.max })}</span>}
                    <span class="item-score small">
                      {t('review.card.itemScore', { score: totals.items[item.id] === undefined ? '—' : showPoints(totals.items[item.id]!), points: showMax(item.points) })}
                    </span>
                  </div>
                  <label for={`${anchor}-rationale`} class={isFlagged ? undefined : 'muted small'}>
                    {t('review.consensus.rationale', { item: item.id })}
                  </label>
                  <textarea
                    id={`${anchor}-rationale`}
                    rows={isFlagged ? 3 : 1}
                    value={row.rationale}
                    required={isFlagged}
                    aria-invalid={problem === 'rationaleRequired' || problem === 'tooLong'}
                    onInput={(e) => set(item.id, { rationale: e.currentTarget.value })}
                  />
                  {problem && (
                    <p class="field-error" data-problem={problem}>
                      {problem === 'tooLong' ? t('review.consensus.tooLong', { max: REVIEW_TEXT_MAX_CHARS }) : t(`review.consensus.${problem}`)}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
        {count > 0 && (
          <p class="field-error" role="alert">
            {t('review.consensus.problems', { count })}
          </p>
        )}
        {!confirming ? (
          <button type="submit">{t('review.consensus.submit')}</button>
        ) : (
          <div class="confirm-box" role="group" aria-labelledby="consensus-confirm">
            <p id="consensus-confirm">{t('review.consensus.confirm', { score: showPoints(totals.total) })}</p>
            <div class="button-row">
              <button type="button" disabled={busy} onClick={() => void send()} data-action="record-consensus">
                {t('review.consensus.yes')}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t('review.consensus.no')}
              </button>
            </div>
          </div>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
