import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsensusView } from '../../../../shared/api/reviews';
import { GBT19580_2012 } from '../../../../shared/criteria/gbt19580-2012';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { APP, card, ROUND, teamFixture, teamPath } from './fixtures';
import { TeamPage } from './TeamPage';
import { TeamView } from './TeamView';

afterEach(cleanup);

const row = (itemId: string) => document.querySelector(`tr[data-item="${itemId}"]`) as HTMLTableRowElement;

function consensus(): ConsensusView {
  const items = Object.fromEntries(GBT19580_2012.items.map((i) => [i.id, { percent: 55, rationale: '' }]));
  items['4.1.2'] = { percent: 55, rationale: '组内讨论后取中间值' };
  // 4.1: 55% of 50 + 55% of 30 + 55% of 30 = 60.50 points; 4.4.3 at 35% of 15 points is 5.25.
  items['4.4.3'] = { percent: 35, rationale: '' };
  const categories = Object.fromEntries(
    GBT19580_2012.categories.map((c) => [c.id, c.items.reduce((s, i) => s + items[i.id]!.percent * i.points, 0)]),
  );
  const total = Object.values(categories).reduce((s, v) => s + v, 0);
  return {
    roundId: ROUND,
    applicationId: APP,
    stage: 'materialReview',
    items,
    categories,
    total,
    flags: [{ itemId: '4.1.2', min: 40, max: 65, spread: 25 }],
    recordedBy: 'E1',
    recordedByName: '张专家',
    recordedAt: '2026-09-20T02:00:00.000Z',
    basedOn: 5,
  };
}

