import type { ReviewStage } from '../../../shared/api/reviews';

/**
 * Keys of the reviews table. Everything of a round lives in one partition
 * (`ROUND#<roundId>`), told apart by sort-key prefix, so the office's board
 * and the supervisors' overview read a round with a few prefix queries
 * (assignments, declarations, consensus, shortlist — never the cards in bulk).
 * An expert's own assignments and a deliberator's panels are found through
 * gsi1 (`REVIEWER#<personId>`, sort keys `ASSIGN#…` and `PANEL#…`).
 */
export const reviewKeys = {
  round: (roundId: string) => `ROUND#${roundId}`,
  /** One expert on one application's team for one stage. */
  assignment: (applicationId: string, stage: ReviewStage, reviewerId: string) => `ASSIGN#${applicationId}#${stage}#${reviewerId}`,
  assignmentsOf: (applicationId?: string, stage?: ReviewStage) => `ASSIGN#${applicationId ? `${applicationId}#${stage ? `${stage}#` : ''}` : ''}`,
  /** gsi1: an expert's assignments, by round. */
  reviewer: (reviewerId: string) => `REVIEWER#${reviewerId}`,
  reviewerSort: (roundId: string, applicationId: string, stage: ReviewStage) => `ASSIGN#${roundId}#${applicationId}#${stage}`,
  /** The team's leader post (组长), held by one expert at a time; claimed with the leader's assignment. */
  leader: (applicationId: string, stage: ReviewStage) => `LEADER#${applicationId}#${stage}`,
  /** A team's roster: how many assignments it ever had. Every assignment counts itself in; the consensus checks the count it read. */
  roster: (applicationId: string, stage: ReviewStage) => `ROSTER#${applicationId}#${stage}`,
  /** One expert's declaration for one applicant (made once, before any material is seen). */
  declaration: (applicationId: string, reviewerId: string) => `DECL#${applicationId}#${reviewerId}`,
  declarationsOf: (applicationId?: string) => `DECL#${applicationId ? `${applicationId}#` : ''}`,
  /** One expert's independent scorecard for one application and stage. */
  card: (applicationId: string, stage: ReviewStage, reviewerId: string) => `CARD#${applicationId}#${stage}#${reviewerId}`,
  cardsOf: (applicationId: string, stage: ReviewStage) => `CARD#${applicationId}#${stage}#`,
  /** Every card of the round (both stages). */
  allCards: () => 'CARD#',
  /** A member's read of another member's submitted card (written once per reader and card, with its audit entry). */
  cardRead: (applicationId: string, stage: ReviewStage, readerId: string, authorId: string) => `READ#${applicationId}#${stage}#${readerId}#${authorId}`,
  cardReadsOf: (applicationId: string, stage: ReviewStage, readerId: string) => `READ#${applicationId}#${stage}#${readerId}#`,
  /** The leader's consensus for one application and stage (written once). */
  consensus: (applicationId: string, stage: ReviewStage) => `CONSENSUS#${applicationId}#${stage}`,
  consensusOf: (applicationId?: string) => `CONSENSUS#${applicationId ? `${applicationId}#` : ''}`,
  /** The site-visit shortlist decision for one application (written once). */
  shortlist: (applicationId: string) => `SHORTLIST#${applicationId}`,
  shortlists: () => 'SHORTLIST#',
  /** One deliberator on the round's defense panel (stage 6). */
  panelMember: (reviewerId: string) => `PANEL#${reviewerId}`,
  panel: () => 'PANEL#',
  /** gsi1: a deliberator's seat on a round's panel. */
  panelSort: (roundId: string) => `PANEL#${roundId}`,
  /** One panel member's holistic defense score for one application. */
  defenseScore: (applicationId: string, reviewerId: string) => `DEFENSE#${applicationId}#${reviewerId}`,
  defenseScoresOf: (applicationId?: string) => `DEFENSE#${applicationId ? `${applicationId}#` : ''}`,
  /** One application's site visit (issue 13.3). */
  visit: (applicationId: string) => `VISIT#${applicationId}`,
  visits: () => 'VISIT#',
  /** The round's visit-schedule counter: every visit write raises it from the value read, so overlap checks never race. */
  visitsLock: () => 'SCHEDULE#VISITS',
  /** The round's defense day. */
  defenseSchedule: () => 'SCHEDULE#DEFENSE',
} as const;
