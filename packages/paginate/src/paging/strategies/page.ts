import type { PageRequest, PagingStrategy } from '../strategy.js';
import { countAt, listAt, queryNumber } from './fields.js';

/** Options of `pagePaging`. */
export interface PagePagingOptions {
  /** The 0-based page-number query parameter. Default `page`. */
  page?: string;
  /** The page-size query parameter; sent as the caller gave it (or not at all), never rewritten. Default `pageSize`. */
  pageSize?: string;
  /** The body field holding the items (`data` in a `meta`/`data` envelope). None: the body is the array itself. */
  items?: string;
  /** Dotted path in the body to the number of pages in the whole list, if the server tells. Default `meta.totalPages`. */
  totalPages?: string;
  /** Dotted path in the body to the number of items in the whole list, if the server tells. Default `meta.totalRecords`. */
  totalRecords?: string;
  /** The caller's query: its page is where the listing starts (default 0), its page size the size asked for. */
  query?: Record<string, unknown>;
}

/** What one iteration has learned by the time it asks for a page. */
interface Progress {
  page: number;
  /** The page size in force: the caller's, or the first page's length when the caller gave none. */
  size: number | undefined;
  /** Items read in this iteration before this page. */
  seen: number;
}

/**
 * Paging by a 0-based page number (`page` + `pageSize`, as Contact Center does), on bare-array answers or on
 * envelopes. The listing ends on an empty page; on totals in the body when it has them (`meta.totalPages`,
 * `meta.totalRecords`), which are the server's own word and stay right when it lowers a page size asked for; and
 * otherwise on a page shorter than the page size in force. When the caller gives no page size, the first page's
 * length is taken as the server's.
 */
export function pagePaging(options: PagePagingOptions = {}): PagingStrategy {
  const pageParam = options.page ?? 'page';
  const field = options.items;
  const pagesPath = options.totalPages ?? 'meta.totalPages';
  const recordsPath = options.totalRecords ?? 'meta.totalRecords';
  const firstPage = queryNumber(options.query, pageParam) ?? 0;
  const asked = queryNumber(options.query, options.pageSize ?? 'pageSize');
  const askedSize = asked !== undefined && asked > 0 ? asked : undefined;
  // The engine hands each request `next` made back to `next` with its page, so what an iteration has learned rides on
  // the request: one strategy then serves any number of iterations, even at once, and a finished one leaves nothing.
  const progress = new WeakMap<PageRequest, Progress>();
  return {
    items: (body) => listAt(body, field),
    next({ body }, items, request) {
      if (items.length === 0) return undefined;
      const at = progress.get(request) ?? {
        page: request.kind === 'query' ? (request.query[pageParam] ?? firstPage) : firstPage,
        size: askedSize,
        seen: 0,
      };
      const size = at.size ?? items.length;
      const seen = at.seen + items.length;
      const totalPages = countAt(body, pagesPath);
      const totalRecords = countAt(body, recordsPath);
      if (totalPages !== undefined || totalRecords !== undefined) {
        if (totalPages !== undefined && at.page + 1 >= totalPages) return undefined;
        // Counted from where this iteration started: from a later page it only undercounts, which costs a request at
        // worst, never an item.
        if (totalRecords !== undefined && seen >= totalRecords) return undefined;
      } else if (items.length < size) {
        return undefined;
      }
      const next: PageRequest = { kind: 'query', query: { [pageParam]: at.page + 1 } };
      progress.set(next, { page: at.page + 1, size, seen });
      return next;
    },
  };
}
