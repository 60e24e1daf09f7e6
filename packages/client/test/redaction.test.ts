// Secrets in URLs (OAuth codes, tokens, client secrets, user:password@) never reach an error's text,
// its JSON, util.inspect, a hook event or a log line. The secret URLs come from a real server's Link header.
import { inspect } from 'node:util';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, reset, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  MalformedResponseError,
  RateLimitError,
  redactUrl,
  Webex,
  WebexApiError,
  WebexConnectionError,
  WebexTimeoutError,
  WebexValidationError,
  type WebexOptions,
} from '../src/index.js';

const TOKEN = 'BEARER-SECRET-7f3a';
const SECRETS = {
  access_token: 'AT-SECRET-1111',
  client_secret: 'CS-SECRET-2222',
  code: 'CODE-SECRET-3333',
  refresh_token: 'RT-SECRET-4444',
};
const secretQuery = new URLSearchParams({ cursor: '2', ...SECRETS }).toString();

let server: TestServer | undefined;
/** The per-attempt timeout of a stalled page runs on a fake clock (test-utils/fake-clock.ts), where a test installs one. */
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** Every secret that must never show, found in `text`. */
function leaked(text: string): string[] {
  return [TOKEN, ...Object.values(SECRETS), 'PW-SECRET-5555'].filter((secret) => text.includes(secret));
}

/** Every way an error is commonly shown. */
function renderings(error: unknown): string[] {
  return [
    (error as Error).message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity }),
    (error as Error).stack ?? '',
  ];
}

describe('redactUrl', () => {
  it.each(Object.entries(SECRETS))('hides %s in the query and keeps the rest', (name, value) => {
    const redacted = redactUrl(`https://webexapis.com/v1/rooms?max=10&${name}=${value}&type=group`);
    expect(redacted).not.toContain(value);
    const query = new URL(redacted).searchParams;
    expect(query.get(name)).toBe('REDACTED');
    expect(query.get('max')).toBe('10');
    expect(query.get('type')).toBe('group');
  });

  it('hides all of them at once, and repeated ones', () => {
    const redacted = redactUrl(`https://webexapis.com/v1/x?${secretQuery}&code=${SECRETS.code}`);
    expect(leaked(redacted)).toEqual([]);
    // A repeated name may collapse into one; what matters is that no value of it survives.
    const codes = new URL(redacted).searchParams.getAll('code');
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((value) => value === 'REDACTED')).toBe(true);
    expect(new URL(redacted).searchParams.get('cursor')).toBe('2');
  });

  it('drops user:password@ credentials', () => {
    const redacted = redactUrl('https://someone:PW-SECRET-5555@webexapis.com/v1/people/me');
    expect(redacted).toBe('https://webexapis.com/v1/people/me');
  });

  it('leaves a URL without secrets as it was', () => {
    expect(redactUrl('https://webexapis.com/v1/rooms?max=5&cursor=abc')).toBe(
      'https://webexapis.com/v1/rooms?max=5&cursor=abc',
    );
  });
});

/**
 * A listing whose first page links to a second page URL full of secrets; that
 * second page is answered by `fault`.
 */
async function listingWithSecretLink(
  fault: (res: ServerResponse) => void,
  options: WebexOptions = {},
): Promise<unknown> {
  let faulted = 0;
  server = await startServer((req, res) => {
    if (req.url.includes('cursor=2')) {
      faulted++;
      return fault(res);
    }
    json(res, 200, { items: [{ id: 'r1' }] }, { link: `<${server!.url}/rooms?${secretQuery}>; rel="next"` });
  });
  const webex = new Webex({
    accessToken: TOKEN,
    baseUrl: server.url,
    ...options,
    ...(clock && { fetch: clock.fetch }),
  });
  const listed = webex.rooms.list().toArray();
  // A page the server holds unanswered stays on the wire: the clock moves on once it is the only request left there.
  return (clock ? clock.run(listed, () => clock!.onWire === faulted) : listed).then(
    () => {
      throw new Error('expected the listing to fail on page 2');
    },
    (error: unknown) => error,
  );
}

