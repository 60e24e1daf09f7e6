// Stream methods against a real local server that writes server-sent events when the test says: each event reaches
// the loop as it is written, `break` and the caller's signal close the connection (the server sees it), error answers
// are the usual typed errors, and a dropped stream is never sent again.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { json, type SeenRequest, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { rejection } from '../../../test-utils/rejection.js';
import {
  EventStream,
  MalformedResponseError,
  MalformedStreamError,
  WebexApiError,
  WebexBodyReadError,
  WebexTimeoutError,
  Webex,
} from '../src/index.js';

const WORKSPACE = '64f0c2a9e1b7d35a8c4e9f21';
const TEMPLATE = '64f0c3b1d2e8a47f9c1b5e33';
const IDENTITY = '+34915550123';
const view = (result: string) => ({ personId: '6512b7e0c4a9d81f3e2a5c07', templateId: TEMPLATE, result });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (url: string) =>
  new Webex({ accessToken: 'T', baseUrl: url, contactCenter: { baseUrl: url }, maxRetries: 0, timeout: 5_000 });

/** A promise settled from outside: what one side of a test waits for the other to do. */
function signal<T = void>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

/** Starts an event stream answer and hands the handler a way to write events. */
function openEvents(res: ServerResponse): (data: string, fields?: string) => void {
  res.writeHead(200, { 'content-type': 'text/event-stream;charset=UTF-8', 'cache-control': 'no-cache' });
  res.flushHeaders();
  return (data, fields = '') => res.write(`${fields}data:${data}\n\n`);
}

