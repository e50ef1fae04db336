import { useState } from 'preact/hooks';
import { ATTACHMENT_KINDS, type AttachmentKind, type CallView } from '../../../shared/api/portal';
import { fileTypeName, formatBytes } from '../../../shared/messages/units';
import { useLocale, useT } from '../i18n';
import { useLoad } from '../review/load';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { base64Of } from './files';
import '../texts/portal';
import '../texts/portal-office';
import './portal.css';

const EDITABLE = new Set(['call', 'registration']);

/** The attachment form: a file, its kind and its title in both languages. */
function AttachmentForm({ call: view, onDone }: { call: CallView; onDone: (next: CallView) => void }) {
  const t = useT();
  const { call } = useAppState();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AttachmentKind>('guidelines');
  const [titleZh, setTitleZh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('portal.addAttachment', {
        params: { roundId: view.roundId },
        body: { fileName: file.name, content: await base64Of(file), kind, title: { 'zh-CN': titleZh, en: titleEn }, version: view.version },
      });
      (event.target as HTMLFormElement).reset();
      setFile(null);
      setTitleZh('');
      setTitleEn('');
      onDone(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="portal-form" onSubmit={(e) => void submit(e)} data-attachment-form>
      <h3>{t('portal.edit.attach')}</h3>
      <div class="field">
        <label for="call-file">{t('portal.edit.file')}</label>
        <input id="call-file" type="file" required accept=".pdf,.docx,.xlsx" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <div class="field">
        <label for="call-kind">{t('portal.edit.kind')}</label>
        <select id="call-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}>
          {ATTACHMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`portal.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="pair">
        <div class="field">
          <label for="call-title-zh">{t('portal.edit.titleZh')}</label>
          <input id="call-title-zh" required maxLength={100} value={titleZh} onInput={(e) => setTitleZh(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="call-title-en">{t('portal.edit.titleEn')}</label>
          <input id="call-title-en" required maxLength={200} value={titleEn} onInput={(e) => setTitleEn(e.currentTarget.value)} />
        </div>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {t(busy ? 'portal.edit.uploading' : 'portal.edit.upload')}
        </button>
      </div>
    </form>
  );
}

/**
 * The office edits a round's public call (issue #14 part 2): its text in both
 * languages and its attachments. Each change is one audited change of the
 * round (its version moves on); `onChanged` lets the round page read it again.
 */
export function CallEditor({ roundId, onChanged }: { roundId: string; onChanged?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { call } = useAppState();
  const [loaded, reload, set] = useLoad(() => call('portal.call', { params: { roundId } }), [roundId]);
  const [text, setText] = useState<{ 'zh-CN': string; en: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  if (loaded.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} onRetry={reload} />;
  const view = loaded.value;
  const editable = EDITABLE.has(view.stage);
  const current = text ?? { 'zh-CN': view.text['zh-CN'], en: view.text.en };
  const changed = (next: CallView) => {
    set(next);
    setText(null);
    onChanged?.();
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      changed(await call('portal.setCallText', { params: { roundId }, body: { text: current, version: view.version } }));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (attachmentId: string, title: string) => {
    if (!globalThis.confirm(t('portal.edit.removeConfirm', { title }))) return;
    setError(null);
    try {
      changed(await call('portal.removeAttachment', { params: { roundId, attachmentId }, body: { version: view.version } }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="card" aria-labelledby="call-edit-title" data-call-editor={roundId}>
      <h2 id="call-edit-title">{t('portal.edit.title')}</h2>
      <p class="muted small">{t('portal.edit.intro')}</p>
      <p>
        <a href={`/calls/${encodeURIComponent(roundId)}`}>{t('portal.edit.view')}</a>
      </p>
      {!editable && <p class="notice">{t('portal.edit.locked')}</p>}
      <form class="portal-form" onSubmit={(e) => void save(e)}>
        <div class="field">
          <label for="call-text-zh">{t('portal.edit.textZh')}</label>
          <textarea id="call-text-zh" maxLength={20000} disabled={!editable} value={current['zh-CN']} onInput={(e) => setText({ ...current, 'zh-CN': e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="call-text-en">{t('portal.edit.textEn')}</label>
          <textarea id="call-text-en" maxLength={20000} disabled={!editable} value={current.en} onInput={(e) => setText({ ...current, en: e.currentTarget.value })} />
        </div>
        {editable && (
          <div class="form-actions">
            <button type="submit" disabled={busy}>
              {t('portal.edit.save')}
            </button>
          </div>
        )}
        {saved && (
          <p class="notice" role="status">
            {t('portal.edit.saved')}
          </p>
        )}
      </form>
      {error !== null && <ErrorMessage error={error} />}
      <h3>{t('portal.call.attachments')}</h3>
      {view.attachments.length === 0 ? (
        <p class="muted">{t('portal.call.noAttachments')}</p>
      ) : (
        <ul class="attachments">
          {view.attachments.map((a) => (
            <li key={a.attachmentId} data-attachment={a.attachmentId}>
              <strong>{a.title[locale]}</strong>
              <span class="muted small">{t(`portal.kind.${a.kind}`)}</span>
              <span class="file-name small">{a.fileName}</span>
              <span class="muted small">{t('portal.call.fileFacts', { type: fileTypeName(a.contentType, a.fileName), size: formatBytes(a.size, locale) })}</span>
              {editable && (
                <button type="button" class="secondary" onClick={() => void remove(a.attachmentId, a.title[locale])}>
                  {t('portal.edit.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && <AttachmentForm call={view} onDone={changed} />}
    </section>
  );
}
