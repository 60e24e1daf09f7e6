// The Prism mock's 429 asks for a 1 s wait (the spec's Retry-After example), so a test that sends
// `Prefer: code=429` learns the rate-limit path in a second, not a minute.
import { describe, expect, it } from 'vitest';
import { RateLimitError, type RetryEvent } from '../src/index.js';
import { mockClient } from './mock.js';

const RATE_LIMITED = { headers: { Prefer: 'code=429' } };

describe('Prefer: code=429 against the mock', () => {
  it('with waiting off: a RateLimitError asking for 1 s', async () => {
    const { webex } = mockClient({ maxRetries: 0, waitOnRateLimit: false });
    const error = await webex.rooms
      .list({}, RATE_LIMITED)
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).retryAfter).toBe(1);
  });

  it('with waiting on: the client plans a 1 s wait', async () => {
    const retries: RetryEvent[] = [];
    const controller = new AbortController();
    const { webex } = mockClient({
      onRetry: (event) => {
        retries.push(event);
        controller.abort(); // the mock answers 429 every time: one planned wait is all this test needs
      },
    });
    await expect(webex.people.me(undefined, { ...RATE_LIMITED, signal: controller.signal })).rejects.toBeInstanceOf(
      Error,
    );
    expect(retries).toMatchObject([{ reason: 'rate-limit', status: 429, delayMs: 1_000, attempt: 1 }]);
  });
});
