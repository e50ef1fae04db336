import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundView } from '../../../../shared/api/rounds';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { refusal, roundView } from './fixtures';
import { RoundList } from './RoundList';

afterEach(cleanup);

const LIST = 'GET /api/publication/rounds';

describe('the office’s list of rounds', () => {
  it('says it is loading until the rounds are there', async () => {
    let answer!: () => void;
    const fetch = (async (...args: Parameters<typeof globalThis.fetch>) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return routedFetch({ [LIST]: { status: 200, body: { rounds: [] } } })(...args);
    }) as typeof globalThis.fetch;
    renderWithState(<RoundList />, { locale: 'en', fetch });

    expect(screen.getByText('Loading…')).toBeTruthy();
    answer();
    await screen.findByText('No round yet. Create the first one with “New round”.');
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('lists each round with its name, stage, dates in the reader’s time zone and links to its page, review board and supervisors’ view', async () => {
    const fetch = routedFetch({
      [LIST]: {
        status: 200,
        body: { rounds: [roundView({ roundId: 'city-2027', stage: 'registration' }), roundView({ roundId: 'city-2025', stage: 'announcement', name: { 'zh-CN': '2025 年', en: 'Award 2025' } })] },
      },
    });
    renderWithState(<RoundList />, { locale: 'en', fetch });

    const row = (await screen.findByText('City Quality Award 2027')).closest('tr')!;
    expect(within(row).getByText('Online registration')).toBeTruthy();
    expect(within(row).getByText(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2027-03-01T01:00:00.000Z')))).toBeTruthy();
    expect(within(row).getByText(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2027-05-31T09:00:00.000Z')))).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Configuration' }).getAttribute('href')).toBe('/admin/rounds/city-2027');
    expect(within(row).getByRole('link', { name: 'Review board' }).getAttribute('href')).toBe('/office/rounds/city-2027');
    expect(within(row).getByRole('link', { name: 'Supervisors’ view' }).getAttribute('href')).toBe('/supervise/rounds/city-2027');
    const rows = document.querySelectorAll('tr[data-round]');
    expect([...rows].map((r) => r.getAttribute('data-round'))).toEqual(['city-2027', 'city-2025']);
    expect(within(rows[1] as HTMLElement).getByText('Announcement')).toBeTruthy();
    expect(screen.getByText(/^Times are shown in your time zone \(.+\)\.$/)).toBeTruthy();
  });

  it('shows a round whose stored configuration lacks its dates with dashes instead of failing', async () => {
    const broken = { ...roundView({ roundId: 'old-2019' }), config: {} } as unknown as RoundView;
    renderWithState(<RoundList />, { locale: 'en', fetch: routedFetch({ [LIST]: { status: 200, body: { rounds: [broken] } } }) });

    const row = (await screen.findByText('old-2019')).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent)).toEqual(['—', '—']);
  });

  it('shows the names as text, never as markup', async () => {
    const fetch = routedFetch({ [LIST]: { status: 200, body: { rounds: [roundView({ name: { 'zh-CN': '<b>x</b>', en: '<img src=x onerror=alert(1)>' } })] } } });
    renderWithState(<RoundList />, { locale: 'en', fetch });

    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('table img')).toBeNull();
  });

  it('shows a failure with its code and reads the list again on retry', async () => {
    const fetch = routedFetch({ [LIST]: [refusal(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.'), { status: 200, body: { rounds: [roundView()] } }] });
    renderWithState(<RoundList />, { locale: 'en', fetch });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The service is temporarily unavailable.');
    expect(alert.textContent).toContain('SERVICE_UNAVAILABLE');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('City Quality Award 2027');
    expect(fetch.calls.filter((c) => c.key === LIST)).toHaveLength(2);
  });
});
