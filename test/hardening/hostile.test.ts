import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition, RouteId } from '../../shared/api/routes';
import { call, unclearError, type Reply } from './http';
import { expectation, paramsOf, pathOf, ROUTE_LIST } from './routes';
import { HOSTILE_SEGMENTS, hostileBodies, hostileQuery, hostileSegment, sample } from './schema';
import { Findings, tallyOf } from './tally';
import { buildWorld, heads, type Identity, type World } from './world';

// Property-based hostile input of issue #16, generated from each route's valibot schema and path: bodies the schema
// refuses, path segments and query strings no client sends. Every one: no 5xx, a clear error (code, zh-CN and en),
// nothing written. Sent by an identity the route lets in, so the input reaches as far as it can.

const BODIES_PER_ROUTE = 45;
const SEGMENTS_PER_PARAM = 3;
/** `HARDENING_SEED=<n>` replays a run (each finding names its seed). */
const SEED = process.env.HARDENING_SEED ? Number(process.env.HARDENING_SEED) : undefined;
const QUERIES_PER_ROUTE = 6;

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 240_000);

/** The identity that gets furthest into a route: its owner, its expert, the office. */
function caller(id: RouteId, route: RouteDefinition): Identity {
  const rank = (who: Identity) => {
    const e = expectation(id, route, who);
    const preferred = ['owner', 'expertOn', 'office'].indexOf(who.relation);
    // Entitled first (its owner, its expert, the office), then anyone the route's roles let past authorization.
    return e === 'answered' ? (preferred < 0 ? 3 : preferred) : e === 'refused' || e === 'either' ? 4 : 9;
  };
  return [...world.identities].sort((a, b) => rank(a) - rank(b))[0]!;
}

function problem(reply: Reply, statuses?: number[]): string | undefined {
  if (reply.status >= 500) return `answered ${reply.status} ${reply.text.slice(0, 160)}`;
  if (statuses && !statuses.includes(reply.status)) return `answered ${reply.status}, expected one of ${statuses.join('/')}: ${reply.text.slice(0, 160)}`;
  return unclearError(reply);
}

/** Runs a property over one route, collecting its (shrunk) counterexample instead of stopping the suite. */
async function property<T>(findings: Findings, label: string, arbitrary: fc.Arbitrary<T>, numRuns: number, run: (value: T) => Promise<string | undefined>) {
  let last = '';
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        const wrong = await run(value);
        if (wrong) {
          last = wrong;
          throw new Error(wrong);
        }
      }),
      { numRuns, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  } catch (error) {
    const seed = /seed: (-?\d+)/.exec((error as Error).message)?.[1];
    findings.add(`${label}: ${last.slice(0, 300) || (error as Error).message.slice(0, 300)} (fast-check seed ${seed})`);
  }
}

describe('hostile input (from every route schema)', () => {
  it('refuses every body its schema refuses: 400/413/415 with a code in both languages, nothing written', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    for (const [id, route] of ROUTE_LIST.filter(([, r]) => r.body)) {
      const who = caller(id, route);
      const before = await heads(world);
      await property(findings, id, hostileBodies(route.body!), BODIES_PER_ROUTE, async (h) => {
        tally.H++;
        const reply = await call(route.method, pathOf(route, world.params), {
          cookie: who.cookie,
          ...(h.raw !== undefined ? { rawBody: h.raw } : { body: h.json }),
          ...(h.contentType ? { contentType: h.contentType } : {}),
        });
        const wrong = problem(reply, [400, 413, 415]);
        return wrong && `${h.what}: ${wrong}`;
      });
      const after = await heads(world);
      if (after !== before) findings.add(`${id}: a refused body wrote (${before} → ${after})`);
    }
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);

  it('answers every hostile path segment without a 5xx, with a clear error, writing nothing', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    for (const [id, route] of ROUTE_LIST.filter(([, r]) => paramsOf(r).length)) {
      const who = caller(id, route);
      const body = route.body ? sample(route.body) : undefined;
      const before = await heads(world);
      for (const name of paramsOf(route)) {
        // Every known-bad segment, then random ones.
        for (const segment of HOSTILE_SEGMENTS) {
          tally.H++;
          const reply = await call(route.method, pathOf(route, world.params, { name, segment }), { cookie: who.cookie, ...(body !== undefined ? { body } : {}) });
          const wrong = problem(reply);
          if (wrong) findings.add(`${id} {${name}} = ${JSON.stringify(segment).slice(0, 40)}: ${wrong.slice(0, 200)}`);
        }
        await property(findings, `${id} {${name}}`, hostileSegment, SEGMENTS_PER_PARAM, async (segment) => {
          tally.H++;
          const reply = await call(route.method, pathOf(route, world.params, { name, segment }), { cookie: who.cookie, ...(body !== undefined ? { body } : {}) });
          const wrong = problem(reply);
          return wrong && `segment ${JSON.stringify(segment).slice(0, 60)}: ${wrong}`;
        });
      }
      if (route.method !== 'GET' && (await heads(world)) !== before) findings.add(`${id}: a hostile path wrote`);
    }
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);

  it('answers every hostile query string without a 5xx, with a clear error', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    for (const [id, route] of ROUTE_LIST.filter(([, r]) => r.method === 'GET')) {
      const who = caller(id, route);
      await property(findings, id, hostileQuery, QUERIES_PER_ROUTE, async (query) => {
        tally.H++;
        const reply = await call('GET', `${pathOf(route, world.params)}?${query}`, { cookie: who.cookie });
        const wrong = problem(reply);
        return wrong && `?${query.slice(0, 60)}: ${wrong}`;
      });
    }
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);
});
