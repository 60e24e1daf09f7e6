// The engine with a hand-written loader and strategy, over a real loopback server: the guarantees every strategy gets.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import {
  DEFAULT_MAX_PAGES,
  linkPaging,
  PageLimitError,
  Paginated,
  type PageLoader,
  type PageRequest,
  type PagingStrategy,
} from '../../src/index.js';
import { ioTurns, until } from '../waits.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose page `i` holds `[i]` (or what `items` says), asked for as `?i=…`. */
async function numberServer(items: (i: number) => unknown[] = (i) => [i]) {
  return startServer((req, res) => {
    const i = Number(new URL(req.url, 'http://x').searchParams.get('i') ?? '0');
    json(res, 200, { items: items(i) });
  });
}

/** Loads `?i=…` from the server; records every request it was given. */
function loaderFor(requests: PageRequest[] = []): PageLoader {
  return async (request, signal) => {
    requests.push(request);
    const query =
      request.kind === 'query'
        ? `?${new URLSearchParams(Object.entries(request.query).map(([k, v]) => [k, String(v)]))}`
        : '';
    const response = await fetch(`${server!.url}/list${query}`, { signal });
    return { body: await response.json(), response };
  };
}

/** Pages `i = 0, 1, 2, …` up to `last`. */
function countingStrategy(last = Infinity, next?: (i: number) => PageRequest | undefined): PagingStrategy {
  return {
    items: (body) => (body as { items: unknown[] }).items,
    next: (_page, _items, request) => {
      const i = request.kind === 'query' ? request.query.i! : 0;
      if (i >= last) return undefined;
      return next ? next(i) : { kind: 'query', query: { i: i + 1 } };
    },
  };
}

