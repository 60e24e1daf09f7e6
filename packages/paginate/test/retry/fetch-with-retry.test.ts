// fetchWithRetry against real loopback servers: what is sent again, what is not, and how waits and timeouts end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsWithin, type FakeClock, fakeClock } from '../../../../test-utils/fake-clock.js';
import { json, reset, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import { defaultRetryPolicy, fetchWithRetry } from '../../src/index.js';

let server: TestServer | undefined;
let clock: FakeClock | undefined;
afterEach(async () => {
  clock?.uninstall();
  clock = undefined;
  await server?.close();
  server = undefined;
});

describe('fetchWithRetry', () => {
  // The default policy, with its waits recorded instead of slept through.
  const waits: number[] = [];
  const fast = { policy: defaultRetryPolicy, wait: async (ms: number) => void waits.push(ms) };
  afterEach(() => {
    waits.length = 0;
  });

  it('waits out a 429 and sends a POST again with the same body', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { ok: true }),
    );
    const request = new Request(`${server.url}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: 'hi' }),
      headers: { 'content-type': 'application/json' },
    });
    const response = await fetchWithRetry(fetch, request, fast);
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual(['{"text":"hi"}', '{"text":"hi"}']);
  });

  it('sends a plain request (URL and init) again after a 429, body, method and headers intact', async () => {
    server = await startServer((_req, res, seen) =>
      seen.length === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { ok: true }),
    );
    const form = new FormData();
    form.append('text', 'hi');
    const request = {
      url: `${server.url}/messages`,
      method: 'POST',
      headers: { 'x-test': 'plain' },
      body: form,
    };
    const response = await fetchWithRetry(fetch, request, { ...fast, timeoutMs: 5000 });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    for (const sent of server.requests) {
      expect(sent.method).toBe('POST');
      expect(sent.headers['x-test']).toBe('plain');
      expect(sent.body).toContain('name="text"\r\n\r\nhi');
    }
  });

  it('never re-sends a POST after a 500', async () => {
    server = await startServer((_req, res) => json(res, 500, { message: 'boom' }));
    const response = await fetchWithRetry(
      fetch,
      new Request(`${server.url}/messages`, { method: 'POST', body: '{}' }),
      fast,
    );
    expect(response.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it('never re-sends a POST after a dropped connection', async () => {
    server = await startServer((_req, res) => reset(res));
    await expect(
      fetchWithRetry(fetch, new Request(`${server.url}/messages`, { method: 'POST', body: '{}' }), fast),
    ).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after resets, up to maxRetries', async () => {
    server = await startServer((_req, res) => reset(res));
    await expect(fetchWithRetry(fetch, new Request(`${server.url}/rooms`), fast)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1 + defaultRetryPolicy.maxRetries);
  });

  it('reports each retry to onRetry', async () => {
    server = await startServer((_req, res, seen) => (seen.length < 3 ? json(res, 503, {}) : json(res, 200, {})));
    const events: unknown[] = [];
    await fetchWithRetry(fetch, new Request(`${server.url}/rooms`), {
      ...fast,
      onRetry: (e) => events.push({ attempt: e.attempt, reason: e.reason, status: e.status }),
    });
    expect(events).toEqual([
      { attempt: 1, reason: 'server-error', status: 503 },
      { attempt: 2, reason: 'server-error', status: 503 },
    ]);
  });

  it('ends a Retry-After wait at once when the caller aborts', async () => {
    server = await startServer((_req, res) => json(res, 429, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    const outcome = fetchWithRetry(fetch, new Request(`${server.url}/rooms`), {
      policy: defaultRetryPolicy,
      signal: controller.signal,
      // Aborts once the 30 s wait has begun (the turn after the retry is announced).
      onRetry: () => setImmediate(() => controller.abort(new Error('stop'))),
    });
    // Real time, and generous: it only turns a wait that ignores the abort into a failure that says so.
    await expect(endsWithin(outcome, 2_000, 'the aborted wait')).rejects.toThrow('stop');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a stalled attempt and retries a GET', async () => {
    let stalled!: () => void;
    const firstArrived = new Promise<void>((resolve) => (stalled = resolve));
    server = await startServer((_req, res, seen) => {
      if (seen.length === 1) return stalled(); // never answers
      json(res, 200, { ok: true });
    });
    clock = fakeClock();
    const response = fetchWithRetry(fetch, new Request(`${server.url}/rooms`), { ...fast, timeoutMs: 100 });
    await firstArrived;
    await vi.advanceTimersByTimeAsync(99);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await response).status).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });
});
