import { nextLink } from './link.js';

/** One page: its items, the raw response, and where the next page is (if anywhere). */
export interface Page<T> {
  items: T[];
  /** What identifies the next page: a URL for Link paging, an offset for offset paging. */
  next?: string | undefined;
  response?: Response | undefined;
}

/**
 * Fetches one page; `cursor` is undefined for the first page, else the previous
 * page's `next`. A fetcher that learns `next` before the page is ready (from the
 * response headers, say) may tell `announce`, so the next page starts sooner.
 */
export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal, announce?: (next: string | undefined) => void) => Promise<Page<T>>;

/** Limits and behaviour of a listing. */
export interface PaginateOptions {
  /** The most pages one iteration fetches; more throws `PageLimitError`. Default 10 000. */
  maxPages?: number;
  /** Fetch the next page while the caller works through the current one. Default true. */
  prefetch?: boolean;
  /** The caller's signal: aborts the listing and any page in flight. */
  signal?: AbortSignal | undefined;
}

/** Thrown when a listing runs past `maxPages`: most likely a server that never stops. */
export class PageLimitError extends Error {
  override name = 'PageLimitError';
  constructor(readonly maxPages: number) {
    super(`listing stopped after ${maxPages} pages (maxPages); raise maxPages if the list really is this long`);
  }
}

/**
 * A listing: an async iterable of items that fetches pages as needed. Each
 * `for await` starts again from the first page; `pages()` gives whole pages.
 */
export class Paginated<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: PageFetcher<T>,
    private readonly options: PaginateOptions = {},
  ) {}

  /**
   * Pages in order. Stops after a page without `next`, or when a `next` repeats
   * one already seen. With prefetch, the page after the one being awaited is
   * requested as soon as its URL is known: at most one page ahead of the page
   * the caller is working through.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const maxPages = this.options.maxPages ?? 10_000;
    const prefetch = this.options.prefetch ?? true;
    const controller = new AbortController();
    const outer = this.options.signal;
    const onAbort = () => controller.abort(outer!.reason);
    if (outer?.aborted) throw outer.reason;
    outer?.addEventListener('abort', onAbort, { once: true });
    const seen = new Set<string>();
    const announced = new Map<string | undefined, string | undefined>();
    let count = 1;
    let awaiting: string | undefined;
    let early: { cursor: string; page: Promise<Page<T>> } | undefined;

    const fetchFor = (cursor: string | undefined): Promise<Page<T>> => {
      const page = this.fetchPage(cursor, controller.signal, prefetch ? (next) => onAnnounce(cursor, next) : undefined);
      // Handled when awaited; this only keeps a failure that arrives early from counting as unhandled.
      page.catch(() => {});
      return page;
    };
    const startEarly = (next: string | undefined) => {
      if (next === undefined || early || seen.has(next) || count >= maxPages) return;
      early = { cursor: next, page: fetchFor(next) };
    };
    const onAnnounce = (cursor: string | undefined, next: string | undefined) => {
      announced.set(cursor, next);
      if (cursor === awaiting) startEarly(next);
    };

    let cursor: string | undefined;
    let pending: Promise<Page<T>> | undefined = fetchFor(undefined);
    try {
      while (pending) {
        awaiting = cursor;
        if (announced.has(cursor)) startEarly(announced.get(cursor));
        const page: Page<T> = await pending;
        pending = undefined;
        const next = page.next;
        let fetchNext: (() => Promise<Page<T>>) | undefined;
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          if (++count > maxPages) throw new PageLimitError(maxPages);
          const started: { cursor: string; page: Promise<Page<T>> } | undefined = early;
          fetchNext = started?.cursor === next ? () => started.page : () => fetchFor(next);
        }
        early = undefined;
        announced.delete(cursor);
        cursor = next;
        if (fetchNext && prefetch) pending = fetchNext();
        yield page;
        if (fetchNext && !prefetch) pending = fetchNext();
      }
    } finally {
      outer?.removeEventListener('abort', onAbort);
      // Stops a prefetch the caller no longer wants.
      if (pending || early) controller.abort();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** All items (or the first `limit`) in one array. */
  async toArray(options: { limit?: number } = {}): Promise<T[]> {
    const limit = options.limit ?? Infinity;
    const all: T[] = [];
    if (limit <= 0) return all;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        all.push(item);
        if (all.length >= limit) return all;
      }
    }
    return all;
  }

  /** The first item, or undefined for an empty list; fetches one page only. */
  async first(): Promise<T | undefined> {
    const [item] = await this.toArray({ limit: 1 });
    return item;
  }
}

/** The subset of an openapi-fetch client that `paginate` needs. */
export interface GetClient {
  // `any` so that every openapi-fetch client, whatever its paths, fits.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  GET(path: any, init?: any): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** Thrown by `paginate` when a page answers with an error status. */
export class PageFetchError extends Error {
  override name = 'PageFetchError';
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: unknown,
  ) {
    super(`page request failed with HTTP ${status}: ${url}`);
  }
}

/** Thrown when a `Link` points outside the API: following it would send credentials elsewhere. */
export class ForeignLinkError extends Error {
  override name = 'ForeignLinkError';
  constructor(
    readonly link: string,
    readonly baseUrl: string,
  ) {
    super(`refusing to follow a next-page link outside ${new URL(baseUrl).origin}: ${new URL(link).origin}`);
  }
}

/** The path of a next-page URL relative to `baseUrl`; throws `ForeignLinkError` for any other origin or prefix. */
export function relativeToBase(link: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const url = new URL(link);
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  if (url.origin !== new URL(base).origin || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
    throw new ForeignLinkError(link, baseUrl);
  }
  return url.pathname.slice(basePath.length) + url.search;
}

/** Options of `paginate`. */
export interface OpenApiPaginateOptions<T> extends PaginateOptions {
  /** The client's `baseUrl`: next-page links must stay under it. */
  baseUrl: string;
  /** Picks the items out of a page body. Default: its `items` array. */
  items?: (data: unknown) => T[];
}

/**
 * Lists any `GET` endpoint of an openapi-fetch client that pages with `Link: <…>; rel="next"`.
 *
 * ```ts
 * for await (const room of paginate(client, '/rooms', { params: { query: { max: 100 } } }, { baseUrl })) { … }
 * ```
 */
export function paginate<T = unknown, C extends GetClient = GetClient>(
  client: C,
  path: Parameters<C['GET']>[0],
  init: Parameters<C['GET']>[1],
  options: OpenApiPaginateOptions<T>,
): Paginated<T> {
  const pickItems = options.items ?? ((data: unknown) => ((data as { items?: T[] } | undefined)?.items ?? []));
  const { params: _params, ...rest } = (init ?? {}) as Record<string, unknown>;
  const get = client.GET as unknown as (path: string, init: object) => ReturnType<GetClient['GET']>;
  return new Paginated<T>(async (cursor, signal) => {
    const result = cursor === undefined ? await get(path, { ...init, signal }) : await get(relativeToBase(cursor, options.baseUrl), { ...rest, signal });
    const { response } = result;
    if (!response.ok) throw new PageFetchError(response.status, response.url, result.error);
    return { items: pickItems(result.data), next: nextLink(response.headers.get('link'), response.url), response };
  }, options);
}
