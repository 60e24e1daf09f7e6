import type { PagingStrategy } from '../strategy.js';
import { itemsAt, queryNumber } from './fields.js';

/** Options of `offsetPaging`. */
export interface OffsetPagingOptions {
  /** The query parameter holding the position. Default `offset`. */
  offset?: string;
  /** The page-size query parameter. Default `max`. Kept for the names it documents: a short page does not end the listing. */
  limit?: string;
  /** The body field holding the items. Default `items`. */
  items?: string;
  /** The caller's query: its offset is where the listing starts (default 0), its limit the page size. */
  query?: Record<string, unknown>;
}

/**
 * Paging by a 0-based offset parameter that advances by the items each page
 * held, until a page comes back empty. A page shorter than the size asked for
 * is not the end: Webex lowers a page size above an endpoint's limit to that
 * limit, so stopping there would drop the rest of the list silently.
 */
export function offsetPaging(options: OffsetPagingOptions = {}): PagingStrategy {
  const offsetParam = options.offset ?? 'offset';
  const field = options.items ?? 'items';
  const firstOffset = queryNumber(options.query, offsetParam) ?? 0;
  return {
    items: (body) => itemsAt(body, field),
    next(_page, items, request) {
      if (items.length === 0) return undefined;
      const offset = request.kind === 'query' ? (request.query[offsetParam] ?? firstOffset) : firstOffset;
      return { kind: 'query', query: { [offsetParam]: offset + items.length } };
    },
  };
}
