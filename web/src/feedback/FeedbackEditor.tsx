import { useState } from 'preact/hooks';
import type { FeedbackReportView } from '../../../shared/api/feedback';
import { REVIEW_FINDINGS_MAX_CHARS, REVIEW_TEXT_MAX_CHARS } from '../../../shared/api/review-stages';
import { useLocale, useT } from '../i18n';
import { itemAnchor, lengthOf, REVIEW_CRITERIA } from '../review/scores';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/feedback';

type Texts = { items: Record<string, { strengths: string; opportunities: string }>; themes: Record<string, string>; findings: string };

const textsOf = (report: FeedbackReportView): Texts => ({
  items: Object.fromEntries(Object.entries(report.items).map(([id, i]) => [id, { strengths: i.strengths, opportunities: i.opportunities }])),
  themes: Object.fromEntries(REVIEW_CRITERIA.categories.map((c) => [c.id, report.themes[c.id] ?? ''])),
  findings: report.findings ?? '',
});

/**
 * The office words a report before the release (issue 12): strengths, opportunities, key themes and on-site findings;
 * the bands never change. One save sends the changed texts on the version read (a change made elsewhere: 409, reload).
 */
export function FeedbackEditor({ report, onSaved }: { report: FeedbackReportView; onSaved: (report: FeedbackReportView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [texts, setTexts] = useState<Texts>(() => textsOf(report));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const original = textsOf(report);

  const save = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    const items: Record<string, { strengths: string; opportunities: string }> = {};
    for (const [id, item] of Object.entries(texts.items)) {
      const before = original.items[id];
      if (before && before.strengths === item.strengths && before.opportunities === item.opportunities) continue;
      for (const [kind, value] of [['strengths', item.strengths], ['opportunities', item.opportunities]] as const) {
        if (lengthOf(value.trim()) > REVIEW_TEXT_MAX_CHARS) {
          setProblem(t('feedback.edit.tooLong', { field: t(`feedback.edit.${kind}`, { item: id }), max: REVIEW_TEXT_MAX_CHARS }));
          document.getElementById(`${itemAnchor(id, 'feedback')}-${kind}`)?.focus();
          return;
        }
      }
      items[id] = item;
    }
    const themes = Object.fromEntries(Object.entries(texts.themes).filter(([id, text]) => text !== original.themes[id]));
    const findingsChanged = report.visited && texts.findings !== original.findings;
    if (Object.keys(items).length === 0 && Object.keys(themes).length === 0 && !findingsChanged) {
      setMessage(t('feedback.edit.unchanged'));
      return;
    }
    if (findingsChanged && lengthOf(texts.findings.trim()) > REVIEW_FINDINGS_MAX_CHARS) {
      setProblem(t('feedback.edit.tooLong', { field: t('feedback.edit.findings'), max: REVIEW_FINDINGS_MAX_CHARS }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const saved = await call('feedback.edit', {
        params: { applicationId: report.applicationId },
        body: { items, themes, ...(findingsChanged ? { findings: texts.findings } : {}), version: report.version },
      });
      setTexts(textsOf(saved));
      setMessage(t('feedback.edit.saved', { version: saved.version }));
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const setItem = (id: string, kind: 'strengths' | 'opportunities', value: string) =>
    setTexts((all) => ({ ...all, items: { ...all.items, [id]: { ...all.items[id]!, [kind]: value } } }));

  return (
    <details class="card feedback-editor no-print" open>
      <summary>
        <strong>{t('feedback.edit.title')}</strong>
      </summary>
      <p class="muted small">{t('feedback.edit.intro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {REVIEW_CRITERIA.categories.map((category) => (
          <fieldset key={category.id}>
            <legend>
              {category.id} {category.name[locale]}
            </legend>
            <label for={`feedback-theme-${category.id}`}>{t('feedback.edit.theme', { category: category.id })}</label>
            <textarea
              id={`feedback-theme-${category.id}`}
              rows={2}
              value={texts.themes[category.id] ?? ''}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setTexts((all) => ({ ...all, themes: { ...all.themes, [category.id]: value } }));
              }}
            />
            {category.items.map((item) =>
              texts.items[item.id] ? (
                <div key={item.id} data-edit-item={item.id}>
                  <label for={`${itemAnchor(item.id, 'feedback')}-strengths`}>{t('feedback.edit.strengths', { item: `${item.id} ${item.name[locale]}` })}</label>
                  <textarea
                    id={`${itemAnchor(item.id, 'feedback')}-strengths`}
                    rows={2}
                    value={texts.items[item.id]!.strengths}
                    onInput={(e) => setItem(item.id, 'strengths', e.currentTarget.value)}
                  />
                  <label for={`${itemAnchor(item.id, 'feedback')}-opportunities`}>{t('feedback.edit.opportunities', { item: `${item.id} ${item.name[locale]}` })}</label>
                  <textarea
                    id={`${itemAnchor(item.id, 'feedback')}-opportunities`}
                    rows={2}
                    value={texts.items[item.id]!.opportunities}
                    onInput={(e) => setItem(item.id, 'opportunities', e.currentTarget.value)}
                  />
                </div>
              ) : null,
            )}
          </fieldset>
        ))}
        {report.visited && (
          <fieldset>
            <legend>{t('feedback.edit.findings')}</legend>
            <label for="feedback-findings">{t('feedback.edit.findings')}</label>
            <textarea id="feedback-findings" rows={4} value={texts.findings} onInput={(e) => setTexts((all) => ({ ...all, findings: e.currentTarget.value }))} />
          </fieldset>
        )}
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy} data-action="save-feedback">
          {busy ? t('feedback.edit.saving') : t('feedback.edit.save')}
        </button>
        {message && (
          <p class="notice" role="status" data-feedback-saved>
            {message}
          </p>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </form>
    </details>
  );
}
