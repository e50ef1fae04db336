import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';

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

/** Starts s3rver storing files under `directory` (wiped on close when `ephemeral`); no CORS rule without origins. */
export async function startLocalS3(options: {
  directory: string;
  buckets: readonly string[];
  corsOrigins: readonly string[];
  ephemeral?: boolean;
}): Promise<LocalS3> {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: options.directory,
    resetOnClose: options.ephemeral ?? false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: options.corsOrigins.length ? [corsXml(options.corsOrigins)] : [] })),
  });
  const { port } = await server.run();
  const onObjectCreated = (bucket: string, listener: (event: S3Event) => void) => {
    server.on('event', (event: S3Event) => {
      const records = event.Records.filter((r) => r.s3.bucket.name === bucket && r.eventName.startsWith('ObjectCreated'));
      if (records.length) listener({ Records: records });
    });
  };
  return { endpoint: `http://127.0.0.1:${port}`, server, onObjectCreated, close: () => server.close() };
}
