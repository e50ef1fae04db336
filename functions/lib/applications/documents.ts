import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { attachmentDisposition } from '../../../shared/api/document-name-rules';
import { DOWNLOADS_PATH } from '../../../shared/tables';

// Loaded on first use, each in its own chunk: content sniffing only for the upload event, the presigners only
// for an upload form or a download link — a cold start for any other request does not pay for them.
const fileType = () => import('file-type');
const presignedPost = () => import('@aws-sdk/s3-presigned-post');
const requestPresigner = () => import('@aws-sdk/s3-request-presigner');

/** How long a presigned upload form stays valid. */
export const UPLOAD_TTL_SECONDS = 15 * 60;
/** How long a download link stays valid. */
export const DOWNLOAD_TTL_SECONDS = 5 * 60;

/** Bytes read for magic-byte sniffing: enough for the ZIP entries that tell DOCX and XLSX apart (written first by Office). */
const SNIFF_BYTES = 1024 * 1024;

const KEY = /^rounds\/([^/]+)\/applications\/([0-9A-HJKMNP-TV-Z]{26})\/documents\/([0-9A-HJKMNP-TV-Z]{26})$/;

/** Object key of a document version: one key per upload, so nothing is ever overwritten. */
export const documentObjectKey = (roundId: string, applicationId: string, documentId: string) =>
  `rounds/${roundId}/applications/${applicationId}/documents/${documentId}`;

/** The ids a document key carries, or undefined for any other object. */
export function parseDocumentKey(key: string): { roundId: string; applicationId: string; documentId: string } | undefined {
  const m = KEY.exec(key);
  return m ? { roundId: m[1]!, applicationId: m[2]!, documentId: m[3]! } : undefined;
}

/** A presigned S3 URL as the site serves it: same key path and signed query, under the site's `/documents/`. */
export function viaSite(presigned: string, siteUrl: string): string {
  const url = new URL(presigned);
  return `${siteUrl.replace(/\/+$/, '')}${DOWNLOADS_PATH}${url.pathname.slice(1)}${url.search}`;
}

/** What verification learns from a stored object. */
export interface StoredObject {
  readonly size: number;
  /** Present when the object was small enough to read. */
  readonly sha256?: string;
  /** MIME type sniffed from its magic bytes; undefined when unrecognised. */
  readonly sniffedType?: string;
  readonly versionId?: string;
}

/** The documents bucket: presigned uploads and downloads, and reading an object back to verify it. */
export class DocumentStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    /**
     * In AWS, the site's base URL: download links then go through CloudFront (`/documents/<key>`), which adds
     * X-Content-Type-Options and the other security headers S3 cannot set on a presigned GET (infra/lib/site.ts).
     */
    private readonly siteUrl?: () => Promise<string>,
  ) {}

  /**
   * A presigned POST for exactly one key, with the size range and content
   * type as policy conditions (enforced by S3; s3rver ignores them, so
   * verification checks them again).
   */
  async presignUpload(key: string, contentType: string, maxBytes: number, now: Date) {
    const { createPresignedPost } = await presignedPost();
    const post = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: UPLOAD_TTL_SECONDS,
    });
    return { url: post.url, fields: post.fields, expiresAt: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString() };
  }

  /**
   * Reads an uploaded object back: its size, and — when it is within
   * `maxBytes` — its SHA-256 and the type its magic bytes show. An oversize
   * object is never downloaded.
   */
  async inspect(key: string, maxBytes: number, versionId?: string): Promise<StoredObject> {
    const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
    const size = Number(head.ContentLength ?? 0);
    const version = versionId ?? head.VersionId;
    if (size > maxBytes || size === 0) return { size, ...(version ? { versionId: version } : {}) };
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(version ? { VersionId: version } : {}) }));
    // Streamed: the hash covers every byte, only the head is kept for sniffing, so a 50 MB file never sits in memory.
    const hash = createHash('sha256');
    const start: Uint8Array[] = [];
    let headBytes = 0;
    let total = 0;
    for await (const chunk of out.Body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      total += chunk.length;
      if (headBytes < SNIFF_BYTES) {
        start.push(chunk);
        headBytes += chunk.length;
      }
    }
    const { fileTypeFromBuffer } = await fileType();
    const sniffed = await fileTypeFromBuffer(Buffer.concat(start).subarray(0, SNIFF_BYTES));
    return { size: total, sha256: hash.digest('hex'), ...(sniffed ? { sniffedType: sniffed.mime } : {}), ...(version ? { versionId: version } : {}) };
  }

  /** A short-lived link that downloads one stored version under its original file name. */
  async presignDownload(key: string, fileName: string, contentType: string, versionId: string | undefined, now: Date) {
    const { getSignedUrl } = await requestPresigner();
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        // Any stored name gives a valid header (a lone surrogate once made encodeURIComponent throw, and the download 500).
        ResponseContentDisposition: attachmentDisposition(fileName),
        ResponseContentType: contentType,
      }),
      { expiresIn: DOWNLOAD_TTL_SECONDS },
    );
    return {
      url: this.siteUrl ? viaSite(url, await this.siteUrl()) : url,
      expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  }
}
