import { relativeToBase } from '../base-url.js';
import { nextLink } from '../link.js';
import type { PageRequest, PagingStrategy } from '../strategy.js';
import { itemsAt } from './fields.js';

/** Options of `linkPaging`. */
export interface LinkPagingOptions {
  /** The body field holding the items. Default `items`. */
  items?: string;
  /** Next links must stay under it (same origin and path prefix), else `ForeignLinkError`. */
  baseUrl?: string;
}

/** Paging by RFC 8288 `Link: <…>; rel="next"`, followed as given. */
export function linkPaging(options: LinkPagingOptions = {}): PagingStrategy {
  const field = options.items ?? 'items';
  const nextFromHeaders = (response: Response): PageRequest | undefined => {
    // An empty URL (a hand-made Response) is no base; a relative link then reads as no link.
    const url = nextLink(response.headers.get('link'), response.url || undefined);
    if (url === undefined) return undefined;
    if (options.baseUrl !== undefined) relativeToBase(url, options.baseUrl);
    return { kind: 'url', url };
  };
  return {
    items: (body) => itemsAt(body, field),
    next: ({ response }) => nextFromHeaders(response),
    nextFromHeaders,
  };
}
