import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AssignmentStatus } from '../../../shared/api/reviews';
import { REVIEW_STAGES, type ReviewStage } from '../../../shared/api/review-stages';
import { queryAll } from '../dynamo';
import type { DefenseProgress } from './defense';
import { reviewKeys } from './keys';

/** One expert's assignment, as far as a round's progress needs it. */
export interface AssignmentProgress {
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly reviewerId: string;
  readonly status: AssignmentStatus;
  readonly leader: boolean;
}

/** A team's recorded consensus for one application and stage. */
export interface ConsensusProgress {
  readonly applicationId: string;
  readonly stage: ReviewStage;
  /** Exact total in hundredths of a point. */
  readonly total: number;
}

/** A team's recorded consensus with the leader's percentage per item (item id → percentage), for the comprehensive evaluation. */
export interface ConsensusScores extends ConsensusProgress {
  readonly percents: Readonly<Record<string, number>>;
}

/** One consensus item's percentage and agreed texts (blank where the leader gave none). */
export interface ConsensusItemTexts {
  readonly percent: number;
  readonly strengths: string;
  readonly opportunities: string;
}

/** A consensus as the feedback report reads it (issue 12). */
export interface ConsensusTexts {
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly items: Readonly<Record<string, ConsensusItemTexts>>;
  readonly themes: Readonly<Record<string, string>>;
  readonly findings: string;
}

/** The site-visit shortlist decision for one application. */
export interface ShortlistProgress {
  readonly applicationId: string;
  readonly shortlisted: boolean;
}

/** Where a round's reviews stand: its assignments, consensus records and shortlist decisions. */
export interface RoundReviewProgress {
  readonly assignments: readonly AssignmentProgress[];
  readonly consensus: readonly ConsensusProgress[];
  readonly shortlist: readonly ShortlistProgress[];
}

const isReviewStage = (value: unknown): value is ReviewStage => (REVIEW_STAGES as readonly unknown[]).includes(value);

/** The percentages of a stored consensus's items (`{ percent, rationale }` per item id); anything else is left out. */
function percentsOf(items: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof items !== 'object' || items === null) return out;
  for (const [itemId, item] of Object.entries(items)) {
    const percent = (item as { percent?: unknown } | null)?.percent;
    if (typeof percent === 'number') out[itemId] = percent;
  }
  return out;
}

/**
 * Reads a round's review progress from the reviews table (read only: the
 * scoring function writes these items). Everything of a round lives in the
 * partition `ROUND#<roundId>`, told apart by sort-key prefix
 * (functions/lib/reviews/keys.ts); only the few attributes the progress
 * needs are read, never the scorecards.
 */
