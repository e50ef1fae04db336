import * as v from 'valibot';
import { POOL_ROLES, type PoolRole } from '../pool/profile';
import type { FileProblem, RowProblem } from '../pool/rows';

/** A pool file as the site sends it: its name and its bytes in base64 (CSV in UTF-8 with or without BOM or GBK, or .xlsx). */
export const PoolFileBody = v.object({
  fileName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  /** Base64 of the file; the request body limit (1 MiB) bounds it. */
  content: v.pipe(v.string(), v.minLength(1), v.regex(/^[A-Za-z0-9+/=\s]+$/)),
  /** The pool rows without a role column go to (experts by default). */
  role: v.optional(v.picklist(POOL_ROLES)),
});

/** Importing a previewed file: the same file and the digest its preview gave (a different file is refused). */
export const ImportPoolBody = v.object({
  ...PoolFileBody.entries,
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
});

/** What importing a row would do. */
export type PoolRowAction = 'create' | 'update' | 'unchanged';

/** One row of a previewed file. */
export interface PoolPreviewRow {
  readonly line: number;
  readonly name?: string;
  readonly email?: string;
  readonly role?: PoolRole;
  readonly action?: PoolRowAction;
  readonly problems: readonly RowProblem[];
}

/** POST /api/submission/pool/preview: every row with what it would do or what is wrong with it; nothing is written. */
export interface PoolPreviewResponse {
  readonly fileName: string;
  readonly encoding: 'utf-8-bom' | 'utf-8' | 'gbk' | 'xlsx';
  /** SHA-256 of the file's bytes: the import must send the same file. */
  readonly digest: string;
  readonly fileProblems: readonly FileProblem[];
  readonly rows: readonly PoolPreviewRow[];
  readonly counts: { readonly create: number; readonly update: number; readonly unchanged: number; readonly invalid: number };
}

/** POST /api/submission/pool/import */
export interface PoolImportResponse {
  readonly importId: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Chain entries written (one per part of at most 45 people). */
  readonly parts: number;
}

/** GET /api/submission/pool/export */
export interface PoolExportResponse {
  readonly fileName: string;
  readonly csv: string;
}
