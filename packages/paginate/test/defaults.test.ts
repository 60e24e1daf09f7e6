// The README's defaults, pinned: how long the retry loop waits and how often it tries, seen through
// an injected `wait` (so nothing really sleeps) against a real loopback server.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  backoffDelayMs,
  DEFAULT_MAX_PAGES,
  defaultRetryPolicy,
  linkPaging,
  PageLimitError,
  Paginated,
  sendWithRetry,
  type RetryPolicy,
} from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const readText = (response: Response) => response.text();

/** Sends one GET through the retry loop, recording every wait instead of sleeping. */
async function send(url: string, options: { policy?: RetryPolicy; random?: () => number; method?: string } = {}) {
  const waits: number[] = [];
  const request = new Request(url, { method: options.method ?? 'GET' });
  const sent = await sendWithRetry(
    (req, init) => fetch(req, init),
    request,
    {
      policy: options.policy ?? defaultRetryPolicy,
      wait: async (ms) => {
        waits.push(ms);
      },
      ...(options.random ? { random: options.random } : {}),
    },
    readText,
  );
  return { status: sent.response.status, body: sent.body, waits };
}

/** Answers the first request with `status` and `headers`, every later one with 200. */
const failOnce = (status: number, headers: Record<string, string> = {}) =>
  startServer((_req, res, seen) => (seen.length === 1 ? json(res, status, {}, headers) : json(res, 200, { ok: true })));

describe('defaultRetryPolicy', () => {
  it('holds the documented numbers', () => {
    expect(defaultRetryPolicy).toMatchObject({
      maxRetries: 3,
      waitOnRateLimit: true,
      defaultRetryAfterMs: 15_000,
      maxRetryAfterMs: 60_000,
      baseDelayMs: 500,
      maxDelayMs: 8_000,
      retryNonIdempotent: false,
    });
  });

  it('backoff ceilings double from 0.5 s up to 8 s', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, defaultRetryPolicy, top))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
});

describe('rate-limit waits with the default policy', () => {
  it('waits 15 s when a 429 has no Retry-After, then sends again', async () => {
    server = await failOnce(429);
    const result = await send(server.url);
    expect(result).toEqual({ status: 200, body: '{"ok":true}', waits: [15_000] });
    expect(server.requests).toHaveLength(2);
  });

  it('waits 15 s when Retry-After is unreadable', async () => {
    server = await failOnce(429, { 'retry-after': 'soon' });
    expect((await send(server.url)).waits).toEqual([15_000]);
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    server = await failOnce(429, { 'retry-after': '7' });
    expect((await send(server.url)).waits).toEqual([7_000]);
  });

  it('cuts a Retry-After of an hour to the 60 s cap', async () => {
    server = await failOnce(429, { 'retry-after': '3600' });
    expect((await send(server.url)).waits).toEqual([60_000]);
  });

  it('cuts an HTTP-date Retry-After far ahead to the 60 s cap', async () => {
    server = await failOnce(429, { 'retry-after': new Date(Date.now() + 10 * 60_000).toUTCString() });
    expect((await send(server.url)).waits).toEqual([60_000]);
  });

  it('re-sends a POST after a 429 (it was not processed)', async () => {
    server = await failOnce(429, { 'retry-after': '2' });
    const result = await send(server.url, { method: 'POST' });
    expect(result.waits).toEqual([2_000]);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });
});

describe('server-error backoff with the default policy (0.5 s base, 8 s cap, full jitter, 3 retries)', () => {
  const always503 = () => startServer((_req, res) => json(res, 503, { message: 'busy' }));

  it('random = 1: waits 0.5, 1 and 2 s, then gives back the 4th answer', async () => {
    server = await always503();
    const result = await send(server.url, { random: () => 1 });
    expect(result.waits).toEqual([500, 1000, 2000]);
    expect(result.status).toBe(503);
    expect(server.requests).toHaveLength(4);
  });

  it('random = 0.5: waits half of each ceiling', async () => {
    server = await always503();
    expect((await send(server.url, { random: () => 0.5 })).waits).toEqual([250, 500, 1000]);
  });

  it('with more retries the step stops growing at 8 s', async () => {
    server = await always503();
    const result = await send(server.url, { random: () => 1, policy: { ...defaultRetryPolicy, maxRetries: 7 } });
    expect(result.waits).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(server.requests).toHaveLength(8);
  });

  it('recovers when a retry succeeds', async () => {
    server = await failOnce(502);
    expect(await send(server.url, { random: () => 0.5 })).toEqual({ status: 200, body: '{"ok":true}', waits: [250] });
  });

  it('does not re-send a POST answered 503', async () => {
    server = await always503();
    const result = await send(server.url, { method: 'POST', random: () => 1 });
    expect(result).toMatchObject({ status: 503, waits: [] });
    expect(server.requests).toHaveLength(1);
  });
});

describe('DEFAULT_MAX_PAGES', () => {
  it('is 10 000, and a listing that never ends stops there with PageLimitError', async () => {
    expect(DEFAULT_MAX_PAGES).toBe(10_000);
    let loads = 0;
    // An endless listing served from memory: each page links to the next.
    const endless = new Paginated<number>(async () => {
      const page = loads++;
      return {
        body: { items: [page] },
        response: new Response(null, { headers: { link: `<https://api.test/items?page=${page + 1}>; rel="next"` } }),
      };
    }, linkPaging());
    let items = 0;
    const error = await (async () => {
      for await (const _item of endless) items++;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect((error as PageLimitError).maxPages).toBe(10_000);
    expect(items).toBe(10_000);
    expect(loads).toBe(10_000);
  });
});
