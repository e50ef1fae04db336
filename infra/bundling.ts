import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { BuildOptions, Plugin } from 'esbuild';
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
