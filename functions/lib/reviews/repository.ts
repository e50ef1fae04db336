import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DefenseScoreView, PanelMemberView } from '../../../shared/api/defense';
import type {
  AssignmentView,
  CardItemView,
  ConsensusView,
  DeclarationView,
  ReviewStage,
  ScorecardStatus,
} from '../../../shared/api/reviews';
import type { DefenseScheduleView, VisitView } from '../../../shared/api/schedules';
import type { TransactItem } from '../audit/log';
import { queryAll, type ItemRead } from '../dynamo';
import { reviewKeys } from './keys';

/** An assignment as stored: its view, every field a top-level attribute (the round's stage facts read them). */
export type AssignmentRecord = AssignmentView & { readonly updatedAt: string };

/** A declaration as stored (made once, kept whatever it says). */
export type DeclarationRecord = DeclarationView;

/** One expert's card as stored. */
export interface ScorecardRecord {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly status: ScorecardStatus;
  readonly items: Readonly<Record<string, CardItemView>>;
  readonly version: number;
  readonly updatedAt: string;
  readonly submittedAt?: string;
}

/** A member's first read of another member's submitted card: who read which card, when, and the card's committed hash. */
export interface CardReadRecord {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly readerId: string;
  readonly authorId: string;
  readonly digest: string;
  readonly readAt: string;
}

/** A consensus as stored (written once). */
export type ConsensusRecord = ConsensusView;

/** A site-visit shortlist decision as stored (written once). */
export interface ShortlistRecord {
  readonly roundId: string;
  readonly applicationId: string;
  readonly shortlisted: boolean;
  /** The material consensus total it was decided on, in hundredths. */
  readonly materialScore: number;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

/** A deliberator on a round's defense panel as stored. */
export type PanelMemberRecord = PanelMemberView;

/** One panel member's defense score for one application as stored (no `score` while undecided). */
export type DefenseScoreRecord = Omit<DefenseScoreView, 'updatedAt'> & { readonly updatedAt: string };

/** A site visit as stored (its view; who last changed it). */
export type VisitRecord = VisitView & { readonly updatedBy: string };

/** A round's defense day as stored. */
export type DefenseScheduleRecord = DefenseScheduleView & { readonly updatedBy: string };

/** Everything a round holds for one team (one application and stage), read in a few consistent queries. */
export interface TeamRecords {
  readonly assignments: readonly AssignmentRecord[];
  readonly declarations: readonly DeclarationRecord[];
  readonly cards: readonly ScorecardRecord[];
  readonly consensus?: ConsensusRecord;
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _k, ...rest } = item;
  return rest as T;
}

const onceOnly = { ConditionExpression: 'attribute_not_exists(pk)' } as const;
const atVersion = (version: number) =>
  version === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } };

/**
 * The reviews table: one partition per round (functions/lib/reviews/keys.ts)
 * holding assignments, declarations, scorecards, consensus records and
 * shortlist decisions. Reads here (consistent); writes are returned as
 * transaction items so each use case commits them with its audit entry
 * (functions/lib/audit/log.ts).
 */
