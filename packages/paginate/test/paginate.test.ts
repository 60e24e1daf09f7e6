import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { json, reset, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { defaultRetryPolicy, fetchWithRetry, ForeignLinkError, PageLimitError, paginate, Paginated } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PAGE_SIZE = 3;
/** A server listing `total` numbered items, `PAGE_SIZE` per page, linked with rel="next". */
async function listServer(total: number, link?: (page: number, url: string) => string | undefined) {
  return startServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get('page') ?? '0');
    const items = Array.from({ length: total }, (_, i) => i).slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const hasNext = (page + 1) * PAGE_SIZE < total;
    const next = `${server!.url}/api/items?page=${page + 1}`;
    const header = link ? link(page, next) : hasNext ? `<${next}>; rel="next"` : undefined;
    json(res, 200, { items }, header ? { link: header } : {});
  });
}

const clientFor = (url: string) => createClient<any>({ baseUrl: `${url}/api` });

describe('paginate (any openapi-fetch client)', () => {
  it('yields every item once, in order, following rel="next"', async () => {
    server = await listServer(10);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/items', '/api/items?page=1', '/api/items?page=2', '/api/items?page=3']);
  });

  it('is reusable: each iteration starts from the first page again', async () => {
    server = await listServer(5);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    const first: number[] = [];
    for await (const item of list) first.push(item);
    const second: number[] = [];
    for await (const item of list) second.push(item);
    expect(second).toEqual(first);
    expect(server.requests.filter((r) => r.url === '/api/items')).toHaveLength(2);
  });

  it('gives pages with their responses', async () => {
    server = await listServer(7);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    const sizes: number[] = [];
    for await (const page of list.pages()) {
      expect(page.response?.status).toBe(200);
      sizes.push(page.items.length);
    }
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('toArray({ limit }) stops early, at most one page ahead', async () => {
    server = await listServer(30);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray({ limit: 4 })).toEqual([0, 1, 2, 3]);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it('ends cleanly after the current page when the Link header is malformed', async () => {
    server = await listServer(10, () => 'string');
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops instead of looping when a next link repeats', async () => {
    server = await listServer(30, (page, next) => (page >= 1 ? `<${server!.url}/api/items?page=1>; rel="next"` : `<${next}>; rel="next"`));
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(server.requests).toHaveLength(2);
  });

  it('guards runaway listings with maxPages', async () => {
    server = await listServer(1000);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api`, maxPages: 4 });
    await expect(list.toArray()).rejects.toBeInstanceOf(PageLimitError);
  });

  it('refuses a next link on another origin', async () => {
    server = await listServer(10, () => '<https://elsewhere.example/api/items?page=1>; rel="next"');
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of list) seen.push(item);
      })(),
    ).rejects.toBeInstanceOf(ForeignLinkError);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('loses and repeats nothing when a page fails once and is retried', async () => {
    let failed = false;
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '0');
      if (page === 2 && !failed) {
        failed = true;
        return json(res, 503, { message: 'busy' });
      }
      const next: Record<string, string> = page < 4 ? { link: `<${server!.url}/api/items?page=${page + 1}>; rel="next"` } : {};
      json(res, 200, { items: [page * 2, page * 2 + 1] }, next);
    });
    const policy = { ...defaultRetryPolicy, baseDelayMs: 1 };
    const client = createClient<any>({ baseUrl: `${server.url}/api`, fetch: (r: Request) => fetchWithRetry(fetch, r, { policy }) });
    const items = await paginate<number>(client, '/items', {}, { baseUrl: `${server.url}/api` }).toArray();
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(server.requests).toHaveLength(6);
  });
});

describe('Paginated', () => {
  it('prefetches the next page while the caller works, and cancels it when the caller stops', async () => {
    const started: string[] = [];
    const aborted: string[] = [];
    const list = new Paginated<number>(async (cursor, signal) => {
      const at = cursor ?? '0';
      started.push(at);
      signal.addEventListener('abort', () => aborted.push(at));
      await new Promise((r) => setTimeout(r, 5));
      return { items: [Number(at)], next: String(Number(at) + 1) };
    });
    for await (const item of list) {
      if (item === 2) break;
    }
    expect(started).toEqual(['0', '1', '2', '3']);
    expect(aborted).toContain('3');
  });

  it('starts the next page as soon as the fetcher announces it, and never more than one ahead', async () => {
    const log: string[] = [];
    let inFlight = 0;
    let most = 0;
    const list = new Paginated<number>(async (cursor, _signal, announce) => {
      const at = Number(cursor ?? '0');
      log.push(`start ${at}`);
      most = Math.max(most, ++inFlight);
      const next = at < 5 ? String(at + 1) : undefined;
      await new Promise((r) => setTimeout(r, 2));
      announce?.(next); // headers are in; the body takes a while longer
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      log.push(`done ${at}`);
      return { items: [at], next };
    });
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    // Page 1 starts while page 0's body is still being read.
    expect(log.indexOf('start 1')).toBeLessThan(log.indexOf('done 0'));
    expect(most).toBeLessThanOrEqual(2);
  });

  it('fetches one page at a time with prefetch off', async () => {
    const started: string[] = [];
    const list = new Paginated<number>(
      async (cursor) => {
        started.push(cursor ?? '0');
        return { items: [1], next: String(Number(cursor ?? '0') + 1) };
      },
      { prefetch: false },
    );
    for await (const _ of list) {
      if (started.length === 3) break;
    }
    expect(started).toEqual(['0', '1', '2']);
  });

  it('surfaces a failed prefetch when the caller reaches it', async () => {
    const list = new Paginated<number>(async (cursor) => {
      if (cursor === '1') throw new Error('page 1 failed');
      return { items: [0], next: '1' };
    });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of list) seen.push(item);
      })(),
    ).rejects.toThrow('page 1 failed');
    expect(seen).toEqual([0]);
  });

  it('first() reads one page', async () => {
    let calls = 0;
    const list = new Paginated<string>(async () => {
      calls++;
      return { items: ['a', 'b'] };
    });
    expect(await list.first()).toBe('a');
    expect(calls).toBe(1);
  });
});

describe('fetchWithRetry', () => {
  const fast = { ...defaultRetryPolicy, baseDelayMs: 1, maxDelayMs: 5 };

  it('waits out a 429 and sends a POST again with the same body', async () => {
    server = await startServer((req, res, seen) => (seen.length === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { ok: true })));
    const request = new Request(`${server.url}/messages`, { method: 'POST', body: JSON.stringify({ text: 'hi' }), headers: { 'content-type': 'application/json' } });
    const response = await fetchWithRetry(fetch, request, { policy: fast });
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual(['{"text":"hi"}', '{"text":"hi"}']);
  });

  it('never re-sends a POST after a 500', async () => {
    server = await startServer((_req, res) => json(res, 500, { message: 'boom' }));
    const response = await fetchWithRetry(fetch, new Request(`${server.url}/messages`, { method: 'POST', body: '{}' }), { policy: fast });
    expect(response.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it('never re-sends a POST after a dropped connection', async () => {
    server = await startServer((_req, res) => reset(res));
    await expect(fetchWithRetry(fetch, new Request(`${server.url}/messages`, { method: 'POST', body: '{}' }), { policy: fast })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after resets, up to maxRetries', async () => {
    server = await startServer((_req, res) => reset(res));
    await expect(fetchWithRetry(fetch, new Request(`${server.url}/rooms`), { policy: fast })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1 + fast.maxRetries);
  });

  it('reports each retry to onRetry', async () => {
    server = await startServer((_req, res, seen) => (seen.length < 3 ? json(res, 503, {}) : json(res, 200, {})));
    const events: unknown[] = [];
    await fetchWithRetry(fetch, new Request(`${server.url}/rooms`), { policy: fast, onRetry: (e) => events.push({ attempt: e.attempt, reason: e.reason, status: e.status }) });
    expect(events).toEqual([
      { attempt: 1, reason: 'server-error', status: 503 },
      { attempt: 2, reason: 'server-error', status: 503 },
    ]);
  });

  it('ends a Retry-After wait at once when the caller aborts', async () => {
    server = await startServer((_req, res) => json(res, 429, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(fetchWithRetry(fetch, new Request(`${server.url}/rooms`), { policy: fast, signal: controller.signal })).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a stalled attempt and retries a GET', async () => {
    server = await startServer((_req, res, seen) => {
      if (seen.length === 1) return; // never answers
      json(res, 200, { ok: true });
    });
    const response = await fetchWithRetry(fetch, new Request(`${server.url}/rooms`), { policy: fast, timeoutMs: 100 });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });
});
