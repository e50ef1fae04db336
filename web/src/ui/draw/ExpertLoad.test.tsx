import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationReviewSummary, AssignmentStatus, AssignmentView } from '../../../../shared/api/reviews';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { ExpertLoad, expertLoads } from './ExpertLoad';

afterEach(cleanup);

const member = (reviewerId: string, reviewerName: string, stage: 'materialReview' | 'onSite', status: AssignmentStatus = 'active'): AssignmentView =>
  ({ roundId: 'city-2027', applicationId: 'A', stage, reviewerId, reviewerName, leader: false, status, organisation: { name: 'x', district: 'y', industry: 'z' }, assignedAt: '2027-06-01T00:00:00.000Z', assignedBy: 'office' }) as AssignmentView;

const app = (id: string, stages: ApplicationReviewSummary['stages']): ApplicationReviewSummary => ({ applicationId: id, organisation: { name: id, district: '东区', industry: '制造业' }, stages });

const DATA = {
  applications: [
    app('A', { materialReview: { members: [member('p1', '王芳', 'materialReview'), member('p2', '李强', 'materialReview', 'recused')], submittedCards: 0 }, onSite: { members: [member('p1', '王芳', 'onSite', 'submitted')], submittedCards: 1 } }),
    app('B', { materialReview: { members: [member('p1', '王芳', 'materialReview'), member('p3', '张伟', 'materialReview', 'conflicted'), member('p4', '陈静', 'materialReview', 'awaitingDeclaration')], submittedCards: 0 } }),
  ],
};

const ROUND = 'GET /api/publication/rounds/city-2027';

describe('the experts’ load on the board', () => {
  it('counts each expert’s assignments per stage, never one who stepped aside, most loaded first', () => {
    expect(expertLoads(DATA, 'zh-CN')).toEqual([
      { reviewerId: 'p1', name: '王芳', byStage: { materialReview: 2, onSite: 1 }, total: 3 },
      { reviewerId: 'p4', name: '陈静', byStage: { materialReview: 1 }, total: 1 },
    ]);
    expect(expertLoads({ applications: [] }, 'en')).toEqual([]);
  });

  it('shows the table with the round’s cap and marks who is at it, in the reader’s language', async () => {
    renderWithState(<ExpertLoad cap={3} data={DATA} />, { locale: 'en' });
    expect(screen.getByText('Experts’ load')).toBeTruthy();
    expect(screen.getByText('At most 3 assignments per expert in this round.')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Expert', 'Material review', 'On-site evaluation', 'Total']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['王芳 at the cap', '2', '1', '3'],
      ['陈静', '1', '0', '1'],
    ]);
  });

  it('still shows the counts when the round’s cap is unknown (it could not be read), and says when nobody is assigned', () => {
    const { unmount } = renderWithState(<ExpertLoad cap={null} data={DATA} />, { locale: 'zh-CN' });
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(document.querySelector('[data-at-cap]')).toBeNull();
    unmount();
    renderWithState(<ExpertLoad cap={null} data={{ applications: [] }} />, { locale: 'zh-CN' });
    expect(screen.getByText('本轮尚未安排任何专家。')).toBeTruthy();
  });
});
