import { describe, expect, it } from 'vitest';
import { api, baseUrl } from './helpers';

describe('local gateway', () => {
  it('answers an unknown API path with 404 ROUTE_NOT_FOUND in the error envelope', async () => {
    const res = await api('GET', '/api/submission/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
  });

  it('answers a known path with the wrong method with 405', async () => {
    const res = await api('PUT', '/api/submission/health');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('rejects a body that is not JSON with INVALID_JSON before any handler logic runs', async () => {
    const res = await api('POST', '/api/submission/auth/links', { rawBody: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('rejects a body sent as a form with 415', async () => {
    const res = await api('POST', '/api/submission/auth/links', { rawBody: 'email=a@b.c', contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('answers API requests with no-store caching', async () => {
    const res = await api('GET', '/api/publication/health');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('lists the seeded demo programme with a round open for registration', async () => {
    const res = await api('GET', '/api/publication/programmes');
    expect(res.status).toBe(200);
    const city = res.body.programmes.find((p: { programmeId: string }) => p.programmeId === 'city');
    expect(city.rounds[0]).toMatchObject({ stage: 'registration' });
    expect(Date.parse(city.rounds[0].submissionDeadline)).toBeGreaterThan(Date.now());
  });

  it('does not serve files outside the site folder', async () => {
    const res = await fetch(`${baseUrl()}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(404);
  });

  it('serves the outbox page with mail text escaped', async () => {
    const res = await fetch(`${baseUrl()}/dev/outbox`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).not.toMatch(/<script/i);
  });
});
