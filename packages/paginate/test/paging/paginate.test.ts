import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import {
  defaultRetryPolicy,
  fetchWithRetry,
  ForeignLinkError,
  PageFetchError,
  PageLimitError,
  paginate,
} from '../../src/index.js';

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

/** Runs a `for await` over `list`, giving the items seen and the error it ended with. */
async function drain<T>(list: AsyncIterable<T>): Promise<{ seen: T[]; error: unknown }> {
  const seen: T[] = [];
  try {
    for await (const item of list) seen.push(item);
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}

describe('paginate with Link paging (the default)', () => {
  it('yields every item once, in order, following rel="next"', async () => {
    server = await listServer(10);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/items',
      '/api/items?page=1',
      '/api/items?page=2',
      '/api/items?page=3',
    ]);
  });

  it('follows the next link as given, not adding the first request’s query', async () => {
    server = await listServer(5);
    const list = paginate<number>(
      clientFor(server.url),
      '/items',
      { params: { query: { max: 3 } }, headers: { 'x-test': 'kept' } },
      { baseUrl: `${server.url}/api` },
    );
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/items?max=3', '/api/items?page=1']);
    expect(server.requests.map((r) => r.headers['x-test'])).toEqual(['kept', 'kept']);
  });

  it('ends cleanly after the current page when the Link header is malformed', async () => {
    server = await listServer(10, () => 'string');
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(1);
  });

  it('ends when the Link header has no rel="next"', async () => {
    server = await listServer(10, (_page, next) => `<${next}>; rel="prev"`);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops instead of looping when a next link repeats', async () => {
    server = await listServer(30, (page, next) =>
      page >= 1 ? `<${server!.url}/api/items?page=1>; rel="next"` : `<${next}>; rel="next"`,
    );
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(server.requests).toHaveLength(2);
  });

  it('stops when a next link points back at the first page', async () => {
    server = await listServer(30, (page, next) =>
      page >= 1 ? `<${server!.url}/api/items>; rel="next"` : `<${next}>; rel="next"`,
    );
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/items', '/api/items?page=1']);
  });

  it('stops without repeating a page when different links answer the same items', async () => {
    server = await startServer((req, res) => {
      const n = Number(new URL(req.url, 'http://x').searchParams.get('n') ?? '0');
      json(
        res,
        200,
        { items: [{ id: 'a' }, { id: 'b' }] },
        { link: `<${server!.url}/api/items?n=${n + 1}>; rel="next"` },
      );
    });
    const list = paginate<{ id: string }>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(server.requests).toHaveLength(2);
  });

  it('guards runaway listings with maxPages', async () => {
    server = await listServer(1000);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api`, maxPages: 4 });
    await expect(list.toArray()).rejects.toBeInstanceOf(PageLimitError);
    expect(server.requests).toHaveLength(4);
  });

  it('refuses a next link on another origin, after yielding the current page', async () => {
    server = await listServer(10, () => '<https://elsewhere.example/api/items?page=1>; rel="next"');
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    const { seen, error } = await drain(list);
    expect(error).toBeInstanceOf(ForeignLinkError);
    expect((error as ForeignLinkError).link).toBe('https://elsewhere.example/api/items?page=1');
    expect(seen).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a next link on the same origin but outside the base path', async () => {
    server = await listServer(10, () => `<${server!.url}/apix/items?page=1>; rel="next"`);
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    const { seen, error } = await drain(list);
    expect(error).toBeInstanceOf(ForeignLinkError);
    expect(seen).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(1);
  });

  it('reads the items from another field when told to', async () => {
    server = await startServer((_req, res) => json(res, 200, { things: [1, 2] }));
    const list = paginate<number>(
      clientFor(server.url),
      '/items',
      {},
      { baseUrl: `${server.url}/api`, items: 'things' },
    );
    expect(await list.toArray()).toEqual([1, 2]);
  });

  it('reads a body without the items field as an empty page', async () => {
    server = await startServer((_req, res) => json(res, 200, { items: 'not a list' }));
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    expect(await list.toArray()).toEqual([]);
  });

  it('turns an error answer into PageFetchError with status, URL and body', async () => {
    server = await startServer((_req, res) => json(res, 403, { message: 'no' }));
    const list = paginate<number>(clientFor(server.url), '/items', {}, { baseUrl: `${server.url}/api` });
    const error = await list.toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageFetchError);
    expect(error).toMatchObject({ status: 403, url: `${server.url}/api/items`, body: { message: 'no' } });
  });

  it('takes the signal of init as the caller’s signal', async () => {
    server = await listServer(10);
    const list = paginate<number>(
      clientFor(server.url),
      '/items',
      { signal: AbortSignal.abort(new Error('stop')) },
      { baseUrl: `${server.url}/api` },
    );
    await expect(list.toArray()).rejects.toThrow('stop');
    expect(server.requests).toHaveLength(0);
  });

  it('loses and repeats nothing when a page fails once and is retried', async () => {
    let failed = false;
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '0');
      if (page === 2 && !failed) {
        failed = true;
        return json(res, 503, { message: 'busy' });
      }
      const next: Record<string, string> =
        page < 4 ? { link: `<${server!.url}/api/items?page=${page + 1}>; rel="next"` } : {};
      json(res, 200, { items: [page * 2, page * 2 + 1] }, next);
    });
    const waits: number[] = [];
    const client = createClient<any>({
      baseUrl: `${server.url}/api`,
      fetch: (r: Request) =>
        fetchWithRetry(fetch, r, { policy: defaultRetryPolicy, wait: async (ms) => void waits.push(ms) }),
    });
    const items = await paginate<number>(client, '/items', {}, { baseUrl: `${server.url}/api` }).toArray();
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(server.requests).toHaveLength(6);
    expect(waits).toHaveLength(1);
  });
});
