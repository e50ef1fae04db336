import type { Logger } from '@aws-lambda-powertools/logger';
import { FUNCTION_ACCESS, type FunctionName } from '../../shared/api/functions';
import type { HealthCheck, HealthResponse } from '../../shared/api/schemas';
import type { BucketKey, TableKey } from '../../shared/tables';
import type { AuditLog } from './audit/log';
import type { AuditEntry } from '../../shared/audit/chain';
import { createClients, type Clients } from './clients';
import { loadConfig, tableName, type Config } from './config';
import { originSecret, signingKey } from './identity/signing-key';
import type { IdentityStore } from './identity/store';
import type { Mailer } from './mailer';
import type { RouterDeps } from './http/router';

/** Everything a function's use cases need, built once per container and passed as one `deps` object. */
export interface Runtime extends RouterDeps {
  readonly fn: FunctionName;
  readonly config: Config;
  readonly clients: Clients;
  readonly logger: Logger;
  readonly identity: IdentityStore;
  /** Every state change commits through this (one transaction with its audit entry). */
  readonly audit: AuditLog;
  readonly mailer: Mailer;
  readonly key: Uint8Array;
  /** Base URL of the site, for links in mail. */
  readonly publicUrl: () => Promise<string>;
}

/** Builds the runtime of a function from its environment. */
export async function createRuntime(fn: FunctionName, env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const config = loadConfig(env);
  const clients = createClients(config);
  // The logger (Powertools), the audit log, the identity store and the mailer load while the signing key's secret is
  // read over the network, not at the cold import (issue 11).
  const [{ createLogger }, parts, key, cloudFrontSecret] = await Promise.all([import('./logger'), import('./runtime-parts'), signingKey(config), originSecret(config)]);
  const { authenticate, createMailer, IdentityStore } = parts;
  const logger = createLogger(fn);
  const identity = new IdentityStore(clients.ddb, tableName(config, 'identity'));
  let publicUrl: Promise<string> | undefined;
  const sitePublicUrl = () => (publicUrl ??= resolvePublicUrl(config).catch((e: unknown) => { publicUrl = undefined; throw e; }));
  return {
    fn,
    config,
    clients,
    logger,
    identity,
    audit: auditLog(parts, config, clients),
    key,
    mailer: createMailer(config),
    clock: () => new Date(),
    authenticate: (cookies, now) => authenticate(identity, key, cookies, now),
    publicUrl: sitePublicUrl,
    siteOrigin: sitePublicUrl,
    ...(cloudFrontSecret ? { originSecret: cloudFrontSecret } : {}),
  };
}

/**
 * The audit log of a function. Locally, each commit's intent is linked in this
 * process right after the commit, and every linked entry is copied to the
 * archive bucket (s3rver); in AWS the intents table's stream runs the linker
 * and the audit table's stream the archiver (both in the publication
 * function), so a request never waits on either.
 */
export function auditLog(
  { AuditLog, archiveEntry }: typeof import('./runtime-parts'),
  config: Config,
  clients: Pick<Clients, 'ddb' | 's3'>,
): AuditLog {
  const tables = { entries: tableName(config, 'audit'), intents: tableName(config, 'auditIntents') };
  if (config.stage !== 'local') return new AuditLog(clients.ddb, tables);
  const bucket = config.buckets.auditArchive;
  return new AuditLog(clients.ddb, tables, {
    linkAfterCommit: config.linkAfterCommit,
    ...(bucket ? { archive: (entry: AuditEntry) => archiveEntry(clients.s3, bucket, entry) } : {}),
  });
}

/** Caches a runtime per container; a failed build is retried on the next request. */
export function lazyRuntime(fn: FunctionName): () => Promise<Runtime> {
  let runtime: Promise<Runtime> | undefined;
  return () => (runtime ??= createRuntime(fn).catch((e: unknown) => { runtime = undefined; throw e; }));
}

async function resolvePublicUrl(config: Config): Promise<string> {
  if (config.publicUrl) return config.publicUrl;
  if (!config.publicUrlParam) throw new Error('no public URL configured');
  // Read once per container, only when a link is mailed: the SSM client is its own chunk.
  const { GetParameterCommand, SSMClient } = await import('@aws-sdk/client-ssm');
  const ssm = new SSMClient({ region: config.region });
  const out = await ssm.send(new GetParameterCommand({ Name: config.publicUrlParam }));
  const value = out.Parameter?.Value;
  if (!value) throw new Error(`SSM parameter ${config.publicUrlParam} is empty`);
  return value.replace(/\/+$/, '');
}

async function probe(name: string, run: () => Promise<unknown>): Promise<HealthCheck> {
  const started = performance.now();
  try {
    await run();
    return { name, ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, ok: false, ms: Math.round(performance.now() - started), error: (error as Error).name || 'Error' };
  }
}

/** Probes exactly the tables and buckets the function was granted (FUNCTION_ACCESS). */
export async function checkHealth(runtime: Runtime): Promise<HealthResponse> {
  const access = FUNCTION_ACCESS[runtime.fn];
  const { config, clients } = runtime;
  const { DescribeTableCommand, HeadBucketCommand } = await import('./health-commands');
  const checks = await Promise.all([
    ...(Object.keys(access.tables) as TableKey[]).map((t) =>
      probe(`table:${t}`, () => clients.ddb.send(new DescribeTableCommand({ TableName: tableName(config, t) }))),
    ),
    ...(Object.keys(access.buckets) as BucketKey[]).map((b) =>
      probe(`bucket:${b}`, () => clients.s3.send(new HeadBucketCommand({ Bucket: config.buckets[b] ?? '' }))),
    ),
  ]);
  return { function: runtime.fn, ok: checks.every((c) => c.ok), checks };
}
