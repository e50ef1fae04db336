import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './chain';
import { checkIndependence, type CardFact, type ConsensusFact } from './independence';

// A team of two (p1, p2) on application a1's material review, as its chain records it.
const entry = (seq: number, action: string, type: string, id: string, stateDigest = `d${seq}`): AuditEntry => ({
  scope: 'round:r1', seq, at: '2026-11-01T00:00:00.000Z', actor: { personId: 'x', role: 'expert' }, action, target: { type, id }, stateDigest, requestId: `q${seq}`, prevHash: '', hash: '',
});
const card = (reviewerId: string, digest: string): CardFact => ({ applicationId: 'a1', stage: 'materialReview', reviewerId, submitted: true, digest });
const honest = [
  entry(1, 'scorecard.saved', 'scorecard', 'a1/materialReview/p1'),
  entry(2, 'scorecard.submitted', 'scorecard', 'a1/materialReview/p1', 'c1'),
  entry(3, 'scorecard.submitted', 'scorecard', 'a1/materialReview/p2', 'c2'),
  entry(4, 'scorecard.read', 'cardRead', 'a1/materialReview/p1'),
  entry(5, 'consensus.recorded', 'consensus', 'a1/materialReview', 'k'),
];
const consensus: ConsensusFact = { applicationId: 'a1', stage: 'materialReview', digest: 'k', cards: [{ reviewerId: 'p1', digest: 'c1' }, { reviewerId: 'p2', digest: 'c2' }] };

describe('independent scoring, from the chain and the stored cards', () => {
  it('holds for a team that scored alone, read after submitting and agreed after every commit', () => {
    expect(checkIndependence(honest, [card('p1', 'c1'), card('p2', 'c2')], [consensus])).toEqual([
      { applicationId: 'a1', stage: 'materialReview', cards: 2, reads: 1, consensus: true, findings: [] },
    ]);
  });

  it("names a member who read a teammate's card before their own was committed", () => {
    const early = [honest[0]!, entry(2, 'scorecard.read', 'cardRead', 'a1/materialReview/p1'), ...honest.slice(1).map((e) => ({ ...e, seq: e.seq + 1 }))];
    const named = { ...consensus };
    const [team] = checkIndependence(early, [card('p1', 'c1'), card('p2', 'c2')], [named]);
    expect(team!.findings).toEqual([{ problem: 'readBeforeOwnSubmission', reviewerId: 'p1', seq: 2 }]);
  });

  it('names a card changed after its commit, in the table and in the chain', () => {
    const [team] = checkIndependence([...honest, entry(6, 'scorecard.saved', 'scorecard', 'a1/materialReview/p2')], [card('p1', 'c1'), card('p2', 'other')], [consensus]);
    expect(team!.findings).toEqual([
      { problem: 'cardDiffers', reviewerId: 'p2', seq: 3 },
      { problem: 'changedAfterCommit', reviewerId: 'p2', seq: 6 },
    ]);
  });

  it('names a consensus recorded before a card it names was committed, and one that names no cards', () => {
    const late = honest.map((e) => (e.seq === 3 ? { ...e, seq: 6 } : e));
    expect(checkIndependence(late, [card('p1', 'c1'), card('p2', 'c2')], [consensus])[0]!.findings).toEqual([{ problem: 'consensusBeforeCard', reviewerId: 'p2', seq: 5 }]);
    const { cards: _cards, ...bare } = consensus;
    expect(checkIndependence(honest, [card('p1', 'c1'), card('p2', 'c2')], [bare])[0]!.findings).toEqual([{ problem: 'consensusNamesNoCards', seq: 5 }]);
  });

  it('accepts a read by a member who stepped aside before reading', () => {
    const recused = [...honest, entry(6, 'recusal.logged', 'assignment', 'a1/materialReview/p3'), entry(7, 'scorecard.read', 'cardRead', 'a1/materialReview/p3')];
    expect(checkIndependence(recused, [card('p1', 'c1'), card('p2', 'c2')], [consensus])[0]!.findings).toEqual([]);
  });
});
