// How long to wait before reconnecting: exponential, capped, jittered. Pure, so it is tested without a clock.

/** The reconnect backoff: the first wait, and the cap. */
export interface BackoffPolicy {
  /** The wait before the first retry, in ms. Default 1 000. */
  initialMs: number;
  /** The longest wait, in ms. Default 32 000. */
  maxMs: number;
}

/** The defaults, as the Webex JS SDK's (1 s doubling up to 32 s). */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 32_000 };

/**
 * The wait before retry number `attempt` (1, 2, 3 …): `initialMs` doubled per attempt up to `maxMs`, then a random
 * half of it taken off, so that many bots cut off together do not come back in step. `random` returns [0, 1).
 */
export function reconnectDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.max(0, Math.floor(attempt) - 1);
  // 2 ** step overflows nothing below 1024; past the cap the exponent no longer matters.
  const full = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(step, 30));
  return Math.round(full / 2 + (full / 2) * random());
}
