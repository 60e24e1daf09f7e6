import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Webex } from '@webex-ts/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endsWithin, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { watchOutput } from '../../../test-utils/waits.js';
import { main } from '../src/cli.js';
import { freePort } from '../src/index.js';
import { rewriteLink, startProxy, type ContractProxy } from '../src/contract/proxy.js';
import type { ContractViolation } from '../src/contract/violation.js';

const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const TRACKING = { TrackingID: 'ROUTER_TEST' };
const room = { id: 'r1', title: 'Dev Room', type: 'group', created: '2026-10-18T09:12:41.508Z' };

// One upstream whose answers are picked by the request path; `/v1` is its base path, as on webexapis.com.
let upstream: TestServer;
let proxy: ContractProxy;

beforeAll(async () => {
  upstream = await startServer((request, response) => {
    const url = new URL(request.url, 'http://upstream');
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case 'GET /v1/rooms':
        return json(
          response,
          200,
          { items: [room] },
          { ...TRACKING, Link: `<${upstream.url}/v1/rooms?cursor=abc&max=1>; rel="next"`, 'X-Extra': 'kept' },
        );
      case 'GET /v1/rooms/good':
        return json(response, 200, room, TRACKING);
      case 'GET /v1/rooms/wrong-type':
        return json(response, 200, { ...room, title: 5 }, TRACKING);
      case 'GET /v1/rooms/missing-required':
        return json(response, 200, { id: 'r1', type: 'group', created: room.created }, TRACKING);
      case 'GET /v1/rooms/bad-enum':
        return json(response, 200, { ...room, type: 'channel' }, TRACKING);
      case 'GET /v1/rooms/teapot':
        return json(response, 418, { message: 'short and stout' }, TRACKING);
      case 'GET /v1/rooms/html':
        // A gateway's error page passed off as a success.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...TRACKING });
        return void response.end('<html><body>Service Unavailable</body></html>');
      case 'GET /v1/rooms/no-tracking':
        return json(response, 200, room);
      case 'GET /v1/rooms/bad-link':
        return json(response, 200, room, { ...TRACKING, Link: 'next page please' });
      case 'GET /v1/rooms/busy':
        return json(response, 429, { message: 'slow down' }, { ...TRACKING, 'Retry-After': 'soon' });
      case 'POST /v1/rooms':
        return json(response, 200, room, TRACKING);
      case 'GET /v1/messages':
        return json(response, 200, { items: [] }, TRACKING);
      case 'POST /v1/applications/app-1/token':
        return json(response, 200, { access_token: 'SECRET-TOKEN-2', token_type: 'Bearer' }, TRACKING);
      case 'POST /v1/access_token':
        return json(response, 200, { access_token: 12345, token_type: 'Bearer', expires_in: 3600 }, TRACKING);
      default:
        return json(response, 404, { message: 'no such route' }, TRACKING);
    }
  });
  proxy = await startProxy({ upstream: `${upstream.url}/v1`, spec });
});

afterAll(async () => {
  await proxy.stop();
  await upstream.close();
});

/** Sends one request through the proxy and returns the violations it added. */
async function through(
  path: string,
  init: RequestInit = {},
): Promise<{ response: Response; body: string; found: ContractViolation[] }> {
  const before = proxy.violations().length;
  const response = await fetch(`${proxy.url}${path}`, {
    ...init,
    headers: { authorization: 'Bearer SECRET-TOKEN-1', ...init.headers },
  });
  const body = await response.text();
  return { response, body, found: proxy.violations().slice(before) };
}

