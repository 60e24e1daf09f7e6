import { relativeToBase } from './base-url.js';
import { PageFetchError } from './errors.js';
import { Paginated, type PaginateOptions } from './engine.js';
import { pagingStrategy, type PagingConfig } from './strategies/choose.js';
import type { PageLoader } from './strategy.js';

/** The subset of an openapi-fetch client that `paginate` needs. */
export interface GetClient {
  // biome-ignore lint/suspicious/noExplicitAny: `any` so that every openapi-fetch client's generic GET, whatever its paths, fits
  GET(path: any, init?: any): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** Options of `paginate`. */
export interface OpenApiPaginateOptions extends PaginateOptions {
  /** The client's `baseUrl`: next-page links must stay under it. */
  baseUrl: string;
  /** How the endpoint pages. Default `Link` paging (`'link'` is `{ strategy: 'link' }`). */
  paging?: PagingConfig | 'link';
  /** The body field holding the items, unless `paging` names one. Default: the strategy's (`items`, or `Resources` for SCIM). */
  items?: string;
}

/**
 * What `paginate` passes to the client's `GET` for the first page (later pages change the query or follow a link).
 * Not derived from the client's own `GET` type: instantiating openapi-fetch's generic `GET` over every path of a large
 * API (the Webex one has hundreds) is deeper than TypeScript goes (TS2589), so `paginate` takes the path and the
 * init as they are; a direct `client.GET(…)` call still checks them.
 */
export interface PaginateInit {
  params?: { query?: Record<string, unknown>; path?: Record<string, unknown> } & Record<string, unknown>;
  signal?: AbortSignal;
  [option: string]: unknown;
}
type Get = (path: string, init: object) => ReturnType<GetClient['GET']>;

/**
 * Lists any `GET` endpoint of an openapi-fetch client, page by page.
 *
 * ```ts
 * for await (const room of paginate(client, '/rooms', { params: { query: { max: 100 } } }, { baseUrl })) { … }
 * ```
 */
export function paginate<T = unknown>(
  client: GetClient,
  path: string,
  init: PaginateInit | undefined,
  options: OpenApiPaginateOptions,
): Paginated<T> {
  const given: PaginateInit = init ?? {};
  const get = client.GET.bind(client) as Get;
  const load: PageLoader = async (request, signal) => {
    let result: Awaited<ReturnType<Get>>;
    if (request.kind === 'first') {
      result = await get(path, { ...given, signal });
    } else if (request.kind === 'url') {
      // The URL carries its own query: the caller's params would only add to it.
      const { params: _params, ...rest } = given;
      result = await get(relativeToBase(request.url, options.baseUrl), { ...rest, signal });
    } else {
      const params = { ...given.params, query: { ...given.params?.query, ...request.query } };
      result = await get(path, { ...given, params, signal });
    }
    const { response } = result;
    if (!response.ok) throw new PageFetchError(response.status, response.url, result.error);
    return { body: result.data, response };
  };
  const strategy = pagingStrategy(options.paging, {
    baseUrl: options.baseUrl,
    query: given.params?.query,
    items: options.items,
  });
  return new Paginated<T>(load, strategy, { ...options, signal: options.signal ?? given.signal });
}
