/** Hex SHA-256 of a file's bytes, computed in the browser (the server recomputes it from the bucket). */
export async function sha256OfFile(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Content types the browser may leave empty, by file extension (the server sniffs the bytes anyway). */
const TYPE_OF_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The content type to declare for a file: the browser's, or the one its extension implies. */
export function contentTypeOf(file: { readonly name: string; readonly type: string }): string {
  if (file.type) return file.type.toLowerCase();
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_OF_EXTENSION[ext] ?? 'application/octet-stream';
}

/** Why the upload to the bucket failed: the network, or an HTTP status from S3. */
export class UploadError extends Error {
  constructor(readonly status: number) {
    super(status === 0 ? 'upload failed: network' : `upload failed: HTTP ${status}`);
    this.name = 'UploadError';
  }
}

/** The XMLHttpRequest the upload uses (tests pass a fake). */
export type XhrFactory = () => Pick<XMLHttpRequest, 'open' | 'send' | 'abort' | 'status' | 'upload' | 'addEventListener'>;

/**
 * POSTs a file to a presigned S3 form with XMLHttpRequest, for its progress
 * events. The policy fields come first and the file last: S3 ignores any field
 * after `file`.
 */
export function postToBucket(
  upload: { readonly url: string; readonly fields: Readonly<Record<string, string>> },
  file: Blob,
  onProgress: (fraction: number) => void,
  createXhr: XhrFactory = () => new XMLHttpRequest(),
): { readonly done: Promise<void>; abort(): void } {
  const xhr = createXhr();
  const done = new Promise<void>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new UploadError(xhr.status));
    });
    xhr.addEventListener('error', () => reject(new UploadError(0)));
    xhr.addEventListener('abort', () => reject(new UploadError(0)));
    xhr.open('POST', upload.url);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Waits `ms`, or rejects when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

/** A fresh idempotency key for one formal submission attempt. */
export function newIdempotencyKey(): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  return [...random].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sizes are shown by the one formatter of shared/messages (binary units, "50 MB"). */
export { formatBytes } from '../../../shared/messages/units';
