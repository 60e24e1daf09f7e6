// Sends one request: auth, User-Agent, TrackingID, the shared request gate, retries,
// the 401 refresh-and-replay, and network failures turned into typed errors.
import {
  isTimeout,
  type RequestGate,
  sendWithRetry,
  type RetryableRequest,
  type RetryEvent,
  type RetryPolicy,
} from '@webex-ts/paginate';
import { bodyReadError } from '../errors/from-response.js';
import { WebexConnectionError, WebexTimeoutError } from '../errors/classes.js';
import { redactUrl } from '../errors/redact-url.js';
import { LONG_RETRY_WAIT_MS, type Logger } from '../config/options.js';
import { withTypedBody } from './body.js';
import { Credentials } from './credentials.js';
import { observed, type AttemptFetch, type AttemptHooks } from './observe.js';
import type { CallOptions } from './resource.js';

/** What a transport needs to know, resolved from the client's options. */
export interface TransportSettings {
  baseUrl: string;
  accessToken: string;
  timeout: number;
  userAgent: string | undefined;
  fetch: AttemptFetch;
  retry: RetryPolicy;
  hooks: AttemptHooks & { onRetry?: ((event: RetryEvent) => void) | undefined };
  logger: Logger | undefined;
}

/** Per-call options as the transport sees them: a resource's, plus the early look at a listing's headers. */
export interface SendOptions extends CallOptions {
  /**
   * Hears a successful response as soon as its headers are in, before its body is read (a listing starts its next
   * page from the `Link` header); the body is read once the promise it may return resolves.
   * @internal
   */
  onHeaders?: ((response: Response) => Promise<void> | undefined) | undefined;
}

/** A response and its body text, read within the attempt that got it. */
export interface Sent {
  response: Response;
  body: string;
}

/** Errors of body reads that failed within an attempt, with the response each came from: `WebexBodyReadError`s once thrown. */
const failedReads = new WeakMap<object, Response>();

/** The body as text; a failure is noted as a body read's before it goes on to the retry loop. */
const readText = (response: Response): Promise<string> =>
  response.text().catch((error: unknown) => {
    if (typeof error === 'object' && error !== null) failedReads.set(error, response);
    throw error;
  });
const unread = async () => undefined;

/**
 * Sends requests for one client to one host: the token goes to that host's origin only, and each host has its own
 * gate, since rate limits are per host. The credentials, in a private field so that logs and `util.inspect` never
 * show them, may be shared with the transports of the client's other hosts.
 */
export class Transport {
  readonly baseUrl: string;
  readonly #origin: string;
  readonly #settings: TransportSettings;
  readonly #gate: RequestGate | undefined;
  readonly #attempt: AttemptFetch;
  readonly #credentials: Credentials;

