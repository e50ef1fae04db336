import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../../shared/criteria';
import { evaluateStandings, suggestionOf, type EvaluationInput } from './evaluation';

const criteria = GBT19580_2012;
const settings = { weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 2 };

/** A consensus card: every process item at `process` %, every results item (4.7) at `results` %. */
const card = (process: number, results = process) => Object.fromEntries(criteria.items.map((i) => [i.id, i.kind === 'results' ? results : process]));
const org = (name: string) => ({ name, district: '鼓楼区', industry: '制造业' });
const input = (applicationId: string, material: number, onSite: Record<string, number>, defense: number): EvaluationInput => ({
  applicationId,
  organisation: org(`${applicationId} 公司`),
  material: card(material),
  onSite,
  defense,
});

describe('the comprehensive evaluation of the applications before the panel', () => {
  it('weights material, on-site and defense 0.3 / 0.5 / 0.2 into an exact final score (1/100,000 point) and marks a candidate at or above 500', () => {
    // Prepare: material 600.00, on-site 640.00 (process 60 %, results 70 %), defense 700.00 points
    const inputs = [input('A', 60, card(60, 70), 70_000)];
    // Act
    const { standings, unevaluable } = evaluateStandings(inputs, settings, criteria);
    // Assess
    expect(unevaluable).toEqual([]);
    expect(standings).toEqual([
      { applicationId: 'A', organisation: org('A 公司'), material: 60_000, onSite: 64_000, defense: 70_000, results: 28_000, final: 64_000_000, rank: 1, candidate: true },
    ]);
  });

  it('breaks a tie on the final score by the on-site results items (4.7), then lists a full tie under one shared rank', () => {
    // B and C: the same on-site total 640.00 as A; B's results 280.00 beat C's 220.00. D ties A fully.
    const inputs = [
      input('C', 60, card(70, 55), 70_000),
      input('B', 60, card(60, 70), 70_000),
      input('D', 60, card(60, 70), 70_000),
      input('E', 80, card(80), 80_000),
    ];
    const { standings } = evaluateStandings(inputs, settings, criteria);
    expect(standings.map((s) => [s.applicationId, s.rank, s.final, s.results])).toEqual([
      ['E', 1, 80_000_000, 32_000],
      ['B', 2, 64_000_000, 28_000],
      ['D', 2, 64_000_000, 28_000],
      ['C', 4, 64_000_000, 22_000],
    ]);
  });

  it('keeps a final score below the threshold off the candidates, by 1/100,000 of a point', () => {
    // 499.99 points: material 500.00, on-site 500.00, defense 499.95 → 50,000×300 + 50,000×500 + 49,995×200 = 49,999,000.
    const { standings } = evaluateStandings([input('low', 50, card(50), 49_995), input('at', 50, card(50), 50_000)], settings, criteria);
    expect(standings.map((s) => [s.applicationId, s.final, s.candidate])).toEqual([
      ['at', 50_000_000, true],
      ['low', 49_999_000, false],
    ]);
  });

  it('lists an application lacking a score, an incomplete or an off-grid consensus card apart, with what it lacks, and never ranks it', () => {
    const { [criteria.items[0]!.id]: _dropped, ...incomplete } = card(60);
    const inputs: EvaluationInput[] = [
      { applicationId: 'no-defense', organisation: org('x'), material: card(60), onSite: card(60) },
      { applicationId: 'no-material', organisation: org('y'), onSite: incomplete, defense: 60_000 },
      { applicationId: 'off-grid', organisation: org('z'), material: card(62), onSite: card(60), defense: 60_000 },
      input('ok', 60, card(60), 60_000),
    ];
    const { standings, unevaluable } = evaluateStandings(inputs, settings, criteria);
    expect(standings.map((s) => s.applicationId)).toEqual(['ok']);
    expect(unevaluable).toEqual([
      { applicationId: 'no-defense', organisation: org('x'), missing: ['defense'] },
      { applicationId: 'no-material', organisation: org('y'), missing: ['material', 'onSite'] },
      { applicationId: 'off-grid', organisation: org('z'), missing: ['material'] },
    ]);
  });

  it('advises at most the quota and leaves a tie straddling the last place to the vote', () => {
    const { standings } = evaluateStandings(
      [input('E', 80, card(80), 80_000), input('B', 60, card(60, 70), 70_000), input('D', 60, card(60, 70), 70_000), input('C', 60, card(70, 55), 70_000)],
      settings,
      criteria,
    );
    expect(suggestionOf(standings.filter((s) => s.candidate), 2)).toEqual({ proposed: ['E'], tiedAtCutoff: ['B', 'D'] });
    expect(suggestionOf(standings.filter((s) => s.candidate), 3)).toEqual({ proposed: ['E', 'B', 'D'], tiedAtCutoff: [] });
  });
});
