import { createRouter } from '../lib/http/router';
import { checkHealth, lazyRuntime } from '../lib/runtime';

const runtime = lazyRuntime('scoring');

/** The scoring function: declarations, assignments, scorecards, consensus. */
export const handler = createRouter(
  'scoring',
  {
    'scoring.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
  },
  runtime,
);
