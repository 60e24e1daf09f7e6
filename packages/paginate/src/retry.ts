import type { RequestGate } from './gate.js';
import { sleep } from './sleep.js';

/** When and how long to retry. Every field has a default; see `defaultRetryPolicy`. */
export interface RetryPolicy {
  /** Retries after server errors, resets and timeouts (not counting rate-limit waits). */
  maxRetries: number;
  /** Wait and re-send on 429 (any method: a 429 was not processed). When false, a 429 is returned as it is. */
  waitOnRateLimit: boolean;
  /** How many 429s in a row are waited out before giving up. */
  maxRateLimitRetries: number;
  /** The wait when a 429 has no usable `Retry-After`, in ms. */
  defaultRetryAfterMs: number;
  /** The longest `Retry-After` honoured, in ms; longer waits are cut to this. */
  maxRetryAfterMs: number;
  /** First backoff step, in ms; doubles each attempt (full jitter). */
  baseDelayMs: number;
  /** Longest backoff step, in ms. */
  maxDelayMs: number;
  /** Also retry non-idempotent methods (POST, PATCH) after 5xx, resets and timeouts. Off by default: they may have taken effect. */
  retryNonIdempotent: boolean;
}

/** The defaults: 3 retries, wait on rate limits (15 s when the server gives no time, at most 60 s). */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  waitOnRateLimit: true,
  maxRateLimitRetries: 10,
  defaultRetryAfterMs: 15_000,
  maxRetryAfterMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  retryNonIdempotent: false,
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/** Whether re-sending a request with this method cannot do the work twice. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

// RFC 9110 §5.6.7 HTTP-date: the IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must still read.
const IMF_FIXDATE = /^[a-z]{3}, \d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/i;
const RFC_850_DATE = /^[a-z]{6,9}, \d{2}-[a-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/i;
const ASCTIME_DATE = /^[a-z]{3} [a-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/i;

/**
 * `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable, so that the caller falls
 * back to its default wait (`defaultRetryAfterMs` for a 429).
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = httpDate(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * An HTTP date in one of its three forms, in ms since the epoch; NaN for anything else. Only a whole HTTP date is
 * read: `Date.parse` guesses at anything (`Mon, 1` is a day in 2001: no wait at all), and servers send things like
 * `-1`, `soon` or `rand(30),add(30)` (Webex has).
 */
function httpDate(value: string): number {
  if (IMF_FIXDATE.test(value) || RFC_850_DATE.test(value)) return Date.parse(value);
  // asctime names no zone: it is GMT, not the local time Date.parse would take.
  if (ASCTIME_DATE.test(value)) return Date.parse(`${value} GMT`);
  return Number.NaN;
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^attempt)). */
export function backoffDelayMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** What happened on one attempt. */
export type AttemptOutcome = { response: Response } | { error: unknown };

/** Why a retry happens, for hooks and logs. */
export type RetryReason = 'rate-limit' | 'locked' | 'server-error' | 'network-error' | 'timeout';

/** The verdict on one attempt. */
export type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: RetryReason };

const NO_RETRY: RetryDecision = Object.freeze({ retry: false });

/** Counts of retries already made, by kind. */
export interface RetryCounts {
  failures: number;
  rateLimits: number;
}

/**
 * Decides whether to retry an attempt and after how long. Pure: the same inputs
 * always give the same answer, so the policy can be tested without a network.
 */
