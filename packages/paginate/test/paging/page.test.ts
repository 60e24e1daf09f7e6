// Page-number paging (`page` + `pageSize`, Contact Center's) through `paginate`, against a real loopback server: bare
// arrays and `meta`/`data` envelopes, each way a listing ends, and the engine's guarantees on top.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiClientError,
  MalformedPageError,
  type OpenApiPaginateOptions,
  PageLimitError,
  paginate,
} from '../../src/index.js';
import { ioTurns, until } from '../waits.js';
import { type ClientLog, clientFor, clientLog, type ListingServer } from './listing-servers.js';
import { type PageServerOptions, startPageServer } from './page-servers.js';

let server: ListingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const urls = () => server!.requests.map((r) => r.url);
/** The URL page `k` arrives as when the caller asked for `size` items a page: only `page` is added. */
const url = (k: number, size: number) =>
  k === 0 ? `/api/items?pageSize=${size}` : `/api/items?pageSize=${size}&page=${k}`;

const list = (
  query: Record<string, unknown>,
  paging: OpenApiPaginateOptions['paging'],
  options: Partial<OpenApiPaginateOptions> = {},
  log?: ClientLog,
) =>
  paginate<number>(
    clientFor(server!, log),
    '/items',
    { params: { query } },
    { baseUrl: `${server!.url}/api`, paging, ...options },
  );

const bare = { strategy: 'page', page: 'page', pageSize: 'pageSize' } as const;
const enveloped = { ...bare, items: 'data' } as const;

interface Style {
  name: string;
  server: PageServerOptions;
  paging: OpenApiPaginateOptions['paging'];
  /** Whether the answers carry totals, which spare the request after a full last page. */
  totals: boolean;
}

const styles: Style[] = [
  { name: 'a bare array', server: { shape: 'array' }, paging: bare, totals: false },
  {
    name: 'an envelope without totals',
    server: { shape: 'envelope', meta: () => ({ orgid: 'org' }) },
    paging: enveloped,
    totals: false,
  },
  { name: 'an envelope with totals', server: { shape: 'envelope' }, paging: enveloped, totals: true },
];

describe.each(styles)('page paging of $name', (style) => {
  const start = (total: number, more: PageServerOptions = {}) => startPageServer(total, { ...style.server, ...more });

  it('yields every item once, in order, one request per page, and ends on the short page', async () => {
    server = await start(10);
    expect(await list({ pageSize: 3 }, style.paging).toArray()).toEqual(range(0, 10));
    expect(urls()).toEqual([0, 1, 2, 3].map((k) => url(k, 3)));
  });

  it('after a full last page, asks once more only when the answers carry no totals', async () => {
    server = await start(9);
    expect(await list({ pageSize: 3 }, style.paging).toArray()).toEqual(range(0, 9));
    expect(urls()).toEqual(range(0, style.totals ? 3 : 4).map((k) => url(k, 3)));
  });

  it('reads an empty listing with one request', async () => {
    server = await start(0);
    expect(await list({ pageSize: 3 }, style.paging).toArray()).toEqual([]);
    expect(urls()).toEqual([url(0, 3)]);
  });

  it('without a page size from the caller, takes the first page’s length as the server’s', async () => {
    server = await start(10, { defaultSize: 4 });
    expect(await list({}, style.paging).toArray()).toEqual(range(0, 10));
    // 4, 4, then 2: shorter than the first page, so the last.
    expect(urls()).toEqual(['/api/items', '/api/items?page=1', '/api/items?page=2']);
  });

  it('serves iterations running at once, each from the first page', async () => {
    server = await start(10, { defaultSize: 4 });
    const listing = list({}, style.paging);
    const [a, b] = await Promise.all([listing.toArray(), listing.toArray()]);
    expect(a).toEqual(range(0, 10));
    expect(b).toEqual(range(0, 10));
    expect(urls()).toHaveLength(6);
  });

  it('ends after 2 requests, without yielding the repeat, when the server ignores `page`', async () => {
    server = await start(30, { ignorePaging: true });
    expect(await list({ pageSize: 3 }, style.paging).toArray()).toEqual([0, 1, 2]);
    expect(urls()).toEqual([url(0, 3), url(1, 3)]);
  });

  it('sends nothing more once the caller breaks (prefetch off: exactly one request)', async () => {
    server = await start(30);
    const log = clientLog();
    for await (const item of list({ pageSize: 3 }, style.paging, { prefetch: false }, log)) {
      expect(item).toBe(0);
      break;
    }
    await ioTurns();
    expect(log.sent).toEqual([url(0, 3)]);
    expect(urls()).toEqual([url(0, 3)]);
  });

  it('sends nothing past the page ahead once the caller breaks, and aborts that one', async () => {
    server = await start(30, { slow: [1] });
    const log = clientLog();
    for await (const item of list({ pageSize: 3 }, style.paging, {}, log)) {
      if (item === 0) {
        await until(() => urls().length === 2); // the prefetch of page 1 is now held by the server
        break;
      }
    }
    await until(() => server!.aborted.length > 0);
    await ioTurns();
    expect(log.sent).toEqual([url(0, 3), url(1, 3)]);
    expect(server.aborted).toEqual([url(1, 3)]);
  });

  it('toArray({ limit }) stops early, at most one page ahead', async () => {
    server = await start(30);
    const log = clientLog();
    expect(await list({ pageSize: 3 }, style.paging, {}, log).toArray({ limit: 4 })).toEqual([0, 1, 2, 3]);
    await ioTurns();
    expect(log.sent.slice(0, 2)).toEqual([url(0, 3), url(1, 3)]);
    expect(log.sent.length).toBeLessThanOrEqual(3);
  });

  it('throws PageLimitError after maxPages pages, without requesting one more', async () => {
    server = await start(1000);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of list({ pageSize: 3 }, style.paging, { maxPages: 2 })) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect(seen).toEqual(range(0, 6));
    expect(urls()).toEqual([url(0, 3), url(1, 3)]);
  });
});

