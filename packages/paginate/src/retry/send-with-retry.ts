import type { RequestGate } from '../gate/gate.js';
import { AttemptSignal } from './attempt-signal.js';
import { type AttemptOutcome, type RetryCounts, type RetryPolicy, type RetryReason, shouldRetry } from './policy.js';
import { parseRetryAfter } from './retry-after.js';
import { sleep } from './sleep.js';

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
 * signal (aborted by the caller's signal or the per-attempt timeout) in its second argument. Returns the last
 * response, even a failed one: mapping statuses to errors is the caller's business. Its body, unread, can still be
 * ended by the caller's signal; the per-attempt timeout no longer applies to it.
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
    const limit = AttemptSignal.start(signal, timeoutMs);
    let outcome: AttemptOutcome;
    let body: B | undefined;
    let answered: Response | undefined;
    try {
      const response = await sendOnce(fetchFn, request, canRepeat, limit?.signal);
      // Reading the body inside the attempt makes a connection lost mid-body a failed attempt.
      body = await read(response);
      answered = response;
      outcome = { response };
    } catch (error) {
      gate?.release(sentAt, undefined, undefined);
      if (signal?.aborted) throw signal.reason;
      outcome = { error };
    } finally {
      limit?.end(answered);
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
