import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationLettersResponse } from '../../../shared/api/letters';
import { renderWithState } from '../test-utils';
import { Dashboard } from './Dashboard';
import { routedFetch } from './fakes';
import { applicationFixture } from './fixtures';

afterEach(cleanup);

const programme = { 'zh-CN': '示范市政府质量奖', en: 'Demo City Government Quality Award' };
const round = { 'zh-CN': '第一届示范市政府质量奖（2026年）', en: 'Demo City Government Quality Award, first round (2026)' };

function lettersFixture(applicationId: string): ApplicationLettersResponse {
  const base = { organisation: '示范精密制造有限公司', programme, round, reason: '—', deadline: '', noticeEndsAt: '', certificate: '' };
  return {
    applicationId,
    organisation: '示范精密制造有限公司',
    round,
    roundStage: 'announcement',
    status: 'winner',
    letters: [
      { kind: 'eligible', sentAt: '2026-09-10T02:00:00.000Z', timeZone: 'Asia/Shanghai', params: { ...base, reason: '符合申报条件。' } },
      {
        kind: 'siteVisit',
        sentAt: '2026-10-20T16:30:00.000Z',
        timeZone: 'Asia/Shanghai',
        params: { ...base, deadline: { 'zh-CN': '2026年12月1日 09:00', en: '1 Dec 2026, 09:00' } },
      },
      { kind: 'awarded', sentAt: '2027-01-05T01:00:00.000Z', timeZone: 'Asia/Shanghai', params: { ...base, certificate: 'CITY-2027-01' } },
    ],
    certificate: {
      number: 'CITY-2027-01',
      organisation: '示范精密制造有限公司',
      award: programme,
      issuer: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' },
      round,
      awardedAt: '2027-01-05T01:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      announcement: { path: '/results/city-2026/announcement.json', page: '/notices/city-2026', sha256: 'a'.repeat(64) },
      checkPath: '/check/CITY-2027-01',
    },
  };
}

describe('the result letters on the dashboard', () => {
  it('shows every letter newest first, in the reader’s language, dated in Beijing time, the status that follows the round, and the certificate link', async () => {
    const app = applicationFixture({ status: 'submitted', stage: 'announcement', submittedAt: '2026-08-01T01:00:00.000Z' });
    const fetch = routedFetch({ [`GET /api/publication/applications/${app.applicationId}/letters`]: { status: 200, body: lettersFixture(app.applicationId) } });
    renderWithState(<Dashboard app={app} now={() => Date.parse('2027-02-01T00:00:00Z')} onWithdrawn={vi.fn()} />, { locale: 'en', fetch });

    await screen.findByRole('heading', { name: 'Result letters' });
    expect(document.querySelector('[data-application-status="winner"]')!.textContent).toBe('Winner');
    const kinds = [...document.querySelectorAll('[data-letter]')].map((e) => e.getAttribute('data-letter'));
    expect(kinds).toEqual(['awarded', 'siteVisit', 'eligible']);
    // 2026-10-20T16:30Z is 21 October in Beijing: the date people there read.
    expect(document.querySelector('[data-letter="siteVisit"] time')!.textContent).toMatch(/21 Oct 2026, 00:30 \(Beijing time\)/);
    expect(screen.getByText(/will visit your premises before 1 Dec 2026, 09:00/)).toBeTruthy();
    expect(screen.getByText(/Certificate number: CITY-2027-01/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See and print the certificate' }).getAttribute('href')).toBe(`/certificates/${app.applicationId}`);
    expect(document.body.textContent).not.toMatch(/\{\w+\}|\d{4}-\d\d-\d\dT\d\d:\d\d|letter\.\w+/);
  });

  it('reads the same letters in Chinese', async () => {
    const app = applicationFixture({ status: 'submitted', stage: 'announcement', submittedAt: '2026-08-01T01:00:00.000Z' });
    const fetch = routedFetch({ [`GET /api/publication/applications/${app.applicationId}/letters`]: { status: 200, body: lettersFixture(app.applicationId) } });
    renderWithState(<Dashboard app={app} now={() => Date.parse('2027-02-01T00:00:00Z')} onWithdrawn={vi.fn()} />, { locale: 'zh-CN', fetch });

    await screen.findByRole('heading', { name: '结果通知' });
    expect(document.querySelector('[data-application-status="winner"]')!.textContent).toBe('获奖');
    expect(screen.getByText(/【示范市政府质量奖】获奖通知/)).toBeTruthy();
    expect(screen.getByText(/现场评审组将于 2026年12月1日 09:00 前到贵单位开展现场评审/)).toBeTruthy();
    expect(document.querySelector('[data-letter="siteVisit"] time')!.textContent).toContain('（北京时间）');
  });

  it('keeps the submitted status and says there is no letter yet; a registered application asks for none', async () => {
    const app = applicationFixture({ status: 'submitted', submittedAt: '2026-08-01T01:00:00.000Z' });
    const empty = { ...lettersFixture(app.applicationId), status: 'submitted', roundStage: 'eligibility', letters: [], certificate: undefined };
    const fetch = routedFetch({ [`GET /api/publication/applications/${app.applicationId}/letters`]: { status: 200, body: empty } });
    const view = renderWithState(<Dashboard app={app} now={() => Date.parse('2026-08-02T00:00:00Z')} onWithdrawn={vi.fn()} />, { locale: 'en', fetch });
    await screen.findByText(/No letters yet/);
    expect(document.querySelector('[data-application-status="submitted"]')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'See and print the certificate' })).toBeNull();
    view.unmount();

    const registered = routedFetch({});
    renderWithState(<Dashboard app={applicationFixture({ status: 'registered' })} now={() => Date.parse('2026-08-02T00:00:00Z')} onWithdrawn={vi.fn()} />, { locale: 'en', fetch: registered });
    expect(registered.calls.filter((c) => c.key.includes('/letters'))).toEqual([]);
  });
});
