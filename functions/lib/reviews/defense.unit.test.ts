import { describe, expect, it } from 'vitest';
import { applicationsBeforePanel, defenseOutcome, openDefenseWork, panelScoreOf, seatStatus, type DefenseProgress } from './defense';

describe('defense seats and panel scores', () => {
  it('settles a seat from the declaration and the score: none → awaitingDeclaration, a conflict → conflicted, submitted, else scoring', () => {
    expect(seatStatus(undefined, { status: 'submitted' })).toBe('awaitingDeclaration');
    expect(seatStatus({ conflicts: [{ source: 'detected', kind: 'employment' }] }, undefined)).toBe('conflicted');
    expect(seatStatus({ conflicts: [] }, { status: 'submitted' })).toBe('submitted');
    expect(seatStatus({ conflicts: [] }, { status: 'draft' })).toBe('scoring');
    expect(seatStatus({ conflicts: [] }, undefined)).toBe('scoring');
  });

  it('gives the panel score as the mean half up to hundredths (79,492.5 → 79,493), only when no seat is pending and enough scores are in', () => {
    expect(panelScoreOf(['submitted', 'submitted', 'conflicted'], [81_235, 77_750], 2)).toBe(79_493);
    expect(panelScoreOf(['submitted', 'submitted'], [81_234, 77_750], 2)).toBe(79_492);
    expect(panelScoreOf(['submitted', 'scoring'], [81_235], 1)).toBeUndefined();
    expect(panelScoreOf(['submitted', 'conflicted'], [81_235], 2)).toBeUndefined();
    expect(panelScoreOf([], [], 1)).toBeUndefined();
  });

  it('puts before the panel only shortlisted, submitted applications with an on-site consensus', () => {
    const apps = [
      { applicationId: 'A', status: 'submitted' },
      { applicationId: 'B', status: 'submitted' },
      { applicationId: 'C', status: 'withdrawn' },
      { applicationId: 'D', status: 'submitted' },
    ];
    const shortlist = ['A', 'B', 'C'].map((applicationId) => ({ applicationId, shortlisted: true })).concat({ applicationId: 'D', shortlisted: false });
    const consensus = [
      { applicationId: 'A', stage: 'onSite' },
      { applicationId: 'B', stage: 'materialReview' },
      { applicationId: 'C', stage: 'onSite' },
      { applicationId: 'D', stage: 'onSite' },
    ];
    expect(applicationsBeforePanel(apps, shortlist, consensus).map((a) => a.applicationId)).toEqual(['A']);
  });

  it('counts pending seats plus applications without a panel score as the open defense work; an empty panel leaves every application open', () => {
    const progress: DefenseProgress = {
      panel: [{ reviewerId: 'p1' }, { reviewerId: 'p2' }, { reviewerId: 'p3' }],
      declarations: [
        { applicationId: 'A', reviewerId: 'p1', conflicts: [] },
        { applicationId: 'A', reviewerId: 'p2', conflicts: [] },
        { applicationId: 'A', reviewerId: 'p3', conflicts: [{ source: 'declared', kind: 'consulting' }] },
      ],
      scores: [
        { applicationId: 'A', reviewerId: 'p1', status: 'submitted', score: 80_000 },
        { applicationId: 'A', reviewerId: 'p2', status: 'draft', score: 70_000 },
      ],
    };
    // A: p2 still scoring (1) and no panel score (1); B: three seats to declare (3) and no panel score (1).
    expect(openDefenseWork(['A', 'B'], progress, 2)).toBe(2 + 4);
    expect(defenseOutcome('A', progress, 2).seats.map((s) => s.status)).toEqual(['submitted', 'scoring', 'conflicted']);
    const done = { ...progress, scores: progress.scores.map((s) => ({ ...s, status: 'submitted' })) };
    expect(defenseOutcome('A', done, 2).panelScore).toBe(75_000);
    expect(openDefenseWork(['A'], done, 2)).toBe(0);
    expect(openDefenseWork(['A'], done, 3)).toBe(1);
    expect(openDefenseWork(['A'], { panel: [], declarations: [], scores: [] }, 1)).toBe(1);
  });

  it('gives a member taken off the panel no seat: their pending seat stops blocking and their submitted score never counts', () => {
    const progress: DefenseProgress = {
      panel: [{ reviewerId: 'r1' }, { reviewerId: 'r2' }, { reviewerId: 'r3', removed: true }, { reviewerId: 'r4', removed: true }],
      declarations: ['r1', 'r2', 'r3'].map((reviewerId) => ({ applicationId: 'A', reviewerId, conflicts: [] })),
      scores: [
        { applicationId: 'A', reviewerId: 'r1', status: 'submitted', score: 81_235 },
        { applicationId: 'A', reviewerId: 'r2', status: 'submitted', score: 77_750 },
        { applicationId: 'A', reviewerId: 'r3', status: 'submitted', score: 90_000 },
      ],
    };
    expect(defenseOutcome('A', progress, 2)).toEqual({ seats: [{ reviewerId: 'r1', status: 'submitted' }, { reviewerId: 'r2', status: 'submitted' }], panelScore: 79_493 });
    expect(openDefenseWork(['A'], progress, 2)).toBe(0);
  });
});
