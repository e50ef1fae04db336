import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundReliabilityResponse } from '../../shared/api/reliability';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';

// Issue 15 "Done when": on the demo final round (infra/local/seed-final.ts) the office sees α, ICC and leniency for every team.
let roundId: string;
beforeAll(async () => {
  const city = (await api('GET', '/api/publication/programmes')).body.programmes.find((p: { programmeId: string }) => p.programmeId === 'city');
  roundId = city.rounds.find((r: { roundId: string }) => /^city-\d{4}-final$/.test(r.roundId))?.roundId;
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('reviewer reliability of the demo round at comprehensive evaluation', () => {
  it('gives every team of both stages its alpha and ICC, every reviewer an offset, and every visited applicant its drift', async () => {
    const res = await api<RoundReliabilityResponse>('GET', `/api/scoring/rounds/${roundId}/reliability`, { cookie: await signInAdmin() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { teams, reviewers, drift } = res.body;
    expect(teams.filter((t) => t.stage === 'materialReview')).toHaveLength(9);
    expect(teams.filter((t) => t.stage === 'onSite')).toHaveLength(8);
    for (const team of teams) {
      expect(team.consensus, team.organisationName).toBe(true);
      expect(team.alpha.ok && Number.isFinite(team.alpha.value), `${team.organisationName} α ${JSON.stringify(team.alpha)}`).toBe(true);
      expect(team.icc.ok && Number.isFinite(team.icc.value), `${team.organisationName} ICC ${JSON.stringify(team.icc)}`).toBe(true);
    }
    expect(reviewers.length).toBeGreaterThan(0);
    for (const r of reviewers) {
      expect(r.reviewerName).not.toBe('');
      expect(typeof r.meanOffset).toBe('number');
    }
    expect(drift).toHaveLength(8);
  });
});
