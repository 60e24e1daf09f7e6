// Each attempt's signal under one long-lived caller's signal (a bot's, a listing's), against a real loopback server:
// nothing is left on the caller's signal however many calls it has seen, it carries one listener however many are in
// flight, a timeout and the caller's abort stay apart, and the caller's abort still reaches a body handed over unread.
import { getEventListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsWithin, type FakeClock, fakeClock } from '../../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import {
  defaultRetryPolicy,
  fetchWithRetry,
  isTimeout,
  type RetryableRequest,
  RequestGate,
  sendWithRetry,
} from '../../src/index.js';
import { ioTurns } from '../waits.js';

let server: TestServer | undefined;
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const readText = (response: Response) => response.text();
const noRetries = { ...defaultRetryPolicy, maxRetries: 0, waitOnRateLimit: false };

const plainGet = (url: string): RetryableRequest => ({ url, method: 'GET', headers: {}, body: null });

describe('the caller’s signal after many calls', () => {
  it.each([
    ['a per-attempt timeout, plain requests', 60_000, plainGet],
    ['no timeout, plain requests', undefined, plainGet],
    ['a per-attempt timeout, Requests', 60_000, (url: string) => new Request(url)],
    ['no timeout, Requests', undefined, (url: string) => new Request(url)],
  ] as const)('%s: 100 calls in a row leave no listener on it', async (_name, timeoutMs, request) => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    const combined = vi.spyOn(AbortSignal, 'any');
    const caller = new AbortController();
    const gate = new RequestGate();
    for (let i = 0; i < 100; i++) {
      const sent = await sendWithRetry(
        fetch,
        request(`${server.url}/rooms/${i}`),
        { policy: defaultRetryPolicy, signal: caller.signal, timeoutMs, gate },
        readText,
      );
      expect(sent.body).toBe('{"ok":true}');
    }
    expect(server.requests).toHaveLength(100);
    expect(abortListeners(caller.signal)).toBe(0);
    // On Node 20 each signal it makes stays registered on the caller's until the major garbage collections, if then.
    expect(combined).not.toHaveBeenCalled();
    // Still the caller's own: aborting it now reaches nothing of ours.
    caller.abort();
  });

  it('25 calls at once put at most one listener on it, and none once they are answered; no listener-limit warning', async () => {
    const CALLS = 25;
    let allArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (allArrived = resolve));
    const caller = new AbortController();
    let listenersWhileInFlight: number | undefined;
    server = await startServer(async (_req, res, seen) => {
      if (seen.length === CALLS) {
        listenersWhileInFlight = abortListeners(caller.signal);
        allArrived();
      }
      await arrived;
      json(res, 200, { ok: true });
    });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const calls = Array.from({ length: CALLS }, (_, i) =>
        sendWithRetry(
          fetch,
          plainGet(`${server!.url}/rooms/${i}`),
          { policy: defaultRetryPolicy, signal: caller.signal, timeoutMs: 60_000 },
          readText,
        ),
      );
      await Promise.all(calls);
      await ioTurns(); // Node reports the warning on a later tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(listenersWhileInFlight).toBeLessThanOrEqual(1);
    expect(abortListeners(caller.signal)).toBe(0);
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });
});

describe('what ends an attempt', () => {
  /** A server that takes each request and never answers; `first` resolves once it has one. */
  async function stallingServer(): Promise<{ first: Promise<void> }> {
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    server = await startServer(() => arrived());
    return { first };
  }

  it('the timeout: a TimeoutError, after timeoutMs and not before', async () => {
    const { first } = await stallingServer();
    clock = fakeClock();
    const caller = new AbortController();
    const outcome = fetchWithRetry(fetch, plainGet(`${server!.url}/rooms`), {
      policy: noRetries,
      signal: caller.signal,
      timeoutMs: 1_000,
    }).catch((error: unknown) => error);
    await first;
    await vi.advanceTimersByTimeAsync(999);
    expect(await Promise.race([outcome, 'pending'])).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(isTimeout(error)).toBe(true);
    expect((error as Error).message).toBe('attempt timed out after 1000 ms');
    expect(caller.signal.aborted).toBe(false);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it('the caller’s abort: its own reason, at once, not retried', async () => {
    const { first } = await stallingServer();
    const caller = new AbortController();
    const outcome = fetchWithRetry(fetch, plainGet(`${server!.url}/rooms`), {
      policy: defaultRetryPolicy,
      signal: caller.signal,
      timeoutMs: 60_000,
    });
    await first;
    const reason = new Error('caller gave up');
    caller.abort(reason);
    await expect(endsWithin(outcome, 2_000, 'the aborted call')).rejects.toBe(reason);
    expect(server!.requests).toHaveLength(1);
  });

  it('a signal aborted before the call: its reason, nothing sent', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const reason = new Error('too late');
    await expect(
      fetchWithRetry(fetch, plainGet(`${server.url}/rooms`), {
        policy: defaultRetryPolicy,
        signal: AbortSignal.abort(reason),
        timeoutMs: 60_000,
      }),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

describe('a body handed over unread (fetchWithRetry)', () => {
  it('is still ended by the caller’s abort, as a plain fetch’s would be', async () => {
    let stalled!: (response: ServerResponse) => void;
    const bodyStarted = new Promise<ServerResponse>((resolve) => (stalled = resolve));
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(1024)); // the first bytes, then nothing
      stalled(res);
    });
    const caller = new AbortController();
    const response = await fetchWithRetry(fetch, plainGet(`${server.url}/contents/1`), {
      policy: defaultRetryPolicy,
      signal: caller.signal,
      timeoutMs: 60_000,
    });
    await bodyStarted;
    const reading = response.arrayBuffer();
    const reason = new Error('user cancelled');
    caller.abort(reason);
    await expect(endsWithin(reading, 2_000, 'the body read')).rejects.toBe(reason);
  });
});
