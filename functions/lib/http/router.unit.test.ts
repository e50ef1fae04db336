import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { clientAddress, createRouter, type RouterDeps } from './router';

const SITE = { 'x-merit-client': '1' };

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
    const res = await router(event('POST /api/submission/people', { body: '{}', headers: { ...SITE, 'content-type': 'application/json' } }));
    expect(res.statusCode).toBe(403);
    expect(called).toBe(false);
  });

  it('never calls the handler with a body that fails the route schema', async () => {
    let called = false;
    const router = createRouter('submission', {
      'people.invite': async () => { called = true; return { body: { person: {} as never } }; },
    } as never, async () => signedIn('admin'));
    const res = await router(event('POST /api/submission/people', { body: JSON.stringify({ email: 'x@y.org', name: '', role: 'king' }), headers: { ...SITE, 'content-type': 'application/json' } }));
    expect(res.statusCode).toBe(400);
    const issues = parse(res.body).error.details.issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['name', 'role']));
    expect(called).toBe(false);
  });
});

describe('the client address', () => {
  it('is the visitor CloudFront names when the request came through CloudFront, not the edge server API Gateway sees', () => {
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '198.51.100.10:46532' } }), true)).toBe('198.51.100.10');
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '2001:db8::8a2e:370:7334:443' } }), true)).toBe('2001:db8::8a2e:370:7334');
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '[2001:db8::1]:443' } }), true)).toBe('2001:db8::1');
  });

  it('is the connection address without CloudFront (local gateway), whatever CloudFront-Viewer-Address the client sends', () => {
    expect(clientAddress(event('GET /'), false)).toBe('1.2.3.4');
    expect(clientAddress(event('GET /', { headers: { 'cloudfront-viewer-address': '198.51.100.10:46532' } }), false)).toBe('1.2.3.4');
  });
});

/** A router of people.revoke that records whether the handler ran and the address it was given. */
function revokeRouter(extra: Partial<RouterDeps> = {}) {
  const seen: { called: boolean; authenticated: boolean; sourceIp?: string } = { called: false, authenticated: false };
  const deps: RouterDeps = {
    ...signedIn('admin'),
    authenticate: async (...args) => { seen.authenticated = true; return signedIn('admin').authenticate(...args); },
    ...extra,
  };
  const router = createRouter('submission', {
    'people.revoke': async (req: { sourceIp: string }) => { seen.called = true; seen.sourceIp = req.sourceIp; return { body: { person: {} as never } }; },
  } as never, async () => deps);
  const revoke = (headers: Record<string, string>) => router(event('POST /api/submission/people/{personId}/revoke', { pathParameters: { personId: 'p1' }, headers }));
  return { seen, revoke };
}

describe('same-site request forgery (issue #16.1)', () => {
  it('refuses a state-changing request without the site client header with 403 CROSS_SITE_REQUEST, before any session lookup', async () => {
    const { seen, revoke } = revokeRouter();
    const res = await revoke({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(403);
    const body = parse(res.body);
    expect(body.error.code).toBe('CROSS_SITE_REQUEST');
    expect(body.error.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error.message.en).toMatch(/nothing was changed/);
    expect(seen).toEqual({ called: false, authenticated: false });
  });

  it('refuses a request the browser marks as same-site or cross-site even with the header', async () => {
    for (const site of ['same-site', 'cross-site', 'none']) {
      const { seen, revoke } = revokeRouter();
      const res = await revoke({ ...SITE, 'sec-fetch-site': site });
      expect(res.statusCode, site).toBe(403);
      expect(parse(res.body).error.code).toBe('CROSS_SITE_REQUEST');
      expect(seen.called).toBe(false);
    }
  });

  it('refuses an Origin that is not the site when the browser sends no Sec-Fetch-Site', async () => {
    for (const origin of ['http://localhost:4999', 'null', 'https://evil.example']) {
      const { seen, revoke } = revokeRouter({ siteOrigin: async () => 'https://award.example.org' });
      const res = await revoke({ ...SITE, host: 'localhost:4100', origin });
      expect(res.statusCode, origin).toBe(403);
      expect(seen.called).toBe(false);
    }
  });

  it('accepts the site itself: same-origin fetch, its Origin, or a client that sends neither (scripts, tests)', async () => {
    for (const headers of [
      { ...SITE, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:4100', host: 'localhost:4100' },
      { ...SITE, origin: 'http://localhost:4100', host: 'localhost:4100' },
      { ...SITE, origin: 'https://award.example.org', host: 'abc.execute-api.eu-west-1.amazonaws.com' },
      { ...SITE },
    ]) {
      const { seen, revoke } = revokeRouter({ siteOrigin: async () => 'https://award.example.org' });
      const res = await revoke(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      expect(seen.called).toBe(true);
    }
  });

  it('lets a GET through without the header (it changes nothing)', async () => {
    const router = createRouter('scoring', { 'scoring.health': async () => ({ body: { function: 'scoring', ok: true, checks: [] } }) } as never, async () => anonymous);
    expect((await router(event('GET /api/scoring/health'))).statusCode).toBe(200);
  });
});

describe('the way round CloudFront (issue #16.9)', () => {
  const secret = 'a'.repeat(48);

  it('refuses every request without the secret CloudFront adds, with 403 DIRECT_ACCESS_REFUSED', async () => {
    for (const headers of [{ ...SITE }, { ...SITE, 'x-merit-origin-verify': 'guess' }, { ...SITE, 'cloudfront-viewer-address': '203.0.113.9:443' }]) {
      const { seen, revoke } = revokeRouter({ originSecret: secret });
      const res = await revoke(headers);
      expect(res.statusCode).toBe(403);
      expect(parse(res.body).error.code).toBe('DIRECT_ACCESS_REFUSED');
      expect(seen.called).toBe(false);
    }
  });

  it('believes CloudFront-Viewer-Address only on a request that came through CloudFront', async () => {
    const through = revokeRouter({ originSecret: secret });
    expect((await through.revoke({ ...SITE, 'x-merit-origin-verify': secret, 'cloudfront-viewer-address': '203.0.113.9:443' })).statusCode).toBe(200);
    expect(through.seen.sourceIp).toBe('203.0.113.9');
    const local = revokeRouter();
    expect((await local.revoke({ ...SITE, 'cloudfront-viewer-address': '203.0.113.9:443' })).statusCode).toBe(200);
    expect(local.seen.sourceIp).toBe('1.2.3.4');
  });
});
