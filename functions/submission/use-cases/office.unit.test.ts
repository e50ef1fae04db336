import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { csvCell, csvTextCell, csvTime, funnelOf } from './office';

const app = (status: ApplicationRecord['status']) => ({ status }) as ApplicationRecord;

describe('the office funnel', () => {
  it('gives the share of registrations that were submitted with one decimal (the model round: 170 of 541 is 31.4%)', () => {
    // Prepare
    const apps = [...Array(170).fill(app('submitted')), ...Array(371).fill(app('registered'))];
    // Act
    const funnel = funnelOf(apps);
    // Assess
    expect(funnel).toMatchObject({ registered: 541, submitted: 170, submittedPercent: 31.4 });
  });

  it('is 0% for a round nobody registered for', () => {
    expect(funnelOf([]).submittedPercent).toBe(0);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('福州示范制造有限公司')).toBe('福州示范制造有限公司');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
  });
});

describe('CSV fields a spreadsheet must keep as text', () => {
  it('writes an all-digit credit code and a phone number as ="…", so Excel and WPS neither round them (9.13501E+17) nor drop a leading 0', () => {
    expect(csvTextCell('913501001234567890')).toBe('"=""913501001234567890"""');
    expect(csvTextCell('0591-12345678')).toBe('"=""0591-12345678"""');
    expect(csvTextCell('')).toBe('');
  });

  it('keeps whatever is inside the text literal from running: quotes are doubled', () => {
    expect(csvTextCell('1"&HYPERLINK("x")&"')).toBe('"=""1""""&HYPERLINK(""""x"""")&"""""""');
  });
});

describe('CSV times', () => {
  it('are in Beijing time (the round\'s time zone), as the site shows them, not UTC', () => {
    expect(csvTime('2026-08-01T01:00:00.000Z')).toBe('2026-08-01 09:00');
    expect(csvTime('2026-07-31T16:30:00.000Z')).toBe('2026-08-01 00:30');
    expect(csvTime(undefined)).toBe('');
  });
});
