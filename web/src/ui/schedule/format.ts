import { BEIJING_TIME, formatMoment } from '../../../../shared/messages/units';
import type { Locale } from '../../../../shared/messages/types';
import { zonedParts } from '../../../../shared/schedule/time';
import type { Translate } from '../../i18n';

/** A span as people read it in the round's time zone: "2027年3月10日 09:00–12:00" (the end's day too when it differs). */
export function spanLabel(start: string, end: string, timeZone: string, locale: Locale): string {
  const sameDay = zonedParts(start, timeZone).date === zonedParts(end, timeZone).date;
  return `${formatMoment(start, locale, timeZone)}–${sameDay ? zonedParts(end, timeZone).time : formatMoment(end, locale, timeZone)}`;
}

/** The time of day of an instant in the round's time zone: "09:40". */
export const clockLabel = (iso: string, timeZone: string) => zonedParts(iso, timeZone).time;

/** The round's time zone as people name it (Beijing time, else its name). */
export const zoneLabel = (t: Translate, timeZone: string) => (timeZone === BEIJING_TIME ? t('schedule.zone.beijing') : timeZone);

/** A calendar file as a link target the browser saves (with the link's `download` name). */
export const calendarHref = (ics: string) => `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
