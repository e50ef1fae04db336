import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../audit/log';
import { queryAll, type ItemRead } from '../dynamo';
import type { PublicProgramme, PublicRound } from '../../../shared/api/schemas';
import type { ProgrammeLevel } from '../../../shared/api/programmes';
import type { ProgrammeContact, RoundCall } from '../../../shared/api/portal';

/** A bilingual name. */
export interface Name {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** An award programme (a city's or a district's award). Programmes from before issue #14 have only id, name and date. */
export interface ProgrammeRecord {
  readonly programmeId: string;
  readonly name: Name;
  readonly createdAt: string;
  readonly level?: ProgrammeLevel;
  readonly issuingBody?: Name;
  /** IANA time zone its dates are read in (Asia/Shanghai when absent). */
  readonly timeZone?: string;
  /** The programme this one's winners are recommended to (a district's to the city's award). */
  readonly recommendsTo?: string;
  /** Where written objections go (issue #14 part 2), versioned from 1. */
  readonly contact?: ProgrammeContact;
}

function stripProgramme(item: Record<string, unknown>): ProgrammeRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _k, ...programme } = item;
  return programme as unknown as ProgrammeRecord;
}

/**
 * A round of a programme. `config` is the round configuration (shared/round);
 * `stageSince` and the notice dates are the rest of the domain's `RoundState`
 * (shared/stages), absent on rounds that never moved.
 */
export interface RoundRecord extends PublicRound {
  readonly programmeId: string;
  readonly config?: unknown;
  readonly createdAt: string;
  readonly version: number;
  /** When the current stage began. */
  readonly stageSince?: string;
  /** When the public notice opened and when it ends (objections only in between). */
  readonly noticeOpenedAt?: string;
  readonly noticeEndsAt?: string;
  /** The call's text and attachments (issue #14 part 2). */
  readonly call?: RoundCall;
}

/** What lists of rounds need of a round: no configuration. */
export type RoundHead = Pick<RoundRecord, 'roundId' | 'name' | 'stage' | 'registrationOpens'>;

const programmeKey = (programmeId: string) => ({ pk: `PROGRAMME#${programmeId}`, sk: 'PROGRAMME' });
const roundKey = (programmeId: string, roundId: string) => ({ pk: `PROGRAMME#${programmeId}`, sk: `ROUND#${roundId}` });
const roundItem = (round: RoundRecord) => ({ ...roundKey(round.programmeId, round.roundId), gsi1pk: `ROUND#${round.roundId}`, gsi1sk: 'ROUND', kind: 'round', ...round });

function stripRound(item: Record<string, unknown>): RoundRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _k, ...round } = item;
  return round as unknown as RoundRecord;
}