describe('a stream method', () => {
  it('sends the GET with its path encoded and Accept: text/event-stream, and returns an EventStream', async () => {
    server = await startServer((_req, res) => {
      openEvents(res)(JSON.stringify(view('1')));
      res.end();
    });
    const stream = client(server.url).contactCenter.journeyProfiles.stream(WORKSPACE, IDENTITY, TEMPLATE);
    expect(stream).toBeInstanceOf(EventStream);
    expect(server.requests).toHaveLength(0);
    const views: unknown[] = [];
    for await (const item of stream) views.push(item);
    expect(views).toEqual([view('1')]);
    const [request] = server.requests as [SeenRequest];
    expect(request.url).toBe(
      `/v1/api/progressive-profile-view/stream/workspace-id/${WORKSPACE}/identity/%2B34915550123/template-id/${TEMPLATE}`,
    );
    expect(request.headers.accept).toBe('text/event-stream');
    expect(request.headers.authorization).toBe('Bearer T');
  });

  it('yields each event as it is written: the first before the server has written the second', async () => {
    const firstSeen = signal();
    const done = signal();
    server = await startServer(async (_req, res) => {
      const write = openEvents(res);
      write(JSON.stringify(view('1')), ': connected\n');
      // Held until the loop has the first event: a reader that waited for the whole body would never get it.
      await firstSeen.promise;
      write(JSON.stringify(view('2')), 'id: 2\n');
      res.end();
      done.settle();
    });
    const views: unknown[] = [];
    for await (const item of client(server.url).contactCenter.journeyProfiles.stream(WORKSPACE, IDENTITY, TEMPLATE)) {
      views.push(item);
      if (views.length === 1) firstSeen.settle();
    }
    await done.promise;
    expect(views).toEqual([view('1'), view('2')]);
  });

  it('closes the connection on break: the server sees it close, with more events still to send', async () => {
    const closed = signal();
    server = await startServer((_req, res) => {
      res.on('close', () => closed.settle());
      openEvents(res)(JSON.stringify(view('1')));
      // Never ends by itself, like a real stream.
    });
    for await (const item of client(server.url).contactCenter.journeyProfiles.stream(WORKSPACE, IDENTITY, TEMPLATE)) {
      expect(item).toEqual(view('1'));
      break;
    }
    await closed.promise;
    expect(server.requests).toHaveLength(1);
  });

  it("stops on the caller's abort mid-stream with the abort's reason, and closes the connection", async () => {
    const closed = signal();
    server = await startServer((_req, res) => {
      res.on('close', () => closed.settle());
      openEvents(res)(JSON.stringify(view('1')));
    });
    const controller = new AbortController();
    const seen: unknown[] = [];
    const stream = client(server.url).contactCenter.journeyEvents.stream(WORKSPACE, IDENTITY, undefined, {
      signal: controller.signal,
    });
    const error = await rejection(
      (async () => {
        for await (const event of stream) {
          seen.push(event);
          controller.abort(new Error('the agent closed the tab'));
        }
      })(),
    );
    expect(error).toEqual(new Error('the agent closed the tab'));
    expect(seen).toHaveLength(1);
    await closed.promise;
  });

  it('throws the typed error of an error answer before any event, as a call would', async () => {
    server = await startServer((_req, res) =>
      json(res, 404, { trackingId: 'jds_1', error: { key: '404', message: [{ description: 'No such workspace.' }] } }),
    );
    const error = await rejection(
      client(server.url).contactCenter.journeyEvents.stream(WORKSPACE, IDENTITY)[Symbol.asyncIterator]().next(),
    );
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error).toMatchObject({ status: 404, apiMessage: 'No such workspace.', trackingId: 'jds_1' });
  });

  it('throws MalformedStreamError naming the method and the event when data is not JSON, after the good ones', async () => {
    server = await startServer((_req, res) => {
      const write = openEvents(res);
      write('{"id":"e1"}', 'id: 1\n');
      write('{"id":', 'id: 2\n');
      res.end();
    });
    const seen: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of client(server!.url).contactCenter.journeyEvents.stream(WORKSPACE, IDENTITY))
          seen.push(event);
      })(),
    );
    expect(seen).toEqual([{ id: 'e1' }]);
    expect(error).toBeInstanceOf(MalformedStreamError);
    expect(error).toMatchObject({ operation: 'contactCenter.journeyEvents.stream', method: 'GET' });
    expect((error as Error).message).toMatch(/^contactCenter\.journeyEvents\.stream: GET http:\/\/127\.0\.0\.1:\d+\//);
    expect((error as Error).message).toMatch(/sent event 2 \(id "2"\), whose data is not valid JSON$/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('reads a JSON answer as a stream of that one item, and refuses a JSON body that is not JSON', async () => {
    server = await startServer((_req, res, seen) => {
      if (seen.length === 1) json(res, 200, view('1'));
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{');
    });
    const profiles = client(server.url).contactCenter.journeyProfiles;
    const views: unknown[] = [];
    for await (const item of profiles.streamByTemplateName(WORKSPACE, IDENTITY, 'Loyalty')) views.push(item);
    expect(views).toEqual([view('1')]);
    const error = await rejection(
      profiles.streamByTemplateName(WORKSPACE, IDENTITY, 'Loyalty')[Symbol.asyncIterator]().next(),
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
  });

  it('refuses an answer that is neither events nor JSON, naming its content type', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    });
    const error = await rejection(
      client(server.url).contactCenter.journeyEvents.stream(WORKSPACE, IDENTITY)[Symbol.asyncIterator]().next(),
    );
    expect(error).toBeInstanceOf(MalformedStreamError);
    expect((error as Error).message).toMatch(/answered 200 with Content-Type text\/html, not text\/event-stream$/);
  });

  it('throws WebexBodyReadError when the connection drops mid-stream, and does not send the request again', async () => {
    server = await startServer((_req, res) => {
      openEvents(res)(JSON.stringify(view('1')));
      res.write('data:{"half":', () => res.socket?.destroy());
    });
    const seen: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of client(server!.url).contactCenter.journeyProfiles.stream(
          WORKSPACE,
          IDENTITY,
          TEMPLATE,
        ))
          seen.push(item);
      })(),
    );
    expect(seen).toEqual([view('1')]);
    expect(error).toBeInstanceOf(WebexBodyReadError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops at the deadline with WebexTimeoutError, not a bare abort', async () => {
    server = await startServer((_req, res) => {
      openEvents(res)(JSON.stringify(view('1')));
    });
    const seen: unknown[] = [];
    const stream = client(server.url).contactCenter.journeyProfiles.stream(WORKSPACE, IDENTITY, TEMPLATE, {
      deadline: 200,
    });
    const error = await rejection(
      (async () => {
        for await (const item of stream) seen.push(item);
      })(),
    );
    expect(seen).toEqual([view('1')]);
    expect(error).toBeInstanceOf(WebexTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200, method: 'GET' });
  });

  it('opens a connection of its own each time it is iterated', async () => {
    server = await startServer((_req, res, seen) => {
      openEvents(res)(JSON.stringify(view(String(seen.length))));
      res.end();
    });
    const stream = client(server.url).contactCenter.journeyProfiles.stream(WORKSPACE, IDENTITY, TEMPLATE);
    const first: unknown[] = [];
    for await (const item of stream) first.push(item);
    const second: unknown[] = [];
    for await (const item of stream) second.push(item);
    expect([first, second]).toEqual([[view('1')], [view('2')]]);
  });
});
