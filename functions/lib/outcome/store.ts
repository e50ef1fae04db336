import type { EvidenceFileView } from '../../../shared/api/portal';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReviewedOrganisation } from '../../../shared/api/reviews';
import type { ChainHead, PublicationKind } from '../../../shared/api/outcome';
import type { RemarkTarget } from '../../../shared/api/remarks';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';

/**
 * The round's outcome (DOMAIN.md stages 7–11) in the awards table, written by
 * the publication function only through the audit log. Everything of one
 * round's outcome lives in the partition `OUTCOME#<roundId>`, told apart by
 * sort key; every record is written once (a conditional put), except an
 * objection, which gains its resolution once, a remark, which gains its
 * answer once, and the proposals and open-remarks counters.
 */
export const outcomeKeys = {
  partition: (roundId: string) => `OUTCOME#${roundId}`,
  /** The recorded comprehensive evaluation (stage 7), once. */
  evaluation: () => 'EVALUATION',
  /** One department's opinion on one candidate (stage 8), once. */
  opinion: (applicationId: string, department: string) => `OPINION#${applicationId}#${department}`,
  opinions: () => 'OPINION#',
  /** The committee's vote on one cleared candidate (stage 9), once. */
  vote: (applicationId: string) => `VOTE#${applicationId}`,
  votes: () => 'VOTE#',
  /** How many candidates the votes proposed: checked against the quota in each vote's transaction, so two votes at once cannot pass it. */
  proposals: () => 'PROPOSALS',
  /** One objection received during the public notice (stage 10). */
  objection: (objectionId: string) => `OBJECTION#${objectionId}`,
  objections: () => 'OBJECTION#',
  /** A supervisor's remark on a step of the round (issue 15), with the office's answer once answered. */
  remark: (remarkId: string) => `REMARK#${remarkId}`,
  remarks: () => 'REMARK#',
  /** How many remarks are not answered yet: counted in each remark's and answer's transaction, checked by the move that opens the notice. */
  openRemarks: () => 'REMARKS_OPEN',
  /** One published document (stages 10 and 11); a republication is a new record. */
  publication: (kind: PublicationKind, publishedAt: string) => `PUBLICATION#${publishedAt}#${kind}`,
  publications: () => 'PUBLICATION#',
} as const;

/** Who recorded something, when. */
export interface RecordedByRecord {
  readonly at: string;
  readonly by: string;
  readonly byName: string;
}

/** One evaluated application, as recorded (scores exact: hundredths; final 1/100,000 of a point). */
export interface StandingRecord {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  readonly material: number;
  readonly onSite: number;
  readonly defense: number;
  readonly results: number;
  readonly final: number;
  readonly rank: number;
  readonly candidate: boolean;
}

/** The recorded comprehensive evaluation of a round: the ranking (best first) and the settings it used. */
export interface EvaluationRecord extends RecordedByRecord {
  readonly roundId: string;
  readonly standings: readonly StandingRecord[];
  readonly settings: {
    readonly weights: { readonly material: number; readonly onSite: number; readonly defense: number };
    readonly candidateThreshold: number;
    readonly winnersQuota: number;
  };
}

/** One department's recorded opinion on one candidate. */
export interface OpinionRecord extends RecordedByRecord {
  readonly applicationId: string;
  readonly department: string;
  readonly objection: boolean;
  readonly text: string;
}

/** The committee's recorded vote on one candidate. */
export interface VoteRecord extends RecordedByRecord {
  readonly applicationId: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly proposed: boolean;
}

/** One objection received during the public notice, with its resolution once resolved. */
export interface ObjectionRecord extends RecordedByRecord {
  readonly objectionId: string;
  readonly applicationId: string;
  readonly objectorName: string;
  readonly objectorContact: string;
  readonly statement: string;
  readonly evidence: string;
  readonly resolution?: RecordedByRecord & { readonly upheld: boolean; readonly reason: string };
  /** How it came: written (recorded by the office, the default) or through the public notice's online form (issue #14). */
  readonly channel?: 'written' | 'online';
  /** An online objector's ID card number or credit code (real name). */
  readonly objectorId?: string;
  /** An online objection's evidence files (stored in the documents bucket, sniffed for type and size). */
  readonly evidenceFiles?: readonly EvidenceFileView[];
}

