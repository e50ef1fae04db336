import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReviewStage } from '../../../shared/api/reviews';
import type { DrawInputs, DrawReplacement, DrawResult, StoredDraw } from '../../../shared/draw/draw';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';
import { reviewKeys } from './keys';

/** A draw as stored in the round's partition of the reviews table (`DRAW#<applicationId>#<stage>`). */
export interface DrawRecord extends StoredDraw {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly committedAt: string;
  readonly committedBy: string;
  readonly version: number;
}

const drawKey = (applicationId: string, stage: ReviewStage) => `DRAW#${applicationId}#${stage}`;

/** Draw records: the committed inputs, then the result, then replacements; each write goes with its audit entry. */
export class DrawsStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async get(roundId: string, applicationId: string, stage: ReviewStage): Promise<DrawRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: reviewKeys.round(roundId), sk: drawKey(applicationId, stage) }, ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async ofRound(roundId: string): Promise<DrawRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': reviewKeys.round(roundId), ':p': 'DRAW#' },
      ConsistentRead: true,
    });
    return items.map(strip);
  }

  /** The committed inputs, once per application and stage. */
  inputsPut(record: DrawRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: reviewKeys.round(record.roundId), sk: drawKey(record.applicationId, record.stage), kind: 'draw', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The result, once, on the version read. */
  resultSet(record: DrawRecord, result: DrawResult): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(record.roundId), sk: drawKey(record.applicationId, record.stage) },
        UpdateExpression: 'SET #r = :r, version = version + :one',
        ConditionExpression: 'version = :v AND attribute_not_exists(#r)',
        ExpressionAttributeNames: { '#r': 'result' },
        ExpressionAttributeValues: { ':r': result, ':v': record.version, ':one': 1 },
      },
    };
  }

  /** One more replacement, on the version read. */
  replacementAdd(record: DrawRecord, replacement: DrawReplacement): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(record.roundId), sk: drawKey(record.applicationId, record.stage) },
        UpdateExpression: 'SET replacements = list_append(replacements, :r), version = version + :one',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':r': [replacement], ':v': record.version, ':one': 1 },
      },
    };
  }

  /** `n` new members count themselves into the team's roster at once (one write of the roster item). */
  rosterJoinMany(roundId: string, applicationId: string, stage: ReviewStage, n: number): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: reviewKeys.round(roundId), sk: reviewKeys.roster(applicationId, stage) },
        UpdateExpression: 'SET members = if_not_exists(members, :zero) + :n, kind = :kind',
        ExpressionAttributeValues: { ':zero': 0, ':n': n, ':kind': 'roster' },
      },
    };
  }
}

function strip(item: Record<string, unknown>): DrawRecord {
  const { pk: _pk, sk: _sk, kind: _k, ...rest } = item;
  return rest as unknown as DrawRecord;
}
