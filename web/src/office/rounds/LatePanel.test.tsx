import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LateListResponse } from '../../../../shared/api/reminders';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { LatePanel } from './LatePanel';

afterEach(cleanup);

const ROUND = 'city-2026';
const LATE = `GET /api/publication/rounds/${ROUND}/late`;
const SEND = `POST /api/publication/rounds/${ROUND}/reminders`;
const A1 = '01JAPPLICANT0000000000000A';
const E1 = '01JEXPERT00000000000000E01';
const E2 = '01JEXPERT00000000000000E02';

function lateList(overrides: { remindedE1?: string } = {}): LateListResponse {
  return {
    roundId: ROUND,
    timeZone: 'Asia/Shanghai',
    schedule: { applicantDays: [1, 7], reviewerDays: [3, 1] },
    groups: [
      {
        kind: 'submissionDeadline',
        deadline: '2026-12-07T10:00:00.000Z',
        overdue: false,
        canRemind: true,
        people: [{ personId: A1, name: '王迟交', role: 'applicant', work: [{ organisation: '迟交示范有限公司', status: 'registered' }], remindable: true }],
      },
      {
        kind: 'materialReview',
        deadline: '2026-12-05T10:00:00.000Z',
        overdue: true,
        canRemind: true,
        people: [
          {
            personId: E1,
            name: '张未交',
            role: 'expert',
            work: [{ organisation: '准时示范有限公司', status: 'active' }],
            ...(overrides.remindedE1 ? { lastRemindedAt: overrides.remindedE1 } : {}),
            remindable: !overrides.remindedE1,
          },
          { personId: E2, name: '李未声明', role: 'expert', work: [{ organisation: '准时示范有限公司', status: 'awaitingDeclaration' }], remindable: true },
        ],
      },
    ],
  };
}

const group = (kind: string) => document.querySelector(`[data-late-group="${kind}"]`) as HTMLElement;

describe("the office's late list", () => {
  it('shows who is behind per stage by name, with the deadline in Beijing time, never ids', async () => {
    const fetch = routedFetch({ [LATE]: { status: 200, body: lateList() } });
    renderWithState(<LatePanel roundId={ROUND} />, { locale: 'zh-CN', fetch });
    await screen.findByText('王迟交');
    const review = group('materialReview');
    expect(within(review).getByRole('heading').textContent).toContain('材料审核');
    expect(within(review).getByRole('heading').textContent).toContain('已逾期');
    expect(review.textContent).toContain('2026年12月5日 18:00');
    expect(review.textContent).toContain('评分表未提交');
    expect(review.textContent).toContain('尚未作出利益冲突声明');
    expect(document.querySelector('[data-late-schedule]')!.textContent).toContain('申报单位在截止前 7、1 天；评审专家和审议员在到期前 3、1 天');
    const panel = document.querySelector('[data-late-panel]')!;
    expect(panel.textContent).not.toContain(E1);
    expect(panel.textContent).not.toMatch(/\{\w+\}|T\d{2}:\d{2}:\d{2}/);
  });

  it('reminds one person, then shows they were reminded (in English)', async () => {
    const fetch = routedFetch({
      [LATE]: [{ status: 200, body: lateList() }, { status: 200, body: lateList({ remindedE1: '2026-12-06T02:00:00.000Z' }) }],
      [SEND]: { status: 200, body: { reminded: 1, skipped: 0 } },
    });
    renderWithState(<LatePanel roundId={ROUND} />, { locale: 'en', fetch });
    await screen.findByText('张未交');
    fireEvent.click(group('materialReview').querySelector(`[data-late-person="${E1}"] [data-remind-one]`)!);
    expect(await screen.findByText('Reminded 1 person.')).toBeTruthy();
    expect(fetch.calls.find((c) => c.key === SEND)!.body).toEqual({ kind: 'materialReview', personId: E1 });
    await waitFor(() => expect(group('materialReview').querySelector(`[data-late-person="${E1}"]`)!.textContent).toContain('Reminded within the hour'));
    expect(group('materialReview').querySelector(`[data-late-person="${E1}"]`)!.textContent).toContain('6 Dec 2026, 10:00');
  });

  it('asks before reminding all; cancelling sends nothing, confirming sends one request for the stage', async () => {
    const fetch = routedFetch({ [LATE]: { status: 200, body: lateList() }, [SEND]: { status: 200, body: { reminded: 2, skipped: 0 } } });
    renderWithState(<LatePanel roundId={ROUND} />, { locale: 'en', fetch });
    await screen.findByText('张未交');
    const review = group('materialReview');
    fireEvent.click(within(review).getByRole('button', { name: 'Remind all (2)' }));
    fireEvent.click(within(review).getByRole('button', { name: 'Cancel' }));
    expect(fetch.calls.some((c) => c.key === SEND)).toBe(false);
    fireEvent.click(within(review).getByRole('button', { name: 'Remind all (2)' }));
    expect(within(review).getByText('Send a reminder mail to the 2 people of this group?')).toBeTruthy();
    fireEvent.click(within(review).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Reminded 2 people.')).toBeTruthy();
    expect(fetch.calls.filter((c) => c.key === SEND).map((c) => c.body)).toEqual([{ kind: 'materialReview' }]);
  });

  it('shows the refusal of a reminder sent too soon', async () => {
    const fetch = routedFetch({
      [LATE]: { status: 200, body: lateList() },
      [SEND]: { status: 429, body: { error: { code: 'REMINDER_TOO_SOON', message: { 'zh-CN': '一小时内已提醒过此人，请 30 分钟后再试。', en: 'This person was reminded within the last hour; try again in 30 minute(s).' } } } },
    });
    renderWithState(<LatePanel roundId={ROUND} />, { locale: 'en', fetch });
    await screen.findByText('王迟交');
    fireEvent.click(group('submissionDeadline').querySelector('[data-remind-one]')!);
    expect(await screen.findByText(/reminded within the last hour/)).toBeTruthy();
  });

  it('says so when nobody is late', async () => {
    const fetch = routedFetch({ [LATE]: { status: 200, body: { roundId: ROUND, timeZone: 'Asia/Shanghai', schedule: { applicantDays: [], reviewerDays: [2] }, groups: [] } } });
    renderWithState(<LatePanel roundId={ROUND} />, { locale: 'en', fetch });
    expect(await screen.findByText('Nobody is late or near a deadline now.')).toBeTruthy();
    expect(document.querySelector('[data-late-schedule]')!.textContent).toBe('Scheduled reminders of this round (set in its configuration): none to applicants; experts and deliberators 2 day(s) before due dates.');
  });
});
