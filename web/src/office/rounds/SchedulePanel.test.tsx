import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundScheduleResponse } from '../../../../shared/api/schedules';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { defenseFixture, visitFixture } from '../../ui/schedule/fixtures';
import { SchedulePanel } from './SchedulePanel';

afterEach(cleanup);
const visitForm = () => within(document.querySelector('[data-visit-form]') as HTMLElement);

const ROUND = 'GET /api/scoring/rounds/city-2026/schedule';
const VISIT = 'PUT /api/scoring/applications/01JAPP00000000000000000001/visit';
const CANCEL = 'POST /api/scoring/applications/01JAPP00000000000000000001/visit/cancellation';
const DEFENSE = 'PUT /api/scoring/rounds/city-2026/defense/schedule';

const candidate = (over: Partial<RoundScheduleResponse['candidates'][number]> = {}) => ({
  applicationId: '01JAPP00000000000000000001',
  organisation: { name: '福州示范精密制造有限公司', district: '鼓楼区', industry: '制造业' },
  contactPerson: '王联系',
  contactPhone: '0591-12345678',
  address: '福州市鼓楼区五四路 1 号',
  team: visitFixture().team,
  ...over,
});
const board = (over: Partial<RoundScheduleResponse> = {}): RoundScheduleResponse => ({ roundId: 'city-2026', timeZone: 'Asia/Shanghai', candidates: [candidate()], ...over });