describe('startProxy', () => {
  it('passes a conforming answer through unchanged, with Link pointed at the proxy, and reports nothing', async () => {
    const { response, body, found } = await through('/rooms?max=1');
    expect(found).toEqual([]);
    expect(response.status).toBe(200);
    expect(JSON.parse(body)).toEqual({ items: [room] });
    expect(response.headers.get('trackingid')).toBe('ROUTER_TEST');
    expect(response.headers.get('x-extra')).toBe('kept');
    expect(response.headers.get('link')).toBe(`<${proxy.url}/rooms?cursor=abc&max=1>; rel="next"`);
    expect(upstream.requests.at(-1)!.headers.authorization).toBe('Bearer SECRET-TOKEN-1');
  });

  it('lets the client page through it', async () => {
    const webex = new Webex({ accessToken: 't', baseUrl: proxy.url, maxRetries: 0 });
    const first = await webex.rooms.get('good');
    expect(first).toEqual(room);
    expect(upstream.requests.at(-1)!.url).toBe('/v1/rooms/good');
  });

  it.each([
    [
      'a wrong type',
      '/rooms/wrong-type',
      { part: 'body', pointer: '/title', rule: 'type', message: 'expected string, got integer' },
    ],
    [
      'a missing required field',
      '/rooms/missing-required',
      { part: 'body', pointer: '/title', rule: 'required', message: 'missing required property title' },
    ],
    [
      'a value not in the enum',
      '/rooms/bad-enum',
      { part: 'body', pointer: '/type', rule: 'enum', message: '"channel" is not one of "direct", "group"' },
    ],
    ['an undeclared status', '/rooms/teapot', { part: 'status', pointer: '', rule: 'unknown-status' }],
    [
      'a body that is not JSON',
      '/rooms/html',
      { part: 'body', pointer: '', rule: 'type', message: 'expected a JSON body, got text/html' },
    ],
    [
      'a missing TrackingID',
      '/rooms/no-tracking',
      {
        part: 'header',
        pointer: '/TrackingID',
        rule: 'header',
        message: 'missing TrackingID header, which the spec declares for this answer',
      },
    ],
    ['a malformed Link', '/rooms/bad-link', { part: 'header', pointer: '/Link', rule: 'header' }],
    [
      'a malformed Retry-After',
      '/rooms/busy',
      {
        part: 'header',
        pointer: '/Retry-After',
        rule: 'header',
        message: 'malformed Retry-After header: expected whole seconds or an HTTP date',
      },
    ],
  ])('reports %s in the answer, exactly once', async (_name, path, expected) => {
    const { response, found } = await through(path);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      operation: 'rooms.get',
      method: 'GET',
      path,
      status: response.status,
      where: 'response',
      ...expected,
    });
  });

  it('reports an undeclared status by naming what was declared', async () => {
    const { found } = await through('/rooms/teapot');
    expect(found[0]!.message).toMatch(/^status 418 is not declared for this operation \(declared: 200, 400/);
  });

  it.each([
    [
      'a wrong body type',
      '/rooms',
      { method: 'POST', body: JSON.stringify({ title: 5 }), headers: { 'content-type': 'application/json' } },
      'rooms.create',
      { part: 'body', pointer: '/title', rule: 'type', message: 'expected string, got integer' },
    ],
    [
      'a missing required body field',
      '/rooms',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
      'rooms.create',
      { part: 'body', pointer: '/title', rule: 'required' },
    ],
    [
      'a missing required query parameter',
      '/messages',
      {},
      'messages.list',
      { part: 'query', pointer: '/roomId', rule: 'required', message: 'missing required query parameter roomId' },
    ],
    [
      'a query value not in the enum',
      '/rooms?type=channel',
      {},
      'rooms.list',
      { part: 'query', pointer: '/type', rule: 'enum' },
    ],
    [
      'a query value of the wrong type',
      '/rooms?max=ten',
      {},
      'rooms.list',
      { part: 'query', pointer: '/max', rule: 'type', message: 'expected integer, got string' },
    ],
    ['an operation the spec lacks', '/no/such/thing', {}, '(unknown)', { part: 'path', rule: 'unknown-operation' }],
  ] as const)('reports %s in the request, and still forwards it', async (_name, path, init, operation, expected) => {
    const seen = upstream.requests.length;
    const { found } = await through(path, init as RequestInit);
    expect(upstream.requests.length).toBe(seen + 1);
    const requestSide = found.filter((v) => v.where === 'request');
    expect(requestSide).toHaveLength(1);
    expect(requestSide[0]).toMatchObject({ operation, ...expected });
  });

  it('never records a credential: not the Authorization header, not a token in the URL, a form or a JSON body', async () => {
    const secrets = [
      'SECRET-TOKEN-1',
      'SECRET-TOKEN-2',
      'SECRET-IN-QUERY',
      'SECRET-CLIENT',
      'SECRET-CODE',
      'SECRET-ORG',
      '12345',
    ];
    await through('/rooms/wrong-type?access_token=SECRET-IN-QUERY');
    await through('/access_token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_secret: 'SECRET-CLIENT',
        code: 'SECRET-CODE',
      }).toString(),
    });
    await through('/applications/app-1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 5, clientSecret: 'SECRET-CLIENT', targetOrgId: 'SECRET-ORG' }),
    });
    const found = proxy.violations();
    // The checks ran on those exchanges (a form field missing, a JSON field and a returned token of the wrong type) …
    expect(found).toContainEqual(
      expect.objectContaining({
        operation: 'accessTokens.exchangeAccessToken',
        where: 'request',
        pointer: '/client_id',
        rule: 'required',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        operation: 'accessTokens.exchangeAccessToken',
        where: 'response',
        pointer: '/access_token',
        rule: 'type',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        operation: 'serviceApps.createToken',
        where: 'request',
        pointer: '/clientId',
        rule: 'type',
      }),
    );
    expect(found).toContainEqual(expect.objectContaining({ path: '/rooms/wrong-type?access_token=REDACTED' }));
    // … and nothing secret came out of them.
    const text = JSON.stringify(found);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('answers 502 naming the upstream when it cannot be reached', async () => {
    const port = await freePort();
    const dead = await startProxy({ upstream: `http://127.0.0.1:${port}/v1`, spec });
    try {
      const response = await fetch(`${dead.url}/rooms`);
      expect(response.status).toBe(502);
      expect((await response.json()).message).toContain(`could not reach the upstream http://127.0.0.1:${port}/v1`);
    } finally {
      await dead.stop();
    }
  });

  it.each([
    ['never answers', (_response: ServerResponse) => {}, 0],
    [
      'sends its headers and then stalls in the body',
      (response: ServerResponse) => {
        response.writeHead(200, { 'content-type': 'application/json', ...TRACKING });
        response.write('{"items":[');
      },
      1,
    ],
  ])(
    'answers 504 naming the timeout when the upstream %s, once the timeout has passed',
    async (_name, stall, heads) => {
      const silent = await startServer((_request, response) => stall(response));
      // Counts the upstream answers whose headers reached the proxy: a stalled body must stall after them.
      let headersIn = 0;
      const counting: typeof fetch = async (input, init) => {
        const answer = await fetch(input, init);
        headersIn++;
        return answer;
      };
      const slow = await startProxy({ upstream: `${silent.url}/v1`, spec, fetch: counting });
      const clock = fakeClock();
      try {
        const started = Date.now();
        // The clock moves only once the upstream holds the request as it means to: nothing but the deadline can end it.
        const response = await endsWithin(
          clock.run(fetch(`${slow.url}/rooms`), () => silent.requests.length === 1 && headersIn === heads),
          10_000,
          'the request through the proxy',
        );
        expect(response.status).toBe(504);
        expect(await response.json()).toEqual({
          message: `webex-mock proxy: the upstream ${silent.url}/v1 did not answer in full within 30000 ms`,
        });
        // Fake time: the whole default timeout went by before the proxy gave up, to the millisecond (the clock stands
        // still while requests travel), and none of it was waited for.
        expect(Date.now() - started).toBe(30_000);
        expect(silent.requests).toHaveLength(1);
      } finally {
        clock.uninstall();
        await slow.stop();
        await silent.close();
      }
    },
  );

  it.each([0, -1, 1.5, 2 ** 31])('refuses an upstream timeout of %s ms', async (upstreamTimeoutMs) => {
    await expect(startProxy({ upstream: 'https://webexapis.com/v1', spec, upstreamTimeoutMs })).rejects.toThrow(
      `upstreamTimeoutMs should be a whole number of ms from 1 to 2147483647, got ${upstreamTimeoutMs}`,
    );
  });

  it('refuses an upstream that is not a plain base URL', async () => {
    await expect(startProxy({ upstream: 'https://user:pw@webexapis.com/v1', spec })).rejects.toThrow(
      'no credentials, query or fragment',
    );
    await expect(startProxy({ upstream: 'webexapis.com', spec })).rejects.toThrow('absolute http(s) URL');
  });
});

