// One unit for waits: milliseconds, named …Ms (`maxRetryAfterMs`, `RateLimitError.retryAfterMs`); the old names
// (`maxRetryAfter`, `retryAfter` in seconds) still work until 0.3.0. And a Retry-After that cannot be read
// (`rand(30),add(30)`, as Webex has sent) falls back to the default wait. Real loopback servers throughout; the wait
// that is sat through runs on a fake clock (test-utils/fake-clock.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { RateLimitError, Webex, type WebexOptions } from '../src/index.js';
import type { RetryEvent } from '../src/index.js';
import { rejection } from '../../../test-utils/rejection.js';

let server: TestServer | undefined;
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** A server answering 429 with `retryAfter` first, then 200. */
async function limitedOnce(retryAfter: string | undefined): Promise<TestServer> {
  server = await startServer((_req, res, seen) =>
    seen.length === 1
      ? json(res, 429, { message: 'slow down' }, retryAfter === undefined ? {} : { 'retry-after': retryAfter })
      : json(res, 200, { id: 'me' }),
  );
  return server;
}

/** The waits the client announced for one `people.me()`, and its result. */
async function waitsOf(options: WebexOptions): Promise<{ waits: number[]; id: string | undefined }> {
  const events: RetryEvent[] = [];
  const webex = new Webex({
    accessToken: 'T',
    baseUrl: server!.url,
    onRetry: (event) => events.push(event),
    ...options,
  });
  const person = await webex.people.me();
  return { waits: events.map((event) => event.delayMs), id: person.id };
}

/** `waitsOf` on a fake clock: the wait is sat through in no time, and `gap` is how long it was, at the server. */
async function waitedOnClock(options: WebexOptions): Promise<{ waits: number[]; id: string | undefined; gap: number }> {
  clock = fakeClock();
  const arrivals: number[] = [];
  const result = await clock.run(
    waitsOf({ ...options, fetch: clock.fetch, onRequest: () => arrivals.push(performance.now()) }),
  );
  return { ...result, gap: arrivals[1]! - arrivals[0]! };
}

describe('maxRetryAfterMs, and maxRetryAfter (deprecated) for it', () => {
  it('maxRetryAfterMs cuts a long Retry-After (in ms)', async () => {
    await limitedOnce('3600');
    expect(await waitedOnClock({ maxRetryAfterMs: 30 })).toEqual({ waits: [30], id: 'me', gap: 30 });
  });

  it('the old maxRetryAfter still works, in the same unit', async () => {
    await limitedOnce('3600');
    expect(await waitedOnClock({ maxRetryAfter: 30 })).toEqual({ waits: [30], id: 'me', gap: 30 });
  });

  it('given both, maxRetryAfterMs wins', async () => {
    await limitedOnce('3600');
    expect(await waitedOnClock({ maxRetryAfterMs: 20, maxRetryAfter: 40 })).toEqual({ waits: [20], id: 'me', gap: 20 });
  });
});

describe('RateLimitError.retryAfterMs, and retryAfter (deprecated, seconds)', () => {
  const refused = async (retryAfter: string | undefined) => {
    await limitedOnce(retryAfter);
    const webex = new Webex({ accessToken: 'T', baseUrl: server!.url, waitOnRateLimit: false });
    const error = await rejection(webex.people.me());
    expect(error).toBeInstanceOf(RateLimitError);
    return error as RateLimitError;
  };

  it('Retry-After: 42 → retryAfterMs 42 000, retryAfter 42; both in JSON', async () => {
    const error = await refused('42');
    expect(error).toMatchObject({ retryAfterMs: 42_000, retryAfter: 42 });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ retryAfterMs: 42_000, retryAfter: 42 });
  });

  it('an HTTP date ~30 s ahead → retryAfterMs in ms, retryAfter in whole seconds rounded up', async () => {
    // A fake `Date`, 600 ms past a whole second: the date (whole seconds) is 29.4 s ahead, whatever the machine's speed.
    vi.useFakeTimers({ toFake: ['Date'], now: Math.ceil(Date.now() / 1000) * 1000 + 600 });
    const error = await refused(new Date(Date.now() + 30_000).toUTCString());
    expect(error.retryAfterMs).toBe(29_400);
    expect(error.retryAfter).toBe(30);
  });

  it('an unreadable Retry-After → both undefined (the server asked for nothing readable)', async () => {
    const error = await refused('rand(30),add(30)');
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.retryAfter).toBeUndefined();
  });

  it('built by hand: retryAfterMs, or the old retryAfter in seconds', () => {
    const init = { method: 'GET', url: 'https://x/v1/rooms', status: 429, message: 'm', errors: [], trackingId: 'T' };
    expect(new RateLimitError({ ...init, retryAfterMs: 1_500 })).toMatchObject({ retryAfterMs: 1_500, retryAfter: 2 });
    expect(new RateLimitError({ ...init, retryAfter: 3 })).toMatchObject({ retryAfterMs: 3_000, retryAfter: 3 });
    expect(new RateLimitError({ ...init, retryAfter: undefined })).toMatchObject({
      retryAfterMs: undefined,
      retryAfter: undefined,
    });
  });
});

describe('a 429 with an unreadable Retry-After, then 200', () => {
  it('rand(30),add(30): waits the default 15 s (here cut to maxRetryAfterMs), never 0, then succeeds', async () => {
    await limitedOnce('rand(30),add(30)');
    const { gap, ...result } = await waitedOnClock({ maxRetryAfterMs: 300 });
    expect(result).toEqual({ waits: [300], id: 'me' });
    expect(server!.requests).toHaveLength(2);
    // Really waited, measured between the two requests. At least: the shared gate may hold the retry longer (it
    // pauses everyone after a 429 that came before any success, 1 s when Retry-After cannot be read).
    expect(gap).toBeGreaterThanOrEqual(300);
  });

  it('with no cap below it, the wait announced is the default 15 s', async () => {
    await limitedOnce('rand(30),add(30)');
    const events: RetryEvent[] = [];
    const controller = new AbortController();
    const webex = new Webex({
      accessToken: 'T',
      baseUrl: server!.url,
      onRetry: (event) => {
        events.push(event);
        controller.abort(new Error('seen the wait; not sitting through it'));
      },
    });
    await rejection(webex.people.me(undefined, { signal: controller.signal }));
    expect(events).toMatchObject([{ reason: 'rate-limit', status: 429, delayMs: 15_000 }]);
  });
});
