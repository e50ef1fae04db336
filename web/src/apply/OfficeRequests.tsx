import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OfficeRequestView } from '../../../shared/api/applications';
import { OFFICE_ANSWER_MAX_CHARS } from '../../../shared/api/application-constants';
import type { Locale } from '../../../shared/messages';
import { useLocale, useT, type Translate } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment, sectionLabel } from './format';
import '../texts/apply';
import '../texts/terms';

/** What a request concerns, as people read it: section labels, then document categories. */
export function concernsOf(request: OfficeRequestView, t: Translate, locale: Locale): string {
  return [...request.sections.map((s) => sectionLabel(s, t, locale)), ...request.documentCategories.map((c) => t(`document.category.${c}`))].join(
    locale === 'zh-CN' ? '、' : ', ',
  );
}

/** One office request with its status and, once given, the answer (the office's and the applicant's view alike). */
export function OfficeRequestItem({
  request,
  answerHeading,
  children,
}: {
  request: OfficeRequestView;
  answerHeading: string;
  children?: ComponentChildren;
}) {
  const t = useT();
  const locale = useLocale();
  const concerns = concernsOf(request, t, locale);
  return (
    <li class="office-request" data-request={request.requestId} data-request-status={request.status}>
      <div class="doc-head">
        <span class={`badge request-${request.status}`}>{t(`requests.status.${request.status}`)}</span>
        <span class="muted small">{t('requests.askedAt', { at: formatMoment(request.createdAt, locale) })}</span>
      </div>
      <p class="request-text">{request.text}</p>
      {concerns && <p class="muted small">{t('requests.concerns', { items: concerns })}</p>}
      {request.answer && (
        <div class="request-answer" data-answer>
          <p>
            <strong>{answerHeading}</strong> · <span class="muted small">{t('requests.answeredAt', { at: formatMoment(request.answer.answeredAt, locale) })}</span>
          </p>
          <p class="request-text">{request.answer.text}</p>
        </div>
      )}
      {children}
    </li>
  );
}

/** The applicant answers one open request, once; the submitted package is not touched. */
function AnswerForm({ request, onAnswered }: { request: OfficeRequestView; onAnswered: (answered: OfficeRequestView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `answer-${request.requestId}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return setProblem(t('requests.answerEmpty'));
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      onAnswered(
        await call('applications.answerRequest', {
          params: { applicationId: request.applicationId, requestId: request.requestId },
          body: { text: text.trim() },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="decide" onSubmit={submit}>
      <label for={id}>{t('requests.answerLabel', { max: OFFICE_ANSWER_MAX_CHARS })}</label>
      <textarea id={id} rows={4} maxLength={OFFICE_ANSWER_MAX_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <p class="muted small">{t('requests.answerHint')}</p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('requests.answerSubmit')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

/**
 * What the office asked for (补正/说明要求) on the applicant's dashboard:
 * open requests with a form to answer each once, answered ones with the
 * answer. Answers never change the submitted package, and the page says so.
 */
export function OfficeRequests({ applicationId, canAnswer }: { applicationId: string; canAnswer: boolean }) {
  const { call } = useAppState();
  const t = useT();
  const [requests, setRequests] = useState<readonly OfficeRequestView[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    call('applications.requests', { params: { applicationId } }).then((res) => setRequests(res.requests), setError);
  }, [call, applicationId]);
  useEffect(load, [load]);

  if (error !== null) return <ErrorMessage error={error} onRetry={load} />;
  if (!requests) return <p class="muted">{t('site.loading')}</p>;
  if (requests.length === 0) return <p class="muted">{t('dashboard.noRequests')}</p>;
  const replace = (answered: OfficeRequestView) => setRequests(requests.map((r) => (r.requestId === answered.requestId ? answered : r)));
  // Open requests first: they are what the applicant still has to do.
  const ordered = [...requests.filter((r) => r.status === 'open'), ...requests.filter((r) => r.status !== 'open')];
  return (
    <div class="office-requests" data-requests={requests.length}>
      <p class="muted small">{t('requests.intro')}</p>
      <ul class="doc-list">
        {ordered.map((r) => (
          <OfficeRequestItem key={r.requestId} request={r} answerHeading={t('requests.yourAnswer')}>
            {r.status === 'open' && canAnswer && <AnswerForm request={r} onAnswered={replace} />}
          </OfficeRequestItem>
        ))}
      </ul>
    </div>
  );
}
