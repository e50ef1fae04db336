import { AwardsStore } from '../lib/awards/store';
import { tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { checkHealth, lazyRuntime } from '../lib/runtime';
import { listChains, readEntries, type AuditTrailDeps } from './use-cases/audit-trail';

const runtime = lazyRuntime('publication');
let deps: Promise<AuditTrailDeps & Awaited<ReturnType<typeof runtime>>> | undefined;
const publicationDeps = () =>
  (deps ??= runtime().then((rt) => ({ ...rt, awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')) })));

/** The publication function: the public site's data, the audit trail, rankings, notices, results. */
export const handler = createRouter(
  'publication',
  {
    'publication.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
    'public.programmes': async () => ({ body: { programmes: await (await publicationDeps()).awards.listProgrammes() } }),
    'audit.chains': async (req) => ({ body: { chains: await listChains(await publicationDeps(), req.session) } }),
    'audit.entries': async (req) => ({ body: await readEntries(await publicationDeps(), req.session, req.params.scope ?? '', req.query) }),
  },
  runtime,
);
