import type { PublicProgramme } from '../../../shared/api/schemas';
import { useLocale, useT } from '../i18n';

/** Where written objections go: the office's address, phone and email, as the programme's settings say. */
export function ContactFacts({ contact }: { contact: NonNullable<PublicProgramme['contact']> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl class="facts" data-contact>
      <dt>{t('portal.contact.address')}</dt>
      <dd>{contact.address[locale]}</dd>
      <dt>{t('portal.contact.phone')}</dt>
      <dd>
        <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
      </dd>
      <dt>{t('portal.contact.email')}</dt>
      <dd>
        <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </dd>
    </dl>
  );
}
