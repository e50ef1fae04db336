import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateView } from '../../../../shared/api/letters';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { CheckPage } from './CheckPage';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const certificate: CertificateView = {
  number: 'CITY-2027-01',
  organisation: '示范精密制造有限公司',
  award: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Government Quality Award' },
  issuer: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' },
  round: { 'zh-CN': '第一届（2026年）', en: 'First round (2026)' },
  awardedAt: '2027-01-05T01:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  announcement: { path: '/results/city-2026/announcement.json', page: '/notices/city-2026', sha256: 'b'.repeat(64) },
  checkPath: '/check/CITY-2027-01',
};

const notFound = {
  status: 404,
  body: { error: { code: 'CERTIFICATE_NOT_FOUND', message: { 'zh-CN': '没有编号为“X”的证书。', en: 'There is no certificate numbered “X”.' } } },
};

function page(locale: 'zh-CN' | 'en', fetch: ReturnType<typeof routedFetch>) {
  return renderWithState(
    <Router>
      <Route path="/check" component={CheckPage} />
      <Route path="/check/:number" component={CheckPage} />
    </Router>,
    { locale, fetch },
  );
}

describe('the public certificate check', () => {
  it('asks for a number before checking, then shows a valid certificate with its announcement', async () => {
    history.replaceState(null, '', '/check');
    const fetch = routedFetch({ 'GET /api/publication/certificates/CITY-2027-01': { status: 200, body: certificate } });
    page('en', fetch);

    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('alert').textContent).toBe('Please enter a certificate number.');
    expect(fetch.calls).toEqual([]);

    fireEvent.input(screen.getByLabelText('Certificate number'), { target: { value: ' CITY-2027-01 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('This certificate is valid');
    expect(screen.getByText('示范精密制造有限公司')).toBeTruthy();
    expect(screen.getByText('Demo City Government Quality Award')).toBeTruthy();
    expect(screen.getByText(/5 Jan 2027, 09:00/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the announcement' }).getAttribute('href')).toBe('/notices/city-2026');
    expect(location.pathname).toBe('/check/CITY-2027-01');
  });

  it('says clearly, in Chinese, that an unknown number does not exist and shows nothing else', async () => {
    history.replaceState(null, '', '/check/CITY-1999-99');
    page('zh-CN', routedFetch({ 'GET /api/publication/certificates/CITY-1999-99': notFound }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('没有编号为“CITY-1999-99”的证书。请核对证书上的编号。');
    expect(document.querySelector('[data-check="valid"]')).toBeNull();
    expect((screen.getByLabelText('证书编号') as HTMLInputElement).value).toBe('CITY-1999-99');
  });

  it('checks the number in the address when the page opens (the printed short URL)', async () => {
    history.replaceState(null, '', '/check/CITY-2027-01');
    const fetch = routedFetch({ 'GET /api/publication/certificates/CITY-2027-01': { status: 200, body: certificate } });
    page('zh-CN', fetch);
    await screen.findByText('证书有效');
    await waitFor(() => expect(fetch.calls).toHaveLength(1));
  });
});