describe('page paging: where the listing starts', () => {
  it('starts at the caller’s page, with the caller’s page size, and keeps the rest of the query', async () => {
    server = await startPageServer(10);
    expect(await list({ page: 2, pageSize: 3, filter: 'x' }, bare).toArray()).toEqual(range(6, 10));
    expect(urls()).toEqual(['/api/items?page=2&pageSize=3&filter=x', '/api/items?page=3&pageSize=3&filter=x']);
  });

  it('reads a page number given as a string', async () => {
    server = await startPageServer(10);
    expect(await list({ page: '1', pageSize: '3' }, bare).toArray()).toEqual(range(3, 10));
    expect(urls()).toEqual([
      '/api/items?page=1&pageSize=3',
      '/api/items?page=2&pageSize=3',
      '/api/items?page=3&pageSize=3',
    ]);
  });

  it('without a page size, asks for the page after a full first page and ends on the empty one', async () => {
    server = await startPageServer(8, { defaultSize: 4 });
    expect(await list({}, bare).toArray()).toEqual(range(0, 8));
    expect(urls()).toEqual(['/api/items', '/api/items?page=1', '/api/items?page=2']);
  });
});

describe('page paging: totals in the envelope', () => {
  const start = (total: number, more: PageServerOptions = {}) => startPageServer(total, { shape: 'envelope', ...more });

  it('follows the totals when the server serves fewer items a page than asked for', async () => {
    server = await start(10, { cap: 3 });
    expect(await list({ pageSize: 5 }, enveloped).toArray()).toEqual(range(0, 10));
    expect(urls()).toEqual([0, 1, 2, 3].map((k) => url(k, 5)));
  });

  // Nothing in a bare array says more is coming: the short page is the end, as documented.
  it('ends a bare-array listing on a page shorter than asked, even one the server cut', async () => {
    server = await startPageServer(10, { cap: 3 });
    expect(await list({ pageSize: 5 }, bare).toArray()).toEqual([0, 1, 2]);
    expect(urls()).toEqual([url(0, 5)]);
  });

  it('ends on totalRecords alone', async () => {
    server = await start(9, { meta: ({ total }) => ({ totalRecords: total }) });
    expect(await list({ pageSize: 3 }, enveloped).toArray()).toEqual(range(0, 9));
    expect(urls()).toEqual([0, 1, 2].map((k) => url(k, 3)));
  });

  it('ends on totalPages alone', async () => {
    server = await start(9, { meta: ({ total, size }) => ({ totalPages: Math.ceil(total / size) }) });
    expect(await list({ pageSize: 3 }, enveloped).toArray()).toEqual(range(0, 9));
    expect(urls()).toEqual([0, 1, 2].map((k) => url(k, 3)));
  });

  it('from a later page, totalRecords costs at most one more request, never an item', async () => {
    server = await start(9, { meta: ({ total }) => ({ totalRecords: total }) });
    expect(await list({ page: 1, pageSize: 3 }, enveloped).toArray()).toEqual(range(3, 9));
    expect(urls()).toEqual([
      '/api/items?page=1&pageSize=3',
      '/api/items?page=2&pageSize=3',
      '/api/items?page=3&pageSize=3',
    ]);
  });

  it.each([
    { totalPages: 0, totalRecords: 0 },
    { totalPages: -1, totalRecords: 2.5 },
    { totalPages: '1', totalRecords: '3' },
    { totalPages: null },
  ])('ignores totals that are not sane (%j) and ends on the short page instead', async (meta) => {
    server = await start(10, { meta: () => meta });
    expect(await list({ pageSize: 3 }, enveloped).toArray()).toEqual(range(0, 10));
    expect(urls()).toEqual([0, 1, 2, 3].map((k) => url(k, 3)));
  });

  it('ends on an empty page even when the totals promise more', async () => {
    server = await start(9, { meta: () => ({ totalPages: 100, totalRecords: 1000 }) });
    expect(await list({ pageSize: 3 }, enveloped).toArray()).toEqual(range(0, 9));
    expect(urls()).toEqual([0, 1, 2, 3].map((k) => url(k, 3)));
  });

  it('takes its parameter, items and totals names from the choice', async () => {
    server = await startPageServer(6, {
      pageParam: 'pageNo',
      sizeParam: 'size',
      body: ({ items, total }) => ({ paging: { count: total }, results: items }),
    });
    const paging = {
      strategy: 'page',
      page: 'pageNo',
      pageSize: 'size',
      items: 'results',
      totalRecords: 'paging.count',
    } as const;
    expect(await list({ size: 3 }, paging).toArray()).toEqual(range(0, 6));
    expect(urls()).toEqual(['/api/items?size=3', '/api/items?size=3&pageNo=1']);
  });

  it('takes the items field from paginate’s `items` when the choice names none', async () => {
    server = await start(5);
    expect(await list({ pageSize: 3 }, bare, { items: 'data' }).toArray()).toEqual(range(0, 5));
  });
});

