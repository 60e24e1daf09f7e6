// The fault suite: each fault injected on a real loopback server, with the guarantees asserted as
// invariants (items seen exactly once, requests the server counted), not as snapshots.
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultServer, type Fault, type FaultServer } from '../../../test-utils/fault-server.js';
import { json, reset, startServer, type TestServer } from '../../../test-utils/http-server.js';
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
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(url: string) {
  // Short waits so the suite runs fast; the policy is the default one otherwise.
  return new Webex({ accessToken: 'T', baseUrl: `${url}/v1`, timeout: 200, maxRetryAfter: 50 });
}

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
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page, attempt) => (page === 2 && attempt === 1 ? fault : undefined),
    });
    server = faults;
    expect(await listAll(client(faults.url))).toEqual(everyItem);
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
    const faults = await startFaultServer({
      total: TOTAL,
      pageSize: PAGE,
      faultFor: (page) => (page === 1 ? { kind: 'status', status: 503 } : undefined),
    });
    server = faults;
    await expect(listAll(client(faults.url))).rejects.toMatchObject({ status: 503, trackingId: 'FAULT' });
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
        res.write('{"id":');
        setTimeout(() => res.socket?.destroy(), 5);
      },
      WebexConnectionError,
    ],
    ['a stall', () => {}, WebexTimeoutError],
  ] as const)('%s: thrown, server saw it once', async (_name, answer, errorClass) => {
    server = await startServer((_req, res) => answer(res));
    await expect(create(server.url)).rejects.toBeInstanceOf(errorClass);
    expect(server.requests).toHaveLength(1);
  });

  it('a 429 was not processed: re-sent, once more, and succeeds', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { id: 'M1' }),
    );
    expect((await create(server.url)).id).toBe('M1');
    expect(server.requests).toHaveLength(2);
  });

  it('with retryNonIdempotent a 503 is retried', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? json(res, 503, {}) : json(res, 200, { id: 'M1' }),
    );
    expect((await create(server.url, { retryNonIdempotent: true })).id).toBe('M1');
    expect(server.requests).toHaveLength(2);
  });
});

describe('shared back-off and limits', () => {
  it('maxConcurrency caps requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startServer(async (_req, res) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      json(res, 200, { id: 'x' });
    });
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => webex.rooms.get('r')));
    expect(most).toBe(3);
    expect(server.requests).toHaveLength(12);
  });

  it('under a rate limit, every call succeeds exactly once and 429s stay few', async () => {
    // A token bucket: 20 requests per 200 ms window, 429 with Retry-After: 0 beyond it.
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
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, maxConcurrency: 5 });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => webex.messages.create({ roomId: 'R', text: `n${i}` })),
    );
    expect(results).toHaveLength(60);
    expect(bodies.size).toBe(60);
    expect(limited).toBeLessThan(30);
  });

  it('an overall deadline ends the call, retries and waits included', async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { 'retry-after': '1' }));
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, maxRetries: 10, maxRetryAfter: 5_000 });
    const started = Date.now();
    await expect(webex.rooms.get('r', { deadline: 300 })).rejects.toBeInstanceOf(WebexTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
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
    const BODY_DELAY_MS = 150;
    const arrivals: number[] = [];
    server = await startServer((request, response) => {
      arrivals.push(performance.now());
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? '0');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (page < 2) headers.link = `<${server!.url}/v1/rooms?max=1&page=${page + 1}>; rel="next"`;
      response.writeHead(200, headers);
      response.flushHeaders();
      setTimeout(() => response.end(JSON.stringify({ items: [{ id: `r${page}` }] })), BODY_DELAY_MS);
    });
    const rooms = await client(server.url).rooms.list({ max: 1 }).toArray();
    expect(rooms.map((room) => room.id)).toEqual(['r0', 'r1', 'r2']);
    expect(arrivals).toHaveLength(3);
    // Waiting for each body first would put the requests at least BODY_DELAY_MS apart.
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(BODY_DELAY_MS - 50);
    expect(arrivals[2]! - arrivals[1]!).toBeLessThan(BODY_DELAY_MS + 100);
  });
});
