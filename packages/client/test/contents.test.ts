// webex.contents against real loopback servers: streaming with bounded memory, the malware-scanning
// answers, URLs on other origins refused before anything is sent, names from Content-Disposition, maxBytes.
// Waits and deadlines run on a fake clock (test-utils/fake-clock.ts).
import type { ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsWithin, type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type Handler, type TestServer } from '../../../test-utils/http-server.js';
import { ContentsResource } from '../src/files/contents-resource.js';
import { createCore } from '../src/create-core.js';
import {
  FileInfectedError,
  FileTooLargeError,
  FileUnscannableError,
  WebexApiError,
  WebexTimeoutError,
  WebexValidationError,
} from '../src/errors/classes.js';
import type { WebexOptions } from '../src/config/options.js';

const ID = 'Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvMTIzNDU2Nzg5MC8w';

let server: TestServer | undefined;
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, options: WebexOptions = {}) {
  server = await startServer(handler);
  return {
    server,
    contents: new ContentsResource(createCore({ accessToken: 'T0KEN', baseUrl: server.url, ...options })),
  };
}

/** A small file: `Content-Disposition`, type and length, as Webex sends them. */
function file(res: ServerResponse, text: string, headers: Record<string, string> = {}) {
  res.writeHead(200, {
    'content-type': 'text/plain',
    'content-length': String(Buffer.byteLength(text)),
    'content-disposition': 'attachment; filename="hello.txt"',
    ...headers,
  });
  res.end(text);
}

async function readText(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

/** Writes `total` bytes in 64 KB chunks, waiting whenever the socket asks to; `progress.sent` says how far it got. */
async function streamBytes(
  res: ServerResponse,
  total: number,
  progress: { sent: number },
  headers: Record<string, string> = {},
) {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-disposition': 'attachment; filename="big.bin"',
    ...headers,
  });
  const chunk = Buffer.alloc(64 * 1024, 7);
  while (progress.sent < total && !res.destroyed) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - progress.sent));
    progress.sent += piece.length;
    if (!res.write(piece)) await drainedOrClosed(res);
  }
  res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The garbage collector, to measure what is kept rather than what is not yet collected. */
const gc: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Memory the bytes of a download can occupy: the JS heap and the ArrayBuffers outside it, after a collection. */
function retained(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe('download', () => {
  it('sends the token to the API and returns name, type, size and the bytes', async () => {
    const { server, contents } = await serve((_req, res) => file(res, 'hello, world'));
    const download = await contents.download(`${server.url}/contents/${ID}`);
    expect({ name: download.name, type: download.type, size: download.size }).toEqual({
      name: 'hello.txt',
      type: 'text/plain',
      size: 12,
    });
    expect(await readText(download.body)).toBe('hello, world');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: `/contents/${ID}` });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer T0KEN');
  });

  it('takes a bare content id', async () => {
    const { server, contents } = await serve((_req, res) => file(res, 'x'));
    await (await contents.download(ID)).body.cancel();
    expect(server.requests[0]!.url).toBe(`/contents/${ID}`);
  });

  it('streams 50 MB: resolves before the server is done, and memory stays bounded while reading', async () => {
    const TOTAL = 50 * 1024 * 1024;
    const progress = { sent: 0 };
    const { contents } = await serve((_req, res) =>
      streamBytes(res, TOTAL, progress, { 'content-length': String(TOTAL) }),
    );
    const before = retained();
    const download = await contents.download(ID, { maxBytes: TOTAL });
    expect(download.size).toBe(TOTAL);
    // Headers came with most of the file still unsent: nothing waited for the whole body.
    expect(progress.sent).toBeLessThan(TOTAL / 4);
    const reader = download.body.getReader();
    let received = 0;
    let chunks = 0;
    let peak = retained() - before;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      expect(next.value[next.value.length - 1]).toBe(7);
      received += next.value.byteLength;
      if (++chunks % 64 === 0) {
        // Bytes live outside the JS heap (ArrayBuffers): both count, or a buffered download would pass unseen.
        peak = Math.max(peak, retained() - before);
        // Still streaming: the server is never far ahead of the reader.
        expect(progress.sent - received).toBeLessThan(20 * 1024 * 1024);
      }
    }
    expect(received).toBe(TOTAL);
    expect(chunks).toBeGreaterThan(50);
    expect(peak).toBeLessThan(20 * 1024 * 1024);
  });

  it('any other error status is the usual typed API error', async () => {
    const { contents } = await serve((_req, res) =>
      json(res, 404, { message: 'Content not found', trackingId: 'TRK-404' }),
    );
    const error = await contents.download(ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error).toMatchObject({ status: 404, apiMessage: 'Content not found', trackingId: 'TRK-404' });
  });
});

