/** The content type every JSON answer carries, those built by PostgreSQL included. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The list envelope's keys, in the order the API writes them. */
export const PAGE_KEYS = ['items', 'total', 'limit', 'offset', 'nextCursor', 'hasMore'];
