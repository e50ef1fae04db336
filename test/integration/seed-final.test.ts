import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { validateCreditCode } from '../../shared/eligibility';
import { candidates, rankApplications, standingOf, weightsPerMille, type ScorecardTotals } from '../../shared/scoring';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { api, linkedChain, cookieFrom, latestToken, signIn, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import { paths } from './reviews-helpers';

// The demo round that has reached the comprehensive evaluation (infra/local/seed-final.ts), read through the routes
// the office's board, the defense panel view, the supervisors' pages and the stage move use.
const SUPERVISOR = 'supervisor@demo.merit.local';
const THRESHOLD = 500;

interface BoardApplication {
  applicationId: string;
  organisation: { name: string; district: string; industry: string };
  stages: Partial<Record<'materialReview' | 'onSite', { members: { status: string; leader: boolean }[]; submittedCards: number; consensus?: { total: number } }>>;
  shortlist?: { shortlisted: boolean };
}

let roundId: string;
let admin: string;
beforeAll(async () => {
  const city = (await api('GET', '/api/publication/programmes')).body.programmes.find((p: { programmeId: string }) => p.programmeId === 'city');
  roundId = city.rounds.find((r: { roundId: string }) => /^city-\d{4}-final$/.test(r.roundId))?.roundId;
  admin = await signInAdmin();
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the demo round at comprehensive evaluation (seeded on first start)', () => {
  it('is at comprehensive evaluation, every date of its config in the past', async () => {
    expect(roundId).toMatch(/^city-\d{4}-final$/);
    const round = await api('GET', `/api/publication/rounds/${roundId}`, { cookie: admin });
    expect(round.status, JSON.stringify(round.body)).toBe(200);
    expect(round.body).toMatchObject({ stage: 'comprehensiveEvaluation', name: { 'zh-CN': '示范市政府质量奖（演示：综合评价）' } });
    for (const date of Object.values(round.body.config.dates as Record<string, string>)) expect(Date.parse(date)).toBeLessThan(Date.now());
  });

  it("shows on the office's board every application with its material consensus by a full team, the shortlist, and the site teams' consensus", async () => {
    const res = await api('GET', paths.round(roundId), { cookie: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const board = res.body;
    const applications = board.applications as BoardApplication[];
    expect(board.roundStage).toBe('comprehensiveEvaluation');
    expect(applications).toHaveLength(9);
    expect(new Set(applications.map((a) => a.organisation.district)).size).toBe(9);
    expect(new Set(applications.map((a) => a.organisation.industry)).size).toBe(9);
    for (const app of applications) {
      const material = app.stages.materialReview!;
      expect(material.members).toHaveLength(board.minTeam.materialReview);
      expect(material.members.every((m) => m.status === 'submitted')).toBe(true);
      expect(material.members.filter((m) => m.leader)).toHaveLength(1);
      expect(material.submittedCards).toBe(board.minTeam.materialReview);
      expect(material.consensus?.total).toBeGreaterThan(0);
      expect(app.shortlist).toBeDefined();
      // By score alone: shortlisted exactly when the material consensus reaches the threshold (fewer than the list's size).
      expect(app.shortlist!.shortlisted).toBe(material.consensus!.total >= THRESHOLD * 100);
      if (app.shortlist!.shortlisted) {
        expect(app.stages.onSite!.members).toHaveLength(board.minTeam.onSite);
        expect(app.stages.onSite!.submittedCards).toBe(board.minTeam.onSite);
        expect(app.stages.onSite!.consensus?.total).toBeGreaterThan(0);
      } else {
        expect(app.stages.onSite).toBeUndefined();
      }
    }
    expect(applications.filter((a) => a.shortlist!.shortlisted)).toHaveLength(8);
    // Declarations: one per expert and applicant (the site visit needs none of its own) and one per deliberator and
    // application before the panel, none with a conflict.
    expect(board.declarations).toHaveLength(9 * board.minTeam.materialReview + 8 * 5);
    expect(board.declarations.every((d: { conflicts: unknown[]; confidentialitySigned: boolean }) => d.conflicts.length === 0 && d.confidentialitySigned)).toBe(true);
  });

  it("gives each team's page its cards and the consensus, with a rationale for every flagged item", async () => {
    const board = (await api('GET', paths.round(roundId), { cookie: admin })).body;
    const app = (board.applications as BoardApplication[]).find((a) => a.shortlist?.shortlisted)!;
    for (const stage of ['materialReview', 'onSite'] as const) {
      const team = await api('GET', paths.team(app.applicationId, stage), { cookie: admin });
      expect(team.status, JSON.stringify(team.body)).toBe(200);
      expect(team.body.scorecards.every((c: { status: string; scored: number }) => c.status === 'submitted' && c.scored === GBT19580_2012.items.length)).toBe(true);
      expect(team.body.flags.length).toBeGreaterThan(0);
      expect(team.body.consensus.flags).toEqual(team.body.flags);
      for (const flag of team.body.flags) expect(team.body.consensus.items[flag.itemId].rationale).not.toBe('');
      expect(team.body.consensus.total).toBe(app.stages[stage]!.consensus!.total);
    }
  });

  it('lets the demo supervisor follow the round, and gives every shortlisted application its panel score from the demo deliberators', async () => {
    const supervisor = await signIn(SUPERVISOR);
    const board = await api('GET', paths.round(roundId), { cookie: supervisor });
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const shortlisted = (board.body.applications as BoardApplication[]).filter((a) => a.shortlist?.shortlisted).map((a) => a.applicationId);

    const defense = await api('GET', paths.defense(roundId), { cookie: supervisor });
    expect(defense.status, JSON.stringify(defense.body)).toBe(200);
    expect(defense.body.panel).toHaveLength(defense.body.panelMin);
    expect(defense.body.applications.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual([...shortlisted].sort());
    for (const app of defense.body.applications) {
      expect(app.seats.every((s: { status: string }) => s.status === 'submitted')).toBe(true);
      const scores = app.scores.map((s: { score: number }) => s.score);
      expect(scores).toHaveLength(defense.body.panelMin);
      // The panel score is the mean of the submitted scores, half up to hundredths.
      expect(app.panelScore).toBe(Math.round(scores.reduce((a: number, b: number) => a + b, 0) / scores.length));
    }
  });

  it('ranks believably: a tie on the final score broken by the results items, and a shortlisted application below the threshold', async () => {
    const board = (await api('GET', paths.round(roundId), { cookie: admin })).body;
    const defense = (await api('GET', paths.defense(roundId), { cookie: admin })).body;
    const weights = weightsPerMille((await api('GET', `/api/publication/rounds/${roundId}`, { cookie: admin })).body.config.weights);
    const standings = await Promise.all(
      defense.applications.map(async (app: { applicationId: string; panelScore: number }) => {
        const onSite = (await api('GET', paths.team(app.applicationId, 'onSite'), { cookie: admin })).body.consensus as ScorecardTotals;
        const material = (board.applications as BoardApplication[]).find((a) => a.applicationId === app.applicationId)!.stages.materialReview!.consensus!.total;
        return standingOf({ applicationId: app.applicationId, material, onSite, defense: app.panelScore }, weights, GBT19580_2012);
      }),
    );
    const ranked = rankApplications(standings);
    const chosen = candidates(ranked, THRESHOLD);
    expect(chosen.length).toBeGreaterThanOrEqual(5);
    expect(chosen.length).toBeLessThanOrEqual(6);
    expect(ranked.length - chosen.length).toBeGreaterThanOrEqual(1);
    const tied = ranked.filter((s, i) => ranked.some((o, j) => j !== i && o.final === s.final));
    expect(tied).toHaveLength(2);
    expect(tied[0]!.results).toBeGreaterThan(tied[1]!.results);
    expect(tied[1]!.rank).toBe(tied[0]!.rank + 1);
    expect(tied[0]!.final).toBeGreaterThanOrEqual(THRESHOLD * 100_000);
  });

  it('refuses the move to the opinions with 422 EVALUATION_PENDING: the evaluation is not recorded yet', async () => {
    const round = (await api('GET', `/api/publication/rounds/${roundId}`, { cookie: admin })).body;
    const moved = await api('POST', `/api/publication/rounds/${roundId}/stage`, { cookie: admin, body: { to: 'opinions', version: round.version } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(422);
    expect(moved.body.error.code).toBe('EVALUATION_PENDING');
  });

  it('has its applicants sign in to their submitted, eligible packages', async () => {
    const email = 'applicant7@demo.merit.local';
    expect((await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } })).status).toBe(202);
    const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    const mine = await api('GET', '/api/submission/applications/mine', { cookie: cookieFrom(exchanged.headers) });
    const app = mine.body.applications.find((a: { roundId: string }) => a.roundId === roundId);
    expect(app).toMatchObject({ status: 'submitted', eligibility: { decision: 'eligible' }, completeness: { complete: true } });
    expect(validateCreditCode(app.organisation.creditCode).ok).toBe(true);
    expect(app.documents.map((d: { status: string }) => d.status)).toEqual(['verified', 'verified']);
  });

  it("records every seeded change as the system's on the round's chain, which verifies, ending with the moves through the stages", async () => {
    const rt = await stackRuntime();
    const entries = await linkedChain(rt.audit, roundScope(roundId));
    expect(await verifyChain(nodeSha256, roundScope(roundId), entries)).toMatchObject({ ok: true });
    const seeded = entries.filter((e) => e.requestId === 'seed');
    expect(new Set(seeded.map((e) => e.actor.personId))).toEqual(new Set(['system']));
    const moves = seeded.filter((e) => e.action === 'round.stageMoved').map((e) => e.context?.stage);
    expect(moves).toEqual(['formalSubmission', 'eligibility', 'materialReview', 'onSite', 'defense', 'comprehensiveEvaluation']);
    const count = (action: string) => seeded.filter((e) => e.action === action).length;
    expect(count('consensus.recorded')).toBe(9 + 8);
    expect(count('application.shortlistDecided')).toBe(9);
    expect(count('scorecard.submitted')).toBe(9 * 5 + 8 * 3 + 8 * 5);
  });
});
