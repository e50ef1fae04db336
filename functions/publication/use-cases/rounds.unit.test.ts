import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../lib/applications/repository';
import type { RoundReviewProgress } from '../../lib/reviews/progress';
import { openReviewWork } from './rounds';

const app = (applicationId: string, status: ApplicationRecord['status'], decision?: 'eligible' | 'ineligible') =>
  ({ applicationId, status, ...(decision ? { eligibility: { decision, reason: '', decidedAt: '2026-01-01T00:00:00Z', decidedBy: 'office' } } : {}) }) as ApplicationRecord;

const applications = [app('A', 'submitted', 'eligible'), app('B', 'submitted', 'ineligible'), app('C', 'submitted'), app('D', 'withdrawn'), app('E', 'submitted', 'eligible')];

describe('open work of a review stage', () => {
  it('counts eligible submitted applications without a material-review consensus, and nothing for ineligible, undecided or withdrawn ones', () => {
    // Prepare
    const progress: RoundReviewProgress = { assignments: [], consensus: [{ applicationId: 'E', stage: 'materialReview', total: 50_000 }], shortlist: [] };
    // Act / Assess
    expect(openReviewWork('materialReview', applications, progress)).toBe(1);
  });

  it('counts assignments still to declare or scoring of that stage only, besides teams without a consensus', () => {
    const progress: RoundReviewProgress = {
      assignments: [
        { applicationId: 'A', stage: 'materialReview', reviewerId: 'r1', status: 'awaitingDeclaration', leader: false },
        { applicationId: 'A', stage: 'materialReview', reviewerId: 'r2', status: 'active', leader: true },
        { applicationId: 'A', stage: 'materialReview', reviewerId: 'r3', status: 'conflicted', leader: false },
        { applicationId: 'A', stage: 'materialReview', reviewerId: 'r4', status: 'recused', leader: false },
        { applicationId: 'A', stage: 'onSite', reviewerId: 'r5', status: 'active', leader: false },
      ],
      consensus: [
        { applicationId: 'A', stage: 'materialReview', total: 60_000 },
        { applicationId: 'E', stage: 'onSite', total: 60_000 },
      ],
      shortlist: [],
    };
    // E has an on-site consensus, not a material one: it still counts for material review.
    expect(openReviewWork('materialReview', applications, progress)).toBe(2 + 1);
  });

  it('reviews on site exactly the shortlisted applications', () => {
    const progress: RoundReviewProgress = {
      assignments: [],
      consensus: [{ applicationId: 'A', stage: 'onSite', total: 70_000 }],
      shortlist: [
        { applicationId: 'A', shortlisted: true },
        { applicationId: 'E', shortlisted: true },
        { applicationId: 'B', shortlisted: false },
      ],
    };
    expect(openReviewWork('onSite', applications, progress)).toBe(1);
  });
});