describe('Paginated (the engine)', () => {
  it('asks for the first page, then what the strategy says, telling it which request each page came from', async () => {
    server = await numberServer();
    const requests: PageRequest[] = [];
    const list = new Paginated<number>(loaderFor(requests), countingStrategy(2));
    expect(await list.toArray()).toEqual([0, 1, 2]);
    expect(requests).toEqual([
      { kind: 'first' },
      { kind: 'query', query: { i: 1 } },
      { kind: 'query', query: { i: 2 } },
    ]);
  });

  it('gives pages with items, body and response', async () => {
    server = await numberServer();
    const pages = [];
    for await (const page of new Paginated<number>(loaderFor(), countingStrategy(1)).pages()) pages.push(page);
    expect(pages.map((p) => [p.items, p.body, p.response.status])).toEqual([
      [[0], { items: [0] }, 200],
      [[1], { items: [1] }, 200],
    ]);
  });

  it('ends when a next request repeats one made before, whatever the order of its query', async () => {
    server = await numberServer();
    const requests: PageRequest[] = [];
    const strategy = countingStrategy(Infinity, (i) =>
      i === 0 ? { kind: 'query', query: { i: 1, j: 2 } } : { kind: 'query', query: { j: 2, i: 1 } },
    );
    expect(await new Paginated<number>(loaderFor(requests), strategy).toArray()).toEqual([0, 1]);
    expect(requests).toHaveLength(2);
  });

  it('does not yield a page that repeats the one before, and ends there', async () => {
    server = await numberServer((i) =>
      i < 2 ? [{ id: i }, { id: 'x' }, { id: i + 10 }] : [{ id: 1 }, { id: 'y' }, { id: 11 }],
    );
    const requests: PageRequest[] = [];
    const list = new Paginated<{ id: unknown }>(loaderFor(requests), countingStrategy());
    const ids = (await list.toArray()).map((item) => item.id);
    // Page 2 has the same first and last items as page 1: a server going round in circles.
    expect(ids).toEqual([0, 'x', 10, 1, 'x', 11]);
    expect(requests).toHaveLength(3);
  });

  it('does not mistake two empty pages, or pages of different lengths, for a repeat', async () => {
    server = await numberServer((i) => (i === 0 ? [1, 2] : i === 1 ? [1, 2, 2] : []));
    expect(await new Paginated<number>(loaderFor(), countingStrategy(3)).toArray()).toEqual([1, 2, 1, 2, 2]);
  });

  it('surfaces an error from the strategy after the page it was reading', async () => {
    server = await numberServer();
    const requests: PageRequest[] = [];
    const strategy: PagingStrategy = {
      items: (body) => (body as { items: unknown[] }).items,
      next: () => {
        throw new Error('no way on');
      },
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of new Paginated<number>(loaderFor(requests), strategy)) seen.push(item);
      })(),
    ).rejects.toThrow('no way on');
    expect(seen).toEqual([0]);
    expect(requests).toHaveLength(1);
  });

  it('turns a loader that throws at once into a rejection', async () => {
    const list = new Paginated<number>(() => {
      throw new Error('bad request');
    }, countingStrategy());
    await expect(list.toArray()).rejects.toThrow('bad request');
  });

  it('keeps a prefetched page that fails early from being an unhandled rejection', async () => {
    server = await numberServer();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const requests: PageRequest[] = [];
      const base = loaderFor();
      const list = new Paginated<number>((request, signal) => {
        requests.push(request);
        return request.kind === 'first' ? base(request, signal) : Promise.reject(new Error('page 1 failed'));
      }, countingStrategy());
      const seen: number[] = [];
      let prefetched = false;
      const error = await (async () => {
        for await (const item of list) {
          // The failed prefetch sits unawaited meanwhile, over turns of the event loop in which Node reports
          // unhandled rejections.
          await until(() => requests.length === 2);
          prefetched = true;
          await ioTurns();
          seen.push(item);
        }
      })().catch((e: unknown) => e);
      expect(prefetched).toBe(true);
      expect(seen).toEqual([0]);
      expect((error as Error).message).toBe('page 1 failed');
      await ioTurns();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('gives up on a page at once when the caller aborts, even if the loader ignores its signal', async () => {
    const controller = new AbortController();
    const list = new Paginated<number>(
      () => {
        // Aborted once the page is asked for; the page itself never comes.
        queueMicrotask(() => controller.abort(new Error('enough')));
        return new Promise(() => {});
      },
      countingStrategy(),
      { signal: controller.signal },
    );
    await expect(list.toArray()).rejects.toThrow('enough');
  });

  it('stops between pages when the caller aborts while working on one', async () => {
    server = await numberServer();
    const controller = new AbortController();
    const requests: PageRequest[] = [];
    const list = new Paginated<number>(loaderFor(requests), countingStrategy(), {
      signal: controller.signal,
      prefetch: false,
    });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of list) {
          seen.push(item);
          if (item === 1) controller.abort(new Error('stop here'));
        }
      })(),
    ).rejects.toThrow('stop here');
    expect(seen).toEqual([0, 1]);
    expect(requests).toHaveLength(2);
  });

  it('passes the loader a signal that a break aborts', async () => {
    server = await numberServer();
    const signals: AbortSignal[] = [];
    const base = loaderFor();
    const list = new Paginated<number>((request, signal) => {
      signals.push(signal);
      return base(request, signal);
    }, countingStrategy());
    for await (const item of list) if (item === 0) break;
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('does not abort anything when a listing simply ends', async () => {
    server = await numberServer();
    const signals: AbortSignal[] = [];
    const base = loaderFor();
    const list = new Paginated<number>((request, signal) => {
      signals.push(signal);
      return base(request, signal);
    }, countingStrategy(2));
    await list.toArray();
    expect(signals.some((s) => s.aborted)).toBe(false);
  });

  it('with maxPages 0 throws before any request', async () => {
    const requests: PageRequest[] = [];
    await expect(
      new Paginated<number>(loaderFor(requests), countingStrategy(), { maxPages: 0 }).toArray(),
    ).rejects.toBeInstanceOf(PageLimitError);
    expect(requests).toEqual([]);
  });

  it('defaults to 10 000 pages', () => {
    expect(DEFAULT_MAX_PAGES).toBe(10_000);
  });

  it('first() skips an empty first page that has a next one', async () => {
    server = await numberServer((i) => (i === 0 ? [] : [i]));
    const requests: PageRequest[] = [];
    expect(await new Paginated<number>(loaderFor(requests), countingStrategy()).first()).toBe(1);
    expect(requests).toHaveLength(2);
  });

  it('toArray({ limit: 0 }) sends nothing', async () => {
    const requests: PageRequest[] = [];
    expect(await new Paginated<number>(loaderFor(requests), countingStrategy()).toArray({ limit: 0 })).toEqual([]);
    expect(requests).toEqual([]);
  });
});

