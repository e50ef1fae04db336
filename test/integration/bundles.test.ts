import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { FUNCTIONS } from '../../shared/api/functions';
import { bundleDir } from '../../infra/bundling';

// What is deployed is the bundle, not the sources: run each built bundle (npm run build) against the local stack.
beforeAll(() => {
  Object.assign(process.env, inject('stackEnv'));
});

const healthEvent = (fn: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: `GET /api/${fn}/health`,
    rawPath: `/api/${fn}/health`,
    rawQueryString: '',
    headers: {},
    requestContext: { requestId: `bundle-${fn}`, http: { method: 'GET', path: `/api/${fn}/health`, sourceIp: '127.0.0.1' } },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

describe('the built function bundles', () => {
  it.each(FUNCTIONS)('%s: the bundle loads and answers its health route from the local stack', async (fn) => {
    // Prepare
    const entry = `${bundleDir(fn)}/index.mjs`;
    expect(existsSync(entry), `${entry} is missing: run npm run build`).toBe(true);
    const { handler } = (await import(pathToFileURL(entry).href)) as { handler: (e: unknown) => Promise<APIGatewayProxyStructuredResultV2> };
    // Act
    const res = await handler(healthEvent(fn));
    // Assess
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body ?? '{}')).toMatchObject({ function: fn, ok: true });
  });
});