describe('errors for a request whose URL holds secrets', () => {
  const cases: [string, (res: ServerResponse) => void, WebexOptions, new (...args: never[]) => Error][] = [
    ['WebexApiError (404)', (res) => json(res, 404, { message: 'gone' }, { trackingid: 'TRK-404' }), {}, WebexApiError],
    [
      'RateLimitError (429, waiting off)',
      (res) => json(res, 429, {}, { 'retry-after': '5' }),
      { waitOnRateLimit: false },
      RateLimitError,
    ],
    [
      'MalformedResponseError (200, not JSON)',
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items": [');
      },
      {},
      MalformedResponseError,
    ],
    ['WebexTimeoutError (stall)', () => {}, { timeout: 150, maxRetries: 0 }, WebexTimeoutError],
    ['WebexConnectionError (reset)', (res) => reset(res), { maxRetries: 0 }, WebexConnectionError],
  ];

  it.each(cases)('%s: message, String, JSON and inspect show no secret', async (_name, fault, options, errorClass) => {
    // A timeout is waited for on the fake clock: no real 150 ms, and no machine too slow for it.
    if (errorClass === WebexTimeoutError) clock = fakeClock();
    const error = await listingWithSecretLink(fault, options);
    expect(error).toBeInstanceOf(errorClass);
    // The failing request was the secret-laden page 2, and the error names it, redacted.
    expect(server!.requests.at(-1)!.url).toContain(SECRETS.code);
    const url = (error as { url: string }).url;
    expect(url).toContain('cursor=2');
    expect(url).toContain('REDACTED');
    for (const text of renderings(error)) expect(leaked(text)).toEqual([]);
  });
});

describe('errors about a secret-bearing baseUrl', () => {
  it.each([
    ['user:password@', 'https://someone:PW-SECRET-5555@webexapis.com/v1'],
    ['a query', `https://webexapis.com/v1?access_token=${SECRETS.access_token}`],
  ])('a baseUrl with %s is refused without echoing it', (_name, baseUrl) => {
    let error: unknown;
    try {
      new Webex({ accessToken: TOKEN, baseUrl });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WebexValidationError);
    expect(error).toMatchObject({ operation: 'new Webex', parameter: 'baseUrl' });
    for (const text of renderings(error)) expect(leaked(text)).toEqual([]);
  });
});

describe('hooks and logs', () => {
  /** Lists through a secret page 2 that answers 503 once, then 200. */
  async function listThroughRetry(options: WebexOptions): Promise<void> {
    let page2 = 0;
    server = await startServer((req, res) => {
      if (!req.url.includes('cursor=2'))
        return json(res, 200, { items: [{ id: 'r1' }] }, { link: `<${server!.url}/rooms?${secretQuery}>; rel="next"` });
      if (++page2 === 1) return json(res, 503, {}, { 'retry-after': '0' });
      json(res, 200, { items: [{ id: 'r2' }] });
    });
    const rooms = await new Webex({ accessToken: TOKEN, baseUrl: server.url, ...options }).rooms.list().toArray();
    expect(rooms.map((room) => room.id)).toEqual(['r1', 'r2']);
  }

  it('onRequest, onResponse, onRetry and the logger see redacted URLs only', async () => {
    const events: unknown[] = [];
    const lines: string[] = [];
    await listThroughRetry({
      onRequest: (e) => events.push({ hook: 'request', ...e }),
      onResponse: (e) => events.push({ hook: 'response', ...e }),
      onRetry: (e) => events.push({ hook: 'retry', ...e }),
      logger: { debug: (message, details) => lines.push(`${message} ${inspect(details, { depth: Infinity })}`) },
    });
    const text = `${inspect(events, { depth: Infinity })}\n${lines.join('\n')}`;
    // The hooks did see page 2 (three attempts in all, one retry)...
    expect(events.map((e) => (e as { hook: string }).hook)).toEqual([
      'request',
      'response',
      'request',
      'response',
      'retry',
      'request',
      'response',
    ]);
    expect(lines).toHaveLength(7);
    expect(text).toContain('cursor=2');
    expect(text).toContain('REDACTED');
    // ...and none of the secrets.
    expect(leaked(text)).toEqual([]);
  });

  it('debug: true logs to console.debug, redacted', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    await listThroughRetry({ debug: true });
    const text = debug.mock.calls.map((args) => inspect(args, { depth: Infinity })).join('\n');
    expect(debug.mock.calls.length).toBeGreaterThanOrEqual(7);
    expect(text).toContain('cursor=2');
    expect(leaked(text)).toEqual([]);
  });
});
