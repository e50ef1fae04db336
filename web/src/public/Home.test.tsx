import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { Home } from './Home';

afterEach(cleanup);

const round = (roundId: string, stage: string) => ({
  roundId,
  name: { 'zh-CN': `轮次 ${roundId}`, en: `Round ${roundId}` },
  stage,
  registrationOpens: '2026-07-01T00:00:00.000Z',
  submissionDeadline: '2026-09-01T00:00:00.000Z',
});

describe('the public home page', () => {
  it("names each round's stage in the reader's language, whatever the stage", async () => {
    const programmes = {
      programmes: [{ programmeId: 'city', name: { 'zh-CN': '示范市', en: 'Demo City' }, rounds: [round('a', 'registration'), round('b', 'materialReview'), round('c', 'call')] }],
    };
    renderWithState(<Home />, { locale: 'zh-CN', fetch: routedFetch({ 'GET /api/publication/programmes': { status: 200, body: programmes } }) });
    await screen.findByText('轮次 b');
    const stages = [...document.querySelectorAll('[data-programme="city"] dd')].map((dd) => dd.textContent);
    expect(stages).toEqual(expect.arrayContaining(['网上申报', '材料审核', '发布通知']));
    expect(stages).not.toContain('materialReview');
  });
});

describe('what the public home page asks the server', () => {
  it('asks only for the programmes: the functions’ health is for the office, not the public', async () => {
    const fetch = routedFetch({ 'GET /api/publication/programmes': { status: 200, body: { programmes: [{ programmeId: 'city', name: { 'zh-CN': '示范市', en: 'Demo City' }, rounds: [round('a', 'registration')] }] } } });
    renderWithState(<Home />, { locale: 'zh-CN', fetch });
    await screen.findByText('轮次 a');

    expect(fetch.calls.map((c) => c.key)).toEqual(['GET /api/publication/programmes']);
    expect(document.querySelector('[data-health]')).toBeNull();
  });
});

describe("the home page's links to published results", () => {
  it('links each round at the public notice or the announcement to its notice page, and no other round', async () => {
    const programmes = {
      programmes: [
        { programmeId: 'city', name: { 'zh-CN': '示范市', en: 'Demo City' }, rounds: [round('n', 'publicNotice'), round('w', 'announcement'), round('d', 'deliberation')] },
        { programmeId: 'east', name: { 'zh-CN': '东区', en: 'East District' }, rounds: [round('e', 'registration')] },
      ],
    };
    renderWithState(<Home />, { locale: 'zh-CN', fetch: routedFetch({ 'GET /api/publication/programmes': { status: 200, body: programmes } }) });
    await screen.findByText('轮次 n');
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="/notices/"]')].map((a) => [a.closest('[data-round]')?.getAttribute('data-round'), a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['n', '/notices/n', '公示'],
      ['w', '/notices/w', '表彰结果'],
    ]);
    expect(screen.getByRole('link', { name: '公示' }).getAttribute('aria-describedby')).toBe('round-n');
  });

  it('names the links in English when the site is', async () => {
    const programmes = { programmes: [{ programmeId: 'city', name: { 'zh-CN': '示范市', en: 'Demo City' }, rounds: [round('n', 'publicNotice'), round('w', 'announcement')] }] };
    renderWithState(<Home />, { locale: 'en', fetch: routedFetch({ 'GET /api/publication/programmes': { status: 200, body: programmes } }) });
    expect((await screen.findByRole('link', { name: 'Public notice' })).getAttribute('href')).toBe('/notices/n');
    expect(screen.getByRole('link', { name: 'Winners announced' }).getAttribute('href')).toBe('/notices/w');
  });
});
