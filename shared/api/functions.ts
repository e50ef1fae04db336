import type { BucketKey, TableKey } from '../tables';

/** The three Lambda functions, one per bounded context. */
export const FUNCTIONS = ['submission', 'scoring', 'publication'] as const;
/** A function name. */
export type FunctionName = (typeof FUNCTIONS)[number];

/**
 * How a function may touch a table: `read`; `readwrite`; `append` (put new
 * items under a condition and read them back — never update or delete; the
 * audit chain, and the audit intents every change writes); `dequeue` (append,
 * and delete an item once its work is done — never update; the audit linker
 * takes each intent off in the transaction that appends its chain entry).
 */
export type TableAccess = 'read' | 'readwrite' | 'append' | 'dequeue';
/** How a function may touch a bucket: `read`; `readwrite`; `write` (put new objects only; the audit archive). */
export type BucketAccess = 'read' | 'readwrite' | 'write';

/** Least-privilege grants: CDK turns these into IAM policies, health checks probe exactly these. */
export interface FunctionAccess {
  readonly tables: Readonly<Partial<Record<TableKey, TableAccess>>>;
  readonly buckets: Readonly<Partial<Record<BucketKey, BucketAccess>>>;
  /** Sends mail (sign-in links, invitations). */
  readonly mail: boolean;
}

/** What each function may reach. Every function reads `identity` to check sessions. */
export const FUNCTION_ACCESS = {
  submission: {
    tables: { identity: 'readwrite', awards: 'readwrite', applications: 'readwrite', audit: 'append', auditIntents: 'append' },
    buckets: { documents: 'readwrite' },
    mail: true,
  },
  scoring: {
    tables: { identity: 'read', awards: 'read', applications: 'read', reviews: 'readwrite', audit: 'append', auditIntents: 'append' },
    buckets: { documents: 'read' },
    // Tells an expert they have been assigned (which applicant, which stage, where to declare and score).
    mail: true,
  },
  publication: {
    // The publication function is also the audit linker (AWS: fed by the intents table's stream; and before it publishes or
    // shows a chain): it links pending intents into their chain and takes them off — the only delete any function may make
    // in the audit tables, and only of intents. The audit table itself stays append-only for every function.
    tables: { identity: 'read', awards: 'readwrite', applications: 'read', reviews: 'read', audit: 'append', auditIntents: 'dequeue' },
    // It also consumes the audit table's stream and archives every entry (AWS).
    buckets: { web: 'readwrite', auditArchive: 'write' },
    // Mails the result letters (结果通知) the stage moves send, and the round's reminders (scheduled, and the office's from the late list).
    mail: true,
  },
} as const satisfies Record<FunctionName, FunctionAccess>;
