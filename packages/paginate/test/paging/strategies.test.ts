// Every paging style through `paginate` against a real loopback server: the same engine guarantees for each.
import { afterEach, describe, expect, it } from 'vitest';
import { PageFetchError, PageLimitError, paginate } from '../../src/index.js';
import { ioTurns, until } from '../waits.js';
import {
  type ClientLog,
  clientFor,
  clientLog,
  linkStyle,
  offsetStyle,
  scimStyle,
  type ListingServer,
  type Style,
} from './listing-servers.js';

let server: ListingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const urls = () => server!.requests.map((r) => r.url);

describe.each([linkStyle, offsetStyle(), scimStyle])('$name paging', (style: Style) => {
  // Offset paging cannot tell a short last page from a page the server cut to its limit: it asks once more and gets an empty page.
  const afterShort = (total: number, size: number) =>
    style.name === 'offset' && total % size !== 0 ? [`/api/items?max=${size}&offset=${total}`] : [];
  const list = (
    size: number,
    options: { maxPages?: number; prefetch?: boolean; signal?: AbortSignal } = {},
    log?: ClientLog,
  ) =>
    paginate<number>(
      clientFor(server!, log),
      '/items',
      { params: { query: style.query(size) } },
      { baseUrl: `${server!.url}/api`, paging: style.paging, ...options },
    );

  it('yields every item once, in order, with one request per page', async () => {
    server = await style.start(10);
    expect(await list(3).toArray()).toEqual(range(0, 10));
    expect(urls()).toEqual([...[0, 1, 2, 3].map((k) => style.url(k, 3)), ...afterShort(10, 3)]);
  });

  it('gives whole pages with their responses and bodies', async () => {
    server = await style.start(7);
    const sizes: number[] = [];
    for await (const page of list(3).pages()) {
      expect(page.response.status).toBe(200);
      expect(page.body).toBeTypeOf('object');
      sizes.push(page.items.length);
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(urls()).toHaveLength(3 + afterShort(7, 3).length);
  });

  it('ends on the last page without asking for another', async () => {
    server = await style.start(9);
    expect(await list(3).toArray()).toEqual(range(0, 9));
    // A full last page: link has no rel="next", SCIM passes totalResults, but offset paging cannot know.
    const expected = style.name === 'offset' ? 4 : 3;
    expect(urls()).toEqual(range(0, expected).map((k) => style.url(k, 3)));
  });

  it('reads an empty listing with one request', async () => {
    server = await style.start(0);
    expect(await list(3).toArray()).toEqual([]);
    expect(urls()).toEqual([style.url(0, 3)]);
  });

  it('is reusable: each iteration starts from the first page again', async () => {
    server = await style.start(5);
    const listing = list(3);
    const first: number[] = [];
    for await (const item of listing) first.push(item);
    const second = await listing.toArray();
    expect(first).toEqual(range(0, 5));
    expect(second).toEqual(first);
    const once = [style.url(0, 3), style.url(1, 3), ...afterShort(5, 3)];
    expect(urls()).toEqual([...once, ...once]);
  });

  // Once a listing has returned it starts nothing more: what it had sent by then (and a few turns of the event loop
  // later, for a start already under way) is all it sends.
  it('toArray({ limit }) stops early, at most one page ahead', async () => {
    server = await style.start(30);
    const log = clientLog();
    expect(await list(3, {}, log).toArray({ limit: 4 })).toEqual([0, 1, 2, 3]);
    await ioTurns();
    expect(log.sent.slice(0, 2)).toEqual([style.url(0, 3), style.url(1, 3)]);
    expect(log.sent.length).toBeLessThanOrEqual(3);
  });

  it('first() sends one request', async () => {
    server = await style.start(30);
    const log = clientLog();
    expect(await list(3, {}, log).first()).toBe(0);
    await ioTurns();
    expect(log.sent).toEqual([style.url(0, 3)]);
  });

  it('prefetches one page ahead while the caller works, never two', async () => {
    server = await style.start(30);
    const log = clientLog();
    for await (const item of list(3, {}, log)) {
      // Once the page ahead is in, a second one would be sent at once: nothing else is waited for.
      if (item === 0) {
        await until(() => log.loaded === 2);
        await ioTurns();
        expect(log.sent).toEqual([style.url(0, 3), style.url(1, 3)]);
      }
      if (item === 3) {
        await until(() => log.loaded === 3);
        await ioTurns();
        expect(log.sent).toEqual([0, 1, 2].map((k) => style.url(k, 3)));
        break;
      }
    }
    expect(urls()).toEqual([0, 1, 2].map((k) => style.url(k, 3)));
  });

  it('fetches one page at a time with prefetch off', async () => {
    server = await style.start(30);
    const log = clientLog();
    for await (const item of list(3, { prefetch: false }, log)) {
      await ioTurns();
      expect(log.sent).toHaveLength(Math.floor(item / 3) + 1);
      if (item === 7) break;
    }
    expect(urls()).toEqual([0, 1, 2].map((k) => style.url(k, 3)));
  });

  // The server holds page 1 until the client goes away: a listing that waited for it would end only after the server
  // gave up holding it and answered.
  it('aborts the prefetch in flight when the caller breaks', async () => {
    server = await style.start(30, { slow: [1] });
    const log = clientLog();
    for await (const item of list(3, {}, log)) {
      if (item === 0) {
        await until(() => urls().length === 2); // the prefetch of page 1 is now held by the server
        break;
      }
    }
    expect(server.answered).toEqual([style.url(0, 3)]);
    expect(log.signals).toHaveLength(2);
    expect(log.signals[1]!.aborted).toBe(true);
    await until(() => server!.aborted.length > 0);
    expect(server.aborted).toEqual([style.url(1, 3)]);
  });

  it('aborts everything when the caller’s signal does, with its reason', async () => {
    server = await style.start(30, { slow: [1] });
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of list(3, { signal: controller.signal })) {
          seen.push(item);
          // Aborts while the engine waits for the held page 1.
          if (item === 2)
            void until(() => urls().length === 2).then(() => controller.abort(new Error('caller gave up')));
        }
      })(),
    ).rejects.toThrow('caller gave up');
    expect(server.answered).toEqual([style.url(0, 3)]);
    expect(seen).toEqual([0, 1, 2]);
    await until(() => server!.aborted.length > 0);
    expect(server.aborted).toEqual([style.url(1, 3)]);
  });

  it('sends nothing when the caller’s signal is already aborted', async () => {
    server = await style.start(30);
    await expect(list(3, { signal: AbortSignal.abort(new Error('too late')) }).toArray()).rejects.toThrow('too late');
    expect(urls()).toEqual([]);
  });

  it('throws PageLimitError after maxPages pages, without requesting one more', async () => {
    server = await style.start(1000);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of list(3, { maxPages: 2 })) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect((error as PageLimitError).maxPages).toBe(2);
    expect(seen).toEqual(range(0, 6));
    expect(urls()).toEqual([style.url(0, 3), style.url(1, 3)]);
  });

  it('reads a listing of exactly maxPages pages without complaint', async () => {
    server = await style.start(5);
    // Offset paging needs the empty page after the short one to know it is done.
    expect(await list(3, { maxPages: 2 + afterShort(5, 3).length }).toArray()).toEqual(range(0, 5));
  });

  it('ends after the first page, with exactly 2 requests, when the server ignores the paging parameter', async () => {
    server = await style.start(30, { ignorePaging: true });
    const log = clientLog();
    expect(await list(3, {}, log).toArray()).toEqual([0, 1, 2]);
    await ioTurns();
    expect(log.sent).toEqual([style.url(0, 3), style.url(1, 3)]);
    expect(urls()).toEqual(log.sent);
  });

  it('surfaces a failed prefetch when the caller reaches it, not earlier', async () => {
    server = await style.start(30, { status: { 1: 500 } });
    const log = clientLog();
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of list(3, {}, log)) {
        if (item === 0) await until(() => log.loaded === 2); // page 1 has failed by now
        seen.push(item);
      }
    })().catch((e: unknown) => e);
    expect(urls()).toEqual([style.url(0, 3), style.url(1, 3)]);
    expect(seen).toEqual([0, 1, 2]);
    expect(error).toBeInstanceOf(PageFetchError);
    expect((error as PageFetchError).status).toBe(500);
  });

  it('fails on a first page that fails', async () => {
    server = await style.start(30, { status: { 0: 404 } });
    await expect(list(3).toArray()).rejects.toMatchObject({
      name: 'PageFetchError',
      status: 404,
      body: { message: 'page 0 failed' },
    });
    expect(urls()).toHaveLength(1);
  });
});