describe('page paging: answers of the wrong shape', () => {
  it('fails on an envelope where a bare array was expected, instead of reading it as empty', async () => {
    server = await startPageServer(5, { shape: 'envelope' });
    const error = await list({ pageSize: 3 }, bare)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPageError);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ expected: 'an array', received: 'an object' });
    expect(urls()).toHaveLength(1);
  });

  it('fails on a bare array where an envelope was expected', async () => {
    server = await startPageServer(5);
    await expect(list({ pageSize: 3 }, enveloped).toArray()).rejects.toMatchObject({
      name: 'MalformedPageError',
      expected: 'an object with an array in `data`',
      received: 'an array',
    });
  });

  it('fails on an items field that is not an array', async () => {
    server = await startPageServer(5, { body: () => ({ meta: {}, data: 'none' }) });
    await expect(list({ pageSize: 3 }, enveloped).toArray()).rejects.toMatchObject({
      name: 'MalformedPageError',
      received: 'a string',
    });
  });

  it('surfaces a malformed page after the items of the pages before it', async () => {
    server = await startPageServer(9, { body: ({ page, items }) => (page === 1 ? { error: 'oops' } : items) });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of list({ pageSize: 3 }, bare)) seen.push(item);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([0, 1, 2]);
    expect(error).toBeInstanceOf(MalformedPageError);
  });

  it.each([
    ['an envelope without its items field', { meta: { totalRecords: 0 } }, enveloped],
    ['a null body', null, bare],
  ] as const)('reads %s as an empty listing', async (_name, body, paging) => {
    server = await startPageServer(5, { body: () => body });
    expect(await list({ pageSize: 3 }, paging).toArray()).toEqual([]);
    expect(urls()).toHaveLength(1);
  });
});
