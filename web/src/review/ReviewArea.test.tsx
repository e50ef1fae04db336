import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { assignmentFixture, MINE } from './fixtures';
import { ReviewArea } from './ReviewArea';
import { Route, Router } from 'preact-iso';
import type { ComponentChildren } from 'preact';

// As the site renders it: inside the router, which waits for the area's lazily loaded pages.
const routed = (ui: ComponentChildren) => (
  <Router>{[<Route key="area" default component={() => <>{ui}</>} />]}</Router>
);

afterEach(cleanup);

const session = (role: Role) => ({
  person: { personId: 'p-1', email: 'p@example.org', name: '李专家', role, programmeId: 'city', status: 'active' as const, createdAt: '2026-07-01T00:00:00.000Z' },
  role,
  programmeId: 'city',
  expiresAt: '2099-01-01T00:00:00.000Z',
});

describe('the experts’ area', () => {
  it('lists an expert’s assignments at /review and opens one at /review/:applicationId/:stage', async () => {
    const fetch = routedFetch({ [MINE]: { status: 200, body: { assignments: [assignmentFixture({ status: 'awaitingDeclaration' })] } } });
    const list = renderWithState(routed(<ReviewArea />), { locale: 'en', fetch });
    act(() => list.state.signedIn(session('expert')));
    expect(await screen.findByRole('heading', { name: 'My assignments' })).toBeTruthy();
    cleanup();

    const one = renderWithState(routed(<ReviewArea applicationId="01JAPP00000000000000000001" stage="materialReview" />), { locale: 'en', fetch });
    act(() => one.state.signedIn(session('expert')));
    expect(await screen.findByRole('heading', { name: 'Conflict-of-interest declaration' })).toBeTruthy();
  });

  it('shows a deliberator their defense panels (not the experts’ API), and turns other roles away', async () => {
    const fetch = routedFetch({ 'GET /api/scoring/defense/mine': { status: 200, body: { rounds: [] } } });
    const deliberator = renderWithState(routed(<ReviewArea />), { locale: 'en', fetch });
    act(() => deliberator.state.signedIn(session('deliberator')));
    expect((await screen.findByTestId('no-panels')).textContent).toBe('You are not on any defense panel at present.');
    // Besides the panels, only the deliberator's own schedule (issue 13.3) — never the experts' assignments.
    expect(fetch.calls.map((c) => c.key).filter((k) => k !== 'GET /api/scoring/schedule/mine')).toEqual(['GET /api/scoring/defense/mine']);
    cleanup();
    fetch.calls.length = 0;

    const applicant = renderWithState(routed(<ReviewArea />), { locale: 'en', fetch });
    act(() => applicant.state.signedIn(session('applicant')));
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    expect(fetch.calls).toHaveLength(0);
  });
});
