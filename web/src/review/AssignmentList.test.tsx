import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { bilingual } from '../../../shared/messages';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { AssignmentList } from './AssignmentList';
import { assignmentFixture, MINE } from './fixtures';

afterEach(cleanup);

const rowOf = (applicationId: string, stage = 'materialReview') =>
  document.querySelector(`[data-stage="${stage}"] [data-assignment="${applicationId}"]`) as HTMLElement;

describe('my assignments', () => {
  it('groups assignments by round and stage and shows each one’s status, leader badge and consensus', async () => {
    // Prepare
    const assignments = [
      assignmentFixture({ applicationId: 'A1', status: 'awaitingDeclaration' }),
      assignmentFixture({ applicationId: 'A2', status: 'active', leader: true, card: { status: 'draft', scored: 5, version: 2 } }),
      assignmentFixture({ applicationId: 'A3', status: 'submitted', consensusRecorded: true }),
      assignmentFixture({ applicationId: 'A4', status: 'conflicted' }),
      assignmentFixture({ applicationId: 'A5', status: 'recused' }),
      assignmentFixture({ applicationId: 'A2', stage: 'onSite', status: 'active' }),
      assignmentFixture({ applicationId: 'B1', roundId: 'city-2024', status: 'submitted' }),
    ];
    const fetch = routedFetch({ [MINE]: { status: 200, body: { assignments } } });

    // Act
    renderWithState(<AssignmentList />, { locale: 'en', fetch });

    // Assess
    expect(screen.getByText('Loading…')).toBeTruthy();
    await screen.findByText('Round: city-2026');
    expect(screen.getByText('Round: city-2024')).toBeTruthy();
    expect([...document.querySelectorAll('[data-round]')].map((r) => r.getAttribute('data-round'))).toEqual(['city-2026', 'city-2024']);
    const round = document.querySelector('[data-round="city-2026"]')!;
    expect([...round.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Material review', 'On-site evaluation']);
    expect(rowOf('A1').querySelector('[data-assignment-status]')!.textContent).toBe('Awaiting declaration');
    expect(rowOf('A1').textContent).toContain('Declare and start');
    expect(rowOf('A2').querySelector('[data-assignment-status]')!.textContent).toBe('Scoring: 5 of 23 items');
    expect(rowOf('A2').textContent).toContain('Leader');
    expect(rowOf('A2', 'onSite').querySelector('[data-assignment-status]')!.textContent).toBe('Scoring: 0 of 23 items');
    expect(rowOf('A2', 'onSite').textContent).toContain('Stage closed');
    expect(rowOf('A3').textContent).toContain('Submitted');
    expect(rowOf('A3').textContent).toContain('Consensus recorded');
    expect(rowOf('A1').textContent).not.toContain('Consensus recorded');
    expect(rowOf('A4').textContent).toContain('Conflict of interest (blocked)');
    expect(rowOf('A5').textContent).toContain('Recused');
    expect(rowOf('A1').querySelector('a')!.getAttribute('href')).toBe('/review/A1/materialReview');
    expect(rowOf('A1').textContent).toContain('锦江区 · 制造业');
  });

  it('says so when nothing is assigned, in Chinese first', async () => {
    const fetch = routedFetch({ [MINE]: { status: 200, body: { assignments: [] } } });
    renderWithState(<AssignmentList />, { fetch });
    expect((await screen.findByTestId('no-assignments')).textContent).toContain('暂无分配给您的评审任务');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('我的评审任务');
  });

  it('shows a failed load with a retry that loads again', async () => {
    const fetch = routedFetch({
      [MINE]: [
        { status: 503, body: { error: { code: 'BUSY', message: bilingual('BUSY') } } },
        { status: 200, body: { assignments: [assignmentFixture()] } },
      ],
    });
    renderWithState(<AssignmentList />, { locale: 'en', fetch });
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('BUSY');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rowOf('01JAPP00000000000000000001')).toBeTruthy());
  });

  it('shows an organisation’s name as text, never as HTML', async () => {
    const name = '<img src=x onerror="alert(1)">恶意公司';
    const fetch = routedFetch({ [MINE]: { status: 200, body: { assignments: [assignmentFixture({ organisation: { name, district: '<b>区</b>', industry: '制造业' } })] } } });
    renderWithState(<AssignmentList />, { locale: 'en', fetch });
    expect((await screen.findByText(name)).tagName).toBe('A');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });
});
