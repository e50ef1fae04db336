import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { BuildOptions, Plugin } from 'esbuild';
import { FUNCTIONS, type FunctionName } from '../shared/api/functions';
import { staticClosure } from './static-closure';

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
// The client classes functions/lib/clients.ts creates, each from its own module in the package (issue 11). Imported from
// a package's index, every command the function's lazy chunks use from that package would be reachable from the entry,
// so esbuild would put those commands (with their schemas and S3's checksum middleware) in chunks loaded at cold
// start. The same files either way: the lazy chunks' imports of the index reach these very modules.
const CLIENT_MODULES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-dynamodb': '@aws-sdk/client-dynamodb/dist-es/DynamoDBClient.js',
  '@aws-sdk/lib-dynamodb': '@aws-sdk/lib-dynamodb/dist-es/DynamoDBDocumentClient.js',
  '@aws-sdk/client-s3': '@aws-sdk/client-s3/dist-es/S3Client.js',
};
const requireHere = createRequire(import.meta.url);
const clientsAlone: Plugin = {
  name: 'merit-clients-alone',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/(client-dynamodb|lib-dynamodb|client-s3)$/ }, (args) => {
      if (!args.importer.replaceAll('\\', '/').endsWith('/functions/lib/clients.ts')) return undefined;
      return { path: requireHere.resolve(CLIENT_MODULES[args.path]!, { paths: [args.resolveDir] }) };
    });
  },
};

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
    plugins: [clientsAlone],
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

/** What a function's bundle is: its files, and those Node loads at cold start (the entry and its static imports). */
export interface Bundle {
  /** The entry (`<outdir>/index.mjs`). */
  readonly entry: string;
  /** Every `.mjs` file written, absolute paths. */
  readonly files: readonly string[];
  /** The entry and the chunks it imports statically, absolute paths. */
  readonly coldStart: readonly string[];
}

/**
 * Bundles with esbuild (`options`, as for every function: bundleOptions), then joins what the entry loads at cold
 * start into one chunk (issue 11). esbuild puts each module that the entry and a lazily imported chunk share into a
 * chunk of its own, so a function's cold start read and linked 21–26 files where its bare clients need 11; each
 * file costs Node a read, a parse and a link (together 15–20 ms of CPU, 1.18–1.23× the bare clients). A second pass
 * with rolldown takes esbuild's output as its input and groups the entry's static closure into one chunk; the lazy
 * chunks stay lazy. esbuild's source maps are read back in, so the final maps still point at the TypeScript.
 */
export async function bundleWith(options: BuildOptions, outdir: string): Promise<Bundle> {
  // The bundlers load when bundling, not whenever CDK's app imports this module for bundleDir and the like.
  const { build } = await import('esbuild');
  const { rolldown } = await import('rolldown');
  // On a fresh clone dist/functions does not exist yet (CI failed here once).
  await mkdir(dirname(resolve(outdir)), { recursive: true });
  const stage = await mkdtemp(join(dirname(resolve(outdir)), '.esbuild-'));
  try {
    await build({ ...options, outdir: stage, metafile: false });
    const input = join(stage, 'index.mjs');
    let closure = new Set<string>();
    const bundle = await rolldown({
      input: { index: input },
      platform: 'node',
      logLevel: 'warn',
      plugins: [
        {
          name: 'merit-esbuild-output',
          // Each file with its esbuild source map (sources made absolute), so rolldown chains the maps.
          async load(id) {
            if (!id.startsWith(stage) || !id.endsWith('.mjs')) return null;
            const code = await readFile(id, 'utf8');
            const mapFile = `${id}.map`;
            let map: string | undefined;
            try {
              const raw = JSON.parse(await readFile(mapFile, 'utf8')) as { sources: string[] };
              map = JSON.stringify({ ...raw, sources: raw.sources.map((s) => resolve(dirname(mapFile), s)) });
            } catch {
              map = undefined; // no map: the code alone
            }
            return { code: code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), ...(map ? { map } : {}) };
          },
          buildEnd() {
            closure = staticClosure(this, input);
          },
        },
      ],
    });
    await rm(outdir, { recursive: true, force: true });
    const { output } = await bundle.write({
      dir: outdir,
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'chunks/[name]-[hash].mjs',
      minify: true,
      sourcemap: Boolean(options.sourcemap),
      sourcemapExcludeSources: options.sourcesContent === false,
      codeSplitting: { groups: [{ name: 'cold-start', test: (id) => closure.has(id) }] },
    });
    await bundle.close();
    const chunks = output.filter((o) => o.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const coldStart = new Set<string>();
    const visit = (fileName: string) => {
      const chunk = byName.get(fileName);
      if (!chunk || coldStart.has(fileName)) return;
      coldStart.add(fileName);
      for (const imported of chunk.imports) visit(imported);
    };
    visit('index.mjs');
    const abs = (f: string) => resolve(outdir, f);
    return { entry: abs('index.mjs'), files: chunks.map((c) => abs(c.fileName)), coldStart: [...coldStart].map(abs) };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** Bundles a function as CDK deploys it (bundleOptions, then bundleWith's second pass) into `outdir`. */
export const bundleFunction = (fn: FunctionName, outdir = bundleDir(fn)): Promise<Bundle> => bundleWith(bundleOptions(fn), outdir);
