import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { PersonView } from '../../../shared/api/schemas';
import type { Role } from '../../../shared/api/roles';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';
import { AppError } from '../http/errors';

/** A person as stored: one record per email, programme and role. */
export interface PersonRecord extends PersonView {
  readonly revokedAt?: string;
  readonly version: number;
}

/** A session as stored; the cookie only points at it. */
export interface SessionRecord {
  readonly sessionId: string;
  readonly personId: string;
  readonly role: Role;
  readonly programmeId: string;
  readonly createdAt: string;
  readonly expiresAt: number;
  readonly endedAt?: string;
}

const personKey = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'PERSON' });
const membershipKey = (email: string, programmeId: string, role: Role) => ({
  pk: `EMAIL#${email}`,
  sk: `MEMBER#${programmeId}#${role}`,
});
const sessionKey = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' });
const linkKey = (linkId: string) => ({ pk: `LINK#${linkId}`, sk: 'LINK' });
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _k, ...rest } = item;
  return rest as T;
}

/** The public view of a stored person. */
export function personView(p: PersonRecord): PersonView {
  return {
    personId: p.personId,
    email: p.email,
    name: p.name,
    role: p.role,
    programmeId: p.programmeId,
    status: p.status,
    createdAt: p.createdAt,
    ...(p.organisation ? { organisation: p.organisation } : {}),
    ...(p.profile ? { profile: p.profile } : {}),
  };
}

/** The identity table: people, memberships, sessions, used links, rate counters. */
export class IdentityStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  /** Items that create a person and its unique (email, programme, role) membership; for a transaction. */
  personPuts(person: PersonRecord): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.table,
          Item: { ...membershipKey(person.email, person.programmeId, person.role), kind: 'membership', personId: person.personId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...personKey(person.personId),
            gsi1pk: `PROGRAMME#${person.programmeId}`,
            gsi1sk: `PERSON#${person.role}#${person.email}`,
            kind: 'person',
            ...person,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  async getPerson(personId: string): Promise<PersonRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: personKey(personId), ConsistentRead: true }));
    return out.Item ? stripKeys<PersonRecord>(out.Item) : undefined;
  }

  /** Every membership of an email address, across programmes and roles. */
  async membershipsOf(email: string): Promise<{ personId: string; programmeId: string; role: Role }[]> {
    const out = await this.ddb.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
        ExpressionAttributeValues: { ':pk': `EMAIL#${email}`, ':m': 'MEMBER#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => {
      const [, programmeId, role] = String(item.sk).split('#');
      return { personId: String(item.personId), programmeId: programmeId!, role: role as Role };
    });
  }

  /** Everyone with a role in a programme, ordered by role then email. */
  async listPeople(programmeId: string): Promise<PersonRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :person)',
      ExpressionAttributeValues: { ':p': `PROGRAMME#${programmeId}`, ':person': 'PERSON#' },
    });
    return items.map((i) => stripKeys<PersonRecord>(i));
  }

  /** The write that replaces a person's name, employer and pool profile, under a version check (a concurrent change makes it fail). */
  profileUpdate(person: PersonRecord, next: Pick<PersonRecord, 'name' | 'organisation' | 'profile'>, now: Date): { person: PersonRecord; write: TransactItem } {
    const updated: PersonRecord = { ...person, name: next.name, ...(next.organisation ? { organisation: next.organisation } : {}), ...(next.profile ? { profile: next.profile } : {}), version: person.version + 1 };
    if (!next.organisation) delete (updated as { organisation?: string }).organisation;
    return {
      person: updated,
      write: {
        Update: {
          TableName: this.table,
          Key: personKey(person.personId),
          UpdateExpression: next.organisation
            ? 'SET #n = :name, organisation = :org, profile = :profile, updatedAt = :at, version = version + :one'
            : 'SET #n = :name, profile = :profile, updatedAt = :at, version = version + :one REMOVE organisation',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#n': 'name' },
          ExpressionAttributeValues: {
            ':name': next.name,
            ...(next.organisation ? { ':org': next.organisation } : {}),
            ':profile': next.profile ?? null,
            ':at': now.toISOString(),
            ':one': 1,
            ':v': person.version,
          },
        },
      },
    };
  }

  /** The write that marks a person revoked, under a version check (a concurrent change makes it fail). */
  revocation(person: PersonRecord, now: Date): { person: PersonRecord; write: TransactItem } {
    const revokedAt = now.toISOString();
    return {
      person: { ...person, status: 'revoked', revokedAt, version: person.version + 1 },
      write: {
        Update: {
          TableName: this.table,
          Key: personKey(person.personId),
          UpdateExpression: 'SET #s = :revoked, revokedAt = :at, version = version + :one',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':revoked': 'revoked', ':at': revokedAt, ':one': 1, ':v': person.version },
        },
      },
    };
  }

  /**
   * Spends a sign-in link and opens a session in one transaction: the link
   * can be used once, and only while the person is active.
   */
  async spendLinkAndOpenSession(linkId: string, linkExpiresAt: Date, session: SessionRecord, now: Date): Promise<void> {
    try {
      await this.ddb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...linkKey(linkId), kind: 'usedLink', personId: session.personId, usedAt: now.toISOString(), expiresAt: epoch(linkExpiresAt) + 3600 },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              ConditionCheck: {
                TableName: this.table,
                Key: personKey(session.personId),
                ConditionExpression: '#s = :active',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':active': 'active' },
              },
            },
            { Put: { TableName: this.table, Item: { ...sessionKey(session.sessionId), kind: 'session', ...session } } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const [link, person] = error.CancellationReasons ?? [];
        if (link?.Code === 'ConditionalCheckFailed') throw new AppError('LINK_ALREADY_USED', 401);
        if (person?.Code === 'ConditionalCheckFailed') throw new AppError('PERSON_REVOKED', 401);
      }
      throw error;
    }
  }

  /** The session and its person, read together. */
  async sessionWithPerson(sessionId: string, personId: string): Promise<{ session?: SessionRecord; person?: PersonRecord }> {
    const out = await this.ddb.send(
      new BatchGetCommand({
        RequestItems: { [this.table]: { Keys: [sessionKey(sessionId), personKey(personId)], ConsistentRead: true } },
      }),
    );
    const items = out.Responses?.[this.table] ?? [];
    const session = items.find((i) => i.pk === `SESSION#${sessionId}`);
    const person = items.find((i) => i.pk === `PERSON#${personId}`);
    return {
      ...(session ? { session: stripKeys<SessionRecord>(session) } : {}),
      ...(person ? { person: stripKeys<PersonRecord>(person) } : {}),
    };
  }

  /** Ends a session (sign-out). */
  async endSession(sessionId: string, now: Date): Promise<void> {
    await this.ddb.send(
      new UpdateCommand({
        TableName: this.table,
        Key: sessionKey(sessionId),
        UpdateExpression: 'SET endedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': now.toISOString() },
      }),
    ).catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  }

  /**
   * Counts one hit in a fixed window and says whether the limit is passed.
   * Counters expire on their own (TTL).
   */
  async hit(scope: string, key: string, windowSeconds: number, limit: number, now: Date): Promise<boolean> {
    const window = Math.floor(epoch(now) / windowSeconds);
    const out = await this.ddb.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `RATE#${scope}#${key}`, sk: String(window) },
        UpdateExpression: 'ADD hits :one SET expiresAt = :exp',
        ExpressionAttributeValues: { ':one': 1, ':exp': (window + 2) * windowSeconds },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.hits ?? 0) > limit;
  }
}