export class ReviewsRepository {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  private async get<T>(roundId: string, sk: string): Promise<T | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: reviewKeys.round(roundId), sk }, ConsistentRead: true }));
    return out.Item ? strip<T>(out.Item) : undefined;
  }

  private async prefix<T>(roundId: string, prefix: string): Promise<T[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': reviewKeys.round(roundId), ':p': prefix },
      ConsistentRead: true,
    });
    return items.map((i) => strip<T>(i));
  }

  /** The reads of one reviewer's assignment and card, to read together with others (lib/dynamo readTogether). */
  assignmentRead(roundId: string, applicationId: string, stage: ReviewStage, reviewerId: string): ItemRead<AssignmentRecord> {
    return { table: this.table, key: { pk: reviewKeys.round(roundId), sk: reviewKeys.assignment(applicationId, stage, reviewerId) }, decode: strip<AssignmentRecord> };
  }

  cardRead(roundId: string, applicationId: string, stage: ReviewStage, reviewerId: string): ItemRead<ScorecardRecord> {
    return { table: this.table, key: { pk: reviewKeys.round(roundId), sk: reviewKeys.card(applicationId, stage, reviewerId) }, decode: strip<ScorecardRecord> };
  }

  assignment(roundId: string, applicationId: string, stage: ReviewStage, reviewerId: string): Promise<AssignmentRecord | undefined> {
    return this.get(roundId, reviewKeys.assignment(applicationId, stage, reviewerId));
  }

  /** Assignments of a round, of one application, or of one team. */
  assignments(roundId: string, applicationId?: string, stage?: ReviewStage): Promise<AssignmentRecord[]> {
    return this.prefix(roundId, reviewKeys.assignmentsOf(applicationId, stage));
  }

  /** An expert's assignments in every round (gsi1; eventually consistent, for their list only). */
  async assignmentsOfReviewer(reviewerId: string): Promise<AssignmentRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :r AND begins_with(gsi1sk, :a)',
      ExpressionAttributeValues: { ':r': reviewKeys.reviewer(reviewerId), ':a': 'ASSIGN#' },
    });
    return items.map((i) => strip<AssignmentRecord>(i));
  }

  /** A deliberator's seats on rounds' defense panels (gsi1; eventually consistent, for their list only). */
  async panelsOfReviewer(reviewerId: string): Promise<PanelMemberRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :r AND begins_with(gsi1sk, :p)',
      ExpressionAttributeValues: { ':r': reviewKeys.reviewer(reviewerId), ':p': reviewKeys.panel() },
    });
    return items.map((i) => strip<PanelMemberRecord>(i));
  }

  panelMember(roundId: string, reviewerId: string): Promise<PanelMemberRecord | undefined> {
    return this.get(roundId, reviewKeys.panelMember(reviewerId));
  }

  /** The round's defense panel. */
  panel(roundId: string): Promise<PanelMemberRecord[]> {
    return this.prefix(roundId, reviewKeys.panel());
  }

  defenseScore(roundId: string, applicationId: string, reviewerId: string): Promise<DefenseScoreRecord | undefined> {
    return this.get(roundId, reviewKeys.defenseScore(applicationId, reviewerId));
  }

  /** Defense scores of a round or of one application. */
  defenseScores(roundId: string, applicationId?: string): Promise<DefenseScoreRecord[]> {
    return this.prefix(roundId, reviewKeys.defenseScoresOf(applicationId));
  }

  declaration(roundId: string, applicationId: string, reviewerId: string): Promise<DeclarationRecord | undefined> {
    return this.get(roundId, reviewKeys.declaration(applicationId, reviewerId));
  }

  /** Declarations of a round or of one application. */
  declarations(roundId: string, applicationId?: string): Promise<DeclarationRecord[]> {
    return this.prefix(roundId, reviewKeys.declarationsOf(applicationId));
  }

  card(roundId: string, applicationId: string, stage: ReviewStage, reviewerId: string): Promise<ScorecardRecord | undefined> {
    return this.get(roundId, reviewKeys.card(applicationId, stage, reviewerId));
  }

  cards(roundId: string, applicationId: string, stage: ReviewStage): Promise<ScorecardRecord[]> {
    return this.prefix(roundId, reviewKeys.cardsOf(applicationId, stage));
  }

  /**
   * Every submitted card of a round (both stages). Drafts are sealed: the
   * filter runs in the table, so no draft's content reaches the caller.
   */
  async submittedCards(roundId: string): Promise<ScorecardRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      FilterExpression: '#status = :submitted',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': reviewKeys.round(roundId), ':p': reviewKeys.allCards(), ':submitted': 'submitted' },
      ConsistentRead: true,
    });
    return items.map((i) => strip<ScorecardRecord>(i));
  }

  /** The cards of a team one member has read (each recorded once). */
  cardReads(roundId: string, applicationId: string, stage: ReviewStage, readerId: string): Promise<CardReadRecord[]> {
    return this.prefix(roundId, reviewKeys.cardReadsOf(applicationId, stage, readerId));
  }

  /** The write of a member's first read of a card, once. */
  cardReadPut(r: CardReadRecord): TransactItem {
    return this.put(reviewKeys.cardRead(r.applicationId, r.stage, r.readerId, r.authorId), r, onceOnly, { kind: 'cardRead' });
  }

  consensus(roundId: string, applicationId: string, stage: ReviewStage): Promise<ConsensusRecord | undefined> {
    return this.get(roundId, reviewKeys.consensus(applicationId, stage));
  }

  /** Consensus records of a round (both stages) or of one application. */
  consensuses(roundId: string, applicationId?: string): Promise<ConsensusRecord[]> {
    return this.prefix(roundId, reviewKeys.consensusOf(applicationId));
  }

  shortlistDecision(roundId: string, applicationId: string): Promise<ShortlistRecord | undefined> {
    return this.get(roundId, reviewKeys.shortlist(applicationId));
  }

  shortlist(roundId: string): Promise<ShortlistRecord[]> {
    return this.prefix(roundId, reviewKeys.shortlists());
  }

  /** One team's assignments, the application's declarations, the team's cards and its consensus. */
  async team(roundId: string, applicationId: string, stage: ReviewStage): Promise<TeamRecords> {
    const [assignments, declarations, cards, consensus] = await Promise.all([
      this.assignments(roundId, applicationId, stage),
      this.declarations(roundId, applicationId),
      this.cards(roundId, applicationId, stage),
      this.consensus(roundId, applicationId, stage),
    ]);
    return { assignments, declarations, cards, ...(consensus ? { consensus } : {}) };
  }

  private put(sk: string, record: object, condition: Record<string, unknown>, extra: Record<string, unknown> = {}): TransactItem {
    const roundId = (record as { roundId: string }).roundId;
    return { Put: { TableName: this.table, Item: { pk: reviewKeys.round(roundId), sk, ...extra, ...record }, ...condition } };
  }

  private assignmentItem(a: AssignmentRecord, condition: Record<string, unknown>): TransactItem {
    return this.put(reviewKeys.assignment(a.applicationId, a.stage, a.reviewerId), a, condition, {
      gsi1pk: reviewKeys.reviewer(a.reviewerId),
      gsi1sk: reviewKeys.reviewerSort(a.roundId, a.applicationId, a.stage),
      kind: 'assignment',
    });
  }

  /** The write of a new assignment (fails if the expert is already on the team). */
  assignmentPut(a: AssignmentRecord): TransactItem {
    return this.assignmentItem(a, onceOnly);
  }

  /** Replaces an assignment, conditional on the version it was based on. */
  assignmentUpdate(next: AssignmentRecord, basedOn: number): TransactItem {
    return this.assignmentItem(next, atVersion(basedOn));
  }

  /** A check that an assignment is still at the version read. */
  assignmentUnchanged(a: AssignmentRecord): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(a.roundId), sk: reviewKeys.assignment(a.applicationId, a.stage, a.reviewerId) },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': a.version },
      },
    };
  }

  /**
   * A new member counts itself into the team's roster. Two transactions that
   * touch the roster cannot interleave, so an assignment made while the
   * leader records the consensus either lands first (and the consensus,
   * checking the count it read, reads the team again) or finds the consensus
   * recorded.
   */
  rosterJoin(a: AssignmentRecord): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(a.roundId), sk: reviewKeys.roster(a.applicationId, a.stage) },
        UpdateExpression: 'SET members = if_not_exists(members, :zero) + :one, kind = :kind',
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':kind': 'roster' },
      },
    };
  }

  /** A check that the team still has exactly the `members` assignments that were read. */
  rosterUnchanged(roundId: string, applicationId: string, stage: ReviewStage, members: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(roundId), sk: reviewKeys.roster(applicationId, stage) },
        ConditionExpression: 'members = :n',
        ExpressionAttributeValues: { ':n': members },
      },
    };
  }

  /**
   * The claim of a team's leader post: free, or held by `previous` (a leader
   * who recused or declared a conflict). Two leaders assigned at once cannot
   * both win.
   */
  leaderClaim(a: AssignmentRecord, previous?: string): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: reviewKeys.round(a.roundId), sk: reviewKeys.leader(a.applicationId, a.stage), kind: 'leader', roundId: a.roundId, applicationId: a.applicationId, stage: a.stage, reviewerId: a.reviewerId },
        ...(previous
          ? { ConditionExpression: 'attribute_not_exists(pk) OR reviewerId = :previous', ExpressionAttributeValues: { ':previous': previous } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    };
  }

  /** The write of a declaration, once per expert and applicant. */
  declarationPut(d: DeclarationRecord): TransactItem {
    return this.put(reviewKeys.declaration(d.applicationId, d.reviewerId), d, onceOnly, { kind: 'declaration' });
  }

  /** A check that an expert has not declared for an applicant yet (an assignment made meanwhile must not wait for a declaration already made). */
  noDeclaration(roundId: string, applicationId: string, reviewerId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(roundId), sk: reviewKeys.declaration(applicationId, reviewerId) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The write of a card, conditional on the version it was based on (0: never saved). */
  cardPut(card: ScorecardRecord, basedOn: number): TransactItem {
    return this.put(reviewKeys.card(card.applicationId, card.stage, card.reviewerId), card, atVersion(basedOn), { kind: 'scorecard' });
  }

  /** The write of a team's consensus, once. */
  consensusPut(c: ConsensusRecord): TransactItem {
    return this.put(reviewKeys.consensus(c.applicationId, c.stage), c, onceOnly, { kind: 'consensus' });
  }

  /** A check that a team has no consensus yet. */
  noConsensus(roundId: string, applicationId: string, stage: ReviewStage): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(roundId), sk: reviewKeys.consensus(applicationId, stage) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The write of a new panel member (fails if the deliberator is already on the round's panel). */
  panelMemberPut(m: PanelMemberRecord): TransactItem {
    return this.put(reviewKeys.panelMember(m.reviewerId), m, onceOnly, {
      gsi1pk: reviewKeys.reviewer(m.reviewerId),
      gsi1sk: reviewKeys.panelSort(m.roundId),
      kind: 'panelMember',
    });
  }

  /** The write of a member's removal from the panel: only a member on it, only once. */
  panelMemberRemovalPut(m: PanelMemberRecord): TransactItem {
    return this.put(
      reviewKeys.panelMember(m.reviewerId),
      m,
      { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(removal)' },
      { gsi1pk: reviewKeys.reviewer(m.reviewerId), gsi1sk: reviewKeys.panelSort(m.roundId), kind: 'panelMember' },
    );
  }

  /** The write of a defense score, conditional on the version it was based on (0: never saved). */
  defenseScorePut(s: DefenseScoreRecord, basedOn: number): TransactItem {
    return this.put(reviewKeys.defenseScore(s.applicationId, s.reviewerId), s, atVersion(basedOn), { kind: 'defenseScore' });
  }

  visit(roundId: string, applicationId: string): Promise<VisitRecord | undefined> {
    return this.get(roundId, reviewKeys.visit(applicationId));
  }

  /** Every site visit of a round (scheduled and cancelled). */
  visits(roundId: string): Promise<VisitRecord[]> {
    return this.prefix(roundId, reviewKeys.visits());
  }

  /** How many visit writes the round has had (0 before the first): read before the overlap check. */
  async visitWrites(roundId: string): Promise<number> {
    return (await this.get<{ writes: number }>(roundId, reviewKeys.visitsLock()))?.writes ?? 0;
  }

  /** Raises the round's visit-write count from the value read: another visit written meanwhile fails the transaction (read again). */
  visitWritesNext(roundId: string, read: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: reviewKeys.round(roundId), sk: reviewKeys.visitsLock(), kind: 'visitsLock', roundId, writes: read + 1 },
        ...(read === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'writes = :w', ExpressionAttributeValues: { ':w': read } }),
      },
    };
  }

  /** The write of a visit, conditional on the version it was based on (0: none yet). */
  visitPut(v: VisitRecord, basedOn: number): TransactItem {
    return this.put(reviewKeys.visit(v.applicationId), v, atVersion(basedOn), { kind: 'visit' });
  }

  defenseSchedule(roundId: string): Promise<DefenseScheduleRecord | undefined> {
    return this.get(roundId, reviewKeys.defenseSchedule());
  }

  /** The write of the defense day, conditional on the version it was based on (0: none yet). */
  defenseSchedulePut(d: DefenseScheduleRecord, basedOn: number): TransactItem {
    return this.put(reviewKeys.defenseSchedule(), d, atVersion(basedOn), { kind: 'defenseSchedule' });
  }

  /** The write of one application's shortlist decision, once. */
  shortlistPut(s: ShortlistRecord): TransactItem {
    return this.put(reviewKeys.shortlist(s.applicationId), s, onceOnly, { kind: 'shortlist' });
  }
}
