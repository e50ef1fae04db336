import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { defenseFixture, ICS, visitFixture } from './fixtures';
import { MySchedule } from './MySchedule';

afterEach(cleanup);
const MINE = 'GET /api/scoring/schedule/mine';

describe('my schedule', () => {
  it('shows a visit in Beijing time with the address, the team, the contact and the calendar file — never an ISO time', async () => {
    const fetch = routedFetch({ [MINE]: { status: 200, body: { entries: [{ kind: 'visit', visit: visitFixture(), ics: ICS }] } } });
    renderWithState(<MySchedule />, { locale: 'zh-CN', fetch });

    const entry = await screen.findByRole('heading', { name: '现场评审：福州示范精密制造有限公司' });
    const card = entry.closest('article')!;
    expect(card.textContent).toContain('2027年3月10日 09:00–12:00');
    expect(card.textContent).toContain('北京时间');
    expect(card.textContent).toContain('福州市鼓楼区五四路 1 号');
    expect(card.textContent).toContain('张组长（组长）、李专家');
    expect(card.textContent).toContain('王联系');
    expect(card.textContent).not.toMatch(/\d{4}-\d\d-\d\dT/);
    const link = screen.getByRole('link', { name: '下载日历文件（.ics）' });
    expect(link.getAttribute('download')).toBe('site-visit-01JAPP00000000000000000001.ics');
    expect(decodeURIComponent(link.getAttribute('href')!)).toBe(`data:text/calendar;charset=utf-8,${ICS}`);
  });

  it('reads in English too, shows a cancellation with its reason, and the defense order', async () => {
    const fetch = routedFetch({
      [MINE]: {
        status: 200,
        body: {
          entries: [
            { kind: 'visit', visit: visitFixture({ status: 'cancelled', cancellation: { reason: '停产检修', at: '2026-12-07T00:00:00.000Z' } }), ics: ICS },
            { kind: 'defense', defense: defenseFixture(), ics: ICS },
          ],
        },
      },
    });
    renderWithState(<MySchedule />, { locale: 'en', fetch });
    expect(await screen.findByText('Cancelled: 停产检修')).toBeTruthy();
    expect(document.body.textContent).toContain('10 Mar 2027, 09:00–12:00');
    expect(document.body.textContent).toContain('Beijing time');
    expect(screen.getByRole('heading', { name: 'Presentation and defense' })).toBeTruthy();
    expect(document.body.textContent).toContain('Number 2 · 09:40–10:20 · 福州示范精密制造有限公司');
    expect(screen.getAllByRole('link', { name: 'Download the calendar file (.ics)' })).toHaveLength(2);
  });

  it('on the dashboard shows only the application’s own entries, and nothing while none is scheduled', async () => {
    const other = visitFixture({ applicationId: '01JAPP00000000000000000009', organisation: { name: '别家公司', district: '', industry: '' } });
    const fetch = routedFetch({ [MINE]: { status: 200, body: { entries: [{ kind: 'visit', visit: other, ics: ICS }] } } });
    renderWithState(<MySchedule applicationId="01JAPP00000000000000000001" hideEmpty />, { locale: 'en', fetch });
    await new Promise((r) => setTimeout(r, 50));
    expect(fetch.calls.map((c) => c.key)).toEqual([MINE]);
    expect(document.querySelector('[data-my-schedule]')).toBeNull();
    expect(document.body.textContent).not.toContain('别家公司');
  });
});
