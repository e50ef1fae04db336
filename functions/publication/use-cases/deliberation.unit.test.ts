import { describe, expect, it } from 'vitest';
import type { StandingRecord } from '../../lib/outcome/store';
import { clearedSuggestion, isProposing } from './deliberation';

const standing = (applicationId: string, final: number, rank: number): StandingRecord => ({
  applicationId,
  organisation: { name: applicationId, district: '鼓楼区', industry: '制造业' },
  material: 60_000,
  onSite: 60_000,
  defense: 60_000,
  results: 24_000,
  final,
  rank,
  candidate: true,
});

describe("the committee's vote", () => {
  it('proposes on more than half of the votes cast, abstentions counting as cast', () => {
    expect(isProposing({ for: 5, against: 4, abstain: 0 })).toBe(true);
    expect(isProposing({ for: 5, against: 3, abstain: 2 })).toBe(false);
    expect(isProposing({ for: 5, against: 5, abstain: 0 })).toBe(false);
    expect(isProposing({ for: 1, against: 0, abstain: 0 })).toBe(true);
  });

  it('advises over the cleared candidates ranked among themselves, so a candidate taken out leaves no hole', () => {
    // The evaluation ranked A 1st, (B 2nd, objected, not here), C 3rd, D 4th; with a quota of 2, A and C are advised.
    const cleared = [standing('A', 70_000_000, 1), standing('C', 65_000_000, 3), standing('D', 60_000_000, 4)];
    expect(clearedSuggestion(cleared, 2)).toEqual({ proposed: ['A', 'C'], tiedAtCutoff: [] });
  });

  it('leaves a full tie at the last place to the vote', () => {
    const cleared = [standing('A', 70_000_000, 1), standing('C', 65_000_000, 2), standing('D', 65_000_000, 2)];
    expect(clearedSuggestion(cleared, 2)).toEqual({ proposed: ['A'], tiedAtCutoff: ['C', 'D'] });
  });
});
