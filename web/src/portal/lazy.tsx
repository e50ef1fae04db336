// A part of a page that loads in its own chunk once the page shows it: the same as ui/deferred.tsx, under the name
// the portal's pages gave it.
export { deferred as lazyPart } from '../ui/deferred';
