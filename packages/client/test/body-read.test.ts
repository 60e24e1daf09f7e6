// A connection that drops while the body is coming (headers sent, part of the body, then the socket destroyed), on
// every path that reads a body: a call, a listing, a download, `createHttp(webex)`. Each gives a typed WebexBodyReadError
// with the network error as its cause, never a bare `TypeError: terminated`; a POST is not re-sent.
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cutOff, json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { createHttp } from '../src/http.js';
import { Webex, WebexBodyReadError, WebexConnectionError, WebexError } from '../src/index.js';
import { rejection } from '../../../test-utils/rejection.js';

let server: TestServer | undefined;
// Full jitter scales each backoff by Math.random(): 0 makes every retry go at once, so nothing waits on a timer.
beforeEach(() => {
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** Headers and the first bytes of a longer body, then the socket destroyed (once those bytes are sent). */
function dropMidBody(res: ServerResponse, contentType = 'application/json'): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': '1000' });
  cutOff(res, '{"items":[{"id":');
}

const client = (url: string, options: { maxRetries?: number } = {}) =>
  new Webex({ accessToken: 'T', baseUrl: url, timeout: 2_000, ...options });

/** The class, the cause and the message every dropped body must give. */
function expectBodyReadError(error: unknown, method: string, status = 200) {
  expect(error).toBeInstanceOf(WebexBodyReadError);
  expect(error).toBeInstanceOf(WebexConnectionError);
  expect(error).toBeInstanceOf(WebexError);
  const typed = error as WebexBodyReadError;
  expect(typed).toMatchObject({ name: 'WebexBodyReadError', method, status });
  expect(typed.cause).toBeInstanceOf(TypeError);
  expect(typed.message).toMatch(/connection was lost while reading the body/);
  expect(typed.message).not.toMatch(/^terminated$/);
}

describe('a call whose body is cut off', () => {
  it('GET: retried like a reset, then WebexBodyReadError with the network error as cause', async () => {
    server = await startServer((_req, res) => dropMidBody(res));
    const error = await rejection(client(server.url, { maxRetries: 1 }).rooms.get('r1'));
    expectBodyReadError(error, 'GET');
    expect((error as WebexBodyReadError).url).toBe(`${server.url}/rooms/r1`);
    expect(server.requests).toHaveLength(2);
  });

  it('GET: a later attempt that arrives whole succeeds', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? dropMidBody(res) : json(res, 200, { id: 'r1' }),
    );
    expect(await client(server.url).rooms.get('r1')).toEqual({ id: 'r1' });
    expect(server.requests).toHaveLength(2);
  });

  it('POST: sent once, never re-sent, and the message says it may have taken effect', async () => {
    server = await startServer((_req, res) => dropMidBody(res));
    const error = await rejection(client(server.url).messages.create({ roomId: 'R', text: 'deploy finished' }));
    expectBodyReadError(error, 'POST');
    expect((error as Error).message).toMatch(/not re-sent: it may have taken effect/);
    expect(server.requests).toHaveLength(1);
  });

  it('POST with retryNonIdempotent: re-sent, since the caller asked', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? dropMidBody(res) : json(res, 200, { id: 'M1' }),
    );
    const message = await client(server.url).messages.create(
      { roomId: 'R', text: 'deploy finished' },
      { retryNonIdempotent: true },
    );
    expect(message.id).toBe('M1');
    expect(server.requests).toHaveLength(2);
  });
});

describe('a listing whose page is cut off', () => {
  it('after the earlier pages, WebexBodyReadError (retried first, as a GET)', async () => {
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '0');
      if (page === 1) return dropMidBody(res);
      json(res, 200, { items: [{ id: 'r0' }] }, { link: `<${server!.url}/rooms?page=1>; rel="next"` });
    });
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const room of client(server.url, { maxRetries: 1 }).rooms.list()) seen.push(room.id!);
      })(),
    );
    expect(seen).toEqual(['r0']);
    expectBodyReadError(error, 'GET');
    expect(server.requests.filter((r) => r.url.endsWith('page=1'))).toHaveLength(2);
  });
});

describe('a download whose body is cut off', () => {
  it('the body stream errors with WebexBodyReadError, with the cause', async () => {
    server = await startServer((_req, res) => dropMidBody(res, 'application/octet-stream'));
    const download = await client(server.url).contents.download('Y29udGVudA');
    const error = await rejection(new Response(download.body).arrayBuffer());
    expectBodyReadError(error, 'GET');
    expect((error as WebexBodyReadError).url).toBe(`${server.url}/contents/Y29udGVudA`);
  });

  it('with maxBytes and a deadline as well (the stream the caller gets is a counted one)', async () => {
    server = await startServer((_req, res) => dropMidBody(res, 'application/octet-stream'));
    const download = await client(server.url).contents.download('Y29udGVudA', { maxBytes: 10_000, deadline: 5_000 });
    expectBodyReadError(await rejection(new Response(download.body).arrayBuffer()), 'GET');
  });
});

describe('createHttp(webex), whose body openapi-fetch reads', () => {
  it('GET: WebexBodyReadError, with the cause', async () => {
    server = await startServer((_req, res) => dropMidBody(res));
    const error = await rejection(
      createHttp(client(server.url, { maxRetries: 0 })).GET('/rooms/{roomId}', { params: { path: { roomId: 'r1' } } }),
    );
    expectBodyReadError(error, 'GET');
  });

  it('a whole answer is untouched: status, headers, url and body', async () => {
    server = await startServer((_req, res) => json(res, 200, { id: 'r1' }, { trackingid: 'TRK-1' }));
    const { data, response } = await createHttp(client(server.url)).GET('/rooms/{roomId}', {
      params: { path: { roomId: 'r1' } },
    });
    expect(data).toEqual({ id: 'r1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('trackingid')).toBe('TRK-1');
    expect(response.url).toBe(`${server.url}/rooms/r1`);
  });
});