describe('the read-only team view', () => {
  it("shows a sealed draft (the office's view while its author scores) as progress only, outside the cards table, in both languages", () => {
    const sealed = { ...card('E2', '李专家', 'draft', undefined), items: {}, scored: 12, sealed: true as const };
    const team = teamFixture({ scorecards: [card('E1', '张专家', 'submitted', 60), sealed] });
    renderWithState(<TeamView team={team} />, { locale: 'en' });
    expect(document.querySelector('[data-sealed="E2"]')!.textContent).toBe('李专家: 12 of 23 items scored');
    expect(document.querySelector('th[data-card="E2"]')).toBeNull();
    expect(document.querySelector('th[data-card="E1"]')).not.toBeNull();
    cleanup();
    renderWithState(<TeamView team={team} />, { locale: 'zh-CN' });
    expect(document.querySelector('[data-sealed="E2"]')!.textContent).toBe('李专家：已评 12/23 个条款');
    expect(document.body.textContent).toContain('提交前仅评分人本人可见');
  });

  it('lists the members with their status, the leader and the recusal reason, and every declaration with its signatures and conflicts', () => {
    renderWithState(<TeamView team={teamFixture()} />, { locale: 'en' });

    const leader = document.querySelector('.member-list [data-member="E1"]')!;
    expect(leader.querySelector('[data-leader]')!.textContent).toBe('Leader');
    expect(leader.querySelector('[data-status]')!.textContent).toBe('Submitted');
    expect(document.querySelector('.member-list [data-member="E2"] .status-badge')!.textContent).toBe('Scoring');
    expect(document.querySelector('.member-list [data-member="E4"] .status-badge')!.textContent).toBe('Conflict');
    expect(document.querySelector('[data-recusal="E3"]')!.textContent).toContain('其配偶近期入职该公司');
    expect(document.querySelector('[data-recusal="E3"]')!.textContent).toContain('办公室');

    const clear = document.querySelector('[data-declaration="E1"]')!;
    expect(clear.textContent).toContain('No relation declared');
    expect(clear.querySelector('[data-conflicts="0"]')!.textContent).toBe('Clear');
    const conflicted = document.querySelector('[data-declaration="E4"]')!;
    expect(conflicted.querySelector('[data-relation="consulting"]')!.textContent).toContain('2025 年提供过咨询');
    expect(conflicted.querySelectorAll('[data-signed="false"]')).toHaveLength(1);
    expect(conflicted.querySelector('[data-conflict="declared:consulting"]')!.textContent).toBe('Consulted for it (declared)');
  });

  it('shows every card side by side per item, the drafts marked as drafts, and highlights divergent items', () => {
    renderWithState(<TeamView team={teamFixture()} />, { locale: 'en' });

    const heads = [...document.querySelectorAll('th[data-card]')];
    expect(heads.map((h) => h.getAttribute('data-card'))).toEqual(['E1', 'E2']);
    expect(heads[0]!.getAttribute('data-card-status')).toBe('submitted');
    expect(heads[0]!.querySelector('.draft-badge')).toBeNull();
    expect(heads[1]!.getAttribute('data-card-status')).toBe('draft');
    expect(heads[1]!.querySelector('.draft-badge')!.textContent).toBe('Draft');

    const flagged = row('4.1.2');
    expect(flagged.className).toContain('divergent');
    expect(within(flagged).getByText('Divergent: 25 points apart (40%–65%)')).toBeTruthy();
    const cells = flagged.querySelectorAll('td');
    expect(cells[0]!.textContent).toContain('40%');
    expect(cells[0]!.textContent).toContain('领导作用明确');
    expect(cells[1]!.className).toContain('draft');
    expect(cells[1]!.textContent).toContain('65%');
    expect(cells[1]!.textContent).toContain('治理待加强');
    expect(row('4.1.3').className).not.toContain('divergent');
    expect(row('4.1.3').querySelectorAll('td')[1]!.textContent).toBe('Not scored');
    expect(screen.getByText('Items whose submitted independent scores lie 20 points or more apart are flagged for discussion: 1.')).toBeTruthy();
    // One submitted card (the draft does not count) against a minimum of five.
    expect(document.querySelector('.team-view [data-cards]')!.getAttribute('data-cards')).toBe('1/5');
    // The submitted card's exact total: 60% everywhere but 40% of 4.1.2's 50 points = 600 − 10 = 590.00.
    expect(document.querySelector('[data-card-total="E1"]')!.textContent).toBe('590.00');
    expect(document.querySelector('[data-card-total="E2"]')!.textContent).toBe('');
    expect(screen.getByText('No consensus yet')).toBeTruthy();
  });

  it('marks the card of a recused member as set aside', () => {
    const team = teamFixture({ scorecards: [card('E3', '王专家', 'submitted', 50)] });
    renderWithState(<TeamView team={team} />, { locale: 'en' });
    expect(document.querySelector('th[data-card="E3"] .set-aside')!.textContent).toBe('Set aside (recused)');
    expect(document.querySelector('.team-view [data-cards]')!.getAttribute('data-cards')).toBe('0/5');
  });

  it('shows the consensus beside the cards with its rationale per item and exact totals per category and in all', () => {
    const c = consensus();
    renderWithState(<TeamView team={teamFixture({ consensus: c })} />, { locale: 'en' });

    expect(document.querySelector('th[data-card="consensus"]')!.textContent).toBe('Consensus');
    const cell = row('4.1.2').querySelector('.consensus-cell')!;
    expect(cell.textContent).toContain('55%');
    expect(cell.querySelector('[data-rationale]')!.textContent).toBe('组内讨论后取中间值');
    expect(document.querySelector('[data-consensus-category="4.1"]')!.textContent).toBe('60.50');
    // 4.4: 55% of (60 + 20 + 15 + 10 + 10) + 35% of 15 = 63.25 + 5.25 = 68.50
    expect(document.querySelector('[data-consensus-category="4.4"]')!.textContent).toBe('68.50');
    expect(document.querySelector('[data-category-total="4.4"]')!.textContent).toBe('68.50 / 130');
    expect(document.querySelector('[data-total]')!.textContent).toBe('547.00');
    expect(screen.getByText('Recorded by 张专家 on', { exact: false }).textContent).toContain('based on 5 submitted card(s)');
  });

  it('renders what experts and the office wrote as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>粗体</b>';
    const team = teamFixture({
      scorecards: [card('E1', '张专家', 'submitted', 60, { '4.1.2': { percent: 40, strengths: evil, opportunities: evil } })],
      members: [teamFixture().members[2]!].map((m) => ({ ...m, recusal: { ...m.recusal!, reason: evil } })),
      declarations: [teamFixture().declarations[1]!].map((d) => ({ ...d, relations: [{ kind: 'consulting' as const, note: evil }] })),
    });
    renderWithState(<TeamView team={team} />, { locale: 'en' });

    expect(document.querySelector('.team-view img')).toBeNull();
    expect(document.querySelector('.team-view b')).toBeNull();
    expect(row('4.1.2').querySelector('td')!.textContent).toContain(evil);
    expect(document.querySelector('[data-recusal]')!.textContent).toContain(evil);
    expect(document.querySelector('[data-relation="consulting"]')!.textContent).toContain(evil);
  });

  it('speaks Chinese by default', () => {
    renderWithState(<TeamView team={teamFixture()} />);
    expect(document.querySelector('th[data-card="E2"] .draft-badge')!.textContent).toBe('草稿');
    expect(document.querySelector('[data-flag="4.1.2"]')!.textContent).toBe('分歧：相差 25 个百分点（40%–65%）');
    expect(document.querySelector('.member-list [data-member="E1"] [data-leader]')!.textContent).toBe('组长');
    expect(document.querySelector('.member-list [data-member="E4"] .status-badge')!.textContent).toBe('利益冲突');
  });

  it('says so when nobody has saved a card yet', () => {
    renderWithState(<TeamView team={teamFixture({ scorecards: [], flags: [] })} />, { locale: 'en' });
    expect(screen.getByText('No scorecard yet.')).toBeTruthy();
    expect(document.querySelector('.cards-table')).toBeNull();
  });
});

describe('the team page', () => {
  it('loads the team of the stage in the address and shows it', async () => {
    const fetch = routedFetch({ [teamPath(APP, 'materialReview')]: { status: 200, body: teamFixture() } });
    renderWithState(<TeamPage applicationId={APP} stage="materialReview" back={{ href: '/office', label: 'Back' }} />, { locale: 'en', fetch });
    expect(await screen.findByText('成都甲公司 · Material review')).toBeTruthy();
  });

  it('refuses a stage that is not a review stage without asking the server', () => {
    const fetch = routedFetch({});
    renderWithState(<TeamPage applicationId={APP} stage="defense" back={{ href: '/office', label: 'Back' }} />, { locale: 'en', fetch });
    expect(screen.getByRole('alert').textContent).toBe('There is no such review stage.');
    expect(fetch.calls).toHaveLength(0);
  });

  it('shows a failure and reads again on retry', async () => {
    const fetch = routedFetch({
      [teamPath(APP, 'onSite')]: [
        { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: { 'zh-CN': '服务暂不可用。', en: 'Service unavailable.' } } } },
        { status: 200, body: teamFixture({ stage: 'onSite' }) },
      ],
    });
    renderWithState(<TeamPage applicationId={APP} stage="onSite" back={{ href: '/office', label: 'Back' }} />, { locale: 'en', fetch });
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('SERVICE_UNAVAILABLE');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('成都甲公司 · On-site evaluation')).toBeTruthy();
  });
});
