import { untilAborted } from './abort.js';
import { PageLimitError } from './errors.js';
import { repeatsPage, requestKey, responseKey } from './guards.js';
import type { LoadedPage, PageLoader, PageRequest, PagingStrategy } from './strategy.js';

/** The most pages one iteration fetches unless `maxPages` says otherwise. */
export const DEFAULT_MAX_PAGES = 10_000;

/** One page: its items, the parsed body and the response it came in. */
export interface Page<T> {
  items: T[];
  response: Response;
  body: unknown;
}

/** Limits and behaviour of a listing. */
export interface PaginateOptions {
  /** The most pages one iteration fetches; a listing with more throws `PageLimitError`. Default 10 000. */
  maxPages?: number;
  /** Fetch the next page while the caller works through the current one. Default true. */
  prefetch?: boolean;
  /** The caller's signal: aborts the listing and any page in flight. */
  signal?: AbortSignal | undefined;
}

const FIRST: PageRequest = { kind: 'first' };

/**
 * A listing: an async iterable of items that fetches pages as needed, with a
 * strategy deciding where each next page is. Each iteration starts again from
 * the first page; `pages()` gives whole pages.
 */
export class Paginated<T> implements AsyncIterable<T> {
  constructor(
    private readonly load: PageLoader,
    private readonly strategy: PagingStrategy,
    private readonly options: PaginateOptions = {},
  ) {}

  /**
   * Pages in order, until the strategy finds no next page, a next request
   * repeats one already made, or a page repeats the one before it (that page is
   * not yielded). With prefetch, the next page is requested as soon as the
   * current one is loaded: never more than one page ahead of the caller.
   */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.iterate(this.options.prefetch ?? true);
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
    // No prefetch: a second page would be fetched only to be thrown away.
    for await (const page of this.iterate(false)) {
      if (page.items.length > 0) return page.items[0];
    }
    return undefined;
  }

  private async *iterate(prefetch: boolean): AsyncGenerator<Page<T>, void, undefined> {
    const maxPages = this.options.maxPages ?? DEFAULT_MAX_PAGES;
    const outer = this.options.signal;
    outer?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = () => controller.abort(outer!.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const signal = controller.signal;

    const start = (request: PageRequest): Promise<LoadedPage> => {
      // The executor turns a loader that throws at once into a rejection like any other.
      const page = new Promise<LoadedPage>((resolve) => resolve(this.load(request, signal)));
      // Handled when awaited; this only keeps a prefetch that fails early from counting as unhandled.
      page.catch(() => {});
      return page;
    };

    const seen = new Set<string>();
    let request = FIRST;
    let pending: Promise<LoadedPage> | undefined;
    try {
      if (maxPages < 1) throw new PageLimitError(maxPages);
      seen.add(requestKey(request));
      pending = start(request);
      let loaded = 1;
      let previous: unknown[] = [];
      for (;;) {
        const page = await untilAborted(pending, signal);
        pending = undefined;
        const items = this.strategy.items(page.body);
        if (repeatsPage(previous, items)) return;
        previous = items;
        const here = responseKey(page.response);
        if (here !== undefined) seen.add(here);

        // Errors about the next page wait until the caller has had this one.
        let next: PageRequest | undefined;
        let failure: { error: unknown } | undefined;
        try {
          next = this.strategy.next(page, items, request);
        } catch (error) {
          failure = { error };
        }
        if (next !== undefined && seen.has(requestKey(next))) next = undefined;
        if (next !== undefined && loaded >= maxPages) {
          failure = { error: new PageLimitError(maxPages) };
          next = undefined;
        }
        if (next !== undefined) {
          seen.add(requestKey(next));
          loaded++;
          if (prefetch) pending = start(next);
        }

        // An empty page that only tells the listing is over (offset paging) is not worth a page of its own.
        if (items.length === 0 && request !== FIRST && next === undefined && !failure) return;
        yield { items: items as T[], response: page.response, body: page.body };

        if (failure) throw failure.error;
        if (next === undefined) return;
        signal.throwIfAborted();
        pending ??= start(next);
        request = next;
      }
    } finally {
      outer?.removeEventListener('abort', onAbort);
      // Stops a prefetch the caller no longer wants.
      if (pending) controller.abort();
    }
  }
}
