import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateView } from '../../../shared/api/letters';
import { renderWithState } from '../test-utils';
import { CertificateSheet } from './CertificatePage';

afterEach(cleanup);

const certificate: CertificateView = {
  number: 'CITY-2027-01',
  organisation: '示范精密制造有限公司',
  award: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Government Quality Award' },
  issuer: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' },
  round: { 'zh-CN': '第一届（2026年）', en: 'First round (2026)' },
  awardedAt: '2027-01-04T17:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  announcement: { path: '/results/city-2026/announcement.json', page: '/notices/city-2026', sha256: 'c'.repeat(64) },
  checkPath: '/check/CITY-2027-01',
};

describe('the award certificate', () => {
  it('prints the organisation, award, round, issuing body, the date in Beijing, the number, the short check URL and the announcement’s SHA-256', () => {
    renderWithState(<CertificateSheet certificate={certificate} origin="https://award.example.gov.cn" />, { locale: 'zh-CN' });
    const sheet = document.querySelector('[data-certificate="CITY-2027-01"]')!;
    expect(sheet.textContent).toContain('荣誉证书');
    expect(sheet.textContent).toContain('示范精密制造有限公司');
    expect(sheet.textContent).toContain('荣获示范市政府质量奖');
    expect(sheet.textContent).toContain('示范市人民政府');
    // 17:00 UTC on 4 January is 5 January in Beijing.
    expect(sheet.textContent).toContain('2027年1月5日');
    expect(screen.getByText('证书编号：CITY-2027-01')).toBeTruthy();
    expect(screen.getByText('核验地址：https://award.example.gov.cn/check/CITY-2027-01')).toBeTruthy();
    expect(sheet.textContent).toContain('c'.repeat(64));
  });

  it('reads in English too', () => {
    renderWithState(<CertificateSheet certificate={certificate} origin="https://award.example.gov.cn" />, { locale: 'en' });
    expect(screen.getByText('Certificate of Award')).toBeTruthy();
    expect(document.body.textContent).toContain('is a winner of the Demo City Government Quality Award');
    expect(document.body.textContent).toContain('5 January 2027');
    expect(document.body.textContent).not.toMatch(/\{\w+\}/);
  });
});