describe('malware scanning', () => {
  it('423 with Retry-After: waits as asked, then downloads', async () => {
    clock = fakeClock();
    const arrivals: number[] = [];
    const { server, contents } = await serve(
      (_req, res, seen) => {
        arrivals.push(performance.now());
        if (seen.length === 1) json(res, 423, { message: 'File is being scanned' }, { 'retry-after': '1' });
        else file(res, 'clean');
      },
      { fetch: clock.fetch },
    );
    const download = await clock.run(contents.download(ID));
    expect(await readText(download.body)).toBe('clean');
    expect(server.requests).toHaveLength(2);
    // On the fake clock, where a request takes no time: the gap the server saw is the wait itself, to the millisecond.
    expect(arrivals[1]! - arrivals[0]!).toBe(1_000);
  });

  it('423 with a Retry-After longer than the deadline: a timeout at the deadline, not a long wait', async () => {
    clock = fakeClock();
    const { server, contents } = await serve(
      (_req, res) => json(res, 423, { message: 'File is being scanned' }, { 'retry-after': '30' }),
      { fetch: clock.fetch },
    );
    const started = performance.now();
    const error = await clock.run(contents.download(ID, { deadline: 300 }).catch((caught: unknown) => caught));
    expect(error).toBeInstanceOf(WebexTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300 });
    // On the fake clock: ended at the deadline to the millisecond, not after the 30 s asked for.
    expect(performance.now() - started).toBe(300);
    expect(server.requests).toHaveLength(1);
  });

  it('still scanning when the retries run out: the 423 as a WebexApiError', async () => {
    const { server, contents } = await serve(
      (_req, res) => json(res, 423, { message: 'File is being scanned' }, { 'retry-after': '0' }),
      { maxRetries: 2 },
    );
    const error = await contents.download(ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error).toMatchObject({ status: 423, apiMessage: 'File is being scanned' });
    expect(server.requests).toHaveLength(3);
  });

  it('410: FileInfectedError, a WebexApiError with the tracking id', async () => {
    const { contents } = await serve((_req, res) =>
      json(res, 410, { message: 'File is infected' }, { trackingid: 'TRK-410' }),
    );
    const error = await contents.download(ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileInfectedError);
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error).toMatchObject({
      name: 'FileInfectedError',
      status: 410,
      apiMessage: 'File is infected',
      trackingId: 'TRK-410',
    });
    expect((error as Error).message).toMatch(/infected/);
  });

  it('428 without allowUnscannable: FileUnscannableError, asked once, never with allow=unscannable', async () => {
    const { server, contents } = await serve((_req, res) => json(res, 428, { message: 'File cannot be scanned' }));
    const error = await contents.download(ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileUnscannableError);
    expect(error).toMatchObject({ status: 428, apiMessage: 'File cannot be scanned' });
    expect((error as Error).message).toMatch(/allowUnscannable: true/);
    expect(server.requests.map((request) => request.url)).toEqual([`/contents/${ID}`]);
  });

  it('428 with allowUnscannable: asks again with allow=unscannable and downloads', async () => {
    const { server, contents } = await serve((req, res) => {
      if (new URL(req.url, 'http://x').searchParams.get('allow') === 'unscannable') file(res, 'encrypted.zip bytes');
      else json(res, 428, { message: 'File cannot be scanned' });
    });
    const download = await contents.download(`${server.url}/contents/${ID}`, { allowUnscannable: true });
    expect(await readText(download.body)).toBe('encrypted.zip bytes');
    expect(server.requests.map((request) => request.url)).toEqual([
      `/contents/${ID}`,
      `/contents/${ID}?allow=unscannable`,
    ]);
    expect(server.requests[1]!.headers.authorization).toBe('Bearer T0KEN');
  });

  it('428 again with allow=unscannable: FileUnscannableError after exactly one more try', async () => {
    const { server, contents } = await serve((_req, res) => json(res, 428, { message: 'File cannot be scanned' }));
    await expect(contents.download(ID, { allowUnscannable: true })).rejects.toBeInstanceOf(FileUnscannableError);
    expect(server.requests).toHaveLength(2);
  });

  it('info (HEAD) maps scanning answers the same way', async () => {
    const { server, contents } = await serve((_req, res) => json(res, 410, {}));
    await expect(contents.info(ID)).rejects.toBeInstanceOf(FileInfectedError);
    expect(server.requests[0]!.method).toBe('HEAD');
  });
});

