import createClient, { type Client } from 'openapi-fetch';
import { defaultRetryPolicy, fetchWithRetry, isTimeout, nextLink, Paginated, parseRetryAfter, relativeToBase, type RetryPolicy } from '@webex-ts/paginate';
import { checkInput, type CallInput } from './checks.js';
import {
  MalformedResponseError,
  RateLimitError,
  redactUrl,
  WebexApiError,
  WebexConnectionError,
  WebexTimeoutError,
  type RequestInfo,
  type WebexErrorDetail,
} from './errors.js';
import type { paths } from './gen/openapi.gen.js';
import { DEFAULT_TIMEOUT_MS, type RequestOptions, type WebexOptions } from './options.js';

export type { CallInput } from './checks.js';
export type { RequestOptions } from './options.js';

/** What a generated method hands to openapi-fetch besides its own params and body. */
export interface CallInit {
  parseAs: 'text';
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  fetch: (request: Request) => Promise<Response>;
}

/** An openapi-fetch result, as far as the core reads it. */
export interface CallOutcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** A generated method's call into openapi-fetch. */
export type Call = (init: CallInit) => Promise<CallOutcome>;

/** How a list reaches its further pages. */
export type Paging = 'link' | 'offset';

/** What generated resources need from the client: the typed openapi-fetch client and two ways to call it. */
export interface ResourceCore {
  readonly http: Client<paths>;
  /** One request; resolves to the parsed body. `operation` is `resource.method`, used in errors and checks. */
  send<T>(operation: string, input: CallInput, call: Call, options?: RequestOptions, body?: 'json' | 'text'): Promise<T>;
  /** A listing that fetches pages as it is iterated. */
  list<T>(operation: string, paging: Paging, input: CallInput, call: Call, options?: RequestOptions): Paginated<T>;
}

/** The resolved settings of a client. */
export interface CoreSettings extends Required<Pick<WebexOptions, 'baseUrl' | 'timeout'>> {
  accessToken: string;
  userAgent: string | undefined;
  fetch: (request: Request) => Promise<Response>;
  retry: RetryPolicy;
  onRetry: WebexOptions['onRetry'];
}

/** Auth, retries, error mapping and paging for every generated method. */
export class Core implements ResourceCore {
  readonly http: Client<paths>;
  readonly baseUrl: string;
  // A private field: util.inspect and JSON.stringify never show it.
  readonly #settings: CoreSettings;
  readonly #origin: string;

