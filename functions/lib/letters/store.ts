import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnnouncementLink } from '../../../shared/api/letters';
import type { LetterKind } from '../../../shared/letters/letters';
import type { Text } from '../../../shared/messages/types';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';

/**
 * The result letters and award certificates in the awards table, written by
 * the publication function only through the audit log, each once (a
 * conditional put keyed by application and letter kind, and a certificate by
 * its number): a retried stage move or a second run never writes — nor mails —
 * one twice. A round's letters and certificates share the partition
 * `LETTERS#<roundId>` (one query answers an application's or the round's);
 * a certificate is also stored under its number for the public check.
 */
export const letterKeys = {
  partition: (roundId: string) => `LETTERS#${roundId}`,
  letter: (applicationId: string, kind: LetterKind) => `${applicationId}#LETTER#${kind}`,
  certificate: (applicationId: string) => `${applicationId}#CERTIFICATE`,
  ofApplication: (applicationId: string) => `${applicationId}#`,
  byNumber: (number: string) => ({ pk: `CERT#${number}`, sk: 'CERTIFICATE' }),
} as const;

/** One result letter as stored: the facts its text is filled with, in both languages where they differ. */
export interface LetterRecord {
  readonly roundId: string;
  readonly programmeId: string;
  readonly applicationId: string;
  readonly letter: LetterKind;
  readonly sentAt: string;
  readonly timeZone: string;
  readonly organisation: string;
  readonly programme: Text;
  readonly round: Text;
  /** The office's reason (eligibility) or the upheld objection's resolution (not awarded). */
  readonly reason?: string;
  /** Site visit: the on-site evaluations are due by then (ISO). */
  readonly deadline?: string;
  /** Proposed: the public notice ends then (ISO). */
  readonly noticeEndsAt?: string;
  /** Awarded: the certificate's number. */
  readonly certificate?: string;
}

/** One award certificate as stored. */
export interface CertificateRecord {
  readonly number: string;
  readonly roundId: string;
  readonly programmeId: string;
  readonly applicationId: string;
  readonly organisation: string;
  readonly award: Text;
  readonly issuer: Text;
  readonly round: Text;
  readonly awardedAt: string;
  readonly timeZone: string;
  readonly announcement: AnnouncementLink;
  readonly issuedAt: string;
}

/** Everything of a round's letters. */
export interface RoundLetters {
  readonly letters: readonly LetterRecord[];
  readonly certificates: readonly CertificateRecord[];
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, kind: _kind, ...rest } = item;
  return rest as T;
}

/** Reads and writes of the letters and certificates (awards table). Writes are transaction items for the audit log. */
export class LettersStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  /** A round's letters and certificates (or one application's: `applicationId`), read consistently. */
  async ofRound(roundId: string, applicationId?: string): Promise<RoundLetters> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: applicationId ? 'pk = :pk AND begins_with(sk, :app)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': letterKeys.partition(roundId), ...(applicationId ? { ':app': letterKeys.ofApplication(applicationId) } : {}) },
      ConsistentRead: true,
    });
    return {
      letters: items.filter((i) => i.kind === 'letter').map((i) => strip<LetterRecord>(i)),
      certificates: items.filter((i) => i.kind === 'certificate').map((i) => strip<CertificateRecord>(i)),
    };
  }

  /** The certificate with a number, if one was issued. */
  async byNumber(number: string): Promise<CertificateRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: letterKeys.byNumber(number), ConsistentRead: true }));
    return out.Item ? strip<CertificateRecord>(out.Item) : undefined;
  }

  /** Records a letter, once per application and kind (fails if it was sent). */
  letterPut(record: LetterRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { pk: letterKeys.partition(record.roundId), sk: letterKeys.letter(record.applicationId, record.letter), kind: 'letter', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Records a certificate, once per application (write 0) and once per number (write 1). */
  certificatePuts(record: CertificateRecord): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.table,
          Item: { pk: letterKeys.partition(record.roundId), sk: letterKeys.certificate(record.applicationId), kind: 'certificate', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...letterKeys.byNumber(record.number), kind: 'certificateNumber', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }
}
