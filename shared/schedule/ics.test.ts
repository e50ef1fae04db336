import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, readCalendar, unescapeText, unfold, writeCalendar, type CalendarEvent } from './ics';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'visit-01J@merit',
  sequence: 0,
  start: '2026-12-10T01:00:00.000Z',
  end: '2026-12-10T05:30:00.000Z',
  stamp: '2026-12-06T02:00:00.000Z',
  summary: '现场评审：某某精密制造有限公司',
  location: '福州市鼓楼区五四路 1 号, 3 楼; 会议室',
  description: '联系人：王五\n电话：0591-12345678',
  organizer: { name: '评审委员会办公室', email: 'office@example.org' },
  attendees: [{ name: '张三', email: 'zhang@example.org' }],
  ...over,
});

const encoder = new TextEncoder();

describe('the calendar file (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks in text, and reads them back', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(unescapeText(escapeText(s))).toBe(s.replace(/\r\n|\r/g, '\n'));
    }));
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, and unfolds to the same line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => s.replace(/[\r\n]/g, '')), (s) => {
        const folded = foldLine(`SUMMARY:${s}`);
        for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
        expect(folded.split('\r\n').slice(1).every((p) => p.startsWith(' '))).toBe(true);
        expect(unfold(folded)).toEqual([`SUMMARY:${s}`]);
      }),
    );
    const chinese = foldLine(`SUMMARY:${'现'.repeat(40)}`);
    expect(chinese.split('\r\n')[0]).toBe(`SUMMARY:${'现'.repeat(22)}`); // 8 + 66 octets; a 23rd would make 77
  });

  it('writes a request with a stable UID, UTC times, the sequence and escaped, folded texts that read back', () => {
    const text = writeCalendar('REQUEST', [event({ sequence: 2 })]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => encoder.encode(l).length <= 75)).toBe(true);
    const lines = readCalendar(text);
    const value = (name: string) => lines.find((l) => l.name === name)?.value;
    expect(value('METHOD')).toBe('REQUEST');
    expect(value('UID')).toBe('visit-01J@merit');
    expect(value('SEQUENCE')).toBe('2');
    expect(value('DTSTART')).toBe('20261210T010000Z');
    expect(value('DTEND')).toBe('20261210T053000Z');
    expect(value('LOCATION')).toBe('福州市鼓楼区五四路 1 号, 3 楼; 会议室');
    expect(value('DESCRIPTION')).toBe('联系人：王五\n电话：0591-12345678');
    expect(value('STATUS')).toBe('CONFIRMED');
    expect(lines.find((l) => l.name === 'ATTENDEE')).toMatchObject({ params: { CN: '张三' }, value: 'mailto:zhang@example.org' });
    expect(lines.map((l) => l.name)).toEqual(expect.arrayContaining(['BEGIN', 'VERSION', 'PRODID', 'DTSTAMP', 'ORGANIZER', 'END']));
  });

  it('marks a cancellation CANCELLED under METHOD:CANCEL', () => {
    const lines = readCalendar(writeCalendar('CANCEL', [event({ sequence: 3 })]));
    expect(lines.find((l) => l.name === 'METHOD')?.value).toBe('CANCEL');
    expect(lines.find((l) => l.name === 'STATUS')?.value).toBe('CANCELLED');
    expect(lines.find((l) => l.name === 'SEQUENCE')?.value).toBe('3');
  });

  it('keeps any summary and location intact through writing and reading back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (summary, location) => {
        const lines = readCalendar(writeCalendar('REQUEST', [event({ summary, location })]));
        expect(lines.find((l) => l.name === 'SUMMARY')?.value).toBe(summary.replace(/\r\n|\r/g, '\n'));
        expect(lines.find((l) => l.name === 'LOCATION')?.value).toBe(location.replace(/\r\n|\r/g, '\n'));
      }),
    );
  });
});
