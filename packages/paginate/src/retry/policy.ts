import { parseRetryAfter } from './retry-after.js';

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
