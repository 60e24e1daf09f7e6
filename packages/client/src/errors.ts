/** Every error this client throws is a `WebexError`. */
export class WebexError extends Error {
  override name = 'WebexError';
}

/** An error detail from a Webex error body. */
export interface WebexErrorDetail {
  description?: string;
  [key: string]: unknown;
}

/** What the client knows about a request when it fails; the URL carries no secrets. */
export interface RequestInfo {
  method: string;
  url: string;
}

/** Fields of an API error. */
export interface WebexApiErrorInit extends RequestInfo {
  status: number;
  message: string;
  errors: WebexErrorDetail[];
  trackingId: string | undefined;
}

/**
 * Webex answered with an error status. Carries what support asks for: status,
 * message, details, tracking id. Its fields are plain own properties, so
 * `JSON.stringify(error)` shows them (and nothing secret).
 */
export class WebexApiError extends WebexError {
  override name = 'WebexApiError';
  /** HTTP status. */
  readonly status: number;
  /** The server's own message, without the method, URL and status. */
  readonly apiMessage: string;
  /** Details from the error body's `errors`. */
  readonly errors: WebexErrorDetail[];
  /** The id Webex support asks for (`TrackingID` header or body `trackingId`). */
  readonly trackingId: string | undefined;
  readonly method: string;
  /** The request URL, with secret-looking query parameters redacted. */
  readonly url: string;

  constructor(init: WebexApiErrorInit) {
    const tracking = init.trackingId ? ` [tracking id ${init.trackingId}]` : '';
    super(`${init.method} ${init.url} failed with ${init.status}: ${init.message}${tracking}`);
    this.status = init.status;
    this.apiMessage = init.message;
    this.errors = init.errors;
    this.trackingId = init.trackingId;
    this.method = init.method;
    this.url = init.url;
  }

}

/** 429: too many requests. `retryAfter` is in seconds. Thrown when waiting is off or retries ran out. */
export class RateLimitError extends WebexApiError {
  override name = 'RateLimitError';
  /** Seconds the server asked to wait, when it said. */
  readonly retryAfter: number | undefined;

  constructor(init: WebexApiErrorInit & { retryAfter: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** A successful answer whose body is not the JSON it should be. */
export class MalformedResponseError extends WebexError {
  override name = 'MalformedResponseError';
  constructor(
    readonly status: number,
    readonly trackingId: string | undefined,
    readonly method: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(`${method} ${url} answered ${status} with a body that is not valid JSON${trackingId ? ` [tracking id ${trackingId}]` : ''}`, options);
  }
}

/** No access token was given and none is in the environment. */
export class AccessTokenError extends WebexError {
  override name = 'AccessTokenError';
  constructor(readonly variable = 'WEBEX_ACCESS_TOKEN') {
    super(`No Webex access token: pass { accessToken } to new Webex() or set the ${variable} environment variable`);
  }
}

/** An attempt took longer than the `timeout` allowed, and could not be retried. */
export class WebexTimeoutError extends WebexError {
  override name = 'WebexTimeoutError';
  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(`${method} ${url} timed out after ${timeoutMs} ms`, options);
  }
}

/** The connection failed (refused, reset, DNS) and the request could not be retried. */
export class WebexConnectionError extends WebexError {
  override name = 'WebexConnectionError';
  constructor(
    readonly method: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    const cause = options?.cause instanceof Error && options.cause.cause instanceof Error ? `: ${options.cause.cause.message}` : '';
    super(`${method} ${url} could not reach the server${cause}`, options);
  }
}

/** Bad input caught before anything was sent. Names the method, the parameter and the rule. */
export class WebexValidationError extends WebexError {
  override name = 'WebexValidationError';
  constructor(
    readonly operation: string,
    readonly parameter: string,
    readonly rule: string,
  ) {
    super(`${operation}: ${rule}`);
  }
}

const SECRET_PARAM = /token|secret|code|password|key|signature|jwt/i;

/** A URL safe to show: secret-looking query values replaced by `REDACTED`, credentials dropped. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, 'REDACTED');
  }
  return url.href;
}
