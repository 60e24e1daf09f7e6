// The error classes: every error the client throws is a `WebexError`. Which status becomes which class: status-table.ts.
import { ApiClientError as WebexError, isIdempotent } from '@webex-ts/paginate';

/**
 * Every error this client throws is a `WebexError`, the paging errors (`PageLimitError`, `ForeignLinkError`,
 * `PageFetchError`) included: it is `@webex-ts/paginate`'s `ApiClientError`, the base of those, under the client's name.
 */
export { WebexError };

/** An error detail from a Webex error body. */
export interface WebexErrorDetail {
  description?: string;
  [key: string]: unknown;
}

/** What the client knows about a request when it fails; the URL carries no secrets. */
interface RequestInfo {
  method: string;
  url: string;
}

/** One spec violation a mock (Prism) reported in its `sl-violations` header: why it rejected the request. */
export interface SpecViolation {
  /** Where, e.g. `['request', 'body', 'title']`. */
  location: string[];
  /** The rule that failed: `type`, `required`, `enum`, `minimum` … */
  code: string;
  /** Prism's sentence, e.g. `Request body property title must be string`. */
  message: string;
  severity?: string;
}

/** Fields of an API error. */
export interface WebexApiErrorInit extends RequestInfo {
  status: number;
  message: string;
  errors: WebexErrorDetail[];
  trackingId: string | undefined;
  /** Spec violations from a mock's `sl-violations` header; only when the header was present. */
  violations?: SpecViolation[];
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
  /** Why a contract mock (Prism) rejected the request, from its `sl-violations` header; undefined for real Webex answers. */
  readonly violations: SpecViolation[] | undefined;

  constructor(init: WebexApiErrorInit) {
    const tracking = init.trackingId ? ` [tracking id ${init.trackingId}]` : '';
    super(
      `${init.method} ${init.url} failed with ${init.status}: ${init.message}${violationText(init.violations)}${tracking}`,
    );
    this.status = init.status;
    this.apiMessage = init.message;
    this.errors = init.errors;
    this.trackingId = init.trackingId;
    this.method = init.method;
    this.url = init.url;
    this.violations = init.violations;
  }
}

// The mock's own sentence says what the spec expected; the generic 400 text alone does not.
function violationText(violations: SpecViolation[] | undefined): string {
  if (!violations?.[0]) return '';
  const first = violations[0];
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more in error.violations)` : '';
  return ` — ${first.message}${more}`;
}

/** How long a 429 asked to wait: `retryAfterMs`, or (deprecated) `retryAfter` in seconds. */
export interface RateLimitErrorInit extends WebexApiErrorInit {
  /** Milliseconds the server asked to wait; undefined when it did not say, or said it in a form that cannot be read. */
  retryAfterMs?: number | undefined;
  /**
   * Seconds the server asked to wait; used only when `retryAfterMs` is not given.
   * @deprecated Give `retryAfterMs` (milliseconds). Removed in 0.3.0.
   */
  retryAfter?: number | undefined;
}

/** 429: too many requests. `retryAfterMs` is in milliseconds. Thrown when waiting is off or retries ran out. */
export class RateLimitError extends WebexApiError {
  override name = 'RateLimitError';
  /** Milliseconds the server asked to wait (`Retry-After`, seconds or an HTTP date), when it said so readably. */
  readonly retryAfterMs: number | undefined;
  /**
   * Seconds the server asked to wait, rounded up, when it said so readably.
   * @deprecated Read `retryAfterMs` (milliseconds). Removed in 0.3.0.
   */
  readonly retryAfter: number | undefined;

  constructor(init: RateLimitErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs ?? (init.retryAfter === undefined ? undefined : init.retryAfter * 1000);
    this.retryAfter = this.retryAfterMs === undefined ? undefined : Math.ceil(this.retryAfterMs / 1000);
  }
}

/** 410 from a file download: malware scanning found the file infected. It cannot be downloaded. */
export class FileInfectedError extends WebexApiError {
  override name = 'FileInfectedError';

  constructor(init: WebexApiErrorInit) {
    super(init);
    this.message = `${this.message}; malware scanning found this file infected, so Webex will not hand it out`;
  }
}

/** 428 from a file download: the file could not be scanned for malware (an encrypted archive, say). */
export class FileUnscannableError extends WebexApiError {
  override name = 'FileUnscannableError';

  constructor(init: WebexApiErrorInit) {
    super(init);
    this.message = `${this.message}; the file could not be scanned for malware: pass { allowUnscannable: true } to download it anyway, if you trust its sender`;
  }
}

/** A download larger than the caller's `maxBytes`: said so by `Content-Length`, or found while streaming. */
export class FileTooLargeError extends WebexError {
  override name = 'FileTooLargeError';

  constructor(
    /** The caller's limit, in bytes. */
    readonly maxBytes: number,
    /** The size `Content-Length` announced, or the bytes received when the limit was passed. */
    readonly size: number,
    readonly method: string,
    readonly url: string,
  ) {
    super(
      `${method} ${url}: the file is larger than maxBytes ${maxBytes} (at least ${size} bytes); raise maxBytes to download it`,
    );
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
    super(
      `${method} ${url} answered ${status} with a body that is not valid JSON${trackingId ? ` [tracking id ${trackingId}]` : ''}`,
      options,
    );
  }
}

/**
 * A stream whose answer is not the events it should be: a body that is not `text/event-stream`, or an event whose
 * data is not the JSON it should be. Names the method (`operation`) and the event; the data itself is left out.
 */
export class MalformedStreamError extends WebexError {
  override name = 'MalformedStreamError';
  constructor(
    /** The method called, `contactCenter.journeyEvents.stream`. */
    readonly operation: string,
    readonly method: string,
    readonly url: string,
    /** What was wrong, in words: `sent event 3 (id "42"), whose data is not valid JSON`. */
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`${operation}: ${method} ${url} ${problem}`, options);
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
    const cause =
      options?.cause instanceof Error && options.cause.cause instanceof Error ? `: ${options.cause.cause.message}` : '';
    super(`${method} ${url} could not reach the server${cause}`, options);
  }
}

/**
 * The connection was lost while an answer's body was being read, after its headers had come (a reset, or the server
 * closing before the end of the body). The request reached the server, so a POST or PATCH may have taken effect: it is
 * not re-sent unless the call passes `retryNonIdempotent`. A method call or a listing retries GET, HEAD, PUT and
 * DELETE first, like a reset; a download's stream and `createHttp(webex)` hand the body over as it comes, so error it as is.
 */
export class WebexBodyReadError extends WebexConnectionError {
  override name = 'WebexBodyReadError';
  constructor(
    method: string,
    url: string,
    /** The status of the answer whose body was cut off. */
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(method, url, options);
    const resend = isIdempotent(method)
      ? ''
      : '; not re-sent: it may have taken effect (a call that is safe to repeat can pass { retryNonIdempotent: true })';
    this.message = `${method} ${url} answered ${status}, but the connection was lost while reading the body${causeText(options?.cause)}${resend}`;
  }
}

/** ` (terminated: other side closed)`: the network error and the one under it, as Node's fetch nests them. */
function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const inner = cause.cause instanceof Error && cause.cause.message ? `: ${cause.cause.message}` : '';
  return ` (${cause.message}${inner})`;
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
