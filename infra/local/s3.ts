import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { isDiskError, type DiskFaults } from './disk-faults';

// s3rver's own error type: thrown from its store, it is answered as S3 answers (XML body, status by code).
const S3Error = createRequire(import.meta.url)('s3rver/lib/models/error') as new (code: string, message: string) => Error & { headers: Record<string, string> };

/** The part of s3rver's filesystem store this front replaces (lib/stores/filesystem.js). */
interface FilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: { bucket: string; key: string; content: Readable | Buffer; metadata: Record<string, string> }): Promise<{ size: number; md5: string }>;
}

/** s3rver with our buckets and a CORS rule so the browser can upload straight to it, as it does to S3. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly server: S3rver;
  /**
   * Calls `listener` with the S3 notification of every object created in
   * `bucket` (s3rver's own event, already in the shape AWS delivers), as a
   * bucket notification invokes a Lambda function in AWS.
   */
  onObjectCreated(bucket: string, listener: (event: S3Event) => void): void;
  close(): Promise<void>;
}

function corsXml(origins: readonly string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/**
 * Writes an object as S3 does, which s3rver's own store does not: all or
 * nothing (a temporary file renamed into place, so a full disk leaves the
 * previous bytes, never an empty or cut object), a failing disk answered as
 * S3's 503 ServiceUnavailable instead of an unhandled stream error that ends
 * the process, and — in write-once buckets — a key that holds an object is
 * never written again (403), because s3rver keeps no versions: in AWS the
 * version a document was verified as stays readable by its version id; here
 * the first bytes are the only ones.
 */
async function putObjectSafely(
  store: FilesystemStore,
  object: Parameters<FilesystemStore['putObject']>[0],
  writeOnce: boolean,
  faults: DiskFaults | undefined,
): Promise<{ size: number; md5: string }> {
  const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
  const exists = () => stat(objectPath).then(() => true, () => false);
  const discard = () => {
    if (!Buffer.isBuffer(object.content)) object.content.resume();
  };
  if (writeOnce && (await exists())) {
    discard();
    throw new S3Error('AccessDenied', 'This key already holds an object, and objects in this bucket are written once (local S3 keeps no versions).');
  }
  const partial = `${objectPath}.${randomUUID()}.partial`;
  try {
    await mkdir(dirname(objectPath), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const file = createWriteStream(partial);
    // A real disk error reaches the pipeline through the write callbacks; without a listener it would end the process.
    let fileError: Error | undefined;
    file.on('error', (error) => {
      fileError = error;
    });
    // The disk as the store sees it: every chunk goes to the file, unless an injected fault fails the write.
    let first = true;
    const disk = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const fault = first ? undefined : faults?.error('write', partial);
        first = false;
        if (fault) return done(fault);
        md5.update(chunk);
        size += chunk.length;
        file.write(chunk, done);
      },
      final(done) {
        if (fileError) return done(fileError);
        file.once('error', done);
        file.end(() => {
          file.off('error', done);
          done(fileError);
        });
      },
      destroy(error, done) {
        file.destroy();
        done(error);
      },
    });
    await pipeline(Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content, disk);
    const digest = md5.digest('hex');
    faults?.check('write', `${objectPath}.md5`);
    if (writeOnce) {
      // link fails with EEXIST if another upload to the same key got there first: the first write wins, atomically.
      await link(partial, objectPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw new S3Error('AccessDenied', 'This key already holds an object, and objects in this bucket are written once (local S3 keeps no versions).');
        throw error;
      });
      await rm(partial, { force: true });
    } else {
      await rename(partial, objectPath);
    }
    await store.putMetadata(object.bucket, object.key, object.metadata, digest).catch(async (error: unknown) => {
      // A new key without its metadata is not kept half-written.
      if (writeOnce) await rm(objectPath, { force: true });
      throw error;
    });
    return { size, md5: digest };
  } catch (error) {
    discard();
    await rm(partial, { force: true }).catch(() => undefined);
    if (isDiskError(error)) {
      const unavailable = new S3Error('ServiceUnavailable', 'Local storage cannot write right now (the disk is full or failing); nothing was stored. Try again later.');
      unavailable.headers['retry-after'] = '5';
      throw unavailable;
    }
    throw error;
  }
}

/** Starts s3rver storing files under `directory` (wiped on close when `ephemeral`); no CORS rule without origins. */
export async function startLocalS3(options: {
  directory: string;
  buckets: readonly string[];
  corsOrigins: readonly string[];
  ephemeral?: boolean;
  /** Buckets whose keys are written once (the documents bucket: a verified original cannot be replaced). */
  writeOnce?: readonly string[];
  /** Injected disk faults (tests). */
  faults?: DiskFaults;
}): Promise<LocalS3> {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: options.directory,
    resetOnClose: options.ephemeral ?? false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: options.corsOrigins.length ? [corsXml(options.corsOrigins)] : [] })),
  });
  const internals = server as unknown as {
    store: FilesystemStore;
    middleware: ((ctx: { set(name: string, value: string): void }, next: () => Promise<void>) => Promise<void>)[];
    context: { onerror: (this: unknown, error: unknown) => void };
  };
  const writeOnce = new Set(options.writeOnce ?? []);
  internals.store.putObject = (object) => putObjectSafely(internals.store, object, writeOnce.has(object.bucket), options.faults);
  // Every answer (downloads above all) tells the browser not to guess a type from the bytes, as CloudFront does in AWS.
  internals.middleware.unshift(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    await next();
  });
  const onerror = internals.context.onerror;
  internals.context.onerror = function (this: unknown, error: unknown) {
    if (error instanceof Error) {
      const withHeaders = error as Error & { headers?: Record<string, string> };
      withHeaders.headers = { ...withHeaders.headers, 'x-content-type-options': 'nosniff' };
    }
    return onerror.call(this, error);
  };
  const { port } = await server.run();
  const onObjectCreated = (bucket: string, listener: (event: S3Event) => void) => {
    server.on('event', (event: S3Event) => {
      const records = event.Records.filter((r) => r.s3.bucket.name === bucket && r.eventName.startsWith('ObjectCreated'));
      if (records.length) listener({ Records: records });
    });
  };
  return { endpoint: `http://127.0.0.1:${port}`, server, onObjectCreated, close: () => server.close() };
}
