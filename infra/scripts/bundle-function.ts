/**
 * Bundles one function into a folder exactly as `npm run build` does (infra/bundling.ts, bundleFunction), for CDK's local
 * bundling (infra/lib/merit-function.ts): CDK asks synchronously, and esbuild runs plugins only in its asynchronous
 * API, so CDK runs this in a child process. `npx tsx infra/scripts/bundle-function.ts <fn> <outdir>`.
 */
import { FUNCTIONS, type FunctionName } from '../../shared/api/functions';
import { bundleFunction } from '../bundling';

const [fn, outdir] = process.argv.slice(2);
if (!fn || !outdir || !(FUNCTIONS as readonly string[]).includes(fn)) {
  console.error('usage: bundle-function.ts <submission|scoring|publication> <outdir>');
  process.exit(2);
}
await bundleFunction(fn as FunctionName, outdir);