describe('the office’s schedule panel', () => {
  it('shows who joined and left the site team since the visit was scheduled, and sends the visit as it is to the team as it is now', async () => {
    const changed = candidate({
      team: [visitFixture().team[0]!, { reviewerId: 'e3', reviewerName: '赵新成员', leader: false }],
      visit: visitFixture({ version: 2 }),
    });
    const resent = candidate({ team: changed.team, visit: visitFixture({ version: 3, team: changed.team }) });
    const fetch = routedFetch({
      [ROUND]: [{ status: 200, body: board({ candidates: [changed] }) }, { status: 200, body: board({ candidates: [resent] }) }],
      [VISIT]: { status: 200, body: resent.visit },
    });
    renderWithState(<SchedulePanel roundId="city-2026" isAdmin />, { locale: 'zh-CN', fetch });

    const warning = await screen.findByText(/现场评审组在安排后有变更/);
    expect(warning.textContent).toContain('加入：赵新成员；退出：李专家');
    fireEvent.click(screen.getByRole('button', { name: '按现在的评审组重新发送行程' }));
    expect((await screen.findByRole('status')).textContent).toBe('已按现在的评审组重新发送“福州示范精密制造有限公司”的现场评审行程（退出的成员收到取消通知）。');
    // The same day, time, place and contact, from the version read.
    expect(fetch.calls.find((c) => c.key === VISIT)!.body).toEqual({
      date: '2027-03-10', start: '09:00', end: '12:00', address: '福州市鼓楼区五四路 1 号', contactPerson: '王联系', contactPhone: '0591-12345678', version: 2,
    });
    await waitFor(() => expect(document.querySelector('[data-team-changed]')).toBeNull());
  });

  it('tells a supervisor the same, with nothing to press; an unchanged team says nothing', async () => {
    const changed = candidate({ team: [visitFixture().team[0]!], visit: visitFixture() });
    const fetch = routedFetch({ [ROUND]: { status: 200, body: board({ candidates: [changed, candidate({ applicationId: '01JAPP00000000000000000002', visit: visitFixture() })] }) } });
    renderWithState(<SchedulePanel roundId="city-2026" isAdmin={false} />, { locale: 'en', fetch });
    const warning = await screen.findByText(/The site team changed after the visit was scheduled/);
    expect(warning.textContent).toContain('(joined: none; left: 李专家)');
    expect(document.querySelectorAll('[data-team-changed]')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Send the visit to the team as it is now' })).toBeNull();
  });

  it('schedules a visit with the applicant’s registered contact prefilled, and shows the refusal the server words', async () => {
    const overlap = { error: { code: 'VISIT_OVERLAP', message: { 'zh-CN': '专家张组长在该时段已安排对“福州乙公司”的现场评审', en: 'Expert 张组长 is already on the site visit to “福州乙公司” at that time' } } };
    const fetch = routedFetch({
      [ROUND]: [{ status: 200, body: board() }, { status: 200, body: board({ candidates: [candidate({ visit: visitFixture() })] }) }],
      [VISIT]: [{ status: 409, body: overlap }, { status: 200, body: visitFixture() }],
    });
    renderWithState(<SchedulePanel roundId="city-2026" isAdmin />, { locale: 'en', fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule the visit' }));
    expect((visitForm().getByLabelText('Contact person') as HTMLInputElement).value).toBe('王联系');
    expect(visitForm().getByText('Times are in Beijing time.')).toBeTruthy();
    fireEvent.input(visitForm().getByLabelText('Day'), { target: { value: '2027-03-10' } });
    fireEvent.submit(document.querySelector('[data-visit-form]')!);
    expect(await screen.findByText(/already on the site visit to “福州乙公司”/)).toBeTruthy();
    expect(fetch.calls.find((c) => c.key === VISIT)!.body).toEqual({
      date: '2027-03-10', start: '09:00', end: '12:00', address: '福州市鼓楼区五四路 1 号', contactPerson: '王联系', contactPhone: '0591-12345678', version: 0,
    });
    fireEvent.submit(document.querySelector('[data-visit-form]')!);
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('The site visit to “福州示范精密制造有限公司” is saved and everyone is notified.');
    await waitFor(() => expect(document.querySelector('[data-visit-summary="scheduled"]')!.textContent).toContain('10 Mar 2027, 09:00–12:00'));
  });

  it('changes a visit from the version read, and cancels only after a reason and a confirmation (keeping it writes nothing)', async () => {
    const scheduled = board({ candidates: [candidate({ visit: visitFixture({ version: 3 }) })] });
    const fetch = routedFetch({ [ROUND]: { status: 200, body: scheduled }, [CANCEL]: { status: 200, body: visitFixture({ status: 'cancelled' }) } });
    renderWithState(<SchedulePanel roundId="city-2026" isAdmin />, { locale: 'zh-CN', fetch });
    fireEvent.click(await screen.findByRole('button', { name: '变更安排' }));
    expect((visitForm().getByLabelText('日期') as HTMLInputElement).value).toBe('2027-03-10');
    expect((visitForm().getByLabelText('开始时间') as HTMLInputElement).value).toBe('09:00');
    fireEvent.click(screen.getByRole('button', { name: '取消编辑' }));

    fireEvent.click(screen.getByRole('button', { name: '取消现场评审' }));
    fireEvent.click(screen.getByRole('button', { name: '保留安排' }));
    expect(fetch.calls.filter((c) => c.key === CANCEL)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '取消现场评审' }));
    fireEvent.input(screen.getByLabelText('取消原因'), { target: { value: '受评组织停产检修' } });
    fireEvent.click(screen.getByRole('button', { name: '确认取消并通知' }));
    await waitFor(() => expect(fetch.calls.find((c) => c.key === CANCEL)?.body).toEqual({ reason: '受评组织停产检修', version: 3 }));
  });

  it('sets the defense order (a candidate moved up, one left out) and shows the saved day; supervisors get no controls', async () => {
    const two = board({ candidates: [candidate(), candidate({ applicationId: '01JAPP00000000000000000002', organisation: { name: '福州乙公司', district: '', industry: '' } })] });
    const fetch = routedFetch({ [ROUND]: { status: 200, body: two }, [DEFENSE]: { status: 200, body: defenseFixture() } });
    const view = renderWithState(<SchedulePanel roundId="city-2026" isAdmin />, { locale: 'en', fetch });
    await screen.findByRole('heading', { name: 'Defense day' });
    fireEvent.input(screen.getByLabelText('Day', { selector: '#defense-date' }), { target: { value: '2027-04-20' } });
    fireEvent.input(screen.getByLabelText('Place'), { target: { value: '市政府第三会议室' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move up: 福州乙公司' }));
    const rows = document.querySelectorAll('[data-slot]');
    expect(rows[0]!.getAttribute('data-slot')).toBe('01JAPP00000000000000000002');
    const times = rows[0]!.querySelectorAll('input[type="time"]');
    fireEvent.input(times[0]!, { target: { value: '09:00' } });
    fireEvent.input(times[1]!, { target: { value: '09:40' } });
    fireEvent.click(rows[1]!.querySelector('input[type="checkbox"]')!);
    fireEvent.submit(document.querySelector('[data-defense-form]')!);
    await waitFor(() =>
      expect(fetch.calls.find((c) => c.key === DEFENSE)?.body).toEqual({
        date: '2027-04-20', place: '市政府第三会议室', slots: [{ applicationId: '01JAPP00000000000000000002', start: '09:00', end: '09:40' }], version: 0,
      }),
    );
    view.unmount();

    const read = routedFetch({ [ROUND]: { status: 200, body: { ...two, defense: defenseFixture() } } });
    renderWithState(<SchedulePanel roundId="city-2026" isAdmin={false} />, { locale: 'en', fetch: read });
    expect((await screen.findByText('市政府第三会议室')).closest('[data-defense-summary]')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
