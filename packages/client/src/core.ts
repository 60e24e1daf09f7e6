import createClient, { type Client, type MaybeOptionalInit } from 'openapi-fetch';
import type { AccessToken } from '@webex-ts/models';
import {
  defaultRetryPolicy,
  fetchWithRetry,
  isTimeout,
  nextLink,
  Paginated,
  parseRetryAfter,
  relativeToBase,
  RequestGate,
  type RetryPolicy,
} from '@webex-ts/paginate';
import { AccessTokensApi } from './auth.js';
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
import { DEFAULT_TIMEOUT_MS, type Logger, type RequestOptions, type WebexOptions } from './options.js';

export type { CallInput } from './checks.js';
export type { RequestOptions } from './options.js';

/** The per-call part of an openapi-fetch init: the caller's signal and headers, and the fetch that runs the attempts. */
export interface CallInit {
  // openapi-fetch leaves the body alone: the core has already read it, inside the attempt.
  parseAs: 'stream';
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  fetch: (request: Request) => Promise<Response>;
}

/** An HTTP method in the spec, upper case. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The openapi-fetch init (params, body) of one operation of the spec, as generated methods build it. */
export type OperationInput<P extends keyof paths, M extends keyof paths[P]> = MaybeOptionalInit<paths[P], M>;

/** A generated method's input: checked against the spec by `OperationInput`, carried as plain data. */
export interface OperationCall extends CallInput {
  headers?: Record<string, string>;
}

/** An openapi-fetch result, as far as the core reads it. */
export interface CallOutcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** A hand-written call into openapi-fetch (see `ResourceCore.custom`). */
export type Call = (init: CallInit) => Promise<CallOutcome>;

/** How a list reaches its further pages. */
export type Paging = 'link' | 'offset';

/** Per-call options as the core sees them: the public ones, plus calls made without the client's token. */
export interface CallOptions extends RequestOptions {
  /** Send no `Authorization` of the client's own (token exchanges, guest logins). */
  anonymous?: boolean;
  /** Called with each successful response as soon as its headers arrive (paging reads `Link` early). */
  onHeaders?: (response: Response) => void;
}

/** What resources need from the client: the typed openapi-fetch client, and one request, a listing, or a custom call. */
export interface ResourceCore {
  readonly http: Client<paths>;
  /** One request; resolves to the parsed body. `operation` is `resource.method`, used in errors and checks. */
  send<T>(operation: string, method: HttpMethod, path: string, input: OperationCall, options?: CallOptions, body?: 'json' | 'text'): Promise<T>;
  /** A listing that fetches pages as it is iterated. */
  list<T>(operation: string, path: string, input: OperationCall, options?: RequestOptions, paging?: Paging): Paginated<T>;
  /** One request through a hand-written openapi-fetch call (form or multipart bodies, custom auth). */
  custom<T>(operation: string, input: CallInput, call: Call, options?: CallOptions): Promise<T>;
}