  constructor(settings: CoreSettings) {
    this.#settings = settings;
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '');
    this.#origin = new URL(this.baseUrl).origin;
    this.http = createClient<paths>({ baseUrl: this.baseUrl, fetch: (request) => this.transport(request) });
  }

  /** Sends one request with auth and retries; failures other than HTTP statuses become typed errors. */
  async transport(request: Request, options?: RequestOptions): Promise<Response> {
    const settings = this.#settings;
    // The token only ever goes to the API's own origin.
    if (new URL(request.url).origin === this.#origin) {
      request.headers.set('Authorization', `Bearer ${settings.accessToken}`);
    }
    if (settings.userAgent) request.headers.set('User-Agent', settings.userAgent);
    const timeoutMs = options?.timeout ?? settings.timeout;
    const policy = options?.retryNonIdempotent ? { ...settings.retry, retryNonIdempotent: true } : settings.retry;
    try {
      return await fetchWithRetry(settings.fetch, request, { policy, signal: options?.signal, timeoutMs, onRetry: settings.onRetry });
    } catch (error) {
      const info = requestInfo(request);
      if (isTimeout(error) && !options?.signal?.aborted) throw new WebexTimeoutError(timeoutMs, info.method, info.url, { cause: error });
      if (error instanceof TypeError) throw new WebexConnectionError(info.method, info.url, { cause: error });
      throw error;
    }
  }

  /** The per-call init: the caller's signal and headers, and a fetch that turns error statuses into errors. */
  private init(options: RequestOptions | undefined, signal = options?.signal): { init: CallInit; info: () => RequestInfo } {
    let info: RequestInfo = { method: '', url: '' };
    const init: CallInit = {
      parseAs: 'text',
      signal,
      headers: options?.headers,
      fetch: async (request) => {
        info = requestInfo(request);
        const response = await this.transport(request, signal === options?.signal ? options : { ...options, signal });
        if (!response.ok) throw await apiError(response, info);
        return response;
      },
    };
    return { init, info: () => info };
  }

  async send<T>(operation: string, input: CallInput, call: Call, options?: RequestOptions, body: 'json' | 'text' = 'json'): Promise<T> {
    checkInput(operation, input);
    const { init, info } = this.init(options);
    const outcome = await call(init);
    return (body === 'text' ? outcome.data : parseBody(outcome, info())) as T;
  }

  list<T>(operation: string, paging: Paging, input: CallInput, call: Call, options?: RequestOptions): Paginated<T> {
    checkInput(operation, input);
    const query = (input.params?.query ?? {}) as { max?: number; offset?: number };
    return new Paginated<T>(
      async (cursor, signal) => {
        const { init, info } = this.init(options, signal);
        let outcome: CallOutcome;
        if (cursor === undefined) {
          outcome = await call(init);
        } else if (paging === 'offset') {
          // Generated calls spread `init` last, so these params replace the first page's.
          const params = { ...input.params, query: { ...query, offset: Number(cursor) } };
          outcome = await call({ ...init, params } as CallInit);
        } else {
          const get = this.http.GET as unknown as (path: string, init: CallInit) => Promise<CallOutcome>;
          outcome = await get(relativeToBase(cursor, this.baseUrl), init);
        }
        const body = parseBody(outcome, info()) as { items?: T[] } | undefined;
        const items = body?.items ?? [];
        const next = paging === 'offset' ? nextOffset(cursor, query, items.length) : nextLink(outcome.response.headers.get('link'), outcome.response.url);
        return { items, next, response: outcome.response };
      },
      { signal: options?.signal },
    );
  }
}

function nextOffset(cursor: string | undefined, query: { max?: number; offset?: number }, count: number): string | undefined {
  if (count === 0 || (query.max !== undefined && count < query.max)) return undefined;
  return String((cursor === undefined ? (query.offset ?? 0) : Number(cursor)) + count);
}

function requestInfo(request: Request): RequestInfo {
  return { method: request.method, url: redactUrl(request.url) };
}

/** Parses a success body read as text; empty bodies (204) give undefined. */
function parseBody(outcome: CallOutcome, info: RequestInfo): unknown {
  const text = outcome.data;
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const { response } = outcome;
    throw new MalformedResponseError(response.status, response.headers.get('trackingid') ?? undefined, info.method, info.url, { cause: error });
  }
}

/** The typed error for an error answer, with the details of its body when it has them. */
async function apiError(response: Response, info: RequestInfo): Promise<WebexApiError> {
  let body: { message?: unknown; errors?: unknown; trackingId?: unknown } = {};
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as typeof body;
  } catch {
    // Not JSON: the status text stands in for the message.
  }
  const errors = Array.isArray(body.errors) ? (body.errors as WebexErrorDetail[]) : [];
  const message =
    typeof body.message === 'string' && body.message ? body.message : (errors[0]?.description ?? (response.statusText || `HTTP ${response.status}`));
  const trackingId = response.headers.get('trackingid') ?? (typeof body.trackingId === 'string' ? body.trackingId : undefined);
  const init = { ...info, status: response.status, message, errors, trackingId };
  if (response.status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return new RateLimitError({ ...init, retryAfter: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000) });
  }
  return new WebexApiError(init);
}

/** The default retry policy merged with a client's options. */
export function retryPolicyFrom(options: WebexOptions): RetryPolicy {
  return {
    ...defaultRetryPolicy,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.waitOnRateLimit !== undefined ? { waitOnRateLimit: options.waitOnRateLimit } : {}),
    ...(options.maxRetryAfter !== undefined ? { maxRetryAfterMs: options.maxRetryAfter } : {}),
  };
}

export { DEFAULT_TIMEOUT_MS };
