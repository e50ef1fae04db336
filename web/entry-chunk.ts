import type { Plugin } from 'vite';
import { staticClosure } from '../infra/static-closure.ts';

/**
 * Keeps everything the entry imports statically in one chunk (issue 11). Rolldown's automatic splitting puts a module
 * that the entry and a lazy page share into a chunk of its own, so the first load was the entry plus seven small
 * chunks (Preact, the router, its lazy(), the route map, the error message, the areas, the preload helper): each a
 * request, and each gzipped alone (≈ 1.5 KB more than the same code in one file). A lazy page imports them from that
 * one chunk instead; nothing a page loads later moves into the first load, since only the entry's own static closure
 * is grouped, and `shared`: a few small modules nearly every page uses (the error message, the loading hook, a
 * deferred part), each of which was a chunk of a few hundred bytes that every page fetched and gzipped alone.
 */
export function entryChunk(entry = '/src/main.tsx', shared: readonly RegExp[] = []): { plugin: Plugin; test: (id: string) => boolean } {
  let closure = new Set<string>();
  const plugin: Plugin = {
    name: 'merit-entry-chunk',
    apply: 'build',
    buildEnd() {
      // The entry itself stays the entry chunk.
      const start = [...this.getModuleIds()].find((id) => id.endsWith(entry));
      closure = start ? staticClosure(this, start) : new Set();
    },
  };
  return { plugin, test: (id) => closure.has(id) || shared.some((pattern) => pattern.test(id)) };
}