export function shouldRetry(
  method: string,
  outcome: AttemptOutcome,
  counts: RetryCounts,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  // Most answers are successes: settled before anything else is looked at.
  if ('response' in outcome && outcome.response.status < 400) return NO_RETRY;
  const safe = policy.retryNonIdempotent || isIdempotent(method);
  if ('error' in outcome) {
    if (!safe || counts.failures >= policy.maxRetries || !isTransient(outcome.error)) return NO_RETRY;
    const reason: RetryReason = isTimeout(outcome.error) ? 'timeout' : 'network-error';
    return { retry: true, delayMs: backoffDelayMs(counts.failures, policy, random), reason };
  }
  const { status, headers } = outcome.response;
  if (status === 429) {
    if (!policy.waitOnRateLimit || counts.rateLimits >= policy.maxRateLimitRetries) return NO_RETRY;
    const wait = parseRetryAfter(headers.get('retry-after')) ?? policy.defaultRetryAfterMs;
    return { retry: true, delayMs: Math.min(wait, policy.maxRetryAfterMs), reason: 'rate-limit' };
  }
  if (!safe || counts.failures >= policy.maxRetries) return NO_RETRY;
  const retryAfter = status === 423 || status === 503 ? parseRetryAfter(headers.get('retry-after')) : undefined;
  if (retryAfter !== undefined) {
    return {
      retry: true,
      delayMs: Math.min(retryAfter, policy.maxRetryAfterMs),
      reason: status === 423 ? 'locked' : 'server-error',
    };
  }
  if (RETRYABLE_STATUS.has(status)) {
    return { retry: true, delayMs: backoffDelayMs(counts.failures, policy, random), reason: 'server-error' };
  }
  return NO_RETRY;
}

/** A network failure or a per-attempt timeout; not a caller's abort. */
function isTransient(error: unknown): boolean {
  if (isTimeout(error)) return true;
  return error instanceof TypeError;
}

/** Whether an error is the per-attempt timeout firing. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** Information passed to `onRetry` before each wait. */
export interface RetryEvent {
  method: string;
  url: string;
  /** 1 for the first retry. */
  attempt: number;
  reason: RetryReason;
  delayMs: number;
  status?: number;
}

/** Options of one `fetchWithRetry` call. */
export interface FetchWithRetryOptions {
  policy: RetryPolicy;
  /** The caller's signal: ends any attempt or wait at once. */
  signal?: AbortSignal | undefined;
  /** Time limit of each attempt, in ms. */
  timeoutMs?: number | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Waits before a retry; replaceable so a shared limiter can slow everyone down. */
  wait?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Shared by a client's requests: concurrency limit and a common pace under rate limits. */
  gate?: RequestGate | undefined;
  random?: () => number;
}

/**
 * A request as fetch's own arguments. Sent this way, fetch builds the only `Request` of the attempt: building one
 * first and handing fetch a signal for it makes fetch copy it and chain the signals, a cost every call would pay.
 * The body must be one fetch can send again (a string, `FormData`, `URLSearchParams`, `Blob`, `ArrayBuffer`), not a
 * stream.
 */
export interface PlainRequest {
  readonly url: string;
  /** Upper case, as in a `Request`. */
  readonly method: string;
  /** Header names in lower case. A plain object: fetch reads one faster than a `Headers`. */
  readonly headers: Record<string, string>;
  readonly body: RequestInit['body'];
}

/** What the retry loop sends: a `Request` (cloned for each attempt that may be repeated) or a `PlainRequest`. */
export type RetryableRequest = Request | PlainRequest;

/** The fetch each attempt goes through: `globalThis.fetch` fits, and so does a wrapper with the same arguments. */
export type AttemptFetchFn = (input: Request | string, init?: RequestInit) => Promise<Response>;

/**
 * Sends a request, retrying as the policy allows. A `Request` is cloned before
 * each attempt, so its body can be sent again. `fetchFn` gets each attempt's
 * signal (caller's signal plus the per-attempt timeout) in its second argument. Returns the last response, even
 * a failed one: mapping statuses to errors is the caller's business.
 */
export function fetchWithRetry(
  fetchFn: AttemptFetchFn,
  request: RetryableRequest,
  options: FetchWithRetryOptions,
): Promise<Response> {
  return sendWithRetry(fetchFn, request, options, unread).then((sent) => sent.response);
}

const unread = async () => undefined;

/**
 * `fetchWithRetry` that reads each attempt's body within the attempt, so a
 * connection lost mid-body is a failed attempt like a reset, and returns the
 * response with what `read` made of its body.
 */
