import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { ENV } from '../../shared/runtime';
import { BUCKETS, TABLES, type TableKey } from '../../shared/tables';
import { createTables, LOCAL_BUCKETS, localTableName } from './bootstrap';
import { startLocalDynamo } from './dynamo';
import { createGateway, createGatewayServer, type GatewayTimeouts } from './gateway';
import { startLocalS3 } from './s3';
import type { DiskFaults } from './disk-faults';
import { demoSeedSettled, seedDemo } from './seed';
import { scheduledLinksSettled } from '../../functions/lib/audit/linker';

/** Options of the embedded local stack. */
export interface LocalStackOptions {
  /** Gateway port; 0 picks a free one. */
  readonly port?: number;
  /** Persistent data folder (`.data`); without it everything lives in memory and temp folders. */
  readonly dataDir?: string;
  /** The built site. */
  readonly webDist?: string;
  /** The first administrator. */
  readonly adminEmail?: string;
  /** The platform operator (default operator@merit.local). */
  readonly operatorEmail?: string;
  /** Seed the demo programme on first start (default true). */
  readonly seed?: boolean;
  /** Return before the slow part of the demo seed is written (`npm start`: the URL at once); tests wait for all of it. */
  readonly seedLater?: boolean;
  /** Extra function environment (e.g. rate limits for tests). */
  readonly env?: Readonly<Record<string, string>>;
  /** How long a client may take to send a request to the gateway (default GATEWAY_TIMEOUTS). */
  readonly timeouts?: GatewayTimeouts;
  /** Injected disk faults of the local storage (tests of a full disk). */
  readonly faults?: DiskFaults;
  /**
   * Run the scheduled reminders every this many milliseconds, as EventBridge Scheduler does in AWS (`npm start`: every
   * minute). Left out (tests): never; tests run the handler themselves with a controlled clock.
   */
  readonly remindersEveryMs?: number;
}

/** A running local stack. */
export interface LocalStack {
  readonly url: string;
  readonly dynamoEndpoint: string;
  readonly s3Endpoint: string;
  readonly outboxDir: string;
  readonly adminEmail: string;
  readonly operatorEmail: string;
  /** Environment the functions run with (also set on process.env). */
  readonly env: Readonly<Record<string, string>>;
  /** Whether this start seeded the demo (first start on empty data). */
  readonly seeded: boolean;
  /** Settles when every demo round is written (at once unless `seedLater`): whether it worked, and how long the last round took. */
  readonly seedSettled: () => Promise<{ readonly ok: boolean; readonly seconds: number }>;
  /** A fresh single-use sign-in link for the first administrator. */
  adminSignInLink(): Promise<string>;
  /** A fresh single-use sign-in link for the platform operator. */
  operatorSignInLink(): Promise<string>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolvePort((server.address() as AddressInfo).port));
  });
}

/** The signing key: kept under the data folder so sessions survive a restart; random in memory otherwise. */
async function localSigningKey(dataDir: string | undefined): Promise<string> {
  if (!dataDir) return randomBytes(48).toString('base64url');
  const path = join(dataDir, 'signing-key');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    const key = randomBytes(48).toString('base64url');
    await writeFile(path, key, { mode: 0o600 });
    await chmod(path, 0o600);
    return key;
  }
}

