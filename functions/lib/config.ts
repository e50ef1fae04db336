import { BUCKETS, TABLES, type BucketKey, type TableKey } from '../../shared/tables';
import { ENV } from '../../shared/runtime';

/** Typed configuration of a function, read once from its environment. */
export interface Config {
  readonly stage: 'aws' | 'local';
  readonly region: string;
  readonly tables: Readonly<Partial<Record<TableKey, string>>>;
  readonly buckets: Readonly<Partial<Record<BucketKey, string>>>;
  /** Local emulator endpoints; absent in AWS. */
  readonly endpoints: { readonly dynamodb?: string; readonly s3?: string };
  /** Base URL of the site for links in mail, or the SSM parameter that holds it. */
  readonly publicUrl?: string;
  readonly publicUrlParam?: string;
  readonly adminEmail?: string;
  /** The platform operator (creates programmes, invites their first administrators). */
  readonly operatorEmail?: string;
  readonly mailFrom: string;
  readonly defaultProgrammeId: string;
  /** Signing key material: inline (local) or a Secrets Manager ARN (AWS). */
  readonly signingKey?: string;
  readonly signingKeySecretArn?: string;
  /** The secret CloudFront sends with every API request, as a Secrets Manager ARN (AWS only). */
  readonly originSecretArn?: string;
  /** Local mail outbox folder; when set, mail is written there instead of sent. */
  readonly outboxDir?: string;
  /**
   * Local only: whether each commit links its chain in the same process right after (the default), or another
   * process links (`MERIT_LOCAL_LINKER=off`: the deadline bench runs the linker in a process of its own, as AWS
   * runs it in another invocation from the intents stream). Reads that need the chain drain it themselves.
   */
  readonly linkAfterCommit: boolean;
  /** Sign-in link requests allowed per 15 minutes, per address and per client. */
  readonly linkLimits: { readonly perAddress: number; readonly perClient: number };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Thrown at start-up when the environment lacks something a function needs. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads the configuration from environment variables (names in shared/runtime.ts and shared/tables.ts). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env[ENV.stage] === 'local' ? 'local' : 'aws';
  const tables: Partial<Record<TableKey, string>> = {};
  for (const [key, def] of Object.entries(TABLES) as [TableKey, (typeof TABLES)[TableKey]][]) {
    const name = env[def.envVar];
    if (name) tables[key] = name;
  }
  const buckets: Partial<Record<BucketKey, string>> = {};
  for (const [key, def] of Object.entries(BUCKETS) as [BucketKey, (typeof BUCKETS)[BucketKey]][]) {
    const name = env[def.envVar];
    if (name) buckets[key] = name;
  }
  const signingKey = env[ENV.signingKey];
  const signingKeySecretArn = env[ENV.signingKeySecretArn];
  if (!signingKey && !signingKeySecretArn) {
    throw new ConfigError(`${ENV.signingKey} or ${ENV.signingKeySecretArn} must be set`);
  }
  if (stage === 'aws' && signingKey) {
    throw new ConfigError(`${ENV.signingKey} is for local use only; in AWS the key comes from Secrets Manager`);
  }
  const adminEmail = env[ENV.adminEmail]?.trim().toLowerCase() || undefined;
  return {
    stage,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    tables,
    buckets,
    endpoints: { dynamodb: env[ENV.dynamoEndpoint] || undefined, s3: env[ENV.s3Endpoint] || undefined },
    publicUrl: env[ENV.publicUrl]?.replace(/\/+$/, '') || undefined,
    publicUrlParam: env[ENV.publicUrlParam] || undefined,
    adminEmail,
    operatorEmail: env[ENV.operatorEmail]?.trim().toLowerCase() || undefined,
    mailFrom: env[ENV.mailFrom] || adminEmail || 'no-reply@localhost',
    defaultProgrammeId: env[ENV.defaultProgrammeId] || 'city',
    signingKey,
    signingKeySecretArn,
    originSecretArn: stage === 'aws' ? env[ENV.originSecretArn] || undefined : undefined,
    outboxDir: stage === 'local' ? env[ENV.outboxDir] || undefined : undefined,
    linkAfterCommit: stage === 'local' && env[ENV.localLinker] !== 'off',
    linkLimits: {
      perAddress: positiveInt(env[ENV.linkLimitPerAddress], 5),
      perClient: positiveInt(env[ENV.linkLimitPerClient], 30),
    },
  };
}

/** The physical name of a table this function was granted, or a ConfigError. */
export function tableName(config: Config, key: TableKey): string {
  const name = config.tables[key];
  if (!name) throw new ConfigError(`table ${key} is not configured for this function (${TABLES[key].envVar})`);
  return name;
}

/** The physical name of a bucket this function was granted, or a ConfigError. */
export function bucketName(config: Config, key: BucketKey): string {
  const name = config.buckets[key];
  if (!name) throw new ConfigError(`bucket ${key} is not configured for this function (${BUCKETS[key].envVar})`);
  return name;
}
