import { describe, expect, it } from 'vitest';
import { seedDoneLine, startBanner } from './banner';

const banner = (data: 'seeding' | 'reused') =>
  startBanner({ url: 'http://localhost:4100', dataDir: '.data', adminEmail: 'admin@merit.local', link: 'http://localhost:4100/auth#token=x', data });

describe('what npm start prints', () => {
  it('does not call the demo rounds seeded while the last one is still being written, and says a later line will', () => {
    expect(banner('seeding')).not.toMatch(/\(demo rounds seeded\)/);
    expect(banner('seeding')).toContain('seeding the demo rounds');
    expect(seedDoneLine(9.84)).toBe('  Demo rounds seeded: all three rounds are ready (the last took 9.8 s).');
    expect(banner('reused')).toContain('(existing data reused)');
  });

  it('says what to open first, that the link lasts 15 minutes, and how to get another', () => {
    const text = banner('reused');
    expect(text).toContain('First, open this sign-in link for admin@merit.local');
    expect(text).toContain('within 15 minutes');
    expect(text).toContain('http://localhost:4100/auth#token=x');
    expect(text).toContain('Ask for another at http://localhost:4100/sign-in with admin@merit.local, then open it from http://localhost:4100/dev/outbox.');
  });
});

describe('the operator in what npm start prints (issue #14)', () => {
  it("prints the platform operator's sign-in link under the administrator's", () => {
    const text = startBanner({
      url: 'http://localhost:4100',
      dataDir: '.data',
      adminEmail: 'admin@merit.local',
      link: 'http://localhost:4100/auth#token=a',
      operatorEmail: 'operator@merit.local',
      operatorLink: 'http://localhost:4100/auth#token=o',
      data: 'reused',
    });
    expect(text).toContain('Platform operator operator@merit.local');
    expect(text.indexOf('#token=o')).toBeGreaterThan(text.indexOf('#token=a'));
  });
});
