import { useState } from 'preact/hooks';
import type { PublishedEntry } from '../../../shared/api/outcome';
import type { OnlineObjectionReceipt } from '../../../shared/api/portal';
import { formatMoment } from '../../../shared/messages/units';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { base64Of } from './files';
import '../texts/portal-objection';
import './portal.css';

const MAX_FILES = 3;

/**
 * The online objection form of an open public notice (issue #14 part 2): a
 * real-name objection against one proposed winner with evidence files. The
 * server checks everything again (anonymous, late, not proposed, a disguised
 * file); the office then resolves it like a written one.
 */
export function ObjectionForm({ roundId, entries }: { roundId: string; entries: readonly PublishedEntry[] }) {
  const t = useT();
  const locale = useLocale();
  const { call } = useAppState();
  const [organisation, setOrganisation] = useState('');
  const [name, setName] = useState('');
  const [objectorId, setObjectorId] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [statement, setStatement] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<OnlineObjectionReceipt | null>(null);
  const tooMany = files.length > MAX_FILES;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (tooMany) return;
    setBusy(true);
    setError(null);
    try {
      const evidence = await Promise.all(files.map(async (f) => ({ fileName: f.name, content: await base64Of(f) })));
      const answer = await call('portal.fileObjection', {
        params: { roundId },
        body: { organisation, objectorName: name, objectorId, phone, email: email.trim(), statement, evidence },
      });
      setReceipt(answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <p class="notice" role="status" data-objection-received={receipt.objectionId}>
        {t('portal.objection.received', { number: receipt.objectionId, at: formatMoment(receipt.receivedAt, locale) })}
      </p>
    );
  }

  return (
    <form class="portal-form" onSubmit={(e) => void submit(e)} data-objection-form>
      <h3>{t('portal.objection.title')}</h3>
      <p>{t('portal.objection.intro')}</p>
      <div class="field">
        <label for="objection-against">{t('portal.objection.against')}</label>
        <select id="objection-against" required value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)}>
          <option value="">{t('portal.objection.choose')}</option>
          {entries.map((e) => (
            <option key={e.organisation.name} value={e.organisation.name}>
              {e.organisation.name}
            </option>
          ))}
        </select>
      </div>
      <div class="pair">
        <div class="field">
          <label for="objection-name">{t('portal.objection.name')}</label>
          <input id="objection-name" required maxLength={100} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="objection-id">{t('portal.objection.id')}</label>
          <input id="objection-id" required maxLength={40} value={objectorId} onInput={(e) => setObjectorId(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="objection-phone">{t('portal.objection.phone')}</label>
          <input id="objection-phone" type="tel" maxLength={40} autoComplete="tel" aria-describedby="objection-contact-hint" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="objection-email">{t('portal.objection.email')}</label>
          <input id="objection-email" type="email" maxLength={254} autoComplete="email" aria-describedby="objection-contact-hint" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
      </div>
      <p id="objection-contact-hint" class="muted small">
        {t('portal.objection.contactHint')}
      </p>
      <div class="field">
        <label for="objection-statement">{t('portal.objection.statement')}</label>
        <textarea id="objection-statement" required maxLength={5000} value={statement} onInput={(e) => setStatement(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="objection-evidence">{t('portal.objection.evidence')}</label>
        <input
          id="objection-evidence"
          type="file"
          multiple
          required
          accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
        />
        {tooMany && (
          <p class="verify-bad" role="alert">
            {t('portal.objection.tooMany')}
          </p>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div class="form-actions">
        <button type="submit" disabled={busy || tooMany}>
          {t(busy ? 'portal.objection.sending' : 'portal.objection.submit')}
        </button>
      </div>
    </form>
  );
}
