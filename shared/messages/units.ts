import type { Locale, Text } from './types';

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A size as people read it, in binary units written the way offices write them: 1 KB = 1,024 bytes,
 * 1 MB = 1,024 KB (so the 52,428,800-byte limit is "50 MB"), at most one decimal and none when whole
 * ("1.5 MB", "50 MB", "812 B"). The one formatter for every size Merit shows: pages, errors, mail, README.
 */
export function formatBytes(bytes: number, locale: Locale | string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1,023.96 KB rounds to "1,024 KB": say "1 MB" instead.
  if (unit > 0 && unit < BYTE_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${BYTE_UNITS[unit]}`;
}

/** {@link formatBytes} in both languages, for a message parameter that each language fills with its own. */
export function bytesText(bytes: number): Text {
  return { 'zh-CN': formatBytes(bytes, 'zh-CN'), en: formatBytes(bytes, 'en') };
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/zip': 'ZIP',
  'text/plain': 'TXT',
};

/**
 * A file type as people name it (PDF, Word, Excel, JPEG), from its content type; for a type without a
 * common name, the file's extension in capitals (`.exe` → EXE), else the content type itself.
 */
export function fileTypeName(contentType: string, fileName?: string): string {
  const known = TYPE_NAMES[contentType.toLowerCase()];
  if (known) return known;
  const extension = fileName?.includes('.') ? fileName.split('.').pop() : undefined;
  return extension ? extension.toUpperCase() : contentType || '—';
}

/** Several file types as people name them, each once, listed as each language lists (PDF、Word、JPEG / PDF, Word, JPEG). */
export function fileTypeList(contentTypes: readonly string[]): Text {
  const names = [...new Set(contentTypes.map((type) => fileTypeName(type)))];
  return { 'zh-CN': names.join('、'), en: names.join(', ') };
}

/** Beijing time: a round's time zone unless its configuration names another (`timeZone`). */
export const BEIJING_TIME = 'Asia/Shanghai';

/**
 * A moment as people read it, in the round's time zone (Beijing time by default), never an ISO string:
 * "2026年12月5日 18:00" / "5 Dec 2026, 18:00". An unreadable value is returned as it is.
 */
export function formatMoment(iso: string, locale: Locale, timeZone: string = BEIJING_TIME): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** {@link formatMoment} in both languages, for a message parameter that each language fills with its own. */
export function momentText(iso: string, timeZone: string = BEIJING_TIME): Text {
  return { 'zh-CN': formatMoment(iso, 'zh-CN', timeZone), en: formatMoment(iso, 'en', timeZone) };
}
