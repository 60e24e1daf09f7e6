// The fault suite: each fault injected on a real loopback server, with the guarantees asserted as
// invariants (items seen exactly once, requests the server counted), not as snapshots. Retry waits, backoff, the
// gate's pace, per-attempt timeouts and deadlines run on a fake clock (test-utils/fake-clock.ts): time moves only
// while no request is on the wire (or only those the server holds on purpose), so a slow machine times nothing out.
import { afterEach, describe, expect, it } from 'vitest';
import { endsWithin, type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { startFaultServer, type Fault, type FaultServer } from '../../../test-utils/fault-server.js';
import { cutOff, json, reset, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  ForeignLinkError,
  MalformedResponseError,
  Webex,
  WebexApiError,
  WebexConnectionError,
  WebexTimeoutError,
} from '../src/index.js';

const TOTAL = 25;
const PAGE = 5;
const everyItem = Array.from({ length: TOTAL }, (_, i) => i);
let server: FaultServer | TestServer | undefined;
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  await server?.close();
  server = undefined;
});

/** A client; on the fake clock when one is installed. */
function client(url: string) {
  // A short per-attempt timeout and Retry-After cap; the policy is the default one otherwise.
  return new Webex({
    accessToken: 'T',
    baseUrl: `${url}/v1`,
    timeout: 200,
    maxRetryAfter: 50,
    ...(clock ? { fetch: clock.fetch } : {}),
  });
}

/** `promise` driven by the fake clock when one is installed (see `FakeClock.run` for `quiet`). */
const settled = <T>(promise: Promise<T>, quiet?: () => boolean): Promise<T> =>
  clock ? clock.run(promise, quiet) : promise;

async function listAll(webex: Webex): Promise<number[]> {
  return (await webex.rooms.list({ max: PAGE }).toArray()) as unknown as number[];
}

const httpDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString();

describe('a GET listing with a fault on page 2, first attempt only', () => {
  const recovered: [string, Fault][] = [
    ['429 with Retry-After seconds', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }],
    ['429 with Retry-After as an HTTP date', { kind: 'status', status: 429, headers: { 'retry-after': httpDate(20) } }],
    ['429 without Retry-After (default wait, capped)', { kind: 'status', status: 429 }],
    ['423 with Retry-After', { kind: 'status', status: 423, headers: { 'retry-after': '0' } }],
    ['503 with Retry-After', { kind: 'status', status: 503, headers: { 'retry-after': '0' } }],
    ['500', { kind: 'status', status: 500 }],
    ['502', { kind: 'status', status: 502 }],
    ['503', { kind: 'status', status: 503 }],
    ['504', { kind: 'status', status: 504 }],
    ['a reset before the headers', { kind: 'reset-before-headers' }],
    ['a reset during the body', { kind: 'reset-during-body' }],
    ['a truncated body', { kind: 'truncated-body' }],
    ['a stall (per-attempt timeout)', { kind: 'stall' }],
  ];

  it.each(recovered)('%s: every item exactly once, page 2 fetched twice', async (_name, fault) => {
    clock = fakeClock();
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page, attempt) => (page === 2 && attempt === 1 ? fault : undefined),
    });
    server = faults;
    // A stalled request stays on the wire: the clock moves on when it is the only one left, to time it out.
    const quiet = fault.kind === 'stall' ? () => clock!.onWire === faults.held() : undefined;
    expect(await settled(listAll(client(faults.url)), quiet)).toEqual(everyItem);
    expect(faults.pageRequests(2)).toBe(2);
    expect(faults.requests).toHaveLength(TOTAL / PAGE + 1);
  });
});

