import { rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { bundleDir, bundleOptions, coldStartFiles, FUNCTIONS, REPO_ROOT } from './bundling';

// `npm run build`: the three function bundles exactly as CDK deploys them (infra/bundling.ts), then the site.
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function buildFunctions(): Promise<void> {
  for (const fn of FUNCTIONS) {
    await rm(bundleDir(fn), { recursive: true, force: true });
    const result = await esbuild(bundleOptions(fn));
    const outputs = Object.keys(result.metafile!.outputs).filter((f) => f.endsWith('.mjs'));
    const total = outputs.reduce((sum, f) => sum + readFileSync(resolve(REPO_ROOT, f)).length, 0);
    const entry = outputs.find((f) => f.endsWith('/index.mjs'))!;
    const code = Buffer.concat(coldStartFiles(result.metafile!.outputs, entry).map((f) => readFileSync(resolve(REPO_ROOT, f))));
    console.log(
      `  λ ${fn.padEnd(12)} ${kib(code.length).padStart(11)} loaded at cold start (gzip ${kib(gzipSync(code).length)}), ${kib(total)} with lazy chunks  dist/functions/${fn}/`,
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
