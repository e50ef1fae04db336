import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { DefenseList } from './DefenseList';
import { APP, DEF_MINE, mineFixture, seatFixture } from './fixtures';

afterEach(cleanup);

describe('the deliberator’s panels', () => {
  it('lists each application before the panel with its seat’s status and the way in', async () => {
    const fetch = routedFetch({
      [DEF_MINE]: {
        status: 200,
        body: mineFixture([
          seatFixture({ status: 'awaitingDeclaration' }),
          seatFixture({ applicationId: 'B2', organisation: { name: '乙公司', district: '武侯区', industry: '服务业' }, status: 'conflicted' }),
          seatFixture({ applicationId: 'C3', organisation: { name: '丙公司', district: '青羊区', industry: '建筑业' }, status: 'scoring' }),
          seatFixture({ applicationId: 'D4', organisation: { name: '丁公司', district: '金牛区', industry: '制造业' }, status: 'submitted' }),
        ]),
      },
    });
    renderWithState(<DefenseList />, { locale: 'en', fetch });

    await screen.findByText('乙公司');
    const row = (id: string) => document.querySelector(`[data-defense="${id}"]`)!;
    expect(row(APP).querySelector('.status-badge')!.textContent).toBe('Awaiting declaration');
    expect(row(APP).querySelector('a.button')!.textContent).toBe('Declare');
    expect(row(APP).querySelector('a.button')!.getAttribute('href')).toBe(`/review/defense/${APP}`);
    expect(row('B2').querySelector('.status-badge')!.textContent).toBe('Conflict of interest');
    expect(row('B2').querySelector('a.button')!.textContent).toBe('View');
    expect(row('C3').querySelector('.status-badge')!.textContent).toBe('Scoring');
    expect(row('C3').querySelector('a.button')!.textContent).toBe('Score');
    expect(row('D4').querySelector('.status-badge')!.textContent).toBe('Submitted');
    expect(screen.getByText('Round: city-2026')).toBeTruthy();
    expect(fetch.calls.map((c) => c.key)).toEqual([DEF_MINE]);
  });

  it('says so when the deliberator sits on no panel, and when a panel has no application yet', async () => {
    renderWithState(<DefenseList />, { locale: 'en', fetch: routedFetch({ [DEF_MINE]: { status: 200, body: { rounds: [] } } }) });
    expect((await screen.findByTestId('no-panels')).textContent).toBe('You are not on any defense panel at present.');
    cleanup();
    renderWithState(<DefenseList />, { locale: 'en', fetch: routedFetch({ [DEF_MINE]: { status: 200, body: mineFixture([], 'onSite') } }) });
    expect(await screen.findByText('No application is before the panel yet.')).toBeTruthy();
  });

  it('shows a failure with a retry', async () => {
    renderWithState(<DefenseList />, { locale: 'en', fetch: routedFetch({}) });
    expect(await screen.findByRole('button', { name: /retry|again/i })).toBeTruthy();
  });
});
