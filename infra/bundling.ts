import { resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { FUNCTIONS, type FunctionName } from '../shared/api/functions';

/** Repository root (this file lives in infra/). */
export const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Where `npm run build` writes a function's bundle; CDK deploys this folder as the function's code. */
export const bundleDir = (fn: FunctionName) => resolve(REPO_ROOT, 'dist/functions', fn);

/** The handler's source file. */
export const handlerEntry = (fn: FunctionName) => resolve(REPO_ROOT, 'functions', fn, 'handler.ts');

/**
 * How every function is bundled, in AWS and for `npm run build` alike: one
 * minified ESM file for Node.js 22 with the (modular) AWS SDK inside, so the
 * deployed code is exactly what was built and measured.
 */
export function bundleOptions(fn: FunctionName): BuildOptions {
  return {
    entryPoints: { index: handlerEntry(fn) },
    outdir: bundleDir(fn),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Clients needed only now and then (SES for mail, SSM for the public URL) are dynamic imports in their own chunks.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    treeShaking: true,
    mainFields: ['module', 'main'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // Some CommonJS dependencies call require(); ESM output needs one.
    banner: { js: "import { createRequire as __merit_cr } from 'node:module'; const require = __merit_cr(import.meta.url);" },
  };
}

/** The three functions, in a stable order. */
export { FUNCTIONS };

/** esbuild's metafile outputs, as far as loading is concerned. */
type Outputs = Record<string, { readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[] }>;

/**
 * The files a bundle really loads at cold start: its entry and every chunk it
 * imports statically, transitively (dynamic imports load later, on first use).
 */
export function coldStartFiles(outputs: Outputs, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !outputs[file]) return;
    seen.add(file);
    for (const i of outputs[file]!.imports) if (!i.external && i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  return [...seen];
}
