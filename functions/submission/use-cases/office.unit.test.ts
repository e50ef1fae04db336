import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { csvCell, funnelOf } from './office';

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