describe('faults that end a listing', () => {
  it('a 2xx with invalid JSON throws MalformedResponseError (not retried) after the earlier pages', async () => {
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page) => (page === 2 ? { kind: 'invalid-json' } : undefined),
    });
    server = faults;
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of client(faults.url).rooms.list({ max: PAGE })) seen.push(item as unknown as number);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ status: 200, trackingId: 'BAD-JSON' });
    expect(seen).toEqual(everyItem.slice(0, 2 * PAGE));
    expect(faults.pageRequests(2)).toBe(1);
  });

  it('a 503 that persists gives WebexApiError after 1 + maxRetries attempts', async () => {
    clock = fakeClock();
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page) => (page === 1 ? { kind: 'status', status: 503 } : undefined),
    });
    server = faults;
    await expect(settled(listAll(client(faults.url)))).rejects.toMatchObject({ status: 503, trackingId: 'FAULT' });
    expect(faults.pageRequests(1)).toBe(4);
  });

  it('a 404 is not retried', async () => {
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page) => (page === 1 ? { kind: 'status', status: 404 } : undefined),
    });
    server = faults;
    await expect(listAll(client(faults.url))).rejects.toBeInstanceOf(WebexApiError);
    expect(faults.pageRequests(1)).toBe(1);
  });

  it('a malformed Link header ends the listing cleanly after the current page', async () => {
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page) => (page === 1 ? { kind: 'link', link: 'string' } : undefined),
    });
    server = faults;
    expect(await listAll(client(faults.url))).toEqual(everyItem.slice(0, 2 * PAGE));
    expect(faults.requests).toHaveLength(2);
  });

  it('a next link seen before stops the listing instead of looping', async () => {
    let faults: FaultServer;
    faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page) =>
        page === 2 ? { kind: 'link', link: `<${faults.url}/v1/items?page=1>; rel="next"` } : undefined,
    });
    server = faults;
    expect(await listAll(client(faults.url))).toEqual(everyItem.slice(0, 3 * PAGE));
    expect(faults.requests).toHaveLength(3);
  });

  it('a next link to another origin is refused and nothing is sent there', async () => {
    const elsewhere = await startServer((_req, res) => json(res, 200, { items: [999] }));
    try {
      const faults = await startFaultServer({
        total: TOTAL,
        pageSize: PAGE,
        faultFor: (page) =>
          page === 0 ? { kind: 'link', link: `<${elsewhere.url}/v1/items?page=1>; rel="next"` } : undefined,
      });
      server = faults;
      await expect(listAll(client(faults.url))).rejects.toBeInstanceOf(ForeignLinkError);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('a POST is never sent twice unless the caller asks', () => {
  const create = (url: string, options?: { retryNonIdempotent?: boolean }) =>
    client(url).messages.create({ roomId: 'R', text: 'deploy finished' }, options);

  it.each([
    ['500', (res: Parameters<typeof json>[0]) => json(res, 500, { message: 'boom' }), WebexApiError],
    ['502', (res: Parameters<typeof json>[0]) => json(res, 502, {}), WebexApiError],
    [
      '503 with Retry-After',
      (res: Parameters<typeof json>[0]) => json(res, 503, {}, { 'retry-after': '0' }),
      WebexApiError,
    ],
    ['a reset', (res: Parameters<typeof json>[0]) => reset(res), WebexConnectionError],
    [
      'a reset during the body',
      (res: Parameters<typeof json>[0]) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        cutOff(res, '{"id":');
      },
      WebexConnectionError,
    ],
  ] as const)('%s: thrown, server saw it once', async (_name, answer, errorClass) => {
    server = await startServer((_req, res) => answer(res));
    await expect(create(server.url)).rejects.toBeInstanceOf(errorClass);
    expect(server.requests).toHaveLength(1);
  });

  it('a stall: thrown, server saw it once', async () => {
    clock = fakeClock();
    const held = await startServer(() => {});
    server = held;
    // The server holds every request: once the one sent is there, the clock moves on to its per-attempt timeout.
    const timedOut = settled(create(held.url), () => clock!.onWire === held.requests.length);
    await expect(timedOut).rejects.toBeInstanceOf(WebexTimeoutError);
    expect(held.requests).toHaveLength(1);
  });

  it('a 429 was not processed: re-sent, once more, and succeeds', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { id: 'M1' }),
    );
    expect((await create(server.url)).id).toBe('M1');
    expect(server.requests).toHaveLength(2);
  });

  it('with retryNonIdempotent a 503 is retried', async () => {
    clock = fakeClock();
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? json(res, 503, {}) : json(res, 200, { id: 'M1' }),
    );
    expect((await settled(create(server.url, { retryNonIdempotent: true }))).id).toBe('M1');
    expect(server.requests).toHaveLength(2);
  });
});

