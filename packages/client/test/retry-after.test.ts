// Retry-After really waited, measured where it matters: at the server, between the 429 and the
// request that followed. And under 429s and 503s, each message is accepted exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { Webex, WebexApiError } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server answering the first request with 429 and `retryAfter()`, later ones with 200; it notes when each request came. */
async function rateLimitedOnce(retryAfter: () => string) {
  const arrivals: number[] = [];
  server = await startServer((_req, res, seen) => {
    arrivals.push(performance.now());
    if (seen.length === 1) json(res, 429, { message: 'slow down' }, { 'retry-after': retryAfter() });
    else json(res, 200, { id: 'me' });
  });
  return { url: server.url, arrivals };
}

describe('the wait between a 429 and the next request, at the server', () => {
  it('Retry-After: 1 holds the next request back at least ~1 s', async () => {
    const { url, arrivals } = await rateLimitedOnce(() => '1');
    const person = await new Webex({ accessToken: 'T', baseUrl: url }).people.me();
    expect(person.id).toBe('me');
    expect(arrivals).toHaveLength(2);
    const gap = arrivals[1]! - arrivals[0]!;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(5_000);
  });

  it('Retry-After as an HTTP date ~2 s ahead holds the next request back at least 1.5 s', async () => {
    // An HTTP date has whole seconds: round up, so the date is 2 to 3 s ahead when sent.
    const { url, arrivals } = await rateLimitedOnce(() =>
      new Date(Math.ceil((Date.now() + 2_000) / 1000) * 1000).toUTCString(),
    );
    await new Webex({ accessToken: 'T', baseUrl: url }).people.me();
    expect(arrivals).toHaveLength(2);
    const gap = arrivals[1]! - arrivals[0]!;
    expect(gap).toBeGreaterThanOrEqual(1_500);
    expect(gap).toBeLessThan(6_000);
  });
});

describe('every message is accepted exactly once', () => {
  it('429s are re-sent until accepted; a POST answered 503 is not re-sent', async () => {
    const CALLS = 30;
    const isRefused = (n: number) => n % 5 === 0; // always 503 for these: must reach the server once
    const isLimited = (n: number) => n % 3 === 0; // 429 on the first try (and the second for some)
    const accepted: string[] = [];
    const tries = new Map<number, number>();
    server = await startServer((req, res) => {
      if (req.method !== 'POST' || req.url !== '/messages')
        return json(res, 404, { message: `unexpected ${req.method} ${req.url}` });
      const n = Number((JSON.parse(req.body) as { text: string }).text.slice(1));
      const attempt = (tries.get(n) ?? 0) + 1;
      tries.set(n, attempt);
      if (isRefused(n)) return json(res, 503, { message: 'busy' });
      if (isLimited(n) && attempt <= 1 + (n % 2)) return json(res, 429, {}, { 'retry-after': '0' });
      accepted.push(req.body);
      json(res, 200, { id: `M${n}` });
    });
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const outcomes = await Promise.allSettled(
      Array.from({ length: CALLS }, (_, n) => webex.messages.create({ roomId: 'R', text: `n${n}` })),
    );

    const numbers = Array.from({ length: CALLS }, (_, n) => n);
    const expected = numbers.filter((n) => !isRefused(n));
    // Each body the server accepted, counted (an array, so a duplicate would show).
    const counts = new Map<string, number>();
    for (const body of accepted) {
      const text = (JSON.parse(body) as { text: string }).text;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    expect(accepted).toHaveLength(expected.length);
    expect([...counts.keys()].sort()).toEqual(expected.map((n) => `n${n}`).sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);

    for (const n of numbers) {
      const outcome = outcomes[n]!;
      if (isRefused(n)) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WebexApiError);
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ status: 503 });
        expect(tries.get(n)).toBe(1);
      } else {
        expect(outcome).toEqual({ status: 'fulfilled', value: { id: `M${n}` } });
        expect(tries.get(n)).toBe(isLimited(n) ? 2 + (n % 2) : 1);
      }
    }
    // The shared gate paces everyone after a 429 that came before any success, so this takes seconds.
  }, 40_000);
});