describe('offset paging under another parameter name (Workspaces pages with `start`)', () => {
  const style = offsetStyle('start');
  const list = () =>
    paginate<number>(
      clientFor(server!),
      '/items',
      { params: { query: { max: 3 } } },
      { baseUrl: `${server!.url}/api`, paging: style.paging },
    );

  it('sends `start`, never `offset`', async () => {
    server = await style.start(8);
    expect(await list().toArray()).toEqual(range(0, 8));
    expect(urls()).toEqual([
      '/api/items?max=3',
      '/api/items?max=3&start=3',
      '/api/items?max=3&start=6',
      '/api/items?max=3&start=8',
    ]);
  });

  it('ends after 2 requests when the server ignores `start`', async () => {
    server = await style.start(30, { ignorePaging: true });
    expect(await list().toArray()).toEqual([0, 1, 2]);
    expect(urls()).toEqual(['/api/items?max=3', '/api/items?max=3&start=3']);
  });
});

describe('offset paging details', () => {
  it('starts at the caller’s offset and keeps the rest of the query', async () => {
    server = await offsetStyle().start(9);
    const query = { max: 3, offset: 4, filter: 'x' };
    const list = paginate<number>(
      clientFor(server),
      '/items',
      { params: { query } },
      { baseUrl: `${server.url}/api`, paging: { strategy: 'offset' } },
    );
    expect(await list.toArray()).toEqual(range(4, 9));
    expect(urls()).toEqual([
      '/api/items?max=3&offset=4&filter=x',
      '/api/items?max=3&offset=7&filter=x',
      '/api/items?max=3&offset=9&filter=x',
    ]);
  });

  it('without a page size, reads until an empty page', async () => {
    server = await offsetStyle().start(5);
    const list = paginate<number>(
      clientFor(server),
      '/items',
      {},
      { baseUrl: `${server.url}/api`, paging: { strategy: 'offset' } },
    );
    expect(await list.toArray()).toEqual(range(0, 5));
    expect(urls()).toEqual(['/api/items', '/api/items?offset=3', '/api/items?offset=5']);
  });
});

