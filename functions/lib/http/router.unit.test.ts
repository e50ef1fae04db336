import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { clientAddress, createRouter, type RouterDeps } from './router';

const event = (routeKey: string, extra: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 =>
  ({ routeKey, rawPath: '/', headers: {}, requestContext: { requestId: 'req-1', http: { sourceIp: '1.2.3.4' } }, ...extra }) as APIGatewayProxyEventV2;

const logger = new Logger({ logLevel: 'SILENT' });
const signedIn = (role: 'admin' | 'expert'): RouterDeps => ({
  logger,
  clock: () => new Date('2026-11-25T00:00:00Z'),
  authenticate: async () => ({ sessionId: 's', personId: 'p', role, programmeId: 'city', email: 'a@b.c', name: 'A', expiresAt: '' }),
});
const anonymous: RouterDeps = { ...signedIn('admin'), authenticate: async () => { throw new AppError('UNAUTHENTICATED', 401); } };
const parse = (body: string | undefined) => JSON.parse(body ?? '{}');

describe('router', () => {
  it('answers a dependency throttling with 503 SERVICE_UNAVAILABLE and Retry-After', async () => {
    const router = createRouter('scoring', {
      'scoring.health': async () => { throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }); },
    }, async () => anonymous);
    const res = await router(event('GET /api/scoring/health'));
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
    expect(parse(res.body).error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers an unexpected fault with 500 INTERNAL, the request id, and no internals', async () => {
    const router = createRouter('scoring', {
      'scoring.health': async () => { throw new Error('secret table arn:aws:dynamodb:xyz'); },
    }, async () => anonymous);
    const res = await router(event('GET /api/scoring/health'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('arn:aws');
    const body = parse(res.body);
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message.en).toContain('req-1');
  });

  it('never calls the handler of a route whose roles exclude the caller', async () => {
    let called = false;
    const router = createRouter('submission', {
      'people.invite': async () => { called = true; return { body: { person: {} as never } }; },
    } as never, async () => signedIn('expert'));
    const res = await router(event('POST /api/submission/people', { body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(res.statusCode).toBe(403);
    expect(called).toBe(false);
  });

  it('never calls the handler with a body that fails the route schema', async () => {
    let called = false;
    const router = createRouter('submission', {
      'people.invite': async () => { called = true; return { body: { person: {} as never } }; },
    } as never, async () => signedIn('admin'));
    const res = await router(event('POST /api/submission/people', { body: JSON.stringify({ email: 'x@y.org', name: '', role: 'king' }), headers: { 'content-type': 'application/json' } }));
    expect(res.statusCode).toBe(400);
    const issues = parse(res.body).error.details.issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['name', 'role']));
    expect(called).toBe(false);
  });
});

describe('the client address', () => {
  it('is the visitor CloudFront names, not the edge server API Gateway sees', () => {
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '198.51.100.10:46532' } }))).toBe('198.51.100.10');
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '2001:db8::8a2e:370:7334:443' } }))).toBe('2001:db8::8a2e:370:7334');
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '[2001:db8::1]:443' } }))).toBe('2001:db8::1');
  });

  it('is the connection address without CloudFront (local gateway)', () => {
    expect(clientAddress(event('GET /'))).toBe('1.2.3.4');
  });
});
