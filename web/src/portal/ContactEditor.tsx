import { useEffect, useState } from 'preact/hooks';
import type { ProgrammeContact } from '../../../shared/api/portal';
import type { PublicProgramme } from '../../../shared/api/schemas';
import { useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/portal';
import '../texts/portal-office';
import './portal.css';

/**
 * The programme's administrator sets where written objections go (issue #14
 * part 2): shown on the programme's page and on every notice; each change is
 * audited on the programme's chain and based on the version read.
 */
export function ContactEditor() {
  const t = useT();
  const state = useAppState();
  // The form starts from the contact the public list holds (with its version): it waits for that list.
  useEffect(() => {
    state.loadProgrammes().catch(() => undefined);
  }, [state]);
  if (!state.programmes.value) return <p class="muted">{t('site.loading')}</p>;
  const programmeId = state.session.value?.programmeId;
  return <ContactForm contact={state.programmes.value.find((p) => p.programmeId === programmeId)?.contact} />;
}

function ContactForm({ contact: listed }: { contact: PublicProgramme['contact'] }) {
  const t = useT();
  const state = useAppState();
  const [version, setVersion] = useState<number | null>(null);
  const [values, setValues] = useState({
    addressZh: listed?.address['zh-CN'] ?? '',
    addressEn: listed?.address.en ?? '',
    phone: listed?.phone ?? '',
    email: listed?.email ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<ProgrammeContact | null>(null);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onInput: (e: { currentTarget: HTMLInputElement }) => setValues((v) => ({ ...v, [name]: e.currentTarget.value })),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const body = { address: { 'zh-CN': values.addressZh, en: values.addressEn }, phone: values.phone, email: values.email };
      const contact = await state.call('portal.setContact', { body: { ...body, version: version ?? listed?.version ?? 0 } });
      setVersion(contact.version);
      setSaved(contact);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="contact-edit-title" data-contact-editor>
      <h2 id="contact-edit-title">{t('portal.contactEdit.title')}</h2>
      <p class="muted small">{t('portal.contactEdit.intro')}</p>
      <form class="portal-form" onSubmit={(e) => void submit(e)}>
        <div class="pair">
          <div class="field">
            <label for="contact-address-zh">{t('portal.contactEdit.addressZh')}</label>
            <input id="contact-address-zh" required maxLength={200} {...field('addressZh')} />
          </div>
          <div class="field">
            <label for="contact-address-en">{t('portal.contactEdit.addressEn')}</label>
            <input id="contact-address-en" required maxLength={300} {...field('addressEn')} />
          </div>
          <div class="field">
            <label for="contact-phone">{t('portal.contact.phone')}</label>
            <input id="contact-phone" type="tel" required maxLength={40} {...field('phone')} />
          </div>
          <div class="field">
            <label for="contact-email">{t('portal.contact.email')}</label>
            <input id="contact-email" type="email" required maxLength={254} {...field('email')} />
          </div>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <div class="form-actions">
          <button type="submit" disabled={busy}>
            {t('portal.contactEdit.save')}
          </button>
        </div>
        {saved && (
          <p class="notice" role="status">
            {t('portal.edit.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
