// The client's documented defaults, pinned at the settings and at the wire: timeout 60 s, 15 s when a
// 429 names no wait, waits cut at 60 s, backoff from 0.5 s doubling to 8 s, 3 retries.
import { defaultRetryPolicy } from '@webex-ts/paginate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { RateLimitError, Webex, WebexApiError, type RetryEvent } from '../src/index.js';
import { DEFAULT_TIMEOUT_MS } from '../src/config/options.js';
import { settingsFrom } from '../src/config/settings.js';

let server: TestServer | undefined;
/** Backoff on a fake clock (test-utils/fake-clock.ts), where a test installs one. */
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('settings from options', () => {
  it('default to a 60 s timeout and the default retry policy', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
    const settings = settingsFrom({ accessToken: 'T' });
    expect(settings.timeout).toBe(60_000);
    expect(settings.retry).toEqual(defaultRetryPolicy);
    expect(settings.retry).toMatchObject({
      maxRetries: 3,
      defaultRetryAfterMs: 15_000,
      maxRetryAfterMs: 60_000,
      baseDelayMs: 500,
      maxDelayMs: 8_000,
    });
  });

  it('take the client options over the defaults', () => {
    const settings = settingsFrom({
      accessToken: 'T',
      timeout: 1234,
      maxRetries: 0,
      maxRetryAfter: 5_000,
      waitOnRateLimit: false,
    });
    expect(settings.timeout).toBe(1234);
    expect(settings.retry).toMatchObject({
      maxRetries: 0,
      maxRetryAfterMs: 5_000,
      waitOnRateLimit: false,
      defaultRetryAfterMs: 15_000,
    });
  });
});

describe('the defaults on the wire', () => {
  /** Timer delays armed while `call` runs. */
  async function timersDuring(call: () => Promise<unknown>): Promise<number[]> {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    await call();
    const delays = spy.mock.calls.map((args) => Number(args[1]));
    spy.mockRestore();
    return delays;
  }

  it('each attempt is bounded by the 60 s default timeout, or by the timeout option', async () => {
    server = await startServer((_req, res) => json(res, 200, { id: 'me' }));
    const byDefault = await timersDuring(() => new Webex({ accessToken: 'T', baseUrl: server!.url }).people.me());
    expect(byDefault).toContain(60_000);
    const configured = await timersDuring(() =>
      new Webex({ accessToken: 'T', baseUrl: server!.url, timeout: 4321 }).people.me(),
    );
    expect(configured).toContain(4321);
    expect(configured).not.toContain(60_000);
  });

  /** Calls `people.me()` and stops at the first retry wait, giving the event it announced. */
  async function firstRetry(answer: Parameters<typeof startServer>[0]): Promise<RetryEvent> {
    server = await startServer(answer);
    const stop = new AbortController();
    let event: RetryEvent | undefined;
    const webex = new Webex({
      accessToken: 'T',
      baseUrl: server.url,
      onRetry: (e) => {
        event = e;
        stop.abort();
      },
    });
    await webex.people.me(undefined, { signal: stop.signal }).catch(() => {});
    if (!event)
      throw new Error(`expected a retry, but the call ended after ${server.requests.length} request(s) without one`);
    return event;
  }

  it('waits 15 s on a 429 without Retry-After', async () => {
    expect(await firstRetry((_req, res) => json(res, 429, {}))).toMatchObject({
      reason: 'rate-limit',
      status: 429,
      delayMs: 15_000,
    });
  });

  it('cuts a 429 Retry-After of 120 s to 60 s', async () => {
    expect(await firstRetry((_req, res) => json(res, 429, {}, { 'retry-after': '120' }))).toMatchObject({
      reason: 'rate-limit',
      delayMs: 60_000,
    });
  });

  it('cuts a 503 Retry-After of 120 s to 60 s too', async () => {
    expect(await firstRetry((_req, res) => json(res, 503, {}, { 'retry-after': '120' }))).toMatchObject({
      reason: 'server-error',
      delayMs: 60_000,
    });
  });

  it('backs off from 0.5 s, doubling, with full jitter, and gives up after 3 retries', async () => {
    // Full jitter scales each ceiling by Math.random(): 0.01 gives 1% of each. Waited on a fake clock, where the gaps
    // the server sees between attempts are the waits themselves.
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    clock = fakeClock();
    const arrivals: number[] = [];
    server = await startServer((_req, res) => {
      arrivals.push(performance.now());
      json(res, 503, { message: 'busy' });
    });
    const delays: number[] = [];
    const webex = new Webex({
      accessToken: 'T',
      baseUrl: server.url,
      fetch: clock.fetch,
      onRetry: (e) => delays.push(e.delayMs),
    });
    const error = await clock.run(webex.people.me().catch((e: unknown) => e));
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(delays).toEqual([5, 10, 20]);
    expect(server.requests).toHaveLength(4);
    expect(arrivals.slice(1).map((at, i) => at - arrivals[i]!)).toEqual([5, 10, 20]);
  });

  it('stops doubling at 8 s', async () => {
    // Every ceiling whole (random just under 1), waited on a fake clock: 31.5 s of backoff in no time.
    vi.spyOn(Math, 'random').mockReturnValue(0.9999);
    clock = fakeClock();
    server = await startServer((_req, res) => json(res, 503, {}));
    const delays: number[] = [];
    const webex = new Webex({
      accessToken: 'T',
      baseUrl: server.url,
      maxRetries: 7,
      fetch: clock.fetch,
      onRetry: (e) => delays.push(e.delayMs),
    });
    await clock.run(webex.people.me().catch(() => {}));
    expect(delays).toEqual([499, 999, 1_999, 3_999, 7_999, 7_999, 7_999]);
    expect(server.requests).toHaveLength(8);
  });

  it('throws RateLimitError at once when waiting is off', async () => {
    server = await startServer((_req, res) => json(res, 429, {}, { 'retry-after': '9' }));
    const error = await new Webex({ accessToken: 'T', baseUrl: server.url, waitOnRateLimit: false }).people
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });
});