/**
 * Starts dynalite, s3rver and the gateway in this process, with the three
 * functions' handlers running in-process exactly as they run in Lambda.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  // Lambda runs Node 22+; a laptop may run Node 20, which the SDK would warn about on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const scratch = dataDir ?? (await mkdtemp(join(tmpdir(), 'merit-')));
  const dirs = { s3: join(scratch, 's3'), outbox: join(scratch, 'outbox'), dynamo: join(scratch, 'dynamodb') };
  await Promise.all(Object.values(dirs).map((d) => mkdir(d, { recursive: true })));

  // The gateway listens first: its URL is the CORS origin of the buckets and the base of every mailed link.
  let app: RequestListener | undefined;
  const server = createGatewayServer((req, res) => {
    if (app) return app(req, res);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1', 'x-content-type-options': 'nosniff' });
    res.end('starting…\n');
  }, options.timeouts);
  const port = await listen(server, options.port ?? 0);
  const url = `http://localhost:${port}`;

  const dynamo = await startLocalDynamo({ ...(dataDir ? { path: dirs.dynamo } : {}), ...(options.faults ? { faults: options.faults } : {}) });
  const s3 = await startLocalS3({
    directory: dirs.s3,
    buckets: Object.values(LOCAL_BUCKETS),
    corsOrigins: [url, `http://127.0.0.1:${port}`],
    ephemeral: !dataDir,
    // A document's object is written once: a second POST to its key cannot replace what was verified.
    writeOnce: [LOCAL_BUCKETS.documents],
    ...(options.faults ? { faults: options.faults } : {}),
  });
  await createTables(dynamo.endpoint);

  const adminEmail = (options.adminEmail ?? 'admin@merit.local').toLowerCase();
  const operatorEmail = (options.operatorEmail ?? 'operator@merit.local').toLowerCase();
  const env: Record<string, string> = {
    [ENV.stage]: 'local',
    [ENV.publicUrl]: url,
    [ENV.adminEmail]: adminEmail,
    [ENV.operatorEmail]: operatorEmail,
    [ENV.mailFrom]: 'award-office@merit.local',
    [ENV.signingKey]: await localSigningKey(dataDir),
    [ENV.outboxDir]: dirs.outbox,
    [ENV.dynamoEndpoint]: dynamo.endpoint,
    [ENV.s3Endpoint]: s3.endpoint,
    [ENV.defaultProgrammeId]: 'city',
    AWS_REGION: 'us-east-1',
    ...Object.fromEntries((Object.keys(TABLES) as TableKey[]).map((k) => [TABLES[k].envVar, localTableName(k)])),
    [BUCKETS.documents.envVar]: LOCAL_BUCKETS.documents,
    [BUCKETS.web.envVar]: LOCAL_BUCKETS.web,
    [BUCKETS.auditArchive.envVar]: LOCAL_BUCKETS.auditArchive,
    ...options.env,
  };
  Object.assign(process.env, env);

  const [{ handler: submission }, { handler: scoring }, { handler: publication }, runtimeModule] = await Promise.all([
    import('../../functions/submission/handler'),
    import('../../functions/scoring/handler'),
    import('../../functions/publication/handler'),
    import('../../functions/lib/runtime'),
  ]);
  const runtime = await runtimeModule.createRuntime('submission');
  const gateway = createGateway({
    handlers: { submission, scoring, publication },
    webDist: options.webDist ?? resolve('web/dist'),
    outboxDir: dirs.outbox,
    connectSrc: [s3.endpoint],
    readResult: async (key) => {
      try {
        const out = await runtime.clients.s3.send(new GetObjectCommand({ Bucket: LOCAL_BUCKETS.web, Key: key }));
        return { body: Buffer.from(await out.Body!.transformToByteArray()), ...(out.ContentType ? { contentType: out.ContentType } : {}) };
      } catch {
        return undefined;
      }
    },
  });
  app = (req, res) => gateway.emit('request', req, res);
  // As the documents bucket's ObjectCreated notification does in AWS, each upload invokes the submission function, which verifies it.
  s3.onObjectCreated(LOCAL_BUCKETS.documents, (event) => {
    submission(event).catch((error: unknown) => console.error('upload verification failed', error));
  });

  // Lets operator tools (npm run verify-audit) find the running emulators.
  if (dataDir) await writeFile(join(dataDir, 'endpoints.json'), JSON.stringify({ url, dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint, pid: process.pid }));

  const seeded = options.seed === false ? false : await seedDemo(runtime, new Date(), { later: options.seedLater === true });

  // The same event the schedule sends in AWS, with the clock's time; a run still going when the next is due is not doubled.
  let reminding: Promise<unknown> | undefined;
  const remindersTimer = options.remindersEveryMs
    ? setInterval(() => {
        reminding ??= publication({ source: 'merit.reminders' })
          .catch((error: unknown) => console.error('reminders failed', error))
          .finally(() => (reminding = undefined));
      }, options.remindersEveryMs)
    : undefined;
  remindersTimer?.unref();
  const { ensureFirstAdmin, ensureOperator, signInUrl } = await import('../../functions/submission/use-cases/sign-in');
  const { AwardsStore } = await import('../../functions/lib/awards/store');
  const signInDeps = { ...runtime, awards: new AwardsStore(runtime.clients.ddb, localTableName('awards')) };

  return {
    url,
    dynamoEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    outboxDir: dirs.outbox,
    adminEmail,
    operatorEmail,
    env,
    seeded,
    seedSettled: demoSeedSettled,
    async adminSignInLink() {
      const now = new Date();
      const admin = await ensureFirstAdmin(signInDeps, now);
      if (!admin) throw new Error('no administrator configured');
      return signInUrl(signInDeps, admin.personId, now);
    },
    async operatorSignInLink() {
      const now = new Date();
      const operator = await ensureOperator(signInDeps, now);
      if (!operator) throw new Error('no operator configured');
      return signInUrl(signInDeps, operator.personId, now);
    },
    async stop() {
      if (remindersTimer) clearInterval(remindersTimer);
      await reminding;
      await demoSeedSettled();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      // The drains the functions scheduled after their commits finish before the emulators go (an unfinished one would
      // only be continued by the next drain, but would log errors on the way out).
      await scheduledLinksSettled();
      runtime.clients.ddb.destroy();
      runtime.clients.s3.destroy();
      await s3.close();
      await dynamo.close();
      if (dataDir) await rm(join(dataDir, 'endpoints.json'), { force: true });
      else await rm(scratch, { recursive: true, force: true });
    },
  };
}
