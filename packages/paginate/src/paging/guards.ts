import type { PageRequest } from './strategy.js';

/** A key equal for two requests that fetch the same page: the URL, or the query sorted by name. */
export function requestKey(request: PageRequest): string {
  switch (request.kind) {
    case 'first':
      return 'first';
    case 'url':
      return `url ${request.url}`;
    case 'query':
      return `query ${JSON.stringify(Object.entries(request.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
  }
}

/** The key of a page by the URL it came from, for a Link that points back at a page already read. */
export function responseKey(response: Response): string | undefined {
  return response.url ? `url ${response.url}` : undefined;
}

/**
 * Whether a page repeats the one before it: a server that ignores the paging
 * parameter answers the same page forever. Compares the ends only, to stay cheap
 * on big pages.
 */
export function repeatsPage(previous: readonly unknown[], items: readonly unknown[]): boolean {
  if (items.length === 0 || items.length !== previous.length) return false;
  return sameJson(previous[0], items[0]) && sameJson(previous[previous.length - 1], items[items.length - 1]);
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Not JSON (a cycle, a bigint): not a page a server sent, so no evidence of a loop.
    return false;
  }
}