/** A supervisor's remark on one step of the round, with the office's answer once answered (once). */
export interface RemarkRecord extends RecordedByRecord {
  readonly remarkId: string;
  readonly target: RemarkTarget;
  readonly text: string;
  readonly answer?: RecordedByRecord & { readonly text: string };
}

/** One published document: where, its SHA-256, the chain head it carries. */
export interface PublicationRecord extends RecordedByRecord {
  readonly kind: PublicationKind;
  readonly path: string;
  readonly sha256: string;
  readonly chainHead: ChainHead;
}

/** Everything recorded of a round's outcome. */
export interface RoundOutcome {
  readonly evaluation?: EvaluationRecord;
  readonly opinions: readonly OpinionRecord[];
  readonly votes: readonly VoteRecord[];
  readonly objections: readonly ObjectionRecord[];
  readonly publications: readonly PublicationRecord[];
  /** Supervisors' remarks, oldest first. */
  readonly remarks: readonly RemarkRecord[];
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, kind: _kind, ...rest } = item;
  return rest as T;
}

const isPrefixed = (prefix: string) => (item: Record<string, unknown>) => String(item.sk).startsWith(prefix);

/** Reads and writes of the round outcome records (awards table). Writes are transaction items for the audit log. */
export class OutcomeStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  /** Every outcome record of a round, read consistently in one partition query. */
  async ofRound(roundId: string): Promise<RoundOutcome> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': outcomeKeys.partition(roundId) },
      ConsistentRead: true,
    });
    const evaluation = items.find((i) => i.sk === outcomeKeys.evaluation());
    return {
      ...(evaluation ? { evaluation: strip<EvaluationRecord>(evaluation) } : {}),
      opinions: items.filter(isPrefixed(outcomeKeys.opinions())).map((i) => strip<OpinionRecord>(i)),
      votes: items.filter(isPrefixed(outcomeKeys.votes())).map((i) => strip<VoteRecord>(i)),
      objections: items.filter(isPrefixed(outcomeKeys.objections())).map((i) => strip<ObjectionRecord>(i)).sort((a, b) => (a.objectionId < b.objectionId ? -1 : 1)),
      // A publication's own `kind` (notice, announcement) shares the item's `kind` attribute, which strip() drops: it is read back from the sort key.
      publications: items
        .filter(isPrefixed(outcomeKeys.publications()))
        .map((i) => ({ ...strip<PublicationRecord>(i), kind: String(i.sk).split('#').at(-1) as PublicationKind })),
      remarks: items.filter(isPrefixed(outcomeKeys.remarks())).map((i) => strip<RemarkRecord>(i)).sort((a, b) => (a.remarkId < b.remarkId ? -1 : 1)),
    };
  }

  /** One objection of a round, read consistently. */
  async getObjection(roundId: string, objectionId: string): Promise<ObjectionRecord | undefined> {
    const out = await this.ddb.send(
      new GetCommand({ TableName: this.table, Key: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.objection(objectionId) }, ConsistentRead: true }),
    );
    return out.Item ? strip<ObjectionRecord>(out.Item) : undefined;
  }

  private putOnce(roundId: string, sk: string, kind: string, record: object): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: outcomeKeys.partition(roundId), sk, kind, ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Records the evaluation (fails if one is recorded). */
  evaluationPut(record: EvaluationRecord): TransactItem {
    return this.putOnce(record.roundId, outcomeKeys.evaluation(), 'evaluation', record);
  }

  /** Records a department's opinion (fails if that department's opinion on that candidate is recorded). */
  opinionPut(roundId: string, record: OpinionRecord): TransactItem {
    return this.putOnce(roundId, outcomeKeys.opinion(record.applicationId, record.department), 'opinion', record);
  }

  /** Records the committee's vote (fails if that candidate's vote is recorded). */
  votePut(roundId: string, record: VoteRecord): TransactItem {
    return this.putOnce(roundId, outcomeKeys.vote(record.applicationId), 'vote', record);
  }

  /** Counts `by` more proposed winners (one vote, or a table of votes), only while that keeps within `quota` (fails otherwise: QUOTA_EXCEEDED). */
  proposalCount(roundId: string, quota: number, by = 1): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.proposals() },
        UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :by, kind = :kind',
        // Room for `by` more: the count so far at most quota − by (none yet: the caller checked by ≤ quota).
        ConditionExpression: 'attribute_not_exists(#count) OR #count <= :room',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':zero': 0, ':by': by, ':room': quota - by, ':kind': 'proposals' },
      },
    };
  }

  /** Records a new objection (fails if its id exists). */
  objectionPut(roundId: string, record: ObjectionRecord): TransactItem {
    return this.putOnce(roundId, outcomeKeys.objection(record.objectionId), 'objection', record);
  }

  /** Adds the resolution to an objection, only if it has none yet (the whole record is written, so its entry can describe it). */
  objectionResolve(roundId: string, objection: ObjectionRecord, resolution: NonNullable<ObjectionRecord['resolution']>): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.objection(objection.objectionId), kind: 'objection', ...objection, resolution },
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(resolution)',
      },
    };
  }

  /** One remark of a round, read consistently. */
  async getRemark(roundId: string, remarkId: string): Promise<RemarkRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.remark(remarkId) }, ConsistentRead: true }));
    return out.Item ? strip<RemarkRecord>(out.Item) : undefined;
  }

  /** Records a new remark (fails if its id exists); with {@link remarkOpened} in the same transaction. */
  remarkPut(roundId: string, record: RemarkRecord): TransactItem {
    return this.putOnce(roundId, outcomeKeys.remark(record.remarkId), 'remark', record);
  }

  private openRemarksBy(roundId: string, change: 1 | -1): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.openRemarks() },
        UpdateExpression: 'SET #open = if_not_exists(#open, :zero) + :change, kind = :kind',
        ...(change < 0 ? { ConditionExpression: '#open > :zero' } : {}),
        ExpressionAttributeNames: { '#open': 'open' },
        ExpressionAttributeValues: { ':zero': 0, ':change': change, ':kind': 'openRemarks' },
      },
    };
  }

  /** Counts one more open remark (with the remark's put). */
  remarkOpened(roundId: string): TransactItem {
    return this.openRemarksBy(roundId, 1);
  }

  /** Counts one open remark fewer (with its answer). */
  remarkClosed(roundId: string): TransactItem {
    return this.openRemarksBy(roundId, -1);
  }

  // Issue 15: the notice opens only with no remark open. The move's guard counts the remarks it read; this check,
  // in the move's own transaction, refuses the move when a remark landed after that read (409, nothing written).
  /** Holds only while no remark of the round is open. */
  noOpenRemarks(roundId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.openRemarks() },
        ConditionExpression: 'attribute_not_exists(#open) OR #open = :zero',
        ExpressionAttributeNames: { '#open': 'open' },
        ExpressionAttributeValues: { ':zero': 0 },
      },
    };
  }

  /** Adds the office's answer to a remark, only if it has none yet (the whole record is written, so its entry can describe it). */
  remarkAnswer(roundId: string, remark: RemarkRecord, answer: NonNullable<RemarkRecord['answer']>): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: outcomeKeys.partition(roundId), sk: outcomeKeys.remark(remark.remarkId), kind: 'remark', ...remark, answer },
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
      },
    };
  }

  /** Records a publication (a new record for every publication). */
  publicationPut(roundId: string, record: PublicationRecord): TransactItem {
    return this.putOnce(roundId, outcomeKeys.publication(record.kind, record.at), 'publication', record);
  }
}
