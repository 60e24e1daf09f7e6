// Aborting a request already on the wire: the server has it and will never answer; the call must
// end as soon as the caller's signal fires, and nothing is sent again. On a fake clock that stands still
// (test-utils/fake-clock.ts): no timer (attempt timeout, retry wait) can end the call, only the abort.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsWithin, type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { createHttp } from '../src/http.js';
import { Webex } from '../src/index.js';

let server: TestServer | undefined;
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  await server?.close();
  server = undefined;
});

describe('aborting a request in flight', () => {
  it.each([
    ['GET rooms.get', (webex: Webex, signal: AbortSignal) => webex.rooms.get('ROOM-1', { signal })],
    [
      'POST messages.create',
      (webex: Webex, signal: AbortSignal) => webex.messages.create({ roomId: 'R', text: 'hi' }, { signal }),
    ],
    ['a listing', (webex: Webex, signal: AbortSignal) => webex.rooms.list(undefined, { signal }).toArray()],
    [
      'createHttp(webex) GET',
      (webex: Webex, signal: AbortSignal) =>
        createHttp(webex).GET('/rooms/{roomId}', { params: { path: { roomId: 'R' } }, signal }),
    ],
  ] as const)('%s rejects on the abort itself, sent once', async (_name, call) => {
    let arrived!: () => void;
    const onServer = new Promise<void>((resolve) => (arrived = resolve));
    server = await startServer(() => arrived()); // takes the request, never answers
    let sent = 0;
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, onRequest: () => sent++ });
    clock = fakeClock();
    const controller = new AbortController();
    const outcome = call(webex, controller.signal).then(
      () => undefined,
      (error: unknown) => error,
    );
    await onServer;
    controller.abort();
    // The clock stands still (nothing here moves it): no timer can end the call, only the abort. The bound is real
    // time, and generous: it only turns a call that never ends into a failure that says so.
    const error = await endsWithin(outcome, 5_000, 'the aborted call');
    expect((error as Error | undefined)?.name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
    // Not retried afterwards either, whatever timers it may have left.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toBe(1);
  });

  it('a signal aborted before the call sends nothing', async () => {
    server = await startServer((_req, res) => json(res, 200, { id: 'ROOM-2' }));
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    const error = await webex.rooms.get('ROOM-1', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    // A call made after it, once answered, is all the server saw: a request the aborted call had sent anyway would
    // have been on the wire first, so there is no need to wait and see whether one comes.
    expect(await webex.rooms.get('ROOM-2')).toEqual({ id: 'ROOM-2' });
    expect(server.requests.map((request) => request.url)).toEqual(['/rooms/ROOM-2']);
  });
});