describe('URLs that are not files of this API are refused before anything is sent', () => {
  const refused: [name: string, url: (base: string) => string][] = [
    [
      'another origin (same server, other host name)',
      (base) => `${base.replace('127.0.0.1', 'localhost')}/contents/${ID}`,
    ],
    ['another scheme', (base) => `${base.replace('http:', 'https:')}/contents/${ID}`],
    [
      'another port',
      (base) => `${base.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`)}/contents/${ID}`,
    ],
    ['credentials in the URL', (base) => `${base.replace('http://', 'http://user:pass@')}/contents/${ID}`],
    ['the API origin, another path', (base) => `${base}/people/me`],
    ['a path climbing out of /contents/', (base) => `${base}/contents/../people/me`],
    ['an encoded climb', (base) => `${base}/contents/%2e%2e%2fpeople`],
    ['/contents/ itself', (base) => `${base}/contents/`],
    ['a prefix that only looks alike', (base) => `${base}/contentsX/${ID}`],
    ['a bare id with a slash', () => `../people/me`],
    ['a bare id of dots', () => `..`],
    ['an empty id', () => ''],
  ];
  it.each(refused)('%s', async (_name, url) => {
    const { server, contents } = await serve((_req, res) => file(res, 'secret'));
    const error = await contents.download(url(server.url)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebexValidationError);
    expect((error as WebexValidationError).message).toMatch(
      /^contents\.download: .*expected a file URL from message\.files/,
    );
    await expect(contents.info(url(server.url))).rejects.toBeInstanceOf(WebexValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it('the refusal shows only the origin of the URL, never its path or query', async () => {
    const { contents } = await serve((_req, res) => file(res, 'x'));
    const error = await contents
      .download('https://files.example.com/private/path?sig=s3cr3t')
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('https://files.example.com');
    expect((error as Error).message).not.toMatch(/private|s3cr3t/);
  });
});

describe('info and Content-Disposition', () => {
  const variants: [name: string, header: string | undefined, want: string | undefined][] = [
    ['filename="…"', 'attachment; filename="report.pdf"', 'report.pdf'],
    [
      "filename*=UTF-8''… preferred",
      `attachment; filename="rapport.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E2%82%AC.pdf`,
      'résumé €.pdf',
    ],
    ['directories dropped from the name', 'attachment; filename="../../.ssh/authorized_keys"', 'authorized_keys'],
    ['no header', undefined, undefined],
  ];
  it.each(variants)('%s', async (_name, header, want) => {
    const { server, contents } = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': '123456',
        ...(header ? { 'content-disposition': header } : {}),
      });
      res.end();
    });
    expect(await contents.info(ID)).toEqual({ name: want, type: 'application/pdf', size: 123456 });
    expect(server.requests[0]!.method).toBe('HEAD');
  });

  it('no Content-Type or Content-Length: octet-stream, size unknown', async () => {
    const { contents } = await serve((_req, res) => {
      res.removeHeader('date');
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.end('abc');
    });
    const download = await contents.download(ID);
    expect({ type: download.type, size: download.size }).toEqual({ type: 'application/octet-stream', size: undefined });
    expect(await readText(download.body)).toBe('abc');
  });
});

