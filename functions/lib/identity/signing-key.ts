import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Config } from '../config';

let cached: Promise<Uint8Array> | undefined;

/** The HMAC key that signs sign-in links and session cookies: inline locally, from Secrets Manager in AWS (fetched once per container). */
export function signingKey(config: Config): Promise<Uint8Array> {
  cached ??= load(config).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(config: Config): Promise<Uint8Array> {
  if (config.signingKey) return keyBytes(config.signingKey);
  const client = new SecretsManagerClient({ region: config.region });
  const out = await client.send(new GetSecretValueCommand({ SecretId: config.signingKeySecretArn }));
  if (!out.SecretString) throw new Error('signing key secret is empty');
  return keyBytes(out.SecretString);
}

function keyBytes(material: string): Uint8Array {
  const bytes = new TextEncoder().encode(material);
  if (bytes.length < 32) throw new Error('signing key must be at least 32 bytes');
  return bytes;
}

let cachedOrigin: Promise<string | undefined> | undefined;

/** The secret CloudFront adds to every API request (AWS; none locally), fetched once per container. */
export function originSecret(config: Config): Promise<string | undefined> {
  if (!config.originSecretArn) return Promise.resolve(undefined);
  const arn = config.originSecretArn;
  cachedOrigin ??= (async () => {
    const client = new SecretsManagerClient({ region: config.region });
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!out.SecretString || out.SecretString.length < 32) throw new Error('origin secret is missing or shorter than 32 characters');
    return out.SecretString;
  })().catch((error: unknown) => {
    cachedOrigin = undefined;
    throw error;
  });
  return cachedOrigin;
}
