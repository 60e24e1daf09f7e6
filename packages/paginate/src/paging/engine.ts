import { untilAborted, whenAborted } from '../abort.js';
import { PageLimitError } from './errors.js';
import { repeatsPage, requestKey, responseKey } from './guards.js';
import { afterIoTurn } from './io-turn.js';
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
  readonly #load: PageLoader;
  readonly #strategy: PagingStrategy;
  readonly #options: PaginateOptions;

  constructor(load: PageLoader, strategy: PagingStrategy, options: PaginateOptions = {}) {
    this.#load = load;
    this.#strategy = strategy;
    this.#options = options;
  }

  /**
   * Pages in order, until the strategy finds no next page, a next request
   * repeats one already made, or a page repeats the one before it (that page is
   * not yielded). With prefetch, the next page is requested as soon as the
   * current one is loaded, or, when the strategy finds it in the headers (Link
   * paging) and the caller is waiting, as soon as the current one's headers are
   * in: never more than one page ahead of the caller.
   */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#iterate(this.#options.prefetch ?? true);
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
    for await (const page of this.#iterate(false)) {
      if (page.items.length > 0) return page.items[0];
    }
    return undefined;
  }

  async *#iterate(prefetch: boolean): AsyncGenerator<Page<T>, void, undefined> {
    const maxPages = this.#options.maxPages ?? DEFAULT_MAX_PAGES;
    const outer = this.#options.signal;
    outer?.throwIfAborted();
    const controller = new AbortController();
    const stopFollowing = outer && whenAborted(outer, (reason) => controller.abort(reason));
    const signal = controller.signal;
    const fromHeaders = prefetch ? this.#strategy.nextFromHeaders?.bind(this.#strategy) : undefined;

    const seen = new Set<string>();
    let loaded = 0;
    /** The page the caller gets next. */
    let pending: InFlight | undefined;
    /** The page after it, started from its headers while its body is still being read. */
    let early: InFlight | undefined;
    /** A page started early that turned out not to be the next one: still running until the end. */
    let stray = false;

    const start = (request: PageRequest): InFlight => {
      let page: InFlight | undefined;
      const onHeaders = fromHeaders
        ? (response: Response) => {
            if (!page) return undefined;
            page.headers = response;
            return page.awaited ? startEarly(page) : undefined;
          }
        : undefined;
      // The executor turns a loader that throws at once into a rejection like any other.
      const loaded = new Promise<LoadedPage>((resolve) => resolve(this.#load(request, signal, onHeaders)));
      // Handled when awaited; this only keeps a prefetch that fails early from counting as unhandled.
      loaded.catch(() => {});
      page = { request, key: requestKey(request), loaded, headers: undefined, awaited: false };
      return page;
    };

    // Only for the page the caller is waiting for: the next one then starts as soon as its address is known, and
    // is still never more than one page ahead of the caller. Resolves once the page started is on its way (see
    // PageLoader); undefined when none was started.
    const startEarly = (current: InFlight): Promise<void> | undefined => {
      if (early || !current.headers || !fromHeaders) return undefined;
      let next: PageRequest | undefined;
      try {
        next = fromHeaders(current.headers, current.request);
      } catch {
        return undefined; // `next` throws the same error once the page is in, after the caller has had it
      }
      if (next === undefined || seen.has(requestKey(next)) || loaded >= maxPages) return undefined;
      early = start(next);
      return afterIoTurn();
    };

    let request = FIRST;
    try {
      if (maxPages < 1) throw new PageLimitError(maxPages);
      seen.add(requestKey(request));
      pending = start(request);
      loaded = 1;
      let previous: unknown[] = [];
      for (;;) {
        const current: InFlight = pending;
        current.awaited = true;
        startEarly(current);
        const page = await untilAborted(current.loaded, signal);
        pending = undefined;
        const items = this.#strategy.items(page.body);
        if (repeatsPage(previous, items)) return;
        previous = items;
        const here = responseKey(page.response);
        if (here !== undefined) seen.add(here);

        // Errors about the next page wait until the caller has had this one.
        let next: PageRequest | undefined;
        let failure: { error: unknown } | undefined;
        try {
          next = this.#strategy.next(page, items, request);
        } catch (error) {
          failure = { error };
        }
        if (next !== undefined && seen.has(requestKey(next))) next = undefined;
        if (next !== undefined && loaded >= maxPages) {
          failure = { error: new PageLimitError(maxPages) };
          next = undefined;
        }
        const started = early;
        early = undefined;
        if (next !== undefined) {
          const key = requestKey(next);
          seen.add(key);
          loaded++;
          if (started?.key === key) pending = started;
          else if (prefetch) pending = start(next);
        }
        if (started && started !== pending) stray = true;

        // An empty page that only tells the listing is over (offset paging) is not worth a page of its own.
        if (items.length === 0 && request !== FIRST && next === undefined && !failure) return;
        // Node's fetch writes a request only after a round of the event loop (the connection it reuses is handed back
        // on an I/O event): a caller that works through the page without awaiting anything would hold the page ahead
        // back until this one is done.
        if (pending) await afterIoTurn();
        yield { items: items as T[], response: page.response, body: page.body };

        if (failure) throw failure.error;
        if (next === undefined) return;
        signal.throwIfAborted();
        pending ??= start(next);
        request = next;
      }
    } finally {
      stopFollowing?.();
      // Stops a prefetch the caller no longer wants.
      if (pending || early || stray) controller.abort();
    }
  }
}

/** A page asked for: its request, and what is known of it so far. */
interface InFlight {
  request: PageRequest;
  key: string;
  loaded: Promise<LoadedPage>;
  /** The successful response, once its headers are in. */
  headers: Response | undefined;
  /** Whether the caller is waiting for this page (rather than still working through the one before). */
  awaited: boolean;
}
