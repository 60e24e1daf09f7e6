import type { AccessToken } from '@webex-ts/models';
import type { RequestGate, RetryEvent } from '@webex-ts/paginate';

/** One attempt as hooks and the logger see it: no headers, URL redacted. */
export interface RequestEvent {
  method: string;
  url: string;
  /** The `TrackingID` header sent, when the call set one. */
  trackingId?: string | undefined;
}

/** One answer as hooks and the logger see it. */
export interface ResponseEvent extends RequestEvent {
  status: number;
  /** Milliseconds from sending to the response headers. */
  durationMs: number;
  /** The `TrackingID` Webex answered with. */
  responseTrackingId?: string | undefined;
}

/** Where debug output goes; `console` fits. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  /** What the user should see even without debug output: a retry wait of `LONG_RETRY_WAIT_MS` or more. Without it, `debug` gets these too. */
  warn?(message: string, details?: Record<string, unknown>): void;
}

/** The regions Contact Center is served from, each at `https://api.wxcc-<region>.cisco.com`. */
export const CONTACT_CENTER_REGIONS = ['us1', 'eu1', 'eu2', 'anz1', 'ca1', 'jp1', 'sg1'] as const;

/** A region of {@link CONTACT_CENTER_REGIONS}. */
export type ContactCenterRegion = (typeof CONTACT_CENTER_REGIONS)[number];

/** Where Contact Center operations go: a region, or a base URL (a region not listed yet, a proxy, a mock). */
export interface ContactCenterOptions {
  /** The region of the organization's Contact Center tenant: requests go to `https://api.wxcc-<region>.cisco.com`. */
  region?: ContactCenterRegion;
  /**
   * The Contact Center root instead of a region: an absolute https URL (plain http only to loopback, or with
   * `allowInsecureHttp`), without credentials, query or fragment. For a region not listed yet
   * (`https://api.wxcc-xx1.cisco.com`), a proxy or a mock.
   */
  baseUrl?: string;
}

/**
 * Where Calling analytics operations go (`webex.calling.detailedCallHistory`, served from
 * `analytics-calling.webexapis.com`, not webexapis.com): the commercial host by default, Webex for Government's, or a
 * base URL.
 */
export interface CallingAnalyticsOptions {
  /** `true` for an organization on Webex for Government: requests go to `analytics-calling-gov.webexapis.com`. */
  government?: boolean;
  /**
   * The Calling analytics root instead: an absolute https URL (plain http only to loopback, or with
   * `allowInsecureHttp`), without credentials, query or fragment. For a proxy or a mock; paths keep their `/v1`.
   */
  baseUrl?: string;
}

/** Options of `new Webex()`. */
export interface WebexOptions {
  /** The access token; defaults to the `WEBEX_ACCESS_TOKEN` environment variable. */
  accessToken?: string;
  /**
   * API root: this option, else the `WEBEX_BASE_URL` environment variable (where
   * there is an environment), else `https://webexapis.com/v1`. An absolute https
   * URL (plain http only to loopback) without credentials, query or fragment.
   */
  baseUrl?: string;
  /**
   * Where Contact Center operations (`webex.contactCenter.…`) go: `{ region: 'eu1' }`, or `{ baseUrl }`. Else the
   * `WEBEX_CONTACT_CENTER_REGION` or `WEBEX_CONTACT_CENTER_BASE_URL` environment variable; with neither, calling a
   * Contact Center operation throws a `WebexValidationError` naming this option, before anything is sent. The
   * messaging API's `baseUrl` does not move it.
   */
  contactCenter?: ContactCenterOptions;
  /**
   * Where Calling analytics operations (`webex.calling.detailedCallHistory.…`) go: `{ government: true }` or
   * `{ baseUrl }`. Else the `WEBEX_CALLING_ANALYTICS_BASE_URL` environment variable, else
   * `https://analytics-calling.webexapis.com`. The messaging API's `baseUrl` does not move it.
   */
  callingAnalytics?: CallingAnalyticsOptions;
  /** Allow a plain `http:` `baseUrl` to a host other than loopback. The token then travels in clear: for test rigs only. */
  allowInsecureHttp?: boolean;
  /** Time limit of each attempt, in ms. Default 60 000. */
  timeout?: number;
  /** Retries after 5xx answers, resets and timeouts (GET, HEAD, PUT, DELETE only). Default 3. */
  maxRetries?: number;
  /** On 429, wait for `Retry-After` and send again. Default true; when false a `RateLimitError` is thrown. */
  waitOnRateLimit?: boolean;
  /** The longest `Retry-After` wait honoured, in ms (longer ones are cut). Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * The longest `Retry-After` wait honoured, in ms; `maxRetryAfterMs` wins when both are given.
   * @deprecated Use `maxRetryAfterMs` (the same value: milliseconds). Removed in 0.3.0.
   */
  maxRetryAfter?: number;
  /** The `fetch` to use. Default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** `User-Agent` to send (where the runtime allows setting it). */
  userAgent?: string;
  /** Called before each retry wait, with the attempt, the reason and the delay. */
  onRetry?: (event: RetryEvent) => void;
  /** Called before each attempt is sent. */
  onRequest?: (event: RequestEvent) => void;
  /** Called when each attempt's response arrives. */
  onResponse?: (event: ResponseEvent) => void;
  /** Log every attempt, response and retry (redacted) to `logger`, or to `console` when `debug` is true. */
  debug?: boolean;
  /** Where the client logs: each attempt, answer and retry to `debug`; retry waits of 5 s or more to `warn` when it has one. */
  logger?: Logger;
  /**
   * Most requests in flight at once, per host; further calls queue. Default: unlimited. For `createCore`, give a
   * `gate` instead (`new RequestGate({ maxConcurrency })`).
   */
  maxConcurrency?: number;
  /** Refresh token, with `clientId` and `clientSecret`: after a 401 the client refreshes once and replays the request. */
  refreshToken?: string;
  /** The integration's client id, for refreshing. */
  clientId?: string;
  /** The integration's client secret, for refreshing. */
  clientSecret?: string;
  /** Called with new tokens whenever the client gets them (OAuth exchange, refresh), so they can be stored. */
  onTokens?: (tokens: AccessToken) => void | Promise<void>;
}

/**
 * Options of `createCore`, `createContactCenterCore` and `createCallingAnalyticsCore`: a client's options, and the
 * gate the core's requests pass.
 */
export interface CoreOptions extends WebexOptions {
  /**
   * The gate every request of the core passes (`new RequestGate({ maxConcurrency })`): it limits how many are in
   * flight and, once the host answers 429, holds them all back and paces them at a rate it learns. `new Webex()` gives
   * each host a gate of its own; a core built by `createCore` has none unless given one, so that a small bundle does
   * not carry it: each request still waits out its own 429s (`Retry-After`) and is retried, which is what a few calls
   * at a time need, but concurrent requests are not held back together.
   */
  gate?: RequestGate;
}

/** The default API root. */
export const DEFAULT_BASE_URL = 'https://webexapis.com/v1';
/** The default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** A retry wait this long or longer (in ms) is announced through `logger.warn`: a silent minute looks like a hang. */
export const LONG_RETRY_WAIT_MS = 5_000;
