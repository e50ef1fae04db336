/** What a bundler plugin's context offers to walk the module graph (Vite's and rolldown's alike). */
interface ModuleGraph {
  getModuleInfo(id: string): { readonly importedIds: readonly string[] } | null;
}

/**
 * Every module `start` imports statically, directly or not (dynamic imports not followed), `start` itself left out:
 * what loads with it. The site's entry chunk (web/entry-chunk.ts) and the functions' cold-start chunk
 * (infra/bundling.ts) are each this closure, grouped into one chunk.
 */
export function staticClosure(graph: ModuleGraph, start: string): Set<string> {
  const closure = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (closure.has(id)) continue;
    closure.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  closure.delete(start);
  return closure;
}
