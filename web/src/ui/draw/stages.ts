import type { ReviewStage } from '../../../../shared/api/reviews';
import type { RoundStage } from '../../../../shared/stages/round';

/** The review stages whose teams can be drawn while the round is at a stage (material-review teams from the eligibility check on; site teams once the shortlist exists). */
export const DRAW_STAGES_AT: Partial<Record<RoundStage, ReviewStage[]>> = { eligibility: ['materialReview'], materialReview: ['materialReview', 'onSite'], onSite: ['onSite'] };

/** Whether the board offers the draw: the round is where teams are formed. */
export const showsDraw = (stage: RoundStage) => DRAW_STAGES_AT[stage] !== undefined;
