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
