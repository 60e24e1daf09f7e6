import type { PagingStrategy } from '../strategy.js';
import { itemsAt, numberAt, queryNumber } from './fields.js';

/** Options of `scimPaging`. */
export interface ScimPagingOptions {
  /** The 1-based position parameter, also read from the body. Default `startIndex`. */
  startIndex?: string;
  /** The page-size parameter; sent as the caller gave it, never rewritten. Default `count`. */
  count?: string;
  /** The body field with the size of the whole result. Default `totalResults`. */
  total?: string;
  /** The body field holding the items. Default `Resources`. */
  items?: string;
  /** The caller's query: its startIndex is where the listing starts (default 1). */
  query?: Record<string, unknown>;
}

/** Paging as SCIM 2 does it (RFC 7644 §3.4.2.4): a 1-based startIndex, ended by totalResults. */
export function scimPaging(options: ScimPagingOptions = {}): PagingStrategy {
  const startParam = options.startIndex ?? 'startIndex';
  const totalField = options.total ?? 'totalResults';
  const field = options.items ?? 'Resources';
  const firstIndex = queryNumber(options.query, startParam) ?? 1;
  return {
    items: (body) => itemsAt(body, field),
    next({ body }, items, request) {
      if (items.length === 0) return undefined;
      // The server's own startIndex wins: it may have clamped the one asked for.
      const requested = request.kind === 'query' ? request.query[startParam] : undefined;
      const start = numberAt(body, startParam) ?? requested ?? firstIndex;
      const next = start + items.length;
      const total = numberAt(body, totalField);
      if (total !== undefined && next > total) return undefined;
      return { kind: 'query', query: { [startParam]: next } };
    },
  };
}