  /**
   * `gate`: the gate its requests pass, shared by everything sent to this host (`new Webex()` gives each host one);
   * without one, each request waits out its own 429s and nothing limits how many are in flight.
   */
  constructor(settings: TransportSettings, credentials?: Credentials, gate?: RequestGate) {
    this.#settings = settings;
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '');
    this.#origin = new URL(this.baseUrl).origin;
    this.#credentials = credentials ?? new Credentials(settings.accessToken);
    this.#gate = gate;
    this.#attempt = observed(settings.fetch, settings.hooks, settings.logger);
  }

  /** For `createHttp` (openapi-fetch): the response with its body unread, a connection lost while reading it a typed error. */
  readonly fetch = async (request: Request): Promise<Response> =>
    // The caller's signal rides on the Request; each attempt's own timeout signal would otherwise replace it.
    withTypedBody(request, (await this.#send(request, { signal: request.signal }, unread)).response);

  /** Sends a request with the same auth and retries as `send`, but hands back the response with its body unread (downloads). */
  async sendUnread(request: RetryableRequest, options: SendOptions): Promise<Response> {
    return (await this.#send(request, options, unread)).response;
  }

  /**
   * Sends a request and reads its body within each attempt, so a connection lost mid-body is retried like a reset. An
   * answer that a redirect brought from another origin is refused: an operation is answered by its own host only.
   */
  send(request: RetryableRequest, options: SendOptions): Promise<Sent> {
    const { onHeaders } = options;
    const read = onHeaders
      ? (response: Response) => {
          // The listing may ask to wait a moment first: long enough for the page it just started to leave.
          const ready = response.ok ? onHeaders(response) : undefined;
          return ready ? ready.then(() => readText(response)) : readText(response);
        }
      : readText;
    const origin = this.#origin;
    return this.#send(request, options, (response) => {
      if (!response.redirected || sameOrigin(response.url, origin)) return read(response);
      // fetch dropped the token on the way (a cross-origin redirect loses `Authorization`); the answer is refused too.
      response.body?.cancel().catch(() => {});
      throw new WebexConnectionError(request.method, redactUrl(request.url), {
        cause: new Error('redirected off the host', {
          cause: new Error(`redirected to ${new URL(response.url).origin}, not ${origin}: the answer was refused`),
        }),
      });
    });
  }

  async #send<B>(
    request: RetryableRequest,
    options: SendOptions,
    read: (response: Response) => Promise<B>,
  ): Promise<{ response: Response; body: B }> {
    const settings = this.#settings;
    const authorize =
      !options.anonymous && sameOrigin(request.url, this.#origin) && getHeader(request, 'authorization') === null;
    // The token only ever goes to this host's own origin.
    const credentials = this.#credentials;
    const authorization = authorize ? credentials.authorization() : undefined;
    if (authorization) setHeader(request, 'authorization', authorization);
    if (settings.userAgent) setHeader(request, 'user-agent', settings.userAgent);
    if (options.trackingId) setHeader(request, 'trackingid', options.trackingId);
    const timeoutMs = options.timeout ?? settings.timeout;
    const policy = options.retryNonIdempotent ? { ...settings.retry, retryNonIdempotent: true } : settings.retry;
    const retry = { policy, signal: options.signal, timeoutMs, onRetry: this.#onRetry, gate: this.#gate };
    const replayable = authorize && credentials.refreshable;
    try {
      // A Request's body can be read once: the replay needs a copy. A plain request's body can be sent again as it is.
      const firstTry = replayable && 'clone' in request ? request.clone() : request;
      const first = await sendWithRetry(this.#attempt, firstTry, retry, read);
      if (first.response.status !== 401 || !replayable) return first;
      // Refresh once (shared by concurrent calls) and replay the request with the new token.
      await credentials.refreshAfter(getHeader(request, 'authorization'));
      if (!first.response.bodyUsed) await first.response.body?.cancel().catch(() => {});
      setHeader(request, 'authorization', credentials.authorization() ?? '');
      return await sendWithRetry(this.#attempt, request, retry, read);
    } catch (error) {
      const method = request.method;
      const url = redactUrl(request.url);
      if (isTimeout(error)) {
        const limit = options.signal?.aborted ? (options.deadline ?? timeoutMs) : timeoutMs;
        throw new WebexTimeoutError(limit, method, url, { cause: error });
      }
      if (error instanceof TypeError) {
        // Lost after the headers came: the request reached the server, which the error must say.
        const answered = failedReads.get(error);
        throw answered
          ? bodyReadError(request, answered, error)
          : new WebexConnectionError(method, url, { cause: error });
      }
      throw error;
    }
  }

  readonly #onRetry = (event: RetryEvent) => {
    const redacted = { ...event, url: redactUrl(event.url) };
    const logger = this.#settings.logger;
    if (redacted.delayMs >= LONG_RETRY_WAIT_MS) {
      // A long wait in silence looks like a hang, so it goes where the user looks (`warn`), not only to debug output.
      const message = longWaitMessage(redacted);
      if (logger?.warn) logger.warn(message, { ...redacted });
      else logger?.debug(message, { ...redacted });
    } else {
      logger?.debug(
        `webex: retry ${redacted.attempt} of ${redacted.method} ${redacted.url} in ${redacted.delayMs} ms (${redacted.reason})`,
        { ...redacted },
      );
    }
    this.#settings.hooks.onRetry?.(redacted);
  };
}

/** `webex: waiting 60 s before retrying GET …/rooms (rate-limit after HTTP 429, attempt 1)`. */
function longWaitMessage(event: RetryEvent): string {
  const seconds = Math.round(event.delayMs / 100) / 10;
  const cause = event.status === undefined ? event.reason : `${event.reason} after HTTP ${event.status}`;
  return `webex: waiting ${seconds} s before retrying ${event.method} ${event.url} (${cause}, attempt ${event.attempt})`;
}

/** A header of either kind of request; `name` in lower case. */
function getHeader(request: RetryableRequest, name: string): string | null {
  return 'clone' in request ? request.headers.get(name) : (request.headers[name] ?? null);
}

function setHeader(request: RetryableRequest, name: string, value: string): void {
  if ('clone' in request) request.headers.set(name, value);
  else request.headers[name] = value;
}

/** Whether a URL is on the given origin, without parsing it. */
function sameOrigin(url: string, origin: string): boolean {
  return (
    url.startsWith(origin) && (url.length === origin.length || url[origin.length] === '/' || url[origin.length] === '?')
  );
}
