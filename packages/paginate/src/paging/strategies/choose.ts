import { linkPaging, type LinkPagingOptions } from './link.js';
import { offsetPaging, type OffsetPagingOptions } from './offset.js';
import { pagePaging, type PagePagingOptions } from './page.js';
import { scimPaging, type ScimPagingOptions } from './scim.js';
import type { PagingStrategy } from '../strategy.js';

/**
 * How a list reaches further pages: `Link` headers (the default), an offset, SCIM's startIndex, or a page number,
 * with the names it uses.
 */
export type PagingChoice =
  | 'link'
  | ({ strategy: 'link' } & Pick<LinkPagingOptions, 'items'>)
  | ({ strategy: 'offset' } & OffsetPagingOptions)
  | ({ strategy: 'scim' } & ScimPagingOptions)
  | ({ strategy: 'page' } & PagePagingOptions);

/** What every strategy may need besides the choice: the API root links must stay under, and the caller's query. */
export interface PagingContext {
  baseUrl: string;
  query?: Record<string, unknown> | undefined;
  /** The items field when the choice names none. */
  items?: string | undefined;
}

/** The strategy for a choice, starting from the caller's query. */
export function pagingStrategy(choice: PagingChoice | undefined, context: PagingContext): PagingStrategy {
  const { strategy, ...chosen } = typeof choice === 'object' ? choice : { strategy: 'link' as const };
  const items = (chosen as { items?: string }).items ?? context.items;
  const withItems = items !== undefined ? { items } : {};
  if (strategy === 'link') {
    return linkPaging({ baseUrl: context.baseUrl, ...withItems, ...(context.query && { query: context.query }) });
  }
  const settings = {
    ...chosen,
    ...withItems,
    query: (chosen as { query?: Record<string, unknown> }).query ?? context.query ?? {},
  };
  if (strategy === 'page') return pagePaging(settings);
  return strategy === 'offset' ? offsetPaging(settings) : scimPaging(settings);
}
