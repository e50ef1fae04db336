import { isMessageKey, type MessageKey } from '../../../shared/messages/registry';
import type { Locale } from '../../../shared/messages/types';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012';
import { PROFILE_SECTION } from '../../../shared/api/application-constants';
import type { Translate } from '../i18n';
import '../texts/terms';

/** A moment in the reader's time zone, with the zone named, e.g. "25 Nov 2026, 17:00 GMT+8". */
export function formatMoment(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** The reader's time zone (IANA name), for saying which zone a time is shown in. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The label of a package section: the profile, or "4.1.2 高层领导的作用". */
export function sectionLabel(section: string, t: Translate, locale: Locale): string {
  if (section === PROFILE_SECTION) return t('application.section.profile');
  const item = GBT19580_2012.items.find((i) => i.id === section);
  return item ? `${item.id} ${item.name[locale]}` : section;
}

/** A catalogue text for a key that comes from the server (stage, code), or the raw value when unknown. */
export function tKnown(t: Translate, key: string, fallback: string, params?: Readonly<Record<string, string | number>>): string {
  return isMessageKey(key) ? t(key as MessageKey, params) : fallback;
}
