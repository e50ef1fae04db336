import type { Recommendation } from '../../../shared/api/programmes';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ApplicationStatus,
  Declarations,
  DocumentCategory,
  DocumentRejection,
  DocumentStatus,
  EligibilityDecision,
  OfficeRequestView,
  OrganisationDetails,
  Receipt,
  RecordedWinView,
  SelfCheck,
} from '../../../shared/api/applications';
import type { TransactItem } from '../audit/log';
import { queryAll } from '../dynamo';

/** An application as stored. */
export interface ApplicationRecord {
  readonly applicationId: string;
  readonly roundId: string;
  readonly programmeId: string;
  readonly ownerPersonId: string;
  readonly status: ApplicationStatus;
  readonly organisation: OrganisationDetails;
  readonly declarations: Declarations;
  readonly selfCheck: SelfCheck;
  /** The organisation's latest win of this programme's award the system holds, found at registration (issue #14). */
  readonly recordedWin?: RecordedWinView;
  /** Wins of awards that recommend their winners to this programme, found at registration (issue #14). */
  readonly recommendations?: readonly Recommendation[];
  readonly eligibility?: EligibilityDecision & { readonly decidedBy: string };
  readonly receipt?: Receipt;
  /** What the office asked for (补正/说明要求) and the answers, oldest first. Not part of the submitted package. */
  readonly requests?: readonly OfficeRequestRecord[];
  readonly idempotencyKey?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt?: string;
  readonly withdrawnAt?: string;
  readonly version: number;
}

/** An office request as stored on its application. */
export interface OfficeRequestRecord extends Omit<OfficeRequestView, 'applicationId'> {
  /** The key the office's client sent, so a retry answers the same request. */
  readonly idempotencyKey?: string;
}

/** One section of the package (the profile or one item's self-assessment). */
export interface SectionRecord {
  readonly applicationId: string;
  readonly section: string;
  readonly text: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** One uploaded file: a document version. Every upload is a new record and a new object; nothing is overwritten. */
export interface DocumentRecord {
  readonly applicationId: string;
  readonly roundId: string;
  readonly documentId: string;
  readonly category: DocumentCategory;
  readonly fileName: string;
  /** The type the browser declared (and the presigned POST pins). */
  readonly contentType: string;
  readonly size: number;
  /** SHA-256 the browser computed (hex). */
  readonly sha256: string;
  /** Object key in the documents bucket. */
  readonly key: string;
  readonly status: DocumentStatus;
  readonly rejection?: { readonly code: DocumentRejection; readonly params?: Readonly<Record<string, string | number>> };
  readonly replaces?: string;
  readonly replacedBy?: string;
  /** S3 version id of the verified object (AWS; s3rver has none). */
  readonly versionId?: string;
  readonly createdAt: string;
  readonly verifiedAt?: string;
}

/** Everything stored under one application. */
export interface ApplicationBundle {
  readonly application: ApplicationRecord;
  readonly sections: readonly SectionRecord[];
  readonly documents: readonly DocumentRecord[];
  /** Uploads started, as the upload counter holds it (absent before the first counted upload). */
  readonly uploadCount?: number;
}

const appKey = (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APP' });
const sectionKey = (applicationId: string, section: string) => ({ pk: `APP#${applicationId}`, sk: `SECTION#${section}` });
const documentKey = (applicationId: string, documentId: string) => ({ pk: `APP#${applicationId}`, sk: `DOC#${documentId}` });
const codeKey = (roundId: string, creditCode: string) => ({ pk: `ROUND#${roundId}#CODE#${creditCode}`, sk: 'CODE' });
const ownerKey = (personId: string, roundId: string) => ({ pk: `OWNER#${personId}`, sk: `ROUND#${roundId}` });
const uploadsKey = (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'UPLOADS' });

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _k, ...rest } = item;
  return rest as T;
}

/**
 * The applications table: registrations, package sections, document
 * versions, receipts and eligibility decisions. Reads here; writes are
 * returned as transaction items so each use case commits them with its audit
 * entry (functions/lib/audit/log.ts).
 */
