import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleFunction, FUNCTIONS, REPO_ROOT } from './bundling';

// `npm run build`: the three function bundles exactly as CDK deploys them (infra/bundling.ts), then the site.
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function buildFunctions(): Promise<void> {
  for (const fn of FUNCTIONS) {
    const bundle = await bundleFunction(fn);
    const total = bundle.files.reduce((sum, f) => sum + readFileSync(f).length, 0);
    const code = Buffer.concat(bundle.coldStart.map((f) => readFileSync(f)));
    console.log(
      `  λ ${fn.padEnd(12)} ${kib(code.length).padStart(11)} loaded at cold start in ${bundle.coldStart.length} files (gzip ${kib(gzipSync(code).length)}), ${kib(total)} with lazy chunks  dist/functions/${fn}/`,
    );
  }
}

async function buildSite(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: resolve(REPO_ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  console.log('  site          web/dist');
}

const only = process.argv[2];
console.log('Building Merit…');
if (only !== 'site') await buildFunctions();
if (only !== 'functions') await buildSite();
