import type { RoundReviewsResponse } from '../../../../shared/api/reviews';

// Issue 13.3: visits are planned once the shortlist is decided, the defense day while the visits run; both stay readable through the defense.
/** Whether a round's board shows its schedules. */
export const showsSchedule = (data: Pick<RoundReviewsResponse, 'roundStage' | 'applications'>) =>
  ['materialReview', 'onSite', 'defense'].includes(data.roundStage) && (data.roundStage !== 'materialReview' || data.applications.some((a) => a.shortlist !== undefined));
