import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';

/**
 * The feedback reports' office side in the awards table (issue 12 part 1),
 * written by the publication function only through the audit log: the
 * office's wording of a report (one record per application, replaced only on
 * the version read) and the round's release (written once; while it is there
 * no wording changes). Both live in the partition `FEEDBACK#<roundId>`.
 */
export const feedbackKeys = {
  partition: (roundId: string) => `FEEDBACK#${roundId}`,
  wording: (applicationId: string) => `WORDING#${applicationId}`,
  wordings: () => 'WORDING#',
  release: () => 'RELEASE',
} as const;

/** The office's wording of one report: the texts as they will be released, replacing the team's. */
export interface FeedbackWordingRecord {
  readonly roundId: string;
  readonly programmeId: string;
  readonly applicationId: string;
  readonly items: Readonly<Record<string, { readonly strengths: string; readonly opportunities: string }>>;
  readonly themes: Readonly<Record<string, string>>;
  readonly findings?: string;
  readonly version: number;
  readonly editedAt: string;
  readonly editedBy: string;
}

/** The release of a round's reports: final. */
export interface FeedbackReleaseRecord {
  readonly roundId: string;
  readonly programmeId: string;
  readonly releasedAt: string;
  readonly releasedBy: string;
  /** The applications whose reports were released. */
  readonly applicationIds: readonly string[];
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, kind: _kind, ...rest } = item;
  return rest as T;
}

/** Reads and writes of the reports' wording and release. Writes are transaction items for the audit log. */
export class FeedbackStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  /** A round's wordings and its release, read consistently. */
  async ofRound(roundId: string): Promise<{ wordings: FeedbackWordingRecord[]; release?: FeedbackReleaseRecord }> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': feedbackKeys.partition(roundId) },
      ConsistentRead: true,
    });
    const release = items.find((i) => i.kind === 'feedbackRelease');
    return {
      wordings: items.filter((i) => i.kind === 'feedbackWording').map((i) => strip<FeedbackWordingRecord>(i)),
      ...(release ? { release: strip<FeedbackReleaseRecord>(release) } : {}),
    };
  }

  /** One report's wording, if the office edited it. */
  async wording(roundId: string, applicationId: string): Promise<FeedbackWordingRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: feedbackKeys.partition(roundId), sk: feedbackKeys.wording(applicationId) }, ConsistentRead: true }));
    return out.Item ? strip<FeedbackWordingRecord>(out.Item) : undefined;
  }

  /** The round's release, if made. */
  async release(roundId: string): Promise<FeedbackReleaseRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: feedbackKeys.partition(roundId), sk: feedbackKeys.release() }, ConsistentRead: true }));
    return out.Item ? strip<FeedbackReleaseRecord>(out.Item) : undefined;
  }

  /** Writes a wording based on the version read (0: never edited). */
  wordingPut(record: FeedbackWordingRecord, basedOn: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: feedbackKeys.partition(record.roundId), sk: feedbackKeys.wording(record.applicationId), kind: 'feedbackWording', ...record },
        ...(basedOn === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': basedOn } }),
      },
    };
  }

  /** A check that the round's reports are not released (an edit racing the release loses). */
  notReleased(roundId: string): TransactItem {
    return { ConditionCheck: { TableName: this.table, Key: { pk: feedbackKeys.partition(roundId), sk: feedbackKeys.release() }, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** Records the release, once. */
  releasePut(record: FeedbackReleaseRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: feedbackKeys.partition(record.roundId), sk: feedbackKeys.release(), kind: 'feedbackRelease', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
}
