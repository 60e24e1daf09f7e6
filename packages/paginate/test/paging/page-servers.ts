// A loopback list server paged by page number (`page` + `pageSize`, as Contact Center pages), answering a bare array
// or a `meta`/`data` envelope, with scripted misbehaviour.
import type { ServerResponse } from 'node:http';
import { json, startServer } from '../../../../test-utils/http-server.js';
import type { ListingServer } from './listing-servers.js';

/** What the server knows when it shapes an answer. */
export interface PageView {
  /** The 0-based page asked for, and the size it was served at. */
  page: number;
  size: number;
  total: number;
  items: number[];
}

export interface PageServerOptions {
  /** `array`: the body is the items. `envelope`: `{ meta, data }`. Default `array`. */
  shape?: 'array' | 'envelope';
  /** The envelope's `meta` (default: the page, its size and both totals, as Contact Center's paging info has them). */
  meta?: (view: PageView) => unknown;
  /** The page size when the request gives none. Default 4. */
  defaultSize?: number;
  /** The most items a page holds, whatever the request asks for. */
  cap?: number;
  /** Answer page 0 whatever page is asked for. */
  ignorePaging?: boolean;
  /** Pages (0-based) held back until the client goes away. */
  slow?: number[];
  /** The query parameter names. Default `page` and `pageSize`. */
  pageParam?: string;
  sizeParam?: string;
  /** The envelope's items field. Default `data`. */
  itemsField?: string;
  /** Replaces the whole body of a page, for malformed answers. */
  body?: (view: PageView) => unknown;
}

/** Contact Center's paging info, as `MetaDataReferencesPagingInfo` lists it. */
export const fullMeta = ({ page, size, total }: PageView) => ({
  orgid: 'org',
  page,
  pageSize: size,
  totalPages: Math.ceil(total / size),
  totalRecords: total,
});

/** Held until the client disconnects (the test ends it, never a timer): true once it has. */
function heldUntilGone(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => res.once('close', () => resolve(true)));
}

/** A server of `total` numbered items (0, 1, …) at `/api/items`. */
export async function startPageServer(total: number, options: PageServerOptions = {}): Promise<ListingServer> {
  const answered: string[] = [];
  const aborted: string[] = [];
  const number = (value: string | null, fallback: number) => (value === null ? fallback : Number(value));
  const server = await startServer(async (req, res) => {
    const query = new URL(req.url, 'http://x').searchParams;
    const page = options.ignorePaging ? 0 : number(query.get(options.pageParam ?? 'page'), 0);
    const size = Math.min(
      number(query.get(options.sizeParam ?? 'pageSize'), options.defaultSize ?? 4),
      options.cap ?? Infinity,
    );
    if (options.slow?.includes(page) && (await heldUntilGone(res))) {
      aborted.push(req.url);
      return;
    }
    answered.push(req.url);
    const at = page * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - at)) }, (_, i) => at + i);
    const view = { page, size, total, items };
    const body = options.body
      ? options.body(view)
      : options.shape === 'envelope'
        ? { meta: (options.meta ?? fullMeta)(view), [options.itemsField ?? 'data']: items }
        : items;
    json(res, 200, body);
  });
  return Object.assign(server, { answered, aborted });
}
