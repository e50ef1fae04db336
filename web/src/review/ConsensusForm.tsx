import { useRef, useState } from 'preact/hooks';
import type { ConsensusView, TeamReviewResponse } from '../../../shared/api/reviews';
import { REVIEW_FINDINGS_MAX_CHARS, REVIEW_TEXT_MAX_CHARS } from '../../../shared/api/review-stages';
import { isValidPercentage, PERCENTAGES } from '../../../shared/scoring/percentage';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { itemAnchor, itemLabel, lengthOf, partialTotals, REVIEW_CRITERIA, showMax, showPoints } from './scores';
import '../texts/review';

type Row = { percent?: number; rationale: string; strengths?: string; opportunities?: string };
type Problem = 'percentRequired' | 'rationaleRequired' | 'tooLong' | 'textTooLong';
/** The feedback report's texts beyond the items (issue 12): key themes per category, the on-site findings. */
type Extra = { themes: Record<string, string>; findings: string };

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
    const parsed = (raw ? JSON.parse(raw) : {}) as Record<string, { percent?: unknown; rationale?: unknown; strengths?: unknown; opportunities?: unknown }>;
    const rows: Record<string, Row> = {};
    for (const item of REVIEW_CRITERIA.items) {
      const r = parsed[item.id];
      if (!r) continue;
      rows[item.id] = {
        ...(isValidPercentage(r.percent) ? { percent: r.percent } : {}),
        rationale: typeof r.rationale === 'string' ? r.rationale : '',
        ...(typeof r.strengths === 'string' ? { strengths: r.strengths } : {}),
        ...(typeof r.opportunities === 'string' ? { opportunities: r.opportunities } : {}),
      };
    }
    return rows;
  } catch {
    return {};
  }
}
const extraKey = (team: TeamReviewResponse) => `${draftKey(team)}.feedback`;
function readExtra(team: TeamReviewResponse): Extra {
  try {
    const raw = globalThis.sessionStorage?.getItem(extraKey(team));
    const parsed = (raw ? JSON.parse(raw) : {}) as { themes?: Record<string, unknown>; findings?: unknown };
    const themes = Object.fromEntries(Object.entries(parsed.themes ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { themes, findings: typeof parsed.findings === 'string' ? parsed.findings : '' };
  } catch {
    return { themes: {}, findings: '' };
  }
}
function writeExtra(team: TeamReviewResponse, extra: Extra | null) {
  try {
    if (extra) globalThis.sessionStorage?.setItem(extraKey(team), JSON.stringify(extra));
    else globalThis.sessionStorage?.removeItem(extraKey(team));
  } catch {
    // as below
  }
}

/** The members' submitted texts of one item, to draft the agreed ones from (issue 12). */
function cardTexts(team: TeamReviewResponse, itemId: string) {
  return team.scorecards
    .filter((c) => c.status === 'submitted')
    .map((c) => ({ reviewerId: c.reviewerId, name: c.reviewerName, strengths: c.items[itemId]?.strengths ?? '', opportunities: c.items[itemId]?.opportunities ?? '' }))
    .filter((c) => c.strengths || c.opportunities);
}

/** Appends a member's text to a field (a blank line between), unless it is there already. */
const appended = (current: string | undefined, text: string) => (!current?.trim() ? text : current.includes(text) ? current : `${current.trimEnd()}\n${text}`);

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
  const [extra, setExtra] = useState<Extra>(() => readExtra(team));
  const onSite = team.stage === 'onSite';
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
      else if (lengthOf((row.strengths ?? '').trim()) > REVIEW_TEXT_MAX_CHARS || lengthOf((row.opportunities ?? '').trim()) > REVIEW_TEXT_MAX_CHARS) out[item.id] = 'textTooLong';
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

  const changeExtra = (patch: Partial<Extra>) => {
    setConfirming(false);
    setExtra((all) => {
      const next = { ...all, ...patch };
      writeExtra(team, next);
      return next;
    });
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
      const items: Record<string, { percent: number; rationale: string; strengths?: string; opportunities?: string }> = {};
      for (const item of REVIEW_CRITERIA.items) {
        const row = rows[item.id]!;
        const strengths = (row.strengths ?? '').trim();
        const opportunities = (row.opportunities ?? '').trim();
        // The agreed texts go only where the leader gave them (the consensus reads as before without them).
        items[item.id] = { percent: row.percent!, rationale: row.rationale.trim(), ...(strengths ? { strengths } : {}), ...(opportunities ? { opportunities } : {}) };
      }
      const themes = Object.fromEntries(Object.entries(extra.themes).map(([id, text]) => [id, text.trim()]).filter(([, text]) => text));
      const findings = onSite ? extra.findings.trim() : '';
      const recorded = await call('reviews.consensus', {
        params: { applicationId: team.applicationId, stage: team.stage },
        body: { items, ...(Object.keys(themes).length ? { themes } : {}), ...(findings ? { findings } : {}) },
      });
      writeDraft(team, null);
      writeExtra(team, null);
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
      <p class="muted small">{t('review.consensus.feedbackHint')}</p>
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
            <label for={`consensus-theme-${category.id}`} class="muted small">
              {t('review.consensus.theme', { category: category.id })}
            </label>
            <textarea
              id={`consensus-theme-${category.id}`}
              rows={1}
              value={extra.themes[category.id] ?? ''}
              onInput={(e) => changeExtra({ themes: { ...extra.themes, [category.id]: e.currentTarget.value } })}
            />
            {category.items.map((item) => {
              const anchor = itemAnchor(item.id, 'consensus');
              const label = itemLabel(item.id, locale);
              const row = rows[item.id] ?? { rationale: '' };
              const r = range.get(item.id);
              const problem = problems[item.id];
              const isFlagged = flagged.has(item.id);
              const texts = cardTexts(team, item.id);
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
                  <div class="consensus-feedback">
                    <div class="consensus-feedback-fields">
                      <label for={`${anchor}-strengths`} class="muted small">
                        {t('review.consensus.strengths', { item: item.id })}
                      </label>
                      <textarea id={`${anchor}-strengths`} rows={2} value={row.strengths ?? ''} onInput={(e) => set(item.id, { strengths: e.currentTarget.value })} />
                      <label for={`${anchor}-opportunities`} class="muted small">
                        {t('review.consensus.opportunities', { item: item.id })}
                      </label>
                      <textarea id={`${anchor}-opportunities`} rows={2} value={row.opportunities ?? ''} onInput={(e) => set(item.id, { opportunities: e.currentTarget.value })} />
                    </div>
                    {texts.length > 0 && (
                      <details class="consensus-cards" data-member-texts={item.id}>
                        <summary class="small">{t('review.consensus.cards', { count: texts.length })}</summary>
                        <ul>
                          {texts.map((c) => (
                            <li key={c.reviewerId}>
                              <strong class="small">{c.name}</strong>
                              {c.strengths && (
                                <p class="small">
                                  <span class="member-text">{c.strengths}</span>{' '}
                                  <button type="button" class="link-button small" onClick={() => set(item.id, { strengths: appended(latest.current[item.id]?.strengths, c.strengths) })}>
                                    {t('review.consensus.useStrengths')}
                                  </button>
                                </p>
                              )}
                              {c.opportunities && (
                                <p class="small">
                                  <span class="member-text">{c.opportunities}</span>{' '}
                                  <button
                                    type="button"
                                    class="link-button small"
                                    onClick={() => set(item.id, { opportunities: appended(latest.current[item.id]?.opportunities, c.opportunities) })}
                                  >
                                    {t('review.consensus.useOpportunities')}
                                  </button>
                                </p>
                              )}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </div>
                  {problem && (
                    <p class="field-error" data-problem={problem}>
                      {problem === 'tooLong'
                        ? t('review.consensus.tooLong', { max: REVIEW_TEXT_MAX_CHARS })
                        : problem === 'textTooLong'
                          ? t('review.consensus.textTooLong', { max: REVIEW_TEXT_MAX_CHARS })
                          : t(`review.consensus.${problem}`)}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
        {onSite && (
          <div class="consensus-findings">
            <label for="consensus-findings">{t('review.consensus.findings')}</label>
            <textarea
              id="consensus-findings"
              rows={4}
              maxLength={REVIEW_FINDINGS_MAX_CHARS}
              value={extra.findings}
              onInput={(e) => changeExtra({ findings: e.currentTarget.value })}
            />
          </div>
        )}
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
