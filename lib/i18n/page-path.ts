/** Set by proxy.ts on every page request (path and query): the request config and the language switch read it. */
export const PAGE_PATH_HEADER = 'x-page-path';
