/**
 * The one definition of each DynamoDB table, used by the CDK stack
 * (infra/lib/stateful.ts) and the local bootstrap (infra/local) so they
 * cannot drift. Every table has string keys `pk`/`sk`; items of different
 * kinds share a table and are told apart by key prefixes.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** A DynamoDB table: key schema, secondary indexes, TTL and stream. */
export interface TableDefinition {
  /** Construct id in CDK and the suffix of the local table name. */
  readonly logicalId: string;
  /** Environment variable carrying the physical table name to the functions. */
  readonly envVar: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes expired items. */
  readonly ttlAttribute?: string;
  /** Stream view for consumers (the audit archiver, the audit linker). */
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
  /** What lives here. */
  readonly holds: string;
}

const gsi1: IndexDefinition = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' };

/** All tables by key. */
export const TABLES = {
  identity: {
    logicalId: 'Identity',
    envVar: 'TABLE_IDENTITY',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi1],
    ttlAttribute: 'expiresAt',
    holds: 'people (one per email, programme and role), sessions, used sign-in links, rate-limit counters',
  },
  awards: {
    logicalId: 'Awards',
    envVar: 'TABLE_AWARDS',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi1],
    holds: "programmes, rounds and their configuration, and each round's outcome (partition OUTCOME#<roundId>): evaluation, department opinions, committee votes, objections, publications",
  },
  applications: {
    logicalId: 'Applications',
    envVar: 'TABLE_APPLICATIONS',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi1],
    holds: 'registrations, application packages, document versions, receipts, eligibility decisions',
  },
  reviews: {
    logicalId: 'Reviews',
    envVar: 'TABLE_REVIEWS',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi1],
    holds: 'declarations, assignments, scorecards, consensus records, site-visit shortlist, defense panel and scores',
  },
  audit: {
    logicalId: 'Audit',
    envVar: 'TABLE_AUDIT',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    stream: 'NEW_IMAGE',
    holds: 'the per-round hash chain of every state change (append-only)',
  },
  auditIntents: {
    logicalId: 'AuditIntents',
    envVar: 'TABLE_AUDIT_INTENTS',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    stream: 'NEW_IMAGE',
    holds: "audit records not yet linked into their chain (partition INTENT#<scope>): each written in its change's transaction, taken off by the linker in the transaction that appends its chain entry",
  },
} as const satisfies Record<string, TableDefinition>;

/** Key of a table in {@link TABLES}. */
export type TableKey = keyof typeof TABLES;
/** Every table key, in a stable order. */
export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/** The S3 buckets and the environment variables that carry their names. */
export const BUCKETS = {
  documents: { logicalId: 'Documents', envVar: 'DOCUMENTS_BUCKET', holds: 'application documents, every version kept' },
  web: { logicalId: 'Web', envVar: 'WEB_BUCKET', holds: 'the static site and, under results/, published results' },
  auditArchive: {
    logicalId: 'AuditArchive',
    envVar: 'AUDIT_ARCHIVE_BUCKET',
    holds: 'a copy of every audit entry, one object each, under Object Lock (compliance mode) in AWS',
  },
} as const;
/** Key of a bucket in {@link BUCKETS}. */
export type BucketKey = keyof typeof BUCKETS;

/** Prefix of the web bucket (and URL path) where published results live. */
export const RESULTS_PREFIX = 'results/';
/** Where the site (CloudFront in AWS) serves document downloads: `/documents/<object key>?<presigned query>`. */
export const DOWNLOADS_PATH = '/documents/';
