// A 429 whose Retry-After cannot be read, from a real loopback server: the retry loop waits the policy's default
// (15 s), never 0 and never a crash, then sends again. The wait is injected, so the test does not sit through it.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import { defaultRetryPolicy, fetchWithRetry, type RetryEvent } from '../../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a 429 with an unreadable Retry-After', () => {
  it.each(['rand(30),add(30)', 'Mon, 1', 'soon'])(
    'Retry-After: %s → waits defaultRetryAfterMs (15 s), then gets the 200',
    async (retryAfter) => {
      server = await startServer((_req, res, seen) =>
        seen.length === 1
          ? json(res, 429, { message: 'slow down' }, { 'retry-after': retryAfter })
          : json(res, 200, { ok: true }),
      );
      const waits: number[] = [];
      const events: RetryEvent[] = [];
      const response = await fetchWithRetry(
        fetch,
        { url: `${server.url}/v1/rooms`, method: 'GET', headers: {}, body: null },
        {
          policy: defaultRetryPolicy,
          wait: async (ms) => void waits.push(ms),
          onRetry: (event) => events.push(event),
        },
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      expect(waits).toEqual([defaultRetryPolicy.defaultRetryAfterMs]);
      expect(defaultRetryPolicy.defaultRetryAfterMs).toBe(15_000);
      expect(events).toMatchObject([{ reason: 'rate-limit', status: 429, delayMs: 15_000 }]);
      expect(server.requests).toHaveLength(2);
    },
  );
});
