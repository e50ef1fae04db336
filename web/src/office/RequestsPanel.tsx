import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApplicationView, OfficeRequestView } from '../../../shared/api/applications';
import { DOCUMENT_CATEGORIES, OFFICE_REQUEST_MAX_CHARS, PROFILE_SECTION, type DocumentCategory } from '../../../shared/api/application-constants';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { sectionLabel } from '../apply/format';
import { OfficeRequestItem } from '../apply/OfficeRequests';
import '../texts/office';
import '../texts/terms';

const SECTIONS = [PROFILE_SECTION, ...GBT19580_2012.items.map((i) => i.id)];
const newKey = () => `office-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The office writes a request: the text the applicant sees and, optionally, the sections and document categories it concerns. */
function RequestForm({ applicationId, onSent }: { applicationId: string; onSent: (request: OfficeRequestView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [sections, setSections] = useState<string[]>([]);
  const [categories, setCategories] = useState<DocumentCategory[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key per request being written: pressing again after a lost answer does not ask twice.
  const key = useRef(newKey());

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return setProblem(t('office.requests.empty'));
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const sent = await call('applications.createRequest', {
        params: { applicationId },
        body: { text: text.trim(), sections, documentCategories: categories, idempotencyKey: key.current },
      });
      key.current = newKey();
      setText('');
      setSections([]);
      setCategories([]);
      onSent(sent);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="decide request-form" onSubmit={submit}>
      <h3>{t('office.requests.new')}</h3>
      <label for="request-text">{t('office.requests.text', { max: OFFICE_REQUEST_MAX_CHARS })}</label>
      <textarea id="request-text" rows={4} maxLength={OFFICE_REQUEST_MAX_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <label for="request-sections">{t('office.requests.sections')}</label>
      <select
        id="request-sections"
        multiple
        size={6}
        onChange={(e) => setSections([...e.currentTarget.selectedOptions].map((o) => o.value))}
      >
        {SECTIONS.map((s) => (
          <option key={s} value={s} selected={sections.includes(s)}>
            {sectionLabel(s, t, locale)}
          </option>
        ))}
      </select>
      <fieldset class="request-categories">
        <legend>{t('office.requests.categories')}</legend>
        {DOCUMENT_CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input
              type="checkbox"
              value={c}
              checked={categories.includes(c)}
              onChange={(e) => setCategories(e.currentTarget.checked ? [...categories, c] : categories.filter((x) => x !== c))}
            />
            {t(`document.category.${c}`)}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('office.requests.submit')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

/**
 * The office's requests to an applicant in the application detail: every
 * request with its answer, and for administrators a form to ask (not once
 * the application is withdrawn). Supervisors read them only.
 */
export function RequestsPanel({ app, isAdmin }: { app: ApplicationView; isAdmin: boolean }) {
  const { call } = useAppState();
  const t = useT();
  const [requests, setRequests] = useState<readonly OfficeRequestView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const applicationId = app.applicationId;

  const load = useCallback(() => {
    setError(null);
    call('applications.requests', { params: { applicationId } }).then((res) => setRequests(res.requests), setError);
  }, [call, applicationId]);
  useEffect(load, [load]);

  const onSent = (request: OfficeRequestView) => {
    setSent(true);
    setRequests((current) => (current?.some((r) => r.requestId === request.requestId) ? current : [...(current ?? []), request]));
  };

  return (
    <section class="card" aria-labelledby="office-requests-title" data-office-requests>
      <h2 id="office-requests-title">{t('office.requests.title')}</h2>
      <p class="muted small">{t('office.requests.note')}</p>
      {error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !requests ? (
        <p class="muted">{t('site.loading')}</p>
      ) : requests.length === 0 ? (
        <p class="muted">{t('office.requests.none')}</p>
      ) : (
        <ul class="doc-list">
          {requests.map((r) => (
            <OfficeRequestItem key={r.requestId} request={r} answerHeading={t('office.requests.answer')}>
              {r.status === 'open' && <p class="muted small">{t('office.requests.awaiting')}</p>}
            </OfficeRequestItem>
          ))}
        </ul>
      )}
      {sent && (
        <p class="notice" role="status">
          {t('office.requests.sent')}
        </p>
      )}
      {isAdmin &&
        (app.status === 'withdrawn' ? (
          <p class="muted small">{t('office.requests.withdrawn')}</p>
        ) : (
          <RequestForm applicationId={applicationId} onSent={onSent} />
        ))}
    </section>
  );
}
