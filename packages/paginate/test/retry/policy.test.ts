import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  defaultRetryPolicy,
  parseRetryAfter,
  shouldRetry,
  type AttemptOutcome,
} from '../../src/index.js';

const policy = { ...defaultRetryPolicy, maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000 };
const status = (code: number, headers: Record<string, string> = {}): AttemptOutcome => ({
  response: new Response(null, { status: code, headers }),
});
const fresh = { failures: 0, rateLimits: 0 };
const half = () => 0.5;

describe('parseRetryAfter', () => {
  it.each([
    ['60', 60_000],
    ['0', 0],
    [' 3 ', 3_000],
    ['soon', undefined],
    ['-1', undefined],
    // Unreadable values fall back to the caller's default wait: never read as 0 or a guessed date.
    ['rand(30),add(30)', undefined],
    ['Mon, 1', undefined],
    ['Wed, 30', undefined],
    ['Thu, 1 soon', undefined],
    ['1.5', undefined],
    ['30, 30', undefined],
    ['', undefined],
  ])('%j → %j ms', (given, want) => expect(parseRetryAfter(given)).toBe(want));

  it.each([
    ['IMF-fixdate', 'Mon, 23 Nov 2026 10:00:07 GMT'],
    ['RFC 850 (obsolete)', 'Monday, 23-Nov-26 10:00:07 GMT'],
    ['asctime (obsolete, no zone: GMT)', 'Mon Nov 23 10:00:07 2026'],
  ])('reads an HTTP date in the %s form', (_form, given) => {
    expect(parseRetryAfter(given, Date.parse('Mon, 23 Nov 2026 10:00:00 GMT'))).toBe(7_000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Mon, 23 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
});

describe('shouldRetry', () => {
  it.each([
    ['GET 503 → backoff', 'GET', status(503), { retry: true, reason: 'server-error' }],
    ['PUT 502 → backoff', 'PUT', status(502), { retry: true, reason: 'server-error' }],
    ['DELETE 504 → backoff', 'DELETE', status(504), { retry: true, reason: 'server-error' }],
    ['GET 500 → backoff', 'GET', status(500), { retry: true, reason: 'server-error' }],
    ['POST 500 → never: it may have taken effect', 'POST', status(500), { retry: false }],
    ['POST 503 → never', 'POST', status(503, { 'retry-after': '1' }), { retry: false }],
    ['PATCH 502 → never', 'PATCH', status(502), { retry: false }],
    [
      'POST 429 → wait: it was not processed',
      'POST',
      status(429, { 'retry-after': '2' }),
      { retry: true, reason: 'rate-limit', delayMs: 2000 },
    ],
    ['GET 404 → no', 'GET', status(404), { retry: false }],
    ['GET 400 → no', 'GET', status(400), { retry: false }],
    [
      'GET 423 with Retry-After → wait',
      'GET',
      status(423, { 'retry-after': '4' }),
      { retry: true, reason: 'locked', delayMs: 4000 },
    ],
    ['GET 423 without Retry-After → no', 'GET', status(423), { retry: false }],
    [
      'GET network error → backoff',
      'GET',
      { error: new TypeError('fetch failed') },
      { retry: true, reason: 'network-error' },
    ],
    ['POST network error → never', 'POST', { error: new TypeError('fetch failed') }, { retry: false }],
    [
      'GET timeout → backoff',
      'GET',
      { error: new DOMException('t', 'TimeoutError') },
      { retry: true, reason: 'timeout' },
    ],
    ['GET caller abort → no', 'GET', { error: new DOMException('a', 'AbortError') }, { retry: false }],
  ] as const)('%s', (_name, method, outcome, want) => {
    expect(shouldRetry(method, outcome, fresh, policy, half)).toMatchObject(want);
  });

  it('uses the default wait when a 429 has no Retry-After, and caps long waits', () => {
    expect(shouldRetry('GET', status(429), fresh, policy)).toMatchObject({ delayMs: policy.defaultRetryAfterMs });
    expect(shouldRetry('GET', status(429, { 'retry-after': '3600' }), fresh, policy)).toMatchObject({
      delayMs: policy.maxRetryAfterMs,
    });
  });

  it('throws rate limits back when waiting is off', () => {
    expect(
      shouldRetry('GET', status(429, { 'retry-after': '1' }), fresh, { ...policy, waitOnRateLimit: false }),
    ).toEqual({ retry: false });
  });

  it('stops after maxRetries failures but counts rate limits apart', () => {
    expect(shouldRetry('GET', status(503), { failures: 2, rateLimits: 0 }, policy)).toEqual({ retry: false });
    expect(shouldRetry('GET', status(429, { 'retry-after': '1' }), { failures: 2, rateLimits: 0 }, policy).retry).toBe(
      true,
    );
    expect(shouldRetry('GET', status(429), { failures: 0, rateLimits: policy.maxRateLimitRetries }, policy)).toEqual({
      retry: false,
    });
  });

  it('retries a POST only when the caller opts in', () => {
    expect(shouldRetry('POST', status(503), fresh, { ...policy, retryNonIdempotent: true }).retry).toBe(true);
  });
});

describe('backoffDelayMs', () => {
  it('doubles the ceiling per attempt up to the maximum, with full jitter', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, policy, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });
});
