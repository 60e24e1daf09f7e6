// A retry wait of LONG_RETRY_WAIT_MS or more is announced through logger.warn (or debug when the
// logger has no warn) before the wait starts; shorter ones stay in debug output. Each test aborts the
// call from onRetry, which fires after the logger, so no test sits through the wait it checks.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { LONG_RETRY_WAIT_MS } from '../src/config/options.js';
import { Webex, type Logger } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A logger that keeps every line, by level; `withWarn: false` gives one with `debug` only. */
function recordingLogger(withWarn = true) {
  const lines = { debug: [] as string[], warn: [] as string[], details: [] as Record<string, unknown>[] };
  const logger: Logger = {
    debug: (message) => void lines.debug.push(message),
    ...(withWarn && {
      warn: (message: string, details?: Record<string, unknown>) => {
        lines.warn.push(message);
        if (details) lines.details.push(details);
      },
    }),
  };
  return { logger, lines };
}

/** A client on a server that answers 429 with `Retry-After: <seconds>`; the first retry aborts the call. */
async function rateLimited(seconds: number, logger: Logger) {
  server = await startServer((_req, res) =>
    json(res, 429, { message: 'slow down' }, { 'retry-after': String(seconds) }),
  );
  const controller = new AbortController();
  const webex = new Webex({ accessToken: 'T', baseUrl: server.url, logger, onRetry: () => controller.abort() });
  const outcome = await webex.people.me(undefined, { signal: controller.signal }).catch((error: unknown) => error);
  return { outcome, url: server.url };
}

describe('long retry waits are announced', () => {
  it('the threshold is 5 s', () => {
    expect(LONG_RETRY_WAIT_MS).toBe(5_000);
  });

  it(`Retry-After of the threshold (${LONG_RETRY_WAIT_MS / 1000} s) goes to logger.warn, before the wait`, async () => {
    const { logger, lines } = recordingLogger();
    const { outcome, url } = await rateLimited(LONG_RETRY_WAIT_MS / 1000, logger);
    expect(outcome).toBeInstanceOf(Error); // aborted during the wait: the announcement came first
    expect(server!.requests).toHaveLength(1);
    expect(lines.warn).toEqual([
      `webex: waiting 5 s before retrying GET ${url}/people/me (rate-limit after HTTP 429, attempt 1)`,
    ]);
    expect(lines.details).toEqual([
      { method: 'GET', url: `${url}/people/me`, attempt: 1, reason: 'rate-limit', delayMs: 5_000, status: 429 },
    ]);
    expect(lines.debug.filter((line) => line.includes('retry'))).toEqual([]);
  });

  it('a logger without warn gets the announcement through debug', async () => {
    const { logger, lines } = recordingLogger(false);
    const { url } = await rateLimited(60, logger);
    expect(lines.debug).toContain(
      `webex: waiting 60 s before retrying GET ${url}/people/me (rate-limit after HTTP 429, attempt 1)`,
    );
  });

  it('a wait just under the threshold stays in debug output', async () => {
    const { logger, lines } = recordingLogger();
    const { url } = await rateLimited(LONG_RETRY_WAIT_MS / 1000 - 1, logger);
    expect(lines.warn).toEqual([]);
    expect(lines.debug).toContain(`webex: retry 1 of GET ${url}/people/me in 4000 ms (rate-limit)`);
  });

  it('the announced URL is redacted, like every log line', async () => {
    const secret = 'AT-SECRET-0123456789';
    server = await startServer((req, res) => {
      if (req.url.includes('cursor=2')) json(res, 429, { message: 'slow down' }, { 'retry-after': '30' });
      else
        json(
          res,
          200,
          { items: [{ id: 'r1' }] },
          { link: `<${server!.url}/rooms?cursor=2&access_token=${secret}>; rel="next"` },
        );
    });
    const { logger, lines } = recordingLogger();
    const controller = new AbortController();
    const webex = new Webex({ accessToken: 'T', baseUrl: server.url, logger, onRetry: () => controller.abort() });
    await expect(webex.rooms.list({}, { signal: controller.signal }).toArray()).rejects.toBeInstanceOf(Error);
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).toContain('waiting 30 s before retrying GET');
    expect(lines.warn[0]).toContain('access_token=REDACTED');
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