export async function sendWithRetry<B>(
  fetchFn: AttemptFetchFn,
  request: RetryableRequest,
  options: FetchWithRetryOptions,
  read: (response: Response) => Promise<B>,
): Promise<{ response: Response; body: B }> {
  const { policy, signal, timeoutMs, onRetry, gate } = options;
  const wait = options.wait ?? sleep;
  const counts: RetryCounts = { failures: 0, rateLimits: 0 };
  const canRepeat = policy.waitOnRateLimit || policy.maxRetries > 0;
  for (let attempt = 1; ; attempt++) {
    // The gate may hold the attempt back; its timeout starts only when it is sent.
    const sentAt = gate ? (gate.tryAcquire() ?? (await gate.acquire(signal))) : 0;
    const limit = attemptLimit(signal, timeoutMs);
    let outcome: AttemptOutcome;
    let body: B | undefined;
    try {
      const response = await sendOnce(fetchFn, request, canRepeat, limit?.signal);
      // Reading the body inside the attempt makes a connection lost mid-body a failed attempt.
      body = await read(response);
      outcome = { response };
    } catch (error) {
      gate?.release(sentAt, undefined, undefined);
      if (signal?.aborted) throw signal.reason;
      outcome = { error };
    } finally {
      limit?.dispose();
    }
    if (gate && 'response' in outcome) {
      const { status, headers } = outcome.response;
      // The gate pauses everyone for a 429's Retry-After: capped like the caller's own wait.
      const asked = status === 429 ? parseRetryAfter(headers.get('retry-after')) : undefined;
      gate.release(sentAt, status, asked === undefined ? undefined : Math.min(asked, policy.maxRetryAfterMs));
    }
    const decision = shouldRetry(request.method, outcome, counts, policy, options.random);
    if (!decision.retry) {
      if ('error' in outcome) throw outcome.error;
      return { response: outcome.response, body: body as B };
    }
    if ('response' in outcome) await outcome.response.body?.cancel().catch(() => {});
    if (decision.reason === 'rate-limit') counts.rateLimits++;
    else counts.failures++;
    onRetry?.({
      method: request.method,
      url: request.url,
      attempt,
      reason: decision.reason,
      delayMs: decision.delayMs,
      ...('response' in outcome ? { status: outcome.response.status } : {}),
    });
    await wait(decision.delayMs, signal);
  }
}

/** One attempt. A `Request` that may be sent again is cloned, so that its body is still there for the next one. */
function sendOnce(
  fetchFn: AttemptFetchFn,
  request: RetryableRequest,
  canRepeat: boolean,
  signal: AbortSignal | undefined,
): Promise<Response> {
  // By shape, not `instanceof`: a Request from another realm or a polyfill is still a Request.
  if ('clone' in request) {
    const base = canRepeat && request.body !== null ? request.clone() : request;
    return signal ? fetchFn(base, { signal }) : fetchFn(base);
  }
  // Only what differs from fetch's defaults: each member given costs fetch a conversion on every call.
  const init: RequestInit = { headers: request.headers };
  if (request.method !== 'GET') init.method = request.method;
  if (request.body != null) init.body = request.body;
  if (signal) init.signal = signal;
  return fetchFn(request.url, init);
}

/**
 * One attempt's signal: the caller's, plus the per-attempt timeout. A cleared
 * timer rather than `AbortSignal.timeout`, which would keep a timer alive for
 * the whole timeout after every request; and `AbortSignal.any` rather than a
 * listener added to the caller's signal and removed again, which (on a listing's
 * signal that outlives thousands of attempts) left each finished request to the
 * major garbage collections: twice the peak heap.
 */
function attemptLimit(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): { signal: AbortSignal; dispose(): void } | undefined {
  if (!timeoutMs || timeoutMs === Infinity) return signal ? { signal, dispose() {} } : undefined;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`attempt timed out after ${timeoutMs} ms`, 'TimeoutError')),
    timeoutMs,
  );
  return {
    signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
    dispose: () => clearTimeout(timer),
  };
}