describe('shared back-off and limits', () => {
  it('maxConcurrency caps requests in flight', async () => {
    // The server holds each request until every request the client has sent (onRequest) is there: what it then
    // holds is all the client has in flight, however fast the machine. Without the cap, it would hold all 12.
    let sent = 0;
    let most = 0;
    const held: (() => void)[] = [];
    server = await startServer((_req, res, seen) => {
      held.push(() => json(res, 200, { id: 'x' }));
      if (seen.length < sent) return;
      most = Math.max(most, held.length);
      for (const answer of held.splice(0)) answer();
    });
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, maxConcurrency: 3, onRequest: () => sent++ });
    await endsWithin(
      Promise.all(Array.from({ length: 12 }, () => webex.rooms.get('r'))),
      10_000,
      'the 12 calls (a server left holding requests)',
    );
    expect(most).toBe(3);
    expect(server.requests).toHaveLength(12);
  });

  it('under a rate limit, every call succeeds exactly once and 429s stay few', async () => {
    // A token bucket: 20 requests per 200 ms window, 429 with Retry-After: 0 beyond it. On the fake clock, so that
    // how many requests fit in a window does not depend on the machine.
    clock = fakeClock();
    let windowStart = Date.now();
    let used = 0;
    const bodies = new Set<string>();
    let limited = 0;
    server = await startServer((req, res) => {
      if (Date.now() - windowStart >= 200) {
        windowStart = Date.now();
        used = 0;
      }
      if (++used > 20) {
        limited++;
        return json(res, 429, {}, { 'retry-after': '0' });
      }
      bodies.add(req.body);
      json(res, 200, { id: req.body });
    });
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, maxConcurrency: 5, fetch: clock.fetch });
    const results = await clock.run(
      Promise.all(Array.from({ length: 60 }, (_, i) => webex.messages.create({ roomId: 'R', text: `n${i}` }))),
    );
    expect(results).toHaveLength(60);
    expect(bodies.size).toBe(60);
    expect(limited).toBeLessThan(30);
  });

  it('an overall deadline ends the call, retries and waits included', async () => {
    clock = fakeClock();
    server = await startServer((_req, res) => json(res, 503, {}, { 'retry-after': '1' }));
    const webex = new Webex({
      accessToken: 'T',
      baseUrl: server.url,
      maxRetries: 10,
      maxRetryAfter: 5_000,
      fetch: clock.fetch,
    });
    const started = performance.now();
    await expect(clock.run(webex.rooms.get('r', { deadline: 300 }))).rejects.toBeInstanceOf(WebexTimeoutError);
    // On the fake clock: at the deadline to the millisecond, in the middle of the first 1 s wait.
    expect(performance.now() - started).toBe(300);
    expect(server.requests).toHaveLength(1);
  });
});

describe('observability', () => {
  it('hooks see each attempt, response and retry, redacted, with the TrackingID sent', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1
        ? json(res, 503, {}, { 'retry-after': '0' })
        : json(res, 200, { id: 'r' }, { trackingid: 'SRV-1' }),
    );
    const log: string[] = [];
    const lines: string[] = [];
    const webex = new Webex({
      accessToken: 'SECRET-TOKEN',
      baseUrl: server.url,
      onRequest: (e) => log.push(`request ${e.method} ${e.trackingId}`),
      onResponse: (e) => log.push(`response ${e.status} ${e.responseTrackingId ?? '-'}`),
      onRetry: (e) => log.push(`retry ${e.attempt} ${e.reason} ${e.delayMs}`),
      logger: { debug: (message, details) => lines.push(`${message} ${JSON.stringify(details)}`) },
    });
    await webex.rooms.get('r', { trackingId: 'MY-TRACE-1' });
    expect(log).toEqual([
      'request GET MY-TRACE-1',
      'response 503 -',
      'retry 1 server-error 0',
      'request GET MY-TRACE-1',
      'response 200 SRV-1',
    ]);
    expect(server.requests.every((r) => r.headers.trackingid === 'MY-TRACE-1')).toBe(true);
    expect(lines.length).toBe(5);
    expect(lines.join('\n')).not.toContain('SECRET-TOKEN');
  });
});

describe('paging speed', () => {
  it('asks for the next page as soon as the Link header is in, before the body has arrived', async () => {
    // Each page's body waits for the next page's request: at most a second, for a client that reads bodies first.
    const events: string[] = [];
    const arrived: (() => void)[] = [];
    const arrivals = [0, 1, 2].map((page) => new Promise<void>((resolve) => (arrived[page] = resolve)));
    server = await startServer(async (request, response) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? '0');
      events.push(`request ${page}`);
      arrived[page]!();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (page < 2) headers.link = `<${server!.url}/v1/rooms?max=1&page=${page + 1}>; rel="next"`;
      response.writeHead(200, headers);
      response.flushHeaders();
      if (page < 2) await Promise.race([arrivals[page + 1], new Promise((resolve) => setTimeout(resolve, 1_000))]);
      events.push(`body ${page}`);
      response.end(JSON.stringify({ items: [{ id: `r${page}` }] }));
    });
    // No per-attempt timeout of 200 ms here: a body held back is not a stalled one.
    const webex = new Webex({ accessToken: 'T', baseUrl: `${server.url}/v1` });
    const rooms = await webex.rooms.list({ max: 1 }).toArray();
    expect(rooms.map((room) => room.id)).toEqual(['r0', 'r1', 'r2']);
    // Waiting for each body first would have the server send it before the next request came.
    expect(events.indexOf('request 1')).toBeLessThan(events.indexOf('body 0'));
    expect(events.indexOf('request 2')).toBeLessThan(events.indexOf('body 1'));
    expect(events).toHaveLength(6);
  });
});