/** A fetch for one attempt: the request, and the signal that bounds it. */
export type AttemptFetch = (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** Credentials for refreshing the access token after a 401. */
export interface RefreshCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** The resolved settings of a client. */
export interface CoreSettings extends Required<Pick<WebexOptions, 'baseUrl' | 'timeout'>> {
  accessToken: string;
  userAgent: string | undefined;
  /** Sends one attempt; the attempt's signal comes as the second argument. */
  fetch: AttemptFetch;
  retry: RetryPolicy;
  hooks: Pick<WebexOptions, 'onRetry' | 'onRequest' | 'onResponse' | 'onTokens'>;
  logger: Logger | undefined;
  maxConcurrency: number | undefined;
  refresh: RefreshCredentials | undefined;
}

/** Auth, retries, error mapping and paging for every generated method. */
export class Core implements ResourceCore {
  readonly http: Client<paths>;
  readonly baseUrl: string;
  // Private fields: util.inspect and JSON.stringify never show them, so neither do logs.
  readonly #settings: CoreSettings;
  readonly #origin: string;
  readonly #gate: RequestGate;
  readonly #attempt: AttemptFetch;
  #refreshing: Promise<void> | undefined;
  /** Bodies read within their attempt, by response. */
  readonly #bodies = new WeakMap<Response, string>();
  readonly #readBody = async (response: Response) => {
    this.#bodies.set(response, await response.text());
  };

  constructor(settings: CoreSettings) {
    this.#settings = { ...settings };
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '');
    this.#origin = new URL(this.baseUrl).origin;
    // With waiting off the caller handles 429s, so the client must not hold other requests back either.
    this.#gate = new RequestGate({ maxConcurrency: settings.maxConcurrency, adaptive: settings.retry.waitOnRateLimit });
    this.#attempt = observed(settings);
    this.http = createClient<paths>({ baseUrl: this.baseUrl, fetch: (request) => this.transport(request) });
  }

  /**
   * Sends one request with auth and retries; failures other than HTTP statuses
   * become typed errors. With `keepBody` the body is read within each attempt
   * and kept for `bodyOf` (generated methods); `webex.http` gets it unread.
   */
  async transport(request: Request, options?: CallOptions, keepBody = false): Promise<Response> {
    const settings = this.#settings;
    const authorize = !options?.anonymous && sameOrigin(request.url, this.#origin) && !request.headers.has('Authorization');
    // The token only ever goes to the API's own origin.
    if (authorize && settings.accessToken) request.headers.set('Authorization', `Bearer ${settings.accessToken}`);
    if (settings.userAgent) request.headers.set('User-Agent', settings.userAgent);
    if (options?.trackingId) request.headers.set('TrackingID', options.trackingId);
    const timeoutMs = options?.timeout ?? settings.timeout;
    const policy = options?.retryNonIdempotent ? { ...settings.retry, retryNonIdempotent: true } : settings.retry;
    const onHeaders = options?.onHeaders;
    const readBody = keepBody && onHeaders ? (r: Response) => (r.ok && onHeaders(r), this.#readBody(r)) : keepBody ? this.#readBody : undefined;
    const retry = { policy, signal: options?.signal, timeoutMs, onRetry: this.#onRetry, gate: this.#gate, readBody };
    const replayable = authorize && settings.refresh !== undefined;
    try {
      const response = await fetchWithRetry(this.#attempt, replayable ? request.clone() : request, retry);
      if (response.status !== 401 || !replayable) return response;
      // Refresh once (shared by concurrent calls) and replay the request with the new token.
      const rejectedToken = request.headers.get('Authorization');
      await this.refreshToken(rejectedToken);
      if (!keepBody) await response.body?.cancel().catch(() => {});
      request.headers.set('Authorization', `Bearer ${settings.accessToken}`);
      return await fetchWithRetry(this.#attempt, request, retry);
    } catch (error) {
      const info = requestInfo(request);
      if (isTimeout(error)) {
        const limit = options?.signal?.aborted ? (options.deadline ?? timeoutMs) : timeoutMs;
        throw new WebexTimeoutError(limit, info.method, info.url, { cause: error });
      }
      if (error instanceof TypeError) throw new WebexConnectionError(info.method, info.url, { cause: error });
      throw error;
    }
  }

  readonly #onRetry = (event: Parameters<NonNullable<WebexOptions['onRetry']>>[0]) => {
    const redacted = { ...event, url: redactUrl(event.url) };
    this.#settings.logger?.debug(`webex: retry ${redacted.attempt} of ${redacted.method} ${redacted.url} in ${redacted.delayMs} ms (${redacted.reason})`, { ...redacted });
    this.#settings.hooks.onRetry?.(redacted);
  };

  /** Gets a new access token with the refresh token; concurrent callers share one refresh. */
  private refreshToken(rejected: string | null): Promise<void> {
    const settings = this.#settings;
    if (rejected !== `Bearer ${settings.accessToken}`) return Promise.resolve(); // someone already refreshed
    this.#refreshing ??= (async () => {
      try {
        const tokens = await new AccessTokensApi(this).refresh(settings.refresh!);
        settings.accessToken = tokens.access_token;
        if (tokens.refresh_token) settings.refresh = { ...settings.refresh!, refreshToken: tokens.refresh_token };
        await settings.hooks.onTokens?.(tokens);
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  /** Tells the owner about tokens obtained outside a refresh (the first OAuth exchange). */
  async announceTokens(tokens: AccessToken): Promise<void> {
    await this.#settings.hooks.onTokens?.(tokens);
  }

  /** The per-call init: the caller's signal and headers, and a fetch that turns error statuses into errors. */
  private init(options: CallOptions | undefined, signal = callSignal(options)): { init: CallInit; info: () => RequestInfo } {
    let sent: Request | undefined;
    const callOptions = signal === options?.signal ? options : { ...options, signal };
    const init: CallInit = {
      parseAs: 'stream',
      signal,
      headers: options?.headers,
      fetch: async (request) => {
        sent = request;
        const response = await this.transport(request, callOptions, true);
        if (!response.ok) throw apiError(response, this.#bodies.get(response) ?? '', requestInfo(request));
        return response;
      },
    };
    // Redacting the URL costs a parse: done only when an error needs it.
    return { init, info: () => (sent ? requestInfo(sent) : { method: '', url: '' }) };
  }

  send<T>(operation: string, method: HttpMethod, path: string, input: OperationCall, options?: CallOptions, body: 'json' | 'text' = 'json'): Promise<T> {
    return this.custom<T>(operation, input, (init) => this.request(method, path, input, init), options, body);
  }

  async custom<T>(operation: string, input: CallInput, call: Call, options?: CallOptions, body: 'json' | 'text' = 'json'): Promise<T> {
    checkInput(operation, input);
    const { init, info } = this.init(options);
    const outcome = await call(init);
    const text = this.takeBody(outcome.response);
    return (body === 'text' ? text : parseBody(text, outcome.response, info)) as T;
  }

  /** A response's body text, read within its attempt; dropped from the map so a kept page does not keep it too. */
  private takeBody(response: Response): string | undefined {
    const text = this.#bodies.get(response);
    this.#bodies.delete(response);
    return text;
  }

  /** One openapi-fetch call: the method's input, then the call's init; headers from both. */
  private request(method: HttpMethod, path: string, input: OperationCall, init: CallInit): Promise<CallOutcome> {
    const headers = input.headers ? { ...input.headers, ...init.headers } : init.headers;
    const request = this.http.request as unknown as (method: string, path: string, init: object) => Promise<CallOutcome>;
    return request(method, path, { ...input, ...init, headers });
  }

  list<T>(operation: string, path: string, input: OperationCall, options?: RequestOptions, paging: Paging = 'link'): Paginated<T> {
    checkInput(operation, input);
    const query = (input.params?.query ?? {}) as { max?: number; offset?: number };
    return new Paginated<T>(
      async (cursor, signal, announce) => {
        const onHeaders = announce && paging === 'link' ? (r: Response) => announce(nextLink(r.headers.get('link'), r.url)) : undefined;
        const { init, info } = this.init(onHeaders ? { ...options, onHeaders } : options, signal);
        let outcome: CallOutcome;
        if (cursor === undefined) {
          outcome = await this.request('GET', path, input, init);
        } else if (paging === 'offset') {
          outcome = await this.request('GET', path, { ...input, params: { ...input.params, query: { ...query, offset: Number(cursor) } } }, init);
        } else {
          const get = this.http.GET as unknown as (path: string, init: CallInit) => Promise<CallOutcome>;
          outcome = await get(relativeToBase(cursor, this.baseUrl), init);
        }
        const body = parseBody(this.takeBody(outcome.response), outcome.response, info) as { items?: T[] } | undefined;
        const items = body?.items ?? [];
        const next = paging === 'offset' ? nextOffset(cursor, query, items.length) : nextLink(outcome.response.headers.get('link'), outcome.response.url);
        return { items, next, response: outcome.response };
      },
      { signal: callSignal(options) },
    );
  }
}

/** The caller's signal, bounded by the overall deadline when there is one. */
function callSignal(options: RequestOptions | undefined): AbortSignal | undefined {
  if (!options?.deadline) return options?.signal;
  const deadline = AbortSignal.timeout(options.deadline);
  return options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
}

/** The fetch each attempt goes through: the plain one, or one that reports to hooks and the logger. */
function observed(settings: CoreSettings): AttemptFetch {
  const { onRequest, onResponse } = settings.hooks;
  const logger = settings.logger;
  if (!onRequest && !onResponse && !logger) return settings.fetch;
  return async (request, init) => {
    const event = { method: request.method, url: redactUrl(request.url), trackingId: request.headers.get('TrackingID') ?? undefined };
    onRequest?.(event);
    logger?.debug(`webex: ${event.method} ${event.url}`, { ...event });
    const started = performance.now();
    const response = await settings.fetch(request, init);
    const done = {
      ...event,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      responseTrackingId: response.headers.get('trackingid') ?? undefined,
    };
    onResponse?.(done);
    logger?.debug(`webex: ${done.status} ${event.method} ${event.url} in ${done.durationMs} ms`, { ...done });
    return response;
  };
}

function nextOffset(cursor: string | undefined, query: { max?: number; offset?: number }, count: number): string | undefined {
  if (count === 0 || (query.max !== undefined && count < query.max)) return undefined;
  return String((cursor === undefined ? (query.offset ?? 0) : Number(cursor)) + count);
}

/** Whether a URL is on the given origin, without parsing it. */
function sameOrigin(url: string, origin: string): boolean {
  return url.startsWith(origin) && (url.length === origin.length || url[origin.length] === '/' || url[origin.length] === '?');
}

function requestInfo(request: Request): RequestInfo {
  return { method: request.method, url: redactUrl(request.url) };
}

/** Parses a success body read as text; empty bodies (204) give undefined. */
function parseBody(text: string | undefined, response: Response, info: () => RequestInfo): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const { method, url } = info();
    throw new MalformedResponseError(response.status, response.headers.get('trackingid') ?? undefined, method, url, { cause: error });
  }
}

/** The typed error for an error answer, with the details of its body when it has them. */
function apiError(response: Response, text: string, info: RequestInfo): WebexApiError {
  let body: { message?: unknown; errors?: unknown; trackingId?: unknown } = {};
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
