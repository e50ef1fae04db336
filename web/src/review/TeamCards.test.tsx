import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithState } from '../test-utils';
import { cardFixture, consensusFixture, fullItems, teamFixture } from './fixtures';
import { TeamCards } from './TeamCards';

afterEach(cleanup);

describe('the team’s cards', () => {
  it('puts every card side by side per item, highlights divergent items and shows each total', () => {
    renderWithState(<TeamCards team={teamFixture()} />, { locale: 'en' });

    const flagged = document.querySelectorAll('tr[data-flagged="true"]');
    expect([...flagged].map((r) => r.getAttribute('data-team-item'))).toEqual(['4.1.2']);
    expect(flagged[0]!.className).toBe('flagged');
    expect(flagged[0]!.textContent).toContain('Spread 30 points (50–80%)');
    expect([...flagged[0]!.querySelectorAll('.team-percent')].map((c) => c.textContent)).toEqual(['50%', '80%']);
    expect(document.querySelectorAll('tr[data-team-item]')).toHaveLength(23);
    expect(document.querySelector('[data-card-total="expert-li"]')!.textContent).toBe('500.00');
    expect(document.querySelector('[data-card-total="expert-wang"]')!.textContent).toBe('515.00');
    expect(document.querySelector('[data-consensus-total]')).toBeNull();
    expect(screen.getByText(/20 percentage points or more apart/)).toBeTruthy();
  });

  it('marks drafts the office sees and adds the recorded consensus with its rationale', () => {
    const team = teamFixture({
      scorecards: [cardFixture({ reviewerName: '李专家', status: 'draft', items: { '4.1.2': { percent: 40, strengths: '', opportunities: '' } }, scored: 1, version: 2 })],
      consensus: consensusFixture(),
    });
    renderWithState(<TeamCards team={team} />, { locale: 'zh-CN' });

    expect(document.querySelector('[data-card-of="expert-li"]')!.textContent).toBe('李专家 （草稿）');
    expect(document.querySelector('[data-card-total="expert-li"]')!.textContent).toBe('—');
    expect(document.querySelector('[data-consensus-total]')!.textContent).toBe('500.00');
    expect(document.querySelector('[data-consensus-item="4.1.2"]')!.textContent).toContain('经讨论取中间值。');
    expect(document.querySelector('[data-consensus-recorded]')!.textContent).toContain('王专家');
  });

  it('shows the experts’ comments and names as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const team = teamFixture({
      scorecards: [cardFixture({ reviewerName: `${evil}李`, status: 'submitted', items: { ...fullItems(50), '4.1.2': { percent: 50, strengths: `<script>x()</script>`, opportunities: evil } }, total: 50000 })],
    });
    renderWithState(<TeamCards team={team} />, { locale: 'en' });

    expect(screen.getByText(`${evil}李`)).toBeTruthy();
    expect(screen.getByText('<script>x()</script>')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
  });
});
