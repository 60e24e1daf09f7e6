// Retry-After really waited, measured where it matters: at the server, between the 429 and the
// request that followed. And under 429s and 503s, each message is accepted exactly once.
// On a fake clock (test-utils/fake-clock.ts): the waits take no time, and the gap the server sees is the wait itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClock, type FakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { type RetryEvent, Webex, WebexApiError } from '../src/index.js';

let server: TestServer | undefined;
let clock: FakeClock;
beforeEach(() => {
  clock = fakeClock();
});
afterEach(async () => {
  clock.uninstall();
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

/** A client on the fake clock; `waits` gets the delay of each retry it announces. */
function client(url: string, waits: number[] = []) {
  return new Webex({
    accessToken: 'T',
    baseUrl: url,
    fetch: clock.fetch,
    onRetry: (e: RetryEvent) => waits.push(e.delayMs),
  });
}

describe('the wait between a 429 and the next request, at the server', () => {
  it('Retry-After: 1 holds the next request back 1 s', async () => {
    const { url, arrivals } = await rateLimitedOnce(() => '1');
    const waits: number[] = [];
    const person = await clock.run(client(url, waits).people.me());
    expect(person.id).toBe('me');
    expect(waits).toEqual([1_000]);
    expect(arrivals).toHaveLength(2);
    // Fake time stands still while a request travels: the gap the server saw is the wait, to the millisecond.
    expect(arrivals[1]! - arrivals[0]!).toBe(1_000);
  });

  it('Retry-After as an HTTP date 2 s ahead holds the next request back until then', async () => {
    // An HTTP date has whole seconds: the clock starts on one, so the date is exactly 2 s ahead.
    vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
    const { url, arrivals } = await rateLimitedOnce(() => new Date(Date.now() + 2_000).toUTCString());
    const waits: number[] = [];
    await clock.run(client(url, waits).people.me());
    expect(waits).toEqual([2_000]);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBe(2_000);
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
    const webex = client(server.url);
    // The shared gate paces everyone after a 429 that came before any success: seconds, on the fake clock.
    const outcomes = await clock.run(
      Promise.allSettled(
        Array.from({ length: CALLS }, (_, n) => webex.messages.create({ roomId: 'R', text: `n${n}` })),
      ),
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
  });
});
