import type { RetryEvent } from '@webex-ts/paginate';

/** Options of `new Webex()`. */
export interface WebexOptions {
  /** The access token; defaults to the `WEBEX_ACCESS_TOKEN` environment variable. */
  accessToken?: string;
  /** API root. Default `https://webexapis.com/v1`. */
  baseUrl?: string;
  /** Time limit of each attempt, in ms. Default 60 000. */
  timeout?: number;
  /** Retries after 5xx answers, resets and timeouts (GET, HEAD, PUT, DELETE only). Default 3. */
  maxRetries?: number;
  /** On 429, wait for `Retry-After` and send again. Default true; when false a `RateLimitError` is thrown. */
  waitOnRateLimit?: boolean;
  /** The longest `Retry-After` wait honoured, in ms (longer ones are cut). Default 60 000. */
  maxRetryAfter?: number;
  /** The `fetch` to use. Default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** `User-Agent` to send (where the runtime allows setting it). */
  userAgent?: string;
  /** Called before each retry wait, with the attempt, the reason and the delay. */
  onRetry?: (event: RetryEvent) => void;
}

/** Per-call options, the last argument of every method. */
export interface RequestOptions {
  /** Aborts the call, including any retry wait. */
  signal?: AbortSignal;
  /** Time limit of each attempt of this call, in ms. */
  timeout?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Retry this POST or PATCH after a 5xx, reset or timeout too; only for calls safe to repeat. */
  retryNonIdempotent?: boolean;
}

/** The default API root. */
export const DEFAULT_BASE_URL = 'https://webexapis.com/v1';
/** The default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;
