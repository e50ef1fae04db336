import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReminderKind } from '../../../shared/reminders/schedule';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';

/** One scheduled reminder run, written once per round, kind and due moment: a second run for the same moment writes nothing and sends nothing. */
export interface ReminderRunRecord {
  readonly roundId: string;
  readonly kind: ReminderKind;
  readonly moment: string;
  readonly deadline: string;
  readonly daysBefore: number;
  readonly reminded: number;
  readonly sentAt: string;
}

/** When the office last reminded one person of a round by hand (the hourly limit reads it). */
export interface PersonReminderRecord {
  readonly roundId: string;
  readonly personId: string;
  readonly kind: ReminderKind;
  readonly lastRemindedAt: string;
  readonly version: number;
}

const partition = (roundId: string) => `REMINDERS#${roundId}`;
const runKey = (roundId: string, kind: ReminderKind, moment: string) => ({ pk: partition(roundId), sk: `RUN#${kind}#${moment}` });
const personKey = (roundId: string, personId: string) => ({ pk: partition(roundId), sk: `PERSON#${personId}` });

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, kind: _k, ...rest } = item;
  return { ...rest, ...(item.reminderKind ? { kind: item.reminderKind } : {}) } as T;
}

/**
 * Reminders in the awards table (partition `REMINDERS#<roundId>`): a marker per
 * scheduled run and a record per person the office reminded by hand. Writes
 * are transaction items committed with their audit entry.
 */
export class ReminderStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  /** The marker of a run: fails (nothing written) when that round, kind and moment already ran. */
  runPut(run: ReminderRunRecord): TransactItem {
    const { kind, ...rest } = run;
    return {
      Put: {
        TableName: this.table,
        Item: { ...runKey(run.roundId, kind, run.moment), kind: 'reminderRun', reminderKind: kind, ...rest },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async run(roundId: string, kind: ReminderKind, moment: string): Promise<ReminderRunRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: runKey(roundId, kind, moment), ConsistentRead: true }));
    return out.Item ? strip<ReminderRunRecord>(out.Item) : undefined;
  }

  /** Every person of a round the office reminded by hand, by person id. */
  async people(roundId: string): Promise<Map<string, PersonReminderRecord>> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': partition(roundId), ':p': 'PERSON#' },
      ConsistentRead: true,
    });
    return new Map(items.map((i) => strip<PersonReminderRecord>(i)).map((r) => [r.personId, r]));
  }

  /** The record of a reminder by hand, based on the version read (0: none yet); a reminder meanwhile makes it fail. */
  personPut(record: PersonReminderRecord): TransactItem {
    const { kind, ...rest } = record;
    const basedOn = record.version - 1;
    return {
      Put: {
        TableName: this.table,
        Item: { ...personKey(record.roundId, record.personId), kind: 'personReminder', reminderKind: kind, ...rest },
        ...(basedOn === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': basedOn } }),
      },
    };
  }
}