describe('rewriteLink', () => {
  it.each([
    ['<https://webexapis.com/v1/rooms?cursor=a>; rel="next"', '<http://127.0.0.1:1/rooms?cursor=a>; rel="next"'],
    ['<https://webexapis.com/v10/rooms>; rel="next"', '<https://webexapis.com/v10/rooms>; rel="next"'],
    ['<https://other.example/v1/rooms>; rel="next"', '<https://other.example/v1/rooms>; rel="next"'],
  ])('%s', (given, want) => {
    expect(rewriteLink(given, 'https://webexapis.com/v1', 'http://127.0.0.1:1')).toBe(want);
  });
});

/** `webex-mock` run as a user runs it, its output gathered as it comes (test-utils/waits.ts). */
function startCli(args: string[]) {
  const bin = fileURLToPath(new URL('../bin/webex-mock.js', import.meta.url));
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, ...watchOutput(child) };
}

describe('webex-mock proxy', () => {
  it('prints violations as they happen, a summary on SIGTERM, and writes the report, all without secrets', async () => {
    const port = await freePort();
    const report = join(mkdtempSync(join(tmpdir(), 'webex-proxy-')), 'report.json');
    const cli = startCli([
      'proxy',
      '--upstream',
      `${upstream.url}/v1`,
      '--port',
      String(port),
      '--spec',
      spec,
      '--report',
      report,
    ]);
    try {
      await cli.printed(`Contract proxy listening on http://127.0.0.1:${port}`);
      const response = await fetch(`http://127.0.0.1:${port}/rooms/wrong-type?access_token=SECRET-IN-QUERY`, {
        headers: { authorization: 'Bearer SECRET-TOKEN-1' },
      });
      expect(response.status).toBe(200);
      await response.text();
      await cli.printed(
        'violation: rooms.get GET /rooms/wrong-type?access_token=REDACTED → 200: response body /title [type] expected string, got integer',
      );
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
    const out = cli.output();
    expect(out).toContain('1 request(s) checked, 1 contract violation(s) in 1 operation(s):');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.requests).toBe(1);
    expect(written.violations).toEqual([
      {
        operation: 'rooms.get',
        method: 'GET',
        path: '/rooms/wrong-type?access_token=REDACTED',
        status: 200,
        where: 'response',
        part: 'body',
        pointer: '/title',
        rule: 'type',
        message: 'expected string, got integer',
      },
    ]);
    for (const secret of ['SECRET-TOKEN-1', 'SECRET-IN-QUERY']) {
      expect(out).not.toContain(secret);
      expect(readFileSync(report, 'utf8')).not.toContain(secret);
    }
  });

  it('gives the upstream --upstream-timeout ms to answer, then answers 504', async () => {
    const silent = await startServer(() => {});
    const port = await freePort();
    const timed = startCli([
      'proxy',
      '--upstream',
      `${silent.url}/v1`,
      '--port',
      String(port),
      '--spec',
      spec,
      '--upstream-timeout',
      '1',
    ]);
    try {
      await timed.printed('Contract proxy listening');
      const response = await fetch(`http://127.0.0.1:${port}/rooms`);
      expect(response.status).toBe(504);
      expect((await response.json()).message).toBe(
        `webex-mock proxy: the upstream ${silent.url}/v1 did not answer in full within 1 ms`,
      );
    } finally {
      timed.child.kill('SIGTERM');
      await silent.close();
    }
    expect(await timed.exited).toBe(0);
  });

  it.each(['abc', '0', '1.5', '-5', '1e3', '2147483648'])(
    'refuses --upstream-timeout %s with exit 2 and the usage',
    async (value) => {
      const { code, errors } = await mainWithErrors([
        'proxy',
        '--upstream',
        'https://webexapis.com/v1',
        `--upstream-timeout=${value}`,
      ]);
      expect(code).toBe(2);
      expect(errors).toContain(`--upstream-timeout must be a whole number of ms from 1 to 2147483647 (got ${value})`);
      expect(errors).toContain('[--upstream-timeout <ms>]');
    },
  );

  it('refuses --upstream-timeout with another command than proxy', async () => {
    const { code, errors } = await mainWithErrors(['tour', '--upstream-timeout', '5']);
    expect(code).toBe(2);
    expect(errors).toContain('--upstream-timeout goes with webex-mock proxy');
  });
});

/** Runs the CLI's `main` in this process (for mistakes it refuses before starting anything); what it wrote on stderr. */
async function mainWithErrors(argv: string[]): Promise<{ code: number; errors: string }> {
  const errors: string[] = [];
  const stderr = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.join(' '));
  });
  try {
    return { code: await main(argv), errors: errors.join('\n') };
  } finally {
    stderr.mockRestore();
  }
}