export class ApplicationsRepository {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async get(applicationId: string): Promise<ApplicationRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: appKey(applicationId), ConsistentRead: true }));
    return out.Item ? strip<ApplicationRecord>(out.Item) : undefined;
  }

  /** The application with its sections and documents, in one consistent query. */
  async bundle(applicationId: string): Promise<ApplicationBundle | undefined> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `APP#${applicationId}` },
      ConsistentRead: true,
    });
    const app = items.find((i) => i.sk === 'APP');
    if (!app) return undefined;
    const uploads = items.find((i) => i.sk === 'UPLOADS');
    return {
      ...(uploads ? { uploadCount: Number(uploads.count) } : {}),
      application: strip<ApplicationRecord>(app),
      sections: items.filter((i) => String(i.sk).startsWith('SECTION#')).map((i) => strip<SectionRecord>(i)),
      documents: items.filter((i) => String(i.sk).startsWith('DOC#')).map((i) => strip<DocumentRecord>(i)),
    };
  }

  async getDocument(applicationId: string, documentId: string): Promise<DocumentRecord | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: documentKey(applicationId, documentId), ConsistentRead: true }));
    return out.Item ? strip<DocumentRecord>(out.Item) : undefined;
  }

  /** The application that holds a credit code in a round, if any. */
  async idOfCreditCode(roundId: string, creditCode: string): Promise<string | undefined> {
    const out = await this.ddb.send(new GetCommand({ TableName: this.table, Key: codeKey(roundId, creditCode), ConsistentRead: true }));
    return out.Item ? String(out.Item.applicationId) : undefined;
  }

  /** Application ids of a person, one per round. */
  async idsOfOwner(personId: string): Promise<string[]> {
    const out = await this.ddb.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `OWNER#${personId}` },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => String(i.applicationId));
  }

  /** Every application of a round (without sections and documents). */
  async listRound(roundId: string): Promise<ApplicationRecord[]> {
    const items = await queryAll(this.ddb, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :r',
      ExpressionAttributeValues: { ':r': `ROUND#${roundId}#APPS` },
    });
    return items.map((i) => strip<ApplicationRecord>(i));
  }

  /**
   * The writes that register an application: the application, the claim of
   * its credit code in the round (index 1: fails on a duplicate code) and the
   * owner's one application in the round (index 2).
   */
  registration(app: ApplicationRecord): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.table,
          Item: { ...appKey(app.applicationId), gsi1pk: `ROUND#${app.roundId}#APPS`, gsi1sk: `APP#${app.applicationId}`, kind: 'application', ...app },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...codeKey(app.roundId, app.organisation.creditCode), kind: 'creditCode', applicationId: app.applicationId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...ownerKey(app.ownerPersonId, app.roundId), kind: 'owner', applicationId: app.applicationId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  /** A check that the application is still open for changes (registered, not submitted or withdrawn). */
  stillOpen(applicationId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: appKey(applicationId),
        ConditionExpression: '#s = :registered',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':registered': 'registered' },
      },
    };
  }

  /**
   * Takes the next upload slot of an application: the counter moves from the
   * value read to `next`, so of two uploads started at once from the same
   * count one loses (and re-reads) — the configured most files cannot be
   * passed by racing.
   */
  uploadSlotTaken(applicationId: string, seen: number | undefined, next: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...uploadsKey(applicationId), kind: 'uploads', count: next },
        ...(seen === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#c = :seen', ExpressionAttributeNames: { '#c': 'count' }, ExpressionAttributeValues: { ':seen': seen } }),
      },
    };
  }

  /** The write of a section, conditional on the version it was based on (0: never saved). */
  sectionPut(section: SectionRecord, basedOn: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...sectionKey(section.applicationId, section.section), kind: 'section', ...section },
        ...(basedOn === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': basedOn } }),
      },
    };
  }

  /** A check that a section is still at the version read (submission: the receipt covers exactly what is stored). */
  sectionUnchanged(applicationId: string, section: string, version: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: sectionKey(applicationId, section),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      },
    };
  }

  /** The write that records a new document version. */
  documentPut(doc: DocumentRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...documentKey(doc.applicationId, doc.documentId), kind: 'document', ...doc },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The write that records a document's verification outcome; only a pending document changes. */
  documentOutcome(doc: DocumentRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...documentKey(doc.applicationId, doc.documentId), kind: 'document', ...doc },
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      },
    };
  }

  /** Marks an older document as replaced by a newer verified one (the older one is kept; written whole, so its entry can describe it). */
  documentReplaced(replaced: DocumentRecord, replacedBy: string): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...documentKey(replaced.applicationId, replaced.documentId), kind: 'document', ...replaced, replacedBy },
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(replacedBy)',
      },
    };
  }

  /** Replaces the application record, conditional on the version read (and so on its status). */
  applicationUpdate(next: ApplicationRecord, basedOn: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...appKey(next.applicationId), gsi1pk: `ROUND#${next.roundId}#APPS`, gsi1sk: `APP#${next.applicationId}`, kind: 'application', ...next },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': basedOn },
      },
    };
  }
}
