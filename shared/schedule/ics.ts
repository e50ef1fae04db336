// RFC 5545 (iCalendar) and RFC 5546 (iTIP): the calendar file every schedule mail carries and every page offers.

/** One person named in an event (organiser or attendee). */
export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

/** One event of a calendar file: times are UTC instants (ISO strings); texts are plain and escaped here. */
export interface CalendarEvent {
  /** Stable per scheduled thing (a visit, a defense slot): a change keeps it, so calendars update the same event. */
  readonly uid: string;
  /** Raised by one on every change (RFC 5545 §3.8.7.4), so the newest file wins. */
  readonly sequence: number;
  readonly start: string;
  readonly end: string;
  /** When the file was written (DTSTAMP). */
  readonly stamp: string;
  readonly summary: string;
  readonly location?: string;
  readonly description?: string;
  readonly organizer?: CalendarPerson;
  readonly attendees?: readonly CalendarPerson[];
  /** CANCELLED in a cancellation. */
  readonly cancelled?: boolean;
}

/** The iTIP method: a schedule's (re)issue, its cancellation, or a file to keep (a page's download). */
export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Reverses {@link escapeText}. */
export function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each further part starts with one space on a new line
 * (CRLF); a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Reverses {@link foldLine} over a whole file: the content lines. */
export function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}

/** A UTC instant as an iCalendar DATE-TIME in UTC: 20261210T013000Z. */
export function icsDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

// A parameter value (CN) with a character a parameter may not hold bare is quoted; a quote itself is dropped (RFC 5545 §3.2).
const paramValue = (v: string) => {
  const clean = v.replace(/["\r\n]/g, '');
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
};

function eventLines(e: CalendarEvent, method: CalendarMethod): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  for (const a of e.attendees ?? []) {
    lines.push(`ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT${method === 'REQUEST' ? ';RSVP=FALSE' : ''}:mailto:${a.email}`);
  }
  lines.push(`STATUS:${e.cancelled || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** A calendar file (text/calendar, UTF-8, CRLF line ends, lines folded at 75 octets) holding `events`. */
export function writeCalendar(method: CalendarMethod, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Merit//Quality Award//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...events.flatMap((e) => eventLines(e, method)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** One content line read back: its name, parameters and (unescaped for text) value. */
export interface CalendarLine {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

/** Reads a calendar file back into its content lines (unfolded; text values unescaped) — for checks and tests. */
export function readCalendar(text: string): CalendarLine[] {
  return unfold(text).map((line) => {
    // The value starts at the first colon outside a quoted parameter value.
    let quoted = false;
    let at = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (line[i] === ':' && !quoted) { at = i; break; }
    }
    const head = line.slice(0, at);
    const [name = '', ...rest] = head.split(';');
    const params = Object.fromEntries(rest.map((p) => { const [k = '', ...v] = p.split('='); return [k, v.join('=').replace(/^"|"$/g, '')]; }));
    const raw = line.slice(at + 1);
    return { name, params, value: ['SUMMARY', 'LOCATION', 'DESCRIPTION', 'UID'].includes(name) ? unescapeText(raw) : raw };
  });
}
