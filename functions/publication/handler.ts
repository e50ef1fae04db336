import { AwardsStore } from '../lib/awards/store';
import { tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { checkHealth, lazyRuntime } from '../lib/runtime';

const runtime = lazyRuntime('publication');

/** The publication function: the public site's data, rankings, notices, results. */
export const handler = createRouter(
  'publication',
  {
    'publication.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
    'public.programmes': async () => {
      const rt = await runtime();
      const awards = new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
      return { body: { programmes: await awards.listProgrammes() } };
    },
  },
  runtime,
);
