// The fields the README's error table promises, asserted one by one (not only the message).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  AccessTokenError,
  RateLimitError,
  Webex,
  WebexConnectionError,
  WebexError,
  WebexTimeoutError,
  WebexValidationError,
} from '../src/index.js';

let server: TestServer | undefined;
/** Per-attempt timeouts on a fake clock (test-utils/fake-clock.ts), where a test installs one. */
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  await server?.close();
  server = undefined;
});

const caught = (promise: Promise<unknown>) =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

describe('WebexValidationError', () => {
  it('names the operation, the parameter and the rule, and sends nothing', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url });
    // Promise.resolve().then: the check throws before any promise exists; this test is about the fields it carries.
    const error = await caught(
      // @ts-expect-error invalid on purpose: the runtime check is under test
      Promise.resolve().then(() => webex.messages.create({ roomId: 'R', toPersonEmail: 'a@example.com', text: 'hi' })),
    );
    expect(error).toBeInstanceOf(WebexValidationError);
    expect(error).toBeInstanceOf(WebexError);
    expect(error).toMatchObject({
      name: 'WebexValidationError',
      operation: 'messages.create',
      parameter: 'roomId|toPersonId|toPersonEmail',
      rule: 'give exactly one of roomId, toPersonId, toPersonEmail (got roomId and toPersonEmail)',
    });
    expect((error as Error).message).toBe(
      'messages.create: give exactly one of roomId, toPersonId, toPersonEmail (got roomId and toPersonEmail)',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('WebexTimeoutError', () => {
  it('carries timeoutMs, the method and the URL', async () => {
    const held = await startServer(() => {}); // never answers
    server = held;
    clock = fakeClock();
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, timeout: 150, maxRetries: 0 });
    // Once the request is at the server, the clock moves on to its timeout.
    const error = await caught(clock.run(webex.rooms.get('ROOM-1'), () => held.requests.length === 1));
    expect(error).toBeInstanceOf(WebexTimeoutError);
    expect(error).toMatchObject({
      name: 'WebexTimeoutError',
      timeoutMs: 150,
      method: 'GET',
      url: `${server.url}/rooms/ROOM-1`,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a per-call timeout wins over the client one', async () => {
    const held = await startServer(() => {});
    server = held;
    clock = fakeClock();
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, timeout: 5_000, maxRetries: 0 });
    const call = clock.run(webex.rooms.get('ROOM-1', { timeout: 120 }), () => held.requests.length === 1);
    expect(await caught(call)).toMatchObject({ timeoutMs: 120 });
  });
});

describe('AccessTokenError', () => {
  it('names the variable it looked in', () => {
    const saved = process.env.WEBEX_ACCESS_TOKEN;
    delete process.env.WEBEX_ACCESS_TOKEN;
    let error: unknown;
    try {
      new Webex();
    } catch (e) {
      error = e;
    } finally {
      if (saved !== undefined) process.env.WEBEX_ACCESS_TOKEN = saved;
    }
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error).toMatchObject({ name: 'AccessTokenError', variable: 'WEBEX_ACCESS_TOKEN' });
  });
});

describe('WebexConnectionError', () => {
  it('keeps the network failure as its cause', async () => {
    // A port that was just listening and is now closed: the connection is refused.
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const webex = new Webex({ accessToken: 'T', baseUrl: url, maxRetries: 0 });
    const error = await caught(webex.rooms.get('ROOM-1'));
    expect(error).toBeInstanceOf(WebexConnectionError);
    expect(error).toMatchObject({ name: 'WebexConnectionError', method: 'GET', url: `${url}/rooms/ROOM-1` });
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(TypeError);
    // Node's fetch puts the socket error under its own cause: ECONNREFUSED here.
    expect((cause as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});

describe('RateLimitError', () => {
  it('carries retryAfter in seconds, with the status and tracking id, when waiting is off', async () => {
    server = await startServer((_req, res) =>
      json(res, 429, { message: 'Too many requests' }, { 'retry-after': '42', trackingid: 'TRK-429' }),
    );
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, waitOnRateLimit: false });
    const error = await caught(webex.people.me());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      name: 'RateLimitError',
      status: 429,
      retryAfter: 42,
      trackingId: 'TRK-429',
      apiMessage: 'Too many requests',
      method: 'GET',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('turns an HTTP-date Retry-After into whole seconds', async () => {
    // A fake clock that stands 600 ms past a whole second: the date (whole seconds) written 30 s ahead is 29.4 s
    // ahead, and stays so while the request travels, whatever the speed of the machine.
    clock = fakeClock();
    vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000 + 600);
    server = await startServer((_req, res) =>
      json(res, 429, {}, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }),
    );
    const error = await caught(
      new Webex({ accessToken: 'T', baseUrl: server.url, waitOnRateLimit: false, fetch: clock.fetch }).people.me(),
    );
    // Rounded up to whole seconds.
    expect(error).toMatchObject({ retryAfterMs: 29_400, retryAfter: 30 });
  });

  it('has no retryAfter when the server gave none', async () => {
    server = await startServer((_req, res) => json(res, 429, {}));
    const error = await caught(
      new Webex({ accessToken: 'T', baseUrl: server.url, waitOnRateLimit: false }).people.me(),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeUndefined();
  });
});