describe('SCIM paging details', () => {
  const list = (query: Record<string, number>) =>
    paginate<number>(
      clientFor(server!),
      '/items',
      { params: { query } },
      { baseUrl: `${server!.url}/api`, paging: { strategy: 'scim' } },
    );

  it('respects totalResults: no request after startIndex passes it', async () => {
    server = await scimStyle.start(7);
    expect(await list({ count: 3 }).toArray()).toEqual(range(0, 7));
    expect(urls()).toEqual([
      '/api/items?count=3',
      '/api/items?count=3&startIndex=4',
      '/api/items?count=3&startIndex=7',
    ]);
  });

  it('starts at the caller’s startIndex', async () => {
    server = await scimStyle.start(7);
    expect(await list({ startIndex: 3, count: 3 }).toArray()).toEqual(range(2, 7));
    expect(urls()).toEqual(['/api/items?startIndex=3&count=3', '/api/items?startIndex=6&count=3']);
  });

  it('follows the server when it sends fewer items than count', async () => {
    server = await scimStyle.start(7, { cap: 3 });
    // The server caps pages at 3; asking for 5 still reaches every item, from where each page really started.
    expect(await list({ count: 5 }).toArray()).toEqual(range(0, 7));
    expect(urls()).toEqual([
      '/api/items?count=5',
      '/api/items?count=5&startIndex=4',
      '/api/items?count=5&startIndex=7',
    ]);
  });
});