/** The awards table: programmes and rounds. */
export class AwardsStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async getProgramme(programmeId: string): Promise<ProgrammeRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: programmeKey(programmeId), ConsistentRead: true }));
    return out.Item ? stripProgramme(out.Item) : undefined;
  }

  /** Every programme record (settings only, no rounds), in id order. */
  async listProgrammeRecords(): Promise<ProgrammeRecord[]> {
    const items = await queryAll(this.ddb, { TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'PROGRAMMES' } });
    return items.map(stripProgramme).sort((a, b) => (a.programmeId < b.programmeId ? -1 : 1));
  }

  /** The write that creates a programme (fails if it exists). */
  programmePut(programme: ProgrammeRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...programmeKey(programme.programmeId), gsi1pk: 'PROGRAMMES', gsi1sk: programme.programmeId, kind: 'programme', ...programme },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The write that replaces a programme's settings, conditional on its contact's version read (0: none yet). */
  programmeReplace(next: ProgrammeRecord, expectedContactVersion: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...programmeKey(next.programmeId), gsi1pk: 'PROGRAMMES', gsi1sk: next.programmeId, kind: 'programme', ...next },
        ConditionExpression:
          expectedContactVersion === 0 ? 'attribute_exists(pk) AND attribute_not_exists(contact)' : 'attribute_exists(pk) AND contact.version = :v',
        ...(expectedContactVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedContactVersion } }),
      },
    };
  }

  /** The write that creates a round (fails if one with that id exists). */
  roundPut(round: RoundRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: roundItem(round),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The write that replaces a round, conditional on the version it was read at (a stale one: nothing is written). */
  roundUpdate(next: RoundRecord, expectedVersion: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: roundItem(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    };
  }

  /** A write-nothing check that a round is still at the version read: a change based on the round's stage stands only if the round did not move meanwhile. */
  roundUnchanged(round: Pick<RoundRecord, 'programmeId' | 'roundId' | 'version'>): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: roundKey(round.programmeId, round.roundId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': round.version },
      },
    };
  }

  /** A round of one programme, read consistently from the table itself (not the index), or undefined when that programme has no such round. */
  /** The read of a round of a programme, to read together with others (lib/dynamo readTogether). */
  roundRead(programmeId: string, roundId: string): ItemRead<RoundRecord> {
    return { table: this.table, key: roundKey(programmeId, roundId), decode: stripRound };
  }

  async getProgrammeRound(programmeId: string, roundId: string): Promise<RoundRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: roundKey(programmeId, roundId), ConsistentRead: true }));
    return out.Item ? stripRound(out.Item) : undefined;
  }

  /** Every round of one programme without its configuration (id, name, stage, dates), read consistently, in id order. */
  async listRoundHeads(programmeId: string): Promise<RoundHead[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
      ExpressionAttributeValues: { ':pk': programmeKey(programmeId).pk, ':r': 'ROUND#' },
      ProjectionExpression: 'roundId, #n, stage, registrationOpens',
      ExpressionAttributeNames: { '#n': 'name' },
      ConsistentRead: true,
    });
    return items as unknown as RoundHead[];
  }

  /** Every round of one programme, read consistently from the table itself, in id order. */
  async listProgrammeRounds(programmeId: string): Promise<RoundRecord[]> {
    const rounds: RoundRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':pk': programmeKey(programmeId).pk, ':r': 'ROUND#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      rounds.push(...(out.Items ?? []).map(stripRound));
      start = out.LastEvaluatedKey;
    } while (start);
    return rounds;
  }

  /** A round by id, wherever it belongs. */
  async getRound(roundId: string): Promise<RoundRecord | undefined> {
    const out = await this.ddb.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :r AND gsi1sk = :round',
        ExpressionAttributeValues: { ':r': `ROUND#${roundId}`, ':round': 'ROUND' },
      }),
    );
    const item = out.Items?.[0];
    return item ? stripRound(item) : undefined;
  }

  /** Every programme with its rounds, newest round first (latest registration opening, as the office's list picks its round). */
  async listProgrammes(): Promise<PublicProgramme[]> {
    const out = await this.ddb.send(
      new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'PROGRAMMES' } }),
    );
    return Promise.all(
      (out.Items ?? []).map(async (p) => {
        const rounds = await this.ddb.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
            ExpressionAttributeValues: { ':pk': `PROGRAMME#${p.programmeId}`, ':r': 'ROUND#' },
            ScanIndexForward: false,
          }),
        );
        const contact = p.contact as ProgrammeContact | undefined;
        return {
          programmeId: String(p.programmeId),
          name: p.name as Name,
          ...(p.level ? { level: p.level as ProgrammeLevel } : {}),
          ...(p.issuingBody ? { issuingBody: p.issuingBody as Name } : {}),
          ...(contact ? { contact: { address: contact.address, phone: contact.phone, email: contact.email, version: contact.version } } : {}),
          rounds: (rounds.Items ?? [])
            .map((r) => ({
              roundId: String(r.roundId),
              name: r.name as Name,
              stage: String(r.stage),
              registrationOpens: String(r.registrationOpens),
              submissionDeadline: String(r.submissionDeadline),
            }))
            // Round ids need not sort by age (`city-2026-review` is older than `city-2026`); the stable sort keeps id order on ties.
            .sort((a, b) => (a.registrationOpens < b.registrationOpens ? 1 : a.registrationOpens > b.registrationOpens ? -1 : 0)),
        };
      }),
    );
  }
}

/**
 * Every round of every programme (only `onlyRoundId` when given), each read whole and handed to `visit` in turn: the
 * scheduled run's walk (reminders, owed letters). A round whose visit fails is logged and the others still run;
 * `visit` answering `false` ends the walk (its time is up).
 */
export async function eachRound(
  awards: Pick<AwardsStore, 'listProgrammes' | 'getProgrammeRound'>,
  logger: { error: (message: string, extra: Record<string, unknown>) => void },
  onlyRoundId: string | undefined,
  visit: (round: RoundRecord, summary: { readonly stage: string }) => Promise<boolean | void>,
  skip: (summary: { readonly stage: string }) => boolean = () => false,
): Promise<void> {
  for (const programme of await awards.listProgrammes()) {
    for (const summary of programme.rounds) {
      if ((onlyRoundId && summary.roundId !== onlyRoundId) || skip(summary)) continue;
      try {
        const round = await awards.getProgrammeRound(programme.programmeId, summary.roundId);
        if (round && (await visit(round, summary)) === false) return;
      } catch (error) {
        logger.error('the scheduled run failed for a round; the next run tries again', { roundId: summary.roundId, error: error as Error });
      }
    }
  }
}
