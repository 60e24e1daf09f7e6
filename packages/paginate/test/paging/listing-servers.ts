// Loopback list servers for the three paging styles, with scripted faults: a failing page, a slow page, a server that ignores paging.
import type { ServerResponse } from 'node:http';
import createClient from 'openapi-fetch';
import { json, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import type { OpenApiPaginateOptions } from '../../src/index.js';

/** A list server, the requests it answered, and those it gave up on because the client went away first. */
export interface ListingServer extends TestServer {
  answered: string[];
  aborted: string[];
}

/** How one listing misbehaves, by 0-based page number. */
export interface Faults {
  /** Pages answered with this error status. */
  status?: Record<number, number>;
  /** Pages held back until the client goes away (or 5 s pass). */
  slow?: number[];
  /** Answer the first page for every request, whatever it asks for. */
  ignorePaging?: boolean;
  /** The most items a page holds, whatever the request asks for. */
  cap?: number;
}

/** One paging style: its server, how `paginate` is told about it, and the request each page should arrive as. */
export interface Style {
  name: 'link' | 'offset' | 'scim';
  paging: OpenApiPaginateOptions['paging'];
  /** The caller's query: a page size of `size`. */
  query(size: number): Record<string, number>;
  /** The path and query the server sees for 0-based page `k`. */
  url(k: number, size: number): string;
  start(total: number, faults?: Faults): Promise<ListingServer>;
}

const SLOW_MS = 5_000;

/** Holds an answer back until the client disconnects; true if it did. */
function heldUntilGone(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), SLOW_MS);
    res.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

type Answer = { body: unknown; headers?: Record<string, string> };

/**
 * A server of `total` numbered items. `position` reads the 0-based first item a
 * request asks for (and the page size), `render` shapes the answer.
 */
async function listing(
  total: number,
  faults: Faults,
  position: (query: URLSearchParams) => { at: number; size: number },
  render: (items: number[], at: number, size: number, server: ListingServer) => Answer,
): Promise<ListingServer> {
  const answered: string[] = [];
  const aborted: string[] = [];
  const server: ListingServer = Object.assign(
    await startServer(async (req, res) => {
      const query = new URL(req.url, 'http://x').searchParams;
      const asked = position(query);
      const size = Math.min(asked.size, faults.cap ?? Infinity);
      const at = faults.ignorePaging ? 0 : asked.at;
      const page = Math.floor(at / size);
      if (faults.slow?.includes(page) && (await heldUntilGone(res))) {
        aborted.push(req.url);
        return;
      }
      answered.push(req.url);
      const status = faults.status?.[page];
      if (status !== undefined) return json(res, status, { message: `page ${page} failed` });
      const items = Array.from({ length: Math.max(0, Math.min(size, total - at)) }, (_, i) => at + i);
      const { body, headers } = render(items, at, size, server);
      json(res, 200, body, headers);
    }),
    { answered, aborted },
  );
  return server;
}

const int = (value: string | null, fallback: number) => (value === null ? fallback : Number(value));

export const linkStyle: Style = {
  name: 'link',
  paging: 'link',
  query: (size) => ({ max: size }),
  url: (k, size) => (k === 0 ? `/api/items?max=${size}` : `/api/items?max=${size}&cursor=${k * size}`),
  start: (total, faults = {}) =>
    listing(
      total,
      faults,
      (q) => ({ at: int(q.get('cursor'), 0), size: int(q.get('max'), 3) }),
      (items, at, size, server) => ({
        body: { items },
        headers:
          at + size < total
            ? { link: `<${server.url}/api/items?max=${size}&cursor=${at + size}>; rel="next"` }
            : ({} as Record<string, string>),
      }),
    ),
};

/** Offset paging under a given parameter name (`offset`, or `start` as Workspaces uses). */
export function offsetStyle(param = 'offset'): Style {
  return {
    name: 'offset',
    paging: { strategy: 'offset', offset: param },
    query: (size) => ({ max: size }),
    url: (k, size) => (k === 0 ? `/api/items?max=${size}` : `/api/items?max=${size}&${param}=${k * size}`),
    start: (total, faults = {}) =>
      listing(
        total,
        faults,
        (q) => ({ at: int(q.get(param), 0), size: int(q.get('max'), 3) }),
        (items) => ({ body: { items } }),
      ),
  };
}

export const scimStyle: Style = {
  name: 'scim',
  paging: { strategy: 'scim' },
  query: (size) => ({ count: size }),
  url: (k, size) => (k === 0 ? `/api/items?count=${size}` : `/api/items?count=${size}&startIndex=${k * size + 1}`),
  start: (total, faults = {}) =>
    listing(
      total,
      faults,
      (q) => ({ at: int(q.get('startIndex'), 1) - 1, size: int(q.get('count'), 3) }),
      (items, at) => ({
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
          totalResults: total,
          startIndex: at + 1,
          itemsPerPage: items.length,
          Resources: items,
        },
      }),
    ),
};

/** What a client made by `clientFor` did: each request's signal and path as it was sent, and the pages it got back. */
export interface ClientLog {
  signals: AbortSignal[];
  /** Path and query of each request, recorded when it is sent (before the server has it). */
  sent: string[];
  /** Answers (pages or errors) the listing has had in full. */
  loaded: number;
}

export const clientLog = (): ClientLog => ({ signals: [], sent: [], loaded: 0 });

/** An openapi-fetch client for a test server, recording what it does in `log`. */
export function clientFor(server: TestServer, log: ClientLog = clientLog()) {
  const client = createClient<any>({
    baseUrl: `${server.url}/api`,
    fetch: (request: Request) => {
      log.signals.push(request.signal);
      log.sent.push(request.url.slice(server.url.length));
      return fetch(request);
    },
  });
  const get = client.GET.bind(client);
  client.GET = (async (...args: Parameters<typeof get>) => {
    const result = await get(...args);
    log.loaded++;
    return result;
  }) as typeof client.GET;
  return client;
}
