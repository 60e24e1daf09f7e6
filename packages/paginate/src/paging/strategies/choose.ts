import { linkPaging, type LinkPagingOptions } from './link.js';
import { offsetPaging, type OffsetPagingOptions } from './offset.js';
import { pagePaging, type PagePagingOptions } from './page.js';
import { scimPaging, type ScimPagingOptions } from './scim.js';
import type { ListingContext, PagingStrategy } from '../strategy.js';

/**
 * How a list reaches its further pages, and the names it pages by: `Link` headers, an offset, SCIM's startIndex or a
 * page number. A name left out takes its strategy's default (each strategy's options say which). The one paging
 * type: what `paginate()` and the client's listings take, what the client's operation table holds for every list,
 * and what the generator writes from a spec's `x-sdk-paging`.
 */
export type PagingConfig =
  | ({ strategy: 'link' } & Pick<LinkPagingOptions, 'items'>)
  | ({ strategy: 'offset' } & Pick<OffsetPagingOptions, 'offset' | 'limit' | 'items'>)
  | ({ strategy: 'scim' } & Pick<ScimPagingOptions, 'startIndex' | 'count' | 'total' | 'items'>)
  | ({ strategy: 'page' } & Pick<PagePagingOptions, 'page' | 'pageSize' | 'items' | 'totalPages' | 'totalRecords'>);

/**
 * A `PagingConfig`, or `'link'` for `{ strategy: 'link' }`.
 * @deprecated Use `PagingConfig` (`paging: 'link'` still works). Goes in 0.3.0.
 */
export type PagingChoice = 'link' | PagingConfig;

/** What every strategy may need besides its names: the API root links must stay under, and the caller's query. */
export interface PagingContext {
  baseUrl: string;
  query?: Record<string, unknown> | undefined;
  /** The items field when the paging names none. */
  items?: string | undefined;
}

/** The strategy for a paging (`Link` paging when none, or `'link'`), starting from the caller's query. */
export function pagingStrategy(paging: PagingConfig | 'link' | undefined, context: PagingContext): PagingStrategy {
  const { strategy, ...names } = typeof paging === 'object' ? paging : { strategy: 'link' as const };
  const items = names.items ?? context.items;
  const withItems = items !== undefined ? { items } : {};
  if (strategy === 'link') {
    return linkPaging({ baseUrl: context.baseUrl, ...withItems, ...(context.query && { query: context.query }) });
  }
  const settings = { ...names, ...withItems, query: context.query ?? {} };
  if (strategy === 'page') return pagePaging(settings);
  return strategy === 'offset' ? offsetPaging(settings) : scimPaging(settings);
}

/**
 * A paging factory that picks its strategy by the `strategy` name among its settings (`Link` paging when there is
 * none), for callers that hold a `PagingConfig` as data, such as a command line reading the operation table. It
 * brings every strategy into a bundle; code that knows its strategy passes that strategy's factory instead.
 */
export function anyPaging(settings: ListingContext & { strategy?: PagingConfig['strategy'] }): PagingStrategy {
  const { baseUrl, query, ...paging } = settings;
  return pagingStrategy(paging.strategy ? (paging as PagingConfig) : undefined, { baseUrl, query });
}