describe('maxBytes', () => {
  it('Content-Length over the limit: FileTooLargeError before any body is read', async () => {
    const progress = { sent: 0 };
    const { contents } = await serve((_req, res) =>
      streamBytes(res, 5 * 1024 * 1024, progress, { 'content-length': String(5 * 1024 * 1024) }),
    );
    const error = await contents.download(ID, { maxBytes: 1024 * 1024 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error).toMatchObject({ maxBytes: 1024 * 1024, size: 5 * 1024 * 1024 });
    expect((error as Error).message).toMatch(/larger than maxBytes 1048576/);
  });

  it('no Content-Length: the body stream errors with FileTooLargeError once past the limit, and the download stops', async () => {
    const TOTAL = 20 * 1024 * 1024;
    const progress = { sent: 0 };
    let closed!: (sent: number) => void;
    const closedAt = new Promise<number>((resolve) => (closed = resolve));
    const { contents } = await serve((_req, res) => {
      res.on('close', () => closed(progress.sent));
      return streamBytes(res, TOTAL, progress);
    });
    const download = await contents.download(ID, { maxBytes: 100_000 });
    expect(download.size).toBeUndefined();
    const reader = download.body.getReader();
    let received = 0;
    const error = await (async () => {
      for (;;) {
        const next = await reader.read();
        if (next.done) return undefined;
        received += next.value.byteLength;
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(received).toBeLessThanOrEqual(100_000);
    // The server sees the connection close (the client cancelled the body), with most of the file unsent.
    expect(await endsWithin(closedAt, 10_000, 'the download stopping at the server')).toBeLessThan(TOTAL);
  });

  it('a file of exactly maxBytes downloads', async () => {
    const { contents } = await serve((_req, res) => file(res, '12345'));
    expect(await readText((await contents.download(ID, { maxBytes: 5 })).body)).toBe('12345');
  });

  it('a bad maxBytes is refused before anything is sent', async () => {
    const { server, contents } = await serve((_req, res) => file(res, 'x'));
    await expect(contents.download(ID, { maxBytes: -1 })).rejects.toBeInstanceOf(WebexValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('signal and deadline reach the body', () => {
  /** Sends the first bytes, then stalls. */
  const stalling: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.write(Buffer.alloc(1024));
  };

  it('the deadline ends a stalled body with WebexTimeoutError', async () => {
    // The fake clock moves only when told to here: a stalled body keeps its request on the wire for ever.
    clock = fakeClock();
    const { contents } = await serve(stalling);
    const download = await contents.download(ID, { deadline: 400 });
    const read = readText(download.body);
    const outcome = read.then(
      () => 'read',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(399);
    expect(await Promise.race([outcome, 'still reading'])).toBe('still reading');
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(WebexTimeoutError);
  });

  it("the caller's abort ends the body with the caller's reason", async () => {
    const { contents } = await serve(stalling);
    const controller = new AbortController();
    const download = await contents.download(ID, { signal: controller.signal });
    const reason = new Error('user cancelled');
    // Aborted while reading: once the first bytes are in, the next read waits on a body that stalls.
    const reader = download.body.getReader();
    expect((await reader.read()).done).toBe(false);
    const rest = (async () => {
      while (!(await reader.read()).done);
    })();
    controller.abort(reason);
    await expect(endsWithin(rest, 10_000, 'the read after the abort')).rejects.toBe(reason);
  });
});

describe('Core.stream, the seam downloads go through', () => {
  it('leaves the body unread and sends the token', async () => {
    const { server } = await serve((_req, res) => file(res, 'unread'));
    const core = createCore({ accessToken: 'T0KEN', baseUrl: server.url });
    const { response } = await core.stream('contents.download', 'get', `/contents/${ID}`);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('unread');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer T0KEN');
  });

  it.each([
    ['a URL on another origin', (base: string) => `${base.replace('127.0.0.1', 'localhost')}/contents/${ID}`],
    ['a path climbing out of the API root', () => '/../../elsewhere'],
  ])('refuses %s before sending', async (_name, target) => {
    const { server } = await serve((_req, res) => file(res, 'x'));
    const core = createCore({ accessToken: 'T0KEN', baseUrl: `${server.url}/v1` });
    await expect(core.stream('contents.download', 'get', target(server.url))).rejects.toBeInstanceOf(
      WebexValidationError,
    );
    expect(server.requests).toHaveLength(0);
  });
});
