// What the router loads with the first request (./router.ts): the route table with its request schemas, and the
// two valibot functions that check a body against them. Nothing here is compiled at a function's cold import.
export { getDotPath, safeParse } from 'valibot';
export { ROUTES } from '../../../shared/api/routes';
// A refused file name's code and its reason's catalogue texts (issue 16): only met after a body failed its schema.
export { DOCUMENT_NAME_ISSUE } from '../../../shared/api/document-name';
export { bilingual, isMessageKey } from '../../../shared/messages';
