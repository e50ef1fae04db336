import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition, RouteId } from '../../shared/api/routes';
import { call, unclearError, type Reply } from './http';
import { expectation, pathOf, ROUTE_LIST, secretsFor, type Expectation } from './routes';
import { sample } from './schema';
import { Findings, tallyOf } from './tally';
import { buildWorld, heads, type Identity, type World } from './world';

// The authorization matrix of issue #16, generated from the route table: every route × every identity, the answer
// each must get derived from the route's roles and the record's owner; nothing of another's record in any answer to
// someone not entitled to it, nothing written by a refusal.

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 240_000);

const UNAUTHENTICATED = ['UNAUTHENTICATED', 'SESSION_REVOKED', 'SESSION_EXPIRED'];

/** What is wrong with an answer, given what the route table says (undefined: it holds). */
function judge(expected: Expectation, reply: Reply): string | undefined {
  if (reply.status >= 500) return `answered ${reply.status} ${reply.json?.error?.code ?? ''}`;
  const unclear = unclearError(reply);
  if (unclear) return unclear;
  if (reply.headers.get('x-content-type-options') !== 'nosniff') return `no X-Content-Type-Options: nosniff (${reply.status})`;
  const code = reply.json?.error?.code as string | undefined;
  switch (expected) {
    case 'unauthenticated':
      return reply.status === 401 && UNAUTHENTICATED.includes(code!) ? undefined : `expected 401, got ${reply.status} ${code ?? ''}`;
    case 'forbidden':
      return reply.status === 403 && code === 'FORBIDDEN' ? undefined : `expected 403 FORBIDDEN, got ${reply.status} ${code ?? ''}`;
    case 'refused':
      return reply.status >= 400 && reply.status !== 401 ? undefined : `expected a refusal, got ${reply.status}`;
    case 'answered':
      return reply.status === 401 || reply.status === 403 ? `expected an answer, got ${reply.status} ${code ?? ''}` : undefined;
    case 'either':
      return undefined;
  }
}

function leaked(who: Identity, reply: Reply): string[] {
  return secretsFor(who, world).filter((secret) => secret && reply.text.includes(secret));
}

async function check(id: RouteId, route: RouteDefinition, who: Identity, body: unknown, findings: Findings, tally: { A: number; K: number }) {
  const expected = expectation(id, route, who);
  const reply = await call(route.method, pathOf(route, world.params), { cookie: who.cookie, ...(route.method !== 'GET' && body !== undefined ? { body } : {}) });
  tally.A++;
  const wrong = judge(expected, reply);
  if (wrong) findings.add(`${id} × ${who.name}: ${wrong}`);
  const secrets = leaked(who, reply);
  if (secrets.length) {
    tally.K++;
    findings.add(`${id} × ${who.name}: LEAK ${reply.status} carries ${secrets.join(', ')}`);
  }
}

describe('authorization matrix (every route × every identity)', () => {
  it('refuses whoever the route table refuses, and writes nothing doing so', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    for (const [id, route] of ROUTE_LIST) {
      const refusing = world.identities.filter((who) => ['unauthenticated', 'forbidden', 'refused'].includes(expectation(id, route, who)));
      if (!refusing.length) continue;
      const before = await heads(world);
      // A body the schema accepts where one can be made: a refusal must not depend on the body being wrong.
      const body = route.body ? sample(route.body) : undefined;
      await Promise.all(refusing.map((who) => check(id, route, who, body, findings, tally)));
      const after = await heads(world);
      if (after !== before) findings.add(`${id}: a refusal wrote (${before} → ${after})`);
    }
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);

  it('answers whoever the route table lets read, with nothing of a record they may not read', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    for (const [id, route] of ROUTE_LIST.filter(([, r]) => r.method === 'GET')) {
      const entitled = world.identities.filter((who) => ['answered', 'either'].includes(expectation(id, route, who)));
      await Promise.all(entitled.map((who) => check(id, route, who, undefined, findings, tally)));
    }
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);

  // Issue #16 defect 8 (fixed on the `authz` branch): an assigned expert who never declared recuses, then asks for the cards.
  it('shows nothing of the team to an expert who recused before declaring', async ({ task }) => {
    const tally = tallyOf(task);
    const { applicationId } = world.owner;
    const expert = world.expertUndeclared;
    const recused = await call('POST', `/api/scoring/applications/${applicationId}/assignments/materialReview/${expert.personId}/recusal`, { cookie: expert.cookie, body: { reason: '回避' } });
    expect(recused.status, recused.text).toBeLessThan(500);
    const who = world.identities.find((i) => i.relation === 'expertUndeclared')!;
    for (const path of [`/api/scoring/applications/${applicationId}/reviews/materialReview`, `/api/scoring/applications/${applicationId}/material`]) {
      const reply = await call('GET', path, { cookie: expert.cookie });
      tally.A++;
      const secrets = leaked(who, reply);
      if (secrets.length) tally.K++;
      expect(secrets, `${path} answered ${reply.status} to an expert who recused without declaring`).toEqual([]);
    }
  });

  // Issue #16 defect 7 (fixed on the `safety` branch): a download is served with nosniff, whatever the file says it is.
  it('serves a downloaded document with X-Content-Type-Options: nosniff', async ({ task }) => {
    const tally = tallyOf(task);
    const { applicationId, documentId, cookie } = world.owner;
    const link = await call('GET', `/api/submission/applications/${applicationId}/documents/${documentId}/download`, { cookie });
    tally.A++;
    expect(link.status, link.text).toBe(200);
    const file = await fetch(link.json.url as string);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets whoever the route table lets write past authorization (a body the schema refuses: 400, nothing written)', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    const writes = ROUTE_LIST.filter(([, r]) => r.method !== 'GET');
    // Routes without a body do what they say: run them last, ending sessions at the very end.
    const order = [...writes.filter(([, r]) => r.body), ...writes.filter(([id, r]) => !r.body && id !== 'auth.signOut'), ...writes.filter(([id]) => id === 'auth.signOut')];
    for (const [id, route] of order) {
      const entitled = world.identities.filter((who) => ['answered', 'either'].includes(expectation(id, route, who)));
      const before = await heads(world);
      for (const who of entitled) {
        const reply = await call(route.method, pathOf(route, world.params), { cookie: who.cookie, ...(route.body ? { rawBody: '"not an object"' } : {}) });
        tally.A++;
        const wrong = judge(expectation(id, route, who), reply) ?? (route.body && reply.status !== 400 ? `expected 400 for a body the schema refuses, got ${reply.status}` : undefined);
        if (wrong) findings.add(`${id} × ${who.name}: ${wrong}`);
        const secrets = leaked(who, reply);
        if (secrets.length) {
          tally.K++;
          findings.add(`${id} × ${who.name}: LEAK ${reply.status} carries ${secrets.join(', ')}`);
        }
      }
      if (route.body && (await heads(world)) !== before) findings.add(`${id}: a refused body wrote`);
    }
    expect(tally.A).toBeGreaterThan(0);
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);
});
