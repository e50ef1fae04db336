import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { ApplicationFormResponse, ChecklistRuleView } from '../../../shared/api/applications';
import type { CallAttachmentView, CallView } from '../../../shared/api/portal';
import type { MessageKey } from '../../../shared/messages/registry';
import { isMessageKey } from '../../../shared/messages/registry';
import { fileTypeList, fileTypeName, formatBytes, formatMoment } from '../../../shared/messages/units';
import { ApiError } from '../api';
import { useLocale, useT, type Translate } from '../i18n';
import { useLoad } from '../review/load';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/portal-call';
import './portal.css';

/** What the call page shows: the call, and the round's form (timeline, rules, package) when the round is configured. */
interface CallData {
  readonly call: CallView;
  readonly form: ApplicationFormResponse | null;
}

/** One eligibility rule as a sentence. */
function ruleText(t: Translate, rule: ChecklistRuleView): string {
  const key = `portal.rule.${rule.kind}`;
  if (!isMessageKey(key)) return t('portal.rule.other');
  return t(key as MessageKey, { years: rule.years ?? rule.minYears ?? 0, rounds: rule.rounds ?? 0 });
}

function Attachment({ attachment, roundId }: { attachment: CallAttachmentView; roundId: string }) {
  const t = useT();
  const locale = useLocale();
  const { call } = useAppState();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      const link = await call('portal.downloadAttachment', { params: { roundId, attachmentId: attachment.attachmentId } });
      globalThis.location.assign(link.url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-attachment={attachment.attachmentId}>
      <strong>{attachment.title[locale]}</strong>
      <span class="muted small">{t(`portal.kind.${attachment.kind}`)}</span>
      <span class="file-name small">{attachment.fileName}</span>
      <span class="muted small">{t('portal.call.fileFacts', { type: fileTypeName(attachment.contentType, attachment.fileName), size: formatBytes(attachment.size, locale) })}</span>
      <button type="button" class="secondary" onClick={() => void download()} disabled={busy} aria-label={`${t('portal.call.download')} ${attachment.title[locale]}`}>
        {t('portal.call.download')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </li>
  );
}

/**
 * A round's call (申报通知) for anyone (issue #14 part 2): the office's text in
 * the reader's language, the timeline, who may apply, what to submit, and the
 * attachments to download; while registration is open, the way to apply.
 */
export function CallPage() {
  const t = useT();
  const locale = useLocale();
  const { call } = useAppState();
  const { roundId } = useRoute().params;
  const [data, reload] = useLoad<CallData>(async () => {
    const [callView, form] = await Promise.all([
      call('portal.call', { params: { roundId: roundId! } }),
      // A round without a configuration has no form (422); its call still shows.
      call('applications.form', { params: { roundId: roundId! } }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 422) return null;
        throw e;
      }),
    ]);
    return { call: callView, form };
  }, [roundId]);

  if (data.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (data.state === 'error') {
    return (
      <section class="card">
        <h1>{t('portal.call.title')}</h1>
        <ErrorMessage error={data.error} onRetry={reload} />
      </section>
    );
  }
  const { call: c, form } = data.value;
  const text = c.text[locale] || c.text['zh-CN'];
  return (
    <article class="stack portal" data-call-page={c.roundId}>
      <header class="hero">
        <h1>{t('portal.call.title')}</h1>
        {form && <p class="lead">{form.name[locale]}</p>}
        {c.updatedAt && <p class="muted small">{t('portal.call.updated', { at: formatMoment(c.updatedAt, locale) })}</p>}
      </header>
      <section class="card" aria-labelledby="call-text">
        <h2 id="call-text" class="visually-hidden">
          {t('portal.call.title')}
        </h2>
        {text ? <div class="call-text" data-call-text>{text}</div> : <p class="muted">{t('portal.call.noText')}</p>}
        {form?.registrationOpen && (
          <p class="round-links">
            <a class="button" href={`/apply?programme=${encodeURIComponent(c.programmeId)}`} data-apply-link>
              {t('home.apply')}
            </a>
            <span class="muted small">{t('portal.call.applyHint')}</span>
          </p>
        )}
      </section>
      {form && (
        <>
          <section class="card" aria-labelledby="call-timeline">
            <h2 id="call-timeline">{t('portal.call.timeline')}</h2>
            <dl class="facts">
              <dt>{t('portal.call.registrationOpens')}</dt>
              <dd>{formatMoment(form.registrationOpens, locale)}</dd>
              <dt>{t('portal.call.registrationCloses')}</dt>
              <dd>{formatMoment(form.registrationCloses, locale)}</dd>
              <dt>{t('portal.call.submissionDeadline')}</dt>
              <dd>{formatMoment(form.submissionDeadline, locale)}</dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="call-eligibility">
            <h2 id="call-eligibility">{t('portal.call.eligibility')}</h2>
            <ul>
              {form.checklist.map((rule) => (
                <li key={rule.id}>{ruleText(t, rule)}</li>
              ))}
            </ul>
          </section>
          <section class="card" aria-labelledby="call-package">
            <h2 id="call-package">{t('portal.call.package')}</h2>
            <ul>
              <li>{t('portal.call.packageSections', { items: Math.max(0, form.sections.length - 1) })}</li>
              <li>{t('portal.call.packageFiles', { types: fileTypeList(form.allowedTypes)[locale], maxBytes: formatBytes(form.maxFileBytes, locale) })}</li>
            </ul>
          </section>
        </>
      )}
      <section class="card" aria-labelledby="call-attachments">
        <h2 id="call-attachments">{t('portal.call.attachments')}</h2>
        {c.attachments.length === 0 ? (
          <p class="muted">{t('portal.call.noAttachments')}</p>
        ) : (
          <ul class="attachments">
            {c.attachments.map((a) => (
              <Attachment key={a.attachmentId} attachment={a} roundId={c.roundId} />
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href={`/programmes/${encodeURIComponent(c.programmeId)}`}>{t('portal.call.back')}</a>
      </p>
    </article>
  );
}
