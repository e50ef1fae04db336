import type { Plugin } from 'vite';

/**
 * A smaller `__vitePreload` (Vite's is ≈ 1 KB gzip in the entry, issue 11): a lazily loaded chunk waits for its
 * stylesheets, then loads. JavaScript dependencies are not listed (vite.config.ts `resolveDependencies`): the browser
 * fetches a chunk's static imports itself. A stylesheet that fails to load does not stop the page (it shows
 * unstyled rather than not at all). Vite's own helper also preloads scripts and handles CSP nonces; the site's CSP
 * allows its own origin's stylesheets, with no nonce.
 */
const HELPER = '\0vite/preload-helper.js';

const CODE = `const seen = {};
export const __vitePreload = (load, deps) =>
  Promise.all((deps || []).map((dep) => {
    const href = '/' + dep;
    return (seen[href] ??= document.querySelector('link[href="' + href + '"]') ? 0 : new Promise((done) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = link.onerror = done;
      document.head.appendChild(link);
    }));
  })).then(() => load());
`;

export function preloadCss(): Plugin {
  return {
    name: 'merit-preload-css',
    enforce: 'pre',
    apply: 'build',
    resolveId: (id) => (id === HELPER ? HELPER : null),
    load: (id) => (id === HELPER ? CODE : null),
  };
}