/** Resolves after `ms` of real time: how long a server waits for a request that a wrong client never sends. */
const failureBound = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('early start of the next page (Link paging)', () => {
  /**
   * Pages 0…3 linked by `Link`. Page i's headers go out once `headersAfter(i)` resolves (at once by default), its body
   * once the request for page i + 1 has come (`bodyWaits`; at most a second, for a client that waits for bodies), or
   * at once. Records requests and bodies as events, in order.
   */
  async function orderedServer(
    events: string[],
    {
      headersAfter = () => undefined,
      bodyWaits = false,
    }: {
      headersAfter?: (i: number) => Promise<unknown> | undefined;
      bodyWaits?: boolean;
    } = {},
  ) {
    const arrived: (() => void)[] = [];
    const arrivals = [0, 1, 2, 3].map((i) => new Promise<void>((resolve) => (arrived[i] = resolve)));
    return startServer(async (request, response) => {
      const i = Number(new URL(request.url, 'http://x').searchParams.get('i') ?? '0');
      events.push(`request ${i}`);
      arrived[i]!();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (i < 3) headers.link = `<${server!.url}/list?i=${i + 1}>; rel="next"`;
      await headersAfter(i);
      response.writeHead(200, headers);
      response.flushHeaders();
      if (bodyWaits && i < 3) await Promise.race([arrivals[i + 1], failureBound(1_000)]);
      events.push(`body ${i}`);
      response.end(JSON.stringify({ items: [i] }));
    });
  }

  /**
   * Fetches a page and tells the engine about its headers before reading the body, as the client's loader does;
   * records each request it is given and each page it has read whole.
   */
  const headersFirst =
    (events: string[]): PageLoader =>
    async (request, signal, onHeaders) => {
      const url = request.kind === 'url' ? request.url : `${server!.url}/list`;
      events.push(`load ${url.match(/i=(\d+)/)?.[1] ?? '0'}`);
      const response = await fetch(url, { signal });
      if (response.ok) await onHeaders?.(response);
      const body = (await response.json()) as { items: number[] };
      events.push(`loaded ${body.items[0]}`);
      return { body, response };
    };

  it('asks for the next page as soon as the Link header is in, while the body is still coming', async () => {
    const events: string[] = [];
    server = await orderedServer(events, { bodyWaits: true });
    const list = new Paginated<number>(headersFirst([]), linkPaging({ baseUrl: server.url }));
    expect(await list.toArray()).toEqual([0, 1, 2, 3]);
    // Waiting for each body first would have the server send it before the next request came.
    for (const i of [0, 1, 2]) expect(events.indexOf(`request ${i + 1}`)).toBeLessThan(events.indexOf(`body ${i}`));
    expect(events.filter((event) => event.startsWith('request'))).toHaveLength(4);
  });

  it('stays one page ahead of a caller that holds a page: the headers of the page ahead start nothing', async () => {
    const events: string[] = [];
    // Page 1's headers come only once the caller has page 0: the caller is on page 0, not waiting for page 1.
    let callerHasPage0!: (value?: unknown) => void;
    const holding = new Promise((resolve) => (callerHasPage0 = resolve));
    server = await orderedServer([], { headersAfter: (i) => (i === 1 ? holding : undefined) });
    const pages = new Paginated<number>(headersFirst(events), linkPaging({ baseUrl: server.url })).pages();
    expect((await pages.next()).value?.items).toEqual([0]);
    callerHasPage0();
    await until(() => events.includes('loaded 1')); // page 1 arrives whole meanwhile
    // Page 2 would have been asked for from page 1's headers, before its body was read.
    expect(events).toEqual(['load 0', 'load 1', 'loaded 0', 'loaded 1']);
    expect((await pages.next()).value?.items).toEqual([1]);
    await pages.return();
  });

  it('without prefetch starts nothing early', async () => {
    const events: string[] = [];
    server = await orderedServer([]);
    const list = new Paginated<number>(headersFirst(events), linkPaging({ baseUrl: server.url }), { prefetch: false });
    expect(await list.first()).toBe(0);
    // Page 1 would have been asked for from page 0's headers, before its body was read.
    expect(events).toEqual(['load 0', 'loaded 0']);
  });
});

describe('the page ahead goes out while the caller works', () => {
  // The server runs on its own thread and counts requests in shared memory: the caller below never lets this
  // thread's event loop turn while it holds the first page, so only a request already on the wire can reach it.
  const SERVER = `
    const { createServer } = require('node:http');
    const { parentPort, workerData } = require('node:worker_threads');
    const arrivals = new Int32Array(workerData);
    const server = createServer((request, response) => {
      Atomics.add(arrivals, 0, 1);
      Atomics.notify(arrivals, 0);
      const i = Number(new URL(request.url, 'http://x').searchParams.get('i') ?? '0');
      const headers = { 'content-type': 'application/json' };
      if (i < 1) headers.link = '<http://127.0.0.1:' + server.address().port + '/list?i=' + (i + 1) + '>; rel="next"';
      response.writeHead(200, headers);
      response.end(JSON.stringify({ items: Array.from({ length: 20 }, (_, n) => i * 20 + n) }));
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage('http://127.0.0.1:' + server.address().port));
  `;

  it('is on the wire before a caller that never awaits finishes the page it holds', async () => {
    const arrivals = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(SERVER, { eval: true, workerData: arrivals.buffer });
    try {
      const url = await new Promise<string>((resolve) => worker.once('message', resolve));
      const load: PageLoader = async (request, signal) => {
        const response = await fetch(request.kind === 'url' ? request.url : `${url}/list`, { signal });
        return { body: await response.json(), response };
      };
      let held: string | undefined;
      let count = 0;
      for await (const item of new Paginated<number>(load, linkPaging({ baseUrl: url }))) {
        expect(item).toBe(count++);
        // Synchronous work on the first item: the thread blocks until the server has seen a second request. Five
        // seconds only bound a failure: the page ahead cannot leave while the thread is blocked.
        if (count === 1) held = Atomics.wait(arrivals, 0, 1, 5_000);
      }
      expect(count).toBe(40);
      // 'ok': it reached the server while the caller held the first page ('not-equal': it had already).
      expect(held).not.toBe('timed-out');
      expect(Atomics.load(arrivals, 0)).toBe(2);
    } finally {
      await worker.terminate();
    }
  });
});
