import './texts/common';
import { t, type MessageKey } from '../../shared/messages/registry';
import type { Locale } from '../../shared/messages/types';
import { useAppState } from './state';

/** Translates with the current language; components re-render when it changes. */
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** The translator for the current language (reading the locale signal subscribes the component). */
export function useT(): Translate {
  const { locale } = useAppState();
  const current = locale.value;
  return (key, params) => t(key, current, params);
}

/** The current language. */
export function useLocale(): Locale {
  return useAppState().locale.value;
}

/** A date-time in the reader's language. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A date in the reader's language. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}
