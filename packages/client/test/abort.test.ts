// Aborting a request already on the wire: the server has it and will never answer; the call must
// end as soon as the caller's signal fires, and nothing is sent again.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test-utils/http-server.js';
import { Webex } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `call` with a signal aborted 100 ms in; gives the error and how long after the abort it came. */
async function abortedAfter100ms(call: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController();
  let abortedAt = 0;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, 100);
  const started = performance.now();
  const error = await call(controller.signal).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ended = performance.now();
  clearTimeout(timer);
  return { error, sinceAbort: ended - abortedAt, total: ended - started, aborted: abortedAt > 0 };
}

describe('aborting a request in flight', () => {
  it.each([
    ['GET rooms.get', (webex: Webex, signal: AbortSignal) => webex.rooms.get('ROOM-1', { signal })],
    [
      'POST messages.create',
      (webex: Webex, signal: AbortSignal) => webex.messages.create({ roomId: 'R', text: 'hi' }, { signal }),
    ],
    ['a listing', (webex: Webex, signal: AbortSignal) => webex.rooms.list(undefined, { signal }).toArray()],
    [
      'webex.http GET',
      (webex: Webex, signal: AbortSignal) =>
        webex.http.GET('/rooms/{roomId}', { params: { path: { roomId: 'R' } }, signal }),
    ],
  ] as const)('%s rejects within ~200 ms of the abort, sent once', async (_name, call) => {
    server = await startServer(() => {}); // takes the request, never answers
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const result = await abortedAfter100ms((signal) => call(webex, signal));
    expect(result.aborted).toBe(true);
    expect((result.error as Error | undefined)?.name).toBe('AbortError');
    expect(result.sinceAbort).toBeLessThan(200);
    expect(result.total).toBeLessThan(400);
    expect(server.requests).toHaveLength(1);
    // Not retried afterwards either.
    await new Promise((r) => setTimeout(r, 150));
    expect(server.requests).toHaveLength(1);
  });

  it('a signal aborted before the call sends nothing', async () => {
    server = await startServer(() => {});
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const error = await webex.rooms.get('ROOM-1', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });
});
