// createCore carries no request gate unless given one (a small bundle does not pay for it); new Webex() gives each
// host its own. The server holds each request until every request the client has sent (onRequest) is there, so what
// it then holds is all the client has in flight, however fast the machine.
import { afterEach, describe, expect, it } from 'vitest';
import { endsWithin } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { createCore, RequestGate, RoomsResource, WebexValidationError } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers each batch at once, and the most requests it ever held together. */
async function batchingServer(sent: () => number) {
  let most = 0;
  const held: (() => void)[] = [];
  server = await startServer((_req, res, seen) => {
    held.push(() => json(res, 200, { id: 'r' }));
    if (seen.length < sent()) return;
    most = Math.max(most, held.length);
    for (const answer of held.splice(0)) answer();
  });
  return { url: server.url, most: () => most };
}

async function getRooms(rooms: RoomsResource, count: number) {
  await endsWithin(
    Promise.all(Array.from({ length: count }, () => rooms.get('r'))),
    10_000,
    `the ${count} calls (a server left holding requests)`,
  );
}

describe('createCore and its request gate', () => {
  it('a gate given to createCore caps the requests in flight', async () => {
    let sent = 0;
    const target = await batchingServer(() => sent);
    const core = createCore({
      accessToken: 'T',
      baseUrl: target.url,
      gate: new RequestGate({ maxConcurrency: 2 }),
      onRequest: () => sent++,
    });
    await getRooms(new RoomsResource(core), 8);
    expect(target.most()).toBe(2);
    expect(server!.requests).toHaveLength(8);
  });

  it('without a gate nothing holds concurrent calls back', async () => {
    let sent = 0;
    const target = await batchingServer(() => sent);
    const core = createCore({ accessToken: 'T', baseUrl: target.url, onRequest: () => sent++ });
    await getRooms(new RoomsResource(core), 8);
    expect(target.most()).toBe(8);
  });

  it('maxConcurrency without a gate is refused, naming the option, before anything is sent', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const build = () => createCore({ accessToken: 'T', baseUrl: server!.url, maxConcurrency: 4 });
    expect(build).toThrow(WebexValidationError);
    expect(build).toThrow(/maxConcurrency.*gate: new RequestGate\(\{ maxConcurrency: 4 \}\)/);
    try {
      build();
    } catch (error) {
      expect((error as WebexValidationError).parameter).toBe('maxConcurrency');
    }
    expect(server.requests).toHaveLength(0);
  });
});
