import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, reset, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  AccessTokenError,
  ForeignLinkError,
  MalformedResponseError,
  RateLimitError,
  Webex,
  WebexApiError,
  WebexConnectionError,
  WebexTimeoutError,
  WebexValidationError,
} from '../src/index.js';
import { createHttp } from '../src/http.js';
import { mockClient } from './mock.js';

const SECRET = 'secret-token-do-not-leak';
let server: TestServer | undefined;
/** Timeouts and backoff on a fake clock (test-utils/fake-clock.ts), where a test installs one. */
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  await server?.close();
  server = undefined;
});

/** Asserts no rendering of an error shows the token. */
function expectNoSecret(error: unknown) {
  for (const text of [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
    (error as Error).stack ?? '',
  ]) {
    expect(text).not.toContain(SECRET);
  }
}

async function caught(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('errors from the Prism mock', () => {
  const { webex } = mockClient({ accessToken: SECRET, waitOnRateLimit: false });

  it('maps an error status to WebexApiError with status, message, details and tracking id', async () => {
    const error = await caught(webex.rooms.get('abc', { headers: { Prefer: 'code=404' } }));
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error.status).toBe(404);
    expect(error.method).toBe('GET');
    expect(error.url).toMatch(/\/rooms\/abc$/);
    expect(error.trackingId).toMatch(/^ROUTER_/);
    expectNoSecret(error);
  });

  it('gives the body message and details', async () => {
    const error = await caught(webex.rooms.get('abc', { headers: { Prefer: 'code=400' } }));
    expect(error.apiMessage).toMatch(/malformed syntax/);
    expect(error.errors[0].description).toMatch(/malformed syntax/);
    expect(error.message).toContain('400');
  });

  it('throws RateLimitError with retryAfter when waiting is off', async () => {
    const error = await caught(webex.people.me(undefined, { headers: { Prefer: 'code=429' } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(1);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'RateLimitError', status: 429, retryAfter: 1 });
  });

  it('Prism rejects a request that does not match the spec, and that fails the call', async () => {
    const { data, error, response } = await createHttp(webex).POST('/rooms', { body: {} as never });
    expect(data).toBeUndefined();
    expect(error).toBeDefined();
    expect(response.status).toBe(400);
  });
});

describe('checks before sending', () => {
  it('names the rule and sends nothing', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const webex = new Webex({ accessToken: SECRET, baseUrl: server.url });
    const cases: [() => Promise<unknown>, RegExp][] = [
      [
        // @ts-expect-error invalid on purpose: the runtime check is under test
        () => webex.messages.create({ roomId: 'r', toPersonEmail: 'a@b.c', text: 'x' }),
        /give exactly one of roomId, toPersonId, toPersonEmail \(got roomId and toPersonEmail\)/,
      ],
      // @ts-expect-error invalid on purpose: the runtime check is under test
      [() => webex.messages.create({ text: 'x' }), /got none/],
      // @ts-expect-error invalid on purpose: the runtime check is under test
      [() => webex.messages.create({ roomId: 'r' }), /give some content/],
      [
        () => webex.messages.create({ roomId: 'r', markdown: 'é'.repeat(4000) }),
        /markdown must be at most 7439 bytes of UTF-8 \(got 8000\)/,
      ],
      [
        () => webex.messages.create({ roomId: 'r', files: ['https://a/1', 'https://a/2'] }),
        /files takes one item per message \(got 2\)/,
      ],
      [
        () => webex.people.list({ id: Array.from({ length: 86 }, (_, i) => `id${i}`).join(',') }).toArray(),
        /id takes at most 85 comma-separated ids \(got 86\)/,
      ],
      [() => webex.rooms.get(''), /roomId must be a non-empty string/],
      [() => webex.rooms.get(' '), /roomId must be a non-empty string \(got only spaces\)/],
      [() => webex.rooms.get('..'), /roomId must be an id, not the path segment "\.\."/],
      [() => webex.meetings.deleteRegistrationForm('.'), /meetingId must be an id, not the path segment "\."/],
      [() => webex.memberships.update('..', { isModerator: true, isRoomHidden: false }), /membershipId must be an id/],
      [() => webex.memberships.create({ roomId: 'r' }), /give exactly one of personId, personEmail/],
    ];
    for (const [call, message] of cases) {
      const error = await caught(Promise.resolve().then(call));
      expect(error).toBeInstanceOf(WebexValidationError);
      expect(error.message).toMatch(message);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('lists 85 ids without complaint', async () => {
    server = await startServer((_req, res) => json(res, 200, { items: [] }));
    const webex = new Webex({ accessToken: SECRET, baseUrl: server.url });
    await webex.people.list({ id: Array.from({ length: 85 }, (_, i) => `id${i}`).join(',') }).toArray();
    expect(server.requests).toHaveLength(1);
  });
});

describe('access token', () => {
  it('comes from WEBEX_ACCESS_TOKEN when not given', async () => {
    server = await startServer((_req, res) => json(res, 200, { id: 'me' }));
    const saved = process.env.WEBEX_ACCESS_TOKEN;
    process.env.WEBEX_ACCESS_TOKEN = 'from-env';
    try {
      await new Webex({ baseUrl: server.url }).people.me();
    } finally {
      if (saved === undefined) delete process.env.WEBEX_ACCESS_TOKEN;
      else process.env.WEBEX_ACCESS_TOKEN = saved;
    }
    expect(server.requests[0]?.headers.authorization).toBe('Bearer from-env');
  });

  it('is required, and the error names the variable', () => {
    const saved = process.env.WEBEX_ACCESS_TOKEN;
    delete process.env.WEBEX_ACCESS_TOKEN;
    try {
      expect(() => new Webex()).toThrow(AccessTokenError);
      expect(() => new Webex()).toThrow(/WEBEX_ACCESS_TOKEN/);
    } finally {
      if (saved !== undefined) process.env.WEBEX_ACCESS_TOKEN = saved;
    }
  });

  it('never shows in the client itself', () => {
    const webex = new Webex({ accessToken: SECRET });
    expect(inspect(webex, { depth: 10 })).not.toContain(SECRET);
    expect(JSON.stringify(webex.rooms)).not.toContain(SECRET);
  });
});

describe('faults from a local server', () => {
  it("reads a Contact Center error body's message (its shape is not webexapis.com's)", async () => {
    const answers = [
      { error: { key: 'SKILL_NOT_FOUND', message: [{ description: 'No skill with that id in this organization' }] } },
      { error: { key: 'SKILL_NOT_FOUND', message: [] } },
      { error: { key: 'BAD_REQUEST', message: ['name must not be blank'] } },
    ];
    server = await startServer((_req, res) => {
      const body = answers[server!.requests.length - 1];
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ trackingId: 'CC-1', ...body }));
    });
    const webex = new Webex({ accessToken: SECRET, contactCenter: { baseUrl: server.url } });
    const messages: string[] = [];
    for (const _ of answers) {
      const error = await caught(webex.contactCenter.skills.get('org-uuid', 'skill-uuid'));
      expect(error).toBeInstanceOf(WebexApiError);
      expect(error).toMatchObject({ status: 404, trackingId: 'CC-1' });
      messages.push(error.apiMessage);
    }
    expect(messages).toEqual([
      'No skill with that id in this organization',
      'SKILL_NOT_FOUND',
      'name must not be blank',
    ]);
  });

  it('throws MalformedResponseError for a 2xx body that is not JSON', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', trackingid: 'T-1' });
      res.end('{"id": "abc"');
    });
    const error = await caught(new Webex({ accessToken: SECRET, baseUrl: server.url }).rooms.get('abc'));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ status: 200, trackingId: 'T-1' });
    expectNoSecret(error);
  });

  it('times out a stalled request with a clear error after retries', async () => {
    const held = await startServer(() => {});
    server = held;
    clock = fakeClock();
    let sent = 0;
    const webex = new Webex({
      accessToken: SECRET,
      baseUrl: held.url,
      maxRetries: 1,
      timeout: 100,
      onRequest: () => sent++,
    });
    // The server holds every request: once each one sent is there, the clock moves on to its timeout (and backoff).
    const error = await caught(clock.run(webex.rooms.get('abc'), () => sent === held.requests.length));
    expect(error).toBeInstanceOf(WebexTimeoutError);
    expect(error.message).toMatch(/timed out after 100 ms/);
    expect(server.requests).toHaveLength(2);
  });

  it('does not re-send a POST that timed out', async () => {
    const held = await startServer(() => {});
    server = held;
    clock = fakeClock();
    let sent = 0;
    const webex = new Webex({ accessToken: SECRET, baseUrl: held.url, timeout: 100, onRequest: () => sent++ });
    const create = clock.run(webex.messages.create({ roomId: 'r', text: 'once' }), () => sent === held.requests.length);
    expect(await caught(create)).toBeInstanceOf(WebexTimeoutError);
    expect(held.requests).toHaveLength(1);
  });

  it('re-sends a POST after a reset only when the call opts in', async () => {
    server = await startServer((_req, res, seen) => (seen.length === 1 ? reset(res) : json(res, 200, { id: 'm1' })));
    clock = fakeClock();
    const webex = new Webex({ accessToken: SECRET, baseUrl: server.url, fetch: clock.fetch });
    const message = await clock.run(
      webex.messages.create({ roomId: 'r', text: 'idempotent enough' }, { retryNonIdempotent: true }),
    );
    expect(message.id).toBe('m1');
    expect(server.requests.map((r) => r.body)).toEqual([server.requests[0]!.body, server.requests[0]!.body]);
  });

  it('throws WebexConnectionError after a dropped POST, sent once', async () => {
    server = await startServer((_req, res) => reset(res));
    const error = await caught(
      new Webex({ accessToken: SECRET, baseUrl: server.url }).messages.create({ roomId: 'r', text: 'x' }),
    );
    expect(error).toBeInstanceOf(WebexConnectionError);
    expect(server.requests).toHaveLength(1);
    expectNoSecret(error);
  });

  it('waits out a 429 and succeeds, reporting the retry', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1
        ? json(res, 429, { message: 'slow down' }, { 'retry-after': '0' })
        : json(res, 200, { id: 'm1' }),
    );
    const retries: string[] = [];
    const webex = new Webex({
      accessToken: SECRET,
      baseUrl: server.url,
      onRetry: (e) => retries.push(`${e.reason} ${e.status} ${e.delayMs}`),
    });
    expect((await webex.messages.create({ roomId: 'r', text: 'x' })).id).toBe('m1');
    expect(retries).toEqual(['rate-limit 429 0']);
  });

  it('aborts at once on the caller signal, even while waiting on Retry-After', async () => {
    // On a fake clock (its `AbortSignal.timeout` included): the call must end when the signal fires, 100 ms in, not
    // after the 30 s wait; measured on that clock, so exactly, however slow the machine.
    clock = fakeClock();
    server = await startServer((_req, res) => json(res, 429, {}, { 'retry-after': '30' }));
    const webex = new Webex({ accessToken: SECRET, baseUrl: server.url, fetch: clock.fetch });
    const started = performance.now();
    const error = await clock.run(caught(webex.rooms.get('abc', { signal: AbortSignal.timeout(100) })));
    expect(error.name).toMatch(/TimeoutError|AbortError/);
    expect(performance.now() - started).toBe(100);
    expect(server.requests).toHaveLength(1);
  });

  it('sends the token only to its own origin: a foreign next link is refused', async () => {
    const foreign = await startServer((_req, res) => json(res, 200, { items: ['stolen'] }));
    server = await startServer((_req, res) =>
      json(res, 200, { items: [{ id: 'r1' }] }, { link: `<${foreign.url}/rooms?cursor=2>; rel="next"` }),
    );
    try {
      const webex = new Webex({ accessToken: SECRET, baseUrl: server.url });
      const seen: unknown[] = [];
      const error = await caught(
        (async () => {
          for await (const room of webex.rooms.list()) seen.push(room);
        })(),
      );
      expect(error).toBeInstanceOf(ForeignLinkError);
      expect(seen).toEqual([{ id: 'r1' }]);
      expect(foreign.requests).toHaveLength(0);
    } finally {
      await foreign.close();
    }
  });

  it('follows Link pages under the base URL with the token', async () => {
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '1');
      json(
        res,
        200,
        { items: [{ id: `r${page}` }] },
        page < 3 ? { link: `<${server!.url}/v1/rooms?page=${page + 1}>; rel="next"` } : {},
      );
    });
    const webex = new Webex({ accessToken: SECRET, baseUrl: `${server.url}/v1` });
    expect(await webex.rooms.list({ max: 1 }).toArray()).toEqual([{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }]);
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/rooms?max=1', '/v1/rooms?page=2', '/v1/rooms?page=3']);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
  });

  it('pages admin audit events by offset', async () => {
    server = await startServer((req, res) => {
      const offset = Number(new URL(req.url, 'http://x').searchParams.get('offset') ?? '0');
      const all = ['a', 'b', 'c', 'd', 'e'];
      json(res, 200, { items: all.slice(offset, offset + 2).map((id) => ({ id })) });
    });
    const webex = new Webex({ accessToken: SECRET, baseUrl: server.url });
    const events = await webex.adminAuditEvents
      .list({ orgId: 'o', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', max: 2 })
      .toArray();
    expect(events.map((e) => (e as { id: string }).id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // The short page at offset 4 may be Webex lowering the page size to its limit: one more request finds the end.
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('offset'))).toEqual([
      null,
      '2',
      '4',
      '5',
    ]);
  });
});
