/** Which page to fetch: the caller's own first request, an absolute next-page URL (Link paging), or the caller's request with some query parameters replaced (offset and SCIM paging). */
export type PageRequest =
  | { kind: 'first' }
  | { kind: 'url'; url: string }
  | { kind: 'query'; query: Record<string, number> };

/** One page as the loader fetched it: the parsed body and the response it came in. */
export interface LoadedPage {
  body: unknown;
  response: Response;
}

/**
 * Fetches one page; the signal aborts it (break, caller's signal). A loader that can calls `onHeaders` with the
 * successful response as soon as its headers arrive, before the body is read: a strategy that finds the next page in
 * the headers (Link paging) then starts it while this body is still coming in. When `onHeaders` returns a promise,
 * the loader awaits it before reading the body: it resolves once the event loop has gone round, which Node's fetch
 * needs before it writes the request just started.
 */
export type PageLoader = (
  request: PageRequest,
  signal: AbortSignal,
  onHeaders?: (response: Response) => Promise<void> | undefined,
) => Promise<LoadedPage>;

/** How a listing reaches its further pages. */
export interface PagingStrategy {
  /** The items of a page body (missing or non-array → []). */
  items(body: unknown): unknown[];
  /** The request for the page after this one, or undefined when this page is the last. May throw (ForeignLinkError). */
  next(page: LoadedPage, items: unknown[], request: PageRequest): PageRequest | undefined;
  /**
   * The next request from the response headers alone, when the strategy can tell it without the body (Link paging);
   * must agree with `next`. Absent when the body is needed.
   */
  nextFromHeaders?(response: Response, request: PageRequest): PageRequest | undefined;
}

/** What a listing hands a paging factory besides the names it pages by: the API root and the caller's query. */
export interface ListingContext {
  /** Next-page links must stay under it (same origin and path prefix). */
  baseUrl: string;
  /** The caller's query: where the listing starts, the page size asked for. */
  query: Record<string, unknown>;
}

/** The names a listing pages by (`{ offset: 'start', limit: 'max' }`), handed to its factory with the context. */
export type PagingNames = Readonly<Record<string, string>>;

/**
 * A strategy's factory as a listing calls it: `linkPaging`, `offsetPaging`, `scimPaging`, `pagePaging` themselves, or
 * `anyPaging` for paging held as data. A listing given the factory itself carries only that strategy's code, where one
 * given a strategy's name would carry every strategy to pick from.
 */
export type PagingFactory = (settings: ListingContext) => PagingStrategy;
