import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createRuntime, checkHealth } from '../../functions/lib/runtime';
import { api } from './helpers';

describe('health of the three functions', () => {
  it.each(['submission', 'scoring', 'publication'])('GET /api/%s/health reaches every table and bucket it was granted', async (fn) => {
    const res = await api('GET', `/api/${fn}/health`);
    expect(res.status).toBe(200);
    expect(res.body.function).toBe(fn);
    expect(res.body.ok).toBe(true);
    expect(res.body.checks.length).toBeGreaterThanOrEqual(4);
    expect(res.body.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it('reports a table it cannot reach as not ok', async () => {
    // Prepare: the scoring function configured with a table that does not exist.
    const env = { ...inject('stackEnv'), TABLE_REVIEWS: 'merit-missing-table' };
    const runtime = await createRuntime('scoring', env);
    // Act
    const health = await checkHealth(runtime);
    // Assess
    expect(health.ok).toBe(false);
    expect(health.checks.find((c) => c.name === 'table:reviews')).toMatchObject({ ok: false, error: 'ResourceNotFoundException' });
    expect(health.checks.filter((c) => c.name !== 'table:reviews').every((c) => c.ok)).toBe(true);
  });
});
