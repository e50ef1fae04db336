import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, slotClash, visitClashes, type VisitSpan } from './overlap';
import { zonedInstant, zonedParts } from './time';

const at = (h: number) => new Date(Date.UTC(2026, 11, 10, 0, 0) + h * 15 * 60_000).toISOString();

describe('schedule overlaps', () => {
  it('counts sharing any moment as an overlap, back to back as none', () => {
    expect(overlaps({ start: at(0), end: at(4) }, { start: at(3), end: at(6) })).toBe(true);
    expect(overlaps({ start: at(0), end: at(4) }, { start: at(4), end: at(6) })).toBe(false);
    expect(overlaps({ start: at(1), end: at(2) }, { start: at(0), end: at(6) })).toBe(true);
  });

  it('names the other visit and the expert on both', () => {
    const a: VisitSpan = { visitId: 'A', start: at(0), end: at(8), members: ['e1', 'e2'] };
    const b: VisitSpan = { visitId: 'B', start: at(4), end: at(10), members: ['e2', 'e3'] };
    expect(visitClashes(b, [a])).toEqual([{ reviewerId: 'e2', visitId: 'A' }]);
    expect(visitClashes({ ...a, start: at(10), end: at(12) }, [a])).toEqual([]); // its own earlier version
  });

  it('never accepts a schedule with an expert in two overlapping visits (property)', () => {
    const visit = fc.record({
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 12 }),
      members: fc.uniqueArray(fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 25 }), (requests) => {
        // Prepare / Act: schedule each request in turn, refusing it on any clash, as the use case does.
        const accepted: VisitSpan[] = [];
        requests.forEach((r, i) => {
          const candidate: VisitSpan = { visitId: `V${i}`, start: at(r.start), end: at(r.start + r.length), members: r.members };
          if (visitClashes(candidate, accepted).length === 0) accepted.push(candidate);
        });
        // Assess: no two accepted visits that overlap share a member.
        for (const x of accepted) for (const y of accepted) {
          if (x !== y && overlaps(x, y)) expect(x.members.filter((m) => y.members.includes(m))).toEqual([]);
        }
      }),
    );
  });

  it('finds the first pair of overlapping slots', () => {
    expect(slotClash([{ start: at(0), end: at(2) }, { start: at(2), end: at(4) }])).toBeUndefined();
    expect(slotClash([{ start: at(0), end: at(2) }, { start: at(2), end: at(4) }, { start: at(3), end: at(5) }])).toEqual([1, 2]);
  });
});

describe('times in the round\'s time zone', () => {
  it('reads a Beijing wall clock as the UTC instant eight hours earlier, and back', () => {
    expect(zonedInstant('2026-12-10', '09:00', 'Asia/Shanghai')).toBe('2026-12-10T01:00:00.000Z');
    expect(zonedInstant('2026-12-10', '07:30', 'Asia/Shanghai')).toBe('2026-12-09T23:30:00.000Z');
    expect(zonedParts('2026-12-09T23:30:00.000Z', 'Asia/Shanghai')).toEqual({ date: '2026-12-10', time: '07:30' });
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    expect(zonedInstant('2026-02-30', '09:00', 'Asia/Shanghai')).toBeUndefined();
    expect(zonedInstant('2026-12-10', '24:00', 'Asia/Shanghai')).toBeUndefined();
    expect(zonedInstant('10.12.2026', '09:00', 'Asia/Shanghai')).toBeUndefined();
  });
});
