import { verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { stackRuntime } from '../integration/applications-helpers';

/** Links what was committed, then verifies each chain with the library `npm run verify-audit` uses; the scopes that do not verify. */
export async function brokenChains(scopes: readonly string[]): Promise<string[]> {
  const rt = await stackRuntime();
  const broken: string[] = [];
  for (const scope of scopes) {
    await rt.audit.caughtUp(scope);
    const result = await verifyChain(nodeSha256, scope, await rt.audit.entries(scope));
    if (!result.ok) broken.push(`${scope}: ${JSON.stringify(result).slice(0, 200)}`);
  }
  return broken;
}

/** The p-th percentile of a list of durations (ms). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
