import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { catalogueTexts } from './catalogue-texts.ts';
import { preloadCss } from './preload-css.ts';
import { entryChunk } from './entry-chunk.ts';

// The site: built to web/dist, served by the local gateway and CloudFront under a strict CSP
// (shared/security-headers.ts): no inline scripts or styles, so nothing may be inlined into index.html.
const root = fileURLToPath(new URL('.', import.meta.url));
const entry = entryChunk('/src/main.tsx', [/\/web\/src\/ui\/ErrorMessage\.tsx$/, /\/web\/src\/review\/load\.ts$/, /\/web\/src\/ui\/deferred\.tsx$/]);

export default defineConfig({
  root,
  plugins: [preact(), catalogueTexts(), preloadCss(), entry.plugin],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Any asset becomes a file: a `data:` stylesheet or font would be blocked by the CSP.
    assetsInlineLimit: 0,
    // Which chunks each page loads first (test/bench/site-weight.bench.ts reads it).
    manifest: true,
    // What the entry imports statically is one chunk (./entry-chunk.ts), not one per module a lazy page shares.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', test: entry.test }] } } },
    // Browsers preload modules themselves (Chrome 66, Firefox 115, Safari 17); an older one only fetches them a little
    // later. No polyfill in the entry. index.html names the entry's chunks (modulepreload links); a lazy chunk lists
    // only its stylesheets (the browser fetches its static imports as it parses it), loaded by ./preload-css.ts.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css'))),
    },
  },
  // `npx vite web` during development: the API, outbox and results come from a running `npm start`.
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/dev', '/results'].map((prefix) => [prefix, process.env.MERIT_API ?? 'http://localhost:3000'])),
  },
});