export class ReviewProgressReader {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  private items(roundId: string, prefix: string, attributes: readonly string[]): Promise<Record<string, unknown>[]> {
    return queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reviewKeys.round(roundId), ':prefix': prefix },
      // `status` is a reserved word: every attribute goes through a name placeholder.
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      ConsistentRead: true,
    });
  }

  /** Every assignment, consensus and shortlist decision of a round (items of an unknown stage are left out). */
  async ofRound(roundId: string): Promise<RoundReviewProgress> {
    const [assignments, consensus, shortlist] = await Promise.all([
      this.items(roundId, reviewKeys.assignmentsOf(), ['applicationId', 'stage', 'reviewerId', 'status', 'leader']),
      this.items(roundId, reviewKeys.consensusOf(), ['applicationId', 'stage', 'total']),
      this.items(roundId, reviewKeys.shortlists(), ['applicationId', 'shortlisted']),
    ]);
    return {
      assignments: assignments.flatMap((i) =>
        isReviewStage(i.stage)
          ? [{ applicationId: String(i.applicationId), stage: i.stage, reviewerId: String(i.reviewerId), status: String(i.status) as AssignmentStatus, leader: i.leader === true }]
          : [],
      ),
      consensus: consensus.flatMap((i) => (isReviewStage(i.stage) ? [{ applicationId: String(i.applicationId), stage: i.stage, total: Number(i.total) }] : [])),
      shortlist: shortlist.map((i) => ({ applicationId: String(i.applicationId), shortlisted: i.shortlisted === true })),
    };
  }

  /** Every assignment of a round with the expert's and the organisation's names (the late list and reminders name people, never ids). */
  async assignmentsWithNames(roundId: string): Promise<(AssignmentProgress & { readonly reviewerName: string; readonly organisation: string })[]> {
    const items = await this.items(roundId, reviewKeys.assignmentsOf(), ['applicationId', 'stage', 'reviewerId', 'status', 'leader', 'reviewerName', 'organisation']);
    return items.flatMap((i) =>
      isReviewStage(i.stage)
        ? [{
            applicationId: String(i.applicationId),
            stage: i.stage,
            reviewerId: String(i.reviewerId),
            status: String(i.status) as AssignmentStatus,
            leader: i.leader === true,
            reviewerName: String(i.reviewerName ?? ''),
            organisation: String((i.organisation as { name?: unknown } | undefined)?.name ?? ''),
          }]
        : [],
    );
  }

  /** Every consensus of a round (both stages) with the leader's percentage per item (the rationales are read but not kept). */
  async consensusScoresOfRound(roundId: string): Promise<ConsensusScores[]> {
    const items = await this.items(roundId, reviewKeys.consensusOf(), ['applicationId', 'stage', 'total', 'items']);
    return items.flatMap((i) => (isReviewStage(i.stage) ? [{ applicationId: String(i.applicationId), stage: i.stage, total: Number(i.total), percents: percentsOf(i.items) }] : []));
  }

  /**
   * Every consensus of a round (or of one application) with what the feedback report is written from (issue 12): per
   * item the percentage and the agreed strengths and opportunities, the key themes and the on-site findings — never
   * the leader's name or the cards.
   */
  async consensusTextsOfRound(roundId: string, applicationId?: string): Promise<ConsensusTexts[]> {
    const items = await this.items(roundId, reviewKeys.consensusOf(applicationId), ['applicationId', 'stage', 'items', 'themes', 'findings']);
    return items.flatMap((i) => {
      if (!isReviewStage(i.stage)) return [];
      const texts: Record<string, ConsensusItemTexts> = {};
      for (const [itemId, raw] of Object.entries((i.items ?? {}) as Record<string, { percent?: unknown; strengths?: unknown; opportunities?: unknown }>)) {
        if (typeof raw?.percent !== 'number') continue;
        texts[itemId] = { percent: raw.percent, strengths: typeof raw.strengths === 'string' ? raw.strengths : '', opportunities: typeof raw.opportunities === 'string' ? raw.opportunities : '' };
      }
      const themes = Object.fromEntries(Object.entries((i.themes ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return [{ applicationId: String(i.applicationId), stage: i.stage, items: texts, themes, findings: typeof i.findings === 'string' ? i.findings : '' }];
    });
  }

  /** A round's defense panel, its members' declarations and their defense scores (never the comments). */
  async defenseOfRound(roundId: string): Promise<DefenseProgress> {
    const [panel, declarations, scores] = await Promise.all([
      this.items(roundId, reviewKeys.panel(), ['reviewerId', 'removal']),
      this.items(roundId, reviewKeys.declarationsOf(), ['applicationId', 'reviewerId', 'conflicts']),
      this.items(roundId, reviewKeys.defenseScoresOf(), ['applicationId', 'reviewerId', 'status', 'score']),
    ]);
    return {
      panel: panel.map((i) => ({ reviewerId: String(i.reviewerId), ...(i.removal !== undefined ? { removed: true } : {}) })),
      declarations: declarations.map((i) => ({ applicationId: String(i.applicationId), reviewerId: String(i.reviewerId), conflicts: Array.isArray(i.conflicts) ? i.conflicts : [] })),
      scores: scores.map((i) => ({
        applicationId: String(i.applicationId),
        reviewerId: String(i.reviewerId),
        status: String(i.status),
        ...(typeof i.score === 'number' ? { score: i.score } : {}),
      })),
    };
  }

  /** Every submitted card of a round (both stages) with its expert's name and percentage per item, for the round's export (issue 12.4); drafts are never read. */
  async submittedCardsOfRound(roundId: string): Promise<{ applicationId: string; stage: ReviewStage; reviewerId: string; reviewerName: string; percents: Record<string, number> }[]> {
    const items = await this.items(roundId, reviewKeys.allCards(), ['applicationId', 'stage', 'reviewerId', 'reviewerName', 'status', 'items']);
    return items.flatMap((i) =>
      isReviewStage(i.stage) && i.status === 'submitted'
        ? [{ applicationId: String(i.applicationId), stage: i.stage, reviewerId: String(i.reviewerId), reviewerName: String(i.reviewerName ?? ''), percents: percentsOf(i.items) }]
        : [],
    );
  }

  /** The names of a round's defense panel members and of its experts by id (the export names people, never ids). */
  async defenseScorerNames(roundId: string): Promise<Map<string, string>> {
    const items = await this.items(roundId, reviewKeys.defenseScoresOf(), ['reviewerId', 'reviewerName']);
    return new Map(items.map((i) => [String(i.reviewerId), String(i.reviewerName ?? '')]));
  }
}
