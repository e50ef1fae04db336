import { beforeAll, describe, expect, it } from 'vitest';
import { call, CROSS_SITE_CODE, unclearError } from './http';
import { expectation, pathOf, ROUTE_LIST } from './routes';
import { sample } from './schema';
import { Findings, tallyOf } from './tally';
import { buildWorld, heads, type World } from './world';

// Issue #16 defect 1 (fixed on the `authz` branch): a state-changing request must prove it comes from the site.
// Contract: every non-GET route answers 403 CROSS_SITE_REQUEST, writing nothing, to a request without the site's
// header (what an HTML form on a same-site page can send) and to one from a cross-site Origin, even with the header.

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 240_000);

const FORGERIES = [
  {
    what: 'a same-site HTML form (no site header)',
    site: false,
    headers: { origin: 'http://localhost:1', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' },
    form: true,
  },
  { what: 'a cross-site fetch (no site header)', site: false, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' }, form: false },
  { what: 'a cross-site Origin with the site header', site: true, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' }, form: false },
] as const;

describe('request forgery (every state-changing route)', () => {
  it('refuses forged state-changing requests with 403 CROSS_SITE_REQUEST and writes nothing', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    const writes = ROUTE_LIST.filter(([, r]) => r.method !== 'GET');
    // Sign-out last: a forged sign-out that works ends the session the other checks use.
    const order = [...writes.filter(([id]) => id !== 'auth.signOut'), ...writes.filter(([id]) => id === 'auth.signOut')];
    for (const [id, route] of order) {
      // The victim: someone the route lets in (its owner, its expert, the office), signed in.
      const victim = world.identities.find((who) => expectation(id, route, who) === 'answered' && who.cookie) ?? world.identities.find((w) => w.relation === 'office')!;
      for (const forgery of FORGERIES) {
        const before = await heads(world);
        const body = route.body ? sample(route.body) : undefined;
        const reply = await call(route.method, pathOf(route, world.params), {
          cookie: victim.cookie,
          site: forgery.site,
          headers: forgery.headers,
          ...(forgery.form ? { rawBody: 'confirm=1', contentType: 'application/x-www-form-urlencoded' } : body !== undefined ? { body } : {}),
        });
        tally.A++;
        const code = reply.json?.error?.code;
        if (reply.status !== 403 || code !== CROSS_SITE_CODE) findings.add(`${id} by ${forgery.what} as ${victim.name}: answered ${reply.status} ${code ?? ''}`);
        const unclear = unclearError(reply);
        if (unclear) findings.add(`${id} by ${forgery.what}: ${unclear}`);
        if ((await heads(world)) !== before) findings.add(`${id} by ${forgery.what}: WROTE`);
      }
    }
    expect(findings.list, findings.report(80)).toEqual([]);
  }, 300_000);
});
