// "Every error is a WebexError": the paging errors (from @webex-ts/paginate) included, as they reach the caller
// through `webex.rooms.list()` and `paginate(createHttp(webex), …)`, on real loopback servers.
import { paginate } from '@webex-ts/paginate';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { createHttp } from '../src/http.js';
import * as client from '../src/index.js';
import { ForeignLinkError, PageFetchError, PageLimitError, Webex, WebexError } from '../src/index.js';
import { rejection } from '../../../test-utils/rejection.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('every error class the client exports is a WebexError', () => {
  const classes = Object.entries(client as Record<string, unknown>).filter(
    (entry): entry is [string, abstract new (...args: never[]) => Error] =>
      /Error$/.test(entry[0]) && typeof entry[1] === 'function',
  );

  it('finds the paging errors among them', () => {
    expect(classes.map(([name]) => name)).toEqual(
      expect.arrayContaining(['PageLimitError', 'ForeignLinkError', 'PageFetchError', 'WebexBodyReadError']),
    );
  });

  it.each(classes)('%s', (_name, errorClass) => {
    expect(errorClass === WebexError || errorClass.prototype instanceof WebexError).toBe(true);
  });
});

describe('paging errors reached through webex.rooms.list()', () => {
  it('ForeignLinkError is a WebexError', async () => {
    server = await startServer((_req, res) =>
      json(res, 200, { items: [{ id: 'r0' }] }, { link: '<https://elsewhere.example/v1/rooms?p=2>; rel="next"' }),
    );
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const error = await rejection(webex.rooms.list().toArray());
    expect(error).toBeInstanceOf(ForeignLinkError);
    expect(error).toBeInstanceOf(WebexError);
    expect(error).toMatchObject({ name: 'ForeignLinkError', baseUrl: server.url });
  });

  it('PageLimitError is a WebexError (a server that links on for ever, past the 10 000 pages)', async () => {
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '0');
      json(res, 200, { items: [] }, { link: `<${server!.url}/rooms?page=${page + 1}>; rel="next"` });
    });
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const error = await rejection(webex.rooms.list().toArray());
    expect(error).toBeInstanceOf(PageLimitError);
    expect(error).toBeInstanceOf(WebexError);
    expect(error).toMatchObject({ name: 'PageLimitError', maxPages: 10_000 });
    expect(server.requests).toHaveLength(10_000);
  }, 60_000);
});

describe('paginate(createHttp(webex), …)', () => {
  it('PageFetchError is a WebexError', async () => {
    server = await startServer((_req, res) => json(res, 404, { message: 'no such list' }));
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const rooms = paginate(createHttp(webex), '/rooms', {}, { baseUrl: webex.baseUrl });
    const error = await rejection(rooms.toArray());
    expect(error).toBeInstanceOf(PageFetchError);
    expect(error).toBeInstanceOf(WebexError);
    expect(error).toMatchObject({ status: 404 });
  });
});
