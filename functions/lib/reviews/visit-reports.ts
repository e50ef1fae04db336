import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';
import { reviewKeys } from './keys';

/** The site team's short visit report (issue 13.3), one per application, in the round's partition (`VISITREPORT#<applicationId>`). */
export interface VisitReportRecord {
  readonly roundId: string;
  readonly applicationId: string;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  /** When first recorded. */
  readonly recordedAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

const reportKey = (applicationId: string) => `VISITREPORT#${applicationId}`;

/** Visit reports: each write is conditional on the version read (0: none yet) and goes with its audit entry. */
export class VisitReportsStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async get(roundId: string, applicationId: string): Promise<VisitReportRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: reviewKeys.round(roundId), sk: reportKey(applicationId) }, ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async ofRound(roundId: string): Promise<VisitReportRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': reviewKeys.round(roundId), ':p': 'VISITREPORT#' },
      ConsistentRead: true,
    });
    return items.map(strip);
  }

  /** The report, based on the version read: never overwrites a change made meanwhile. */
  put(record: VisitReportRecord, basedOn: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: reviewKeys.round(record.roundId), sk: reportKey(record.applicationId), kind: 'visitReport', ...record },
        ...(basedOn === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': basedOn } }),
      },
    };
  }
}

function strip(item: Record<string, unknown>): VisitReportRecord {
  const { pk: _pk, sk: _sk, kind: _k, ...rest } = item;
  return rest as unknown as VisitReportRecord;
}
