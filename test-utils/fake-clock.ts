// Fake time for a client on real loopback sockets: vitest's fake timers, `performance.now`, `Date` and
// `AbortSignal.timeout` (deadlines), and a driver that moves the clock to the next timer only while no request is on
// the wire. Waits (Retry-After, backoff, the gate's pace, timeouts, deadlines) then take no time, and nothing times out
// because the machine is slow: time stands still while a request travels, so the gap a server measures between two
// requests is exactly the wait the client chose. Servers in the same process should use no timers (fault-server.ts
// cuts a connection once the bytes before the cut are sent) or real ones (capture `setTimeout` when the module loads,
// as webhook-receiver.test.ts's sender does): the clock does not move while they are answering.
import { type MockInstance, vi } from 'vitest';

/** Faked. `setImmediate` stays real: the I/O of real sockets needs no timer, and the driver turns the loop with it. */
const FAKED = ['setTimeout', 'clearTimeout', 'performance', 'Date'] as const;
/**
 * Turns of the event loop with nothing on the wire before the clock moves: what the client does once a body has
 * ended takes microtasks, and a listing's early start waits two `setImmediate`s (`afterIoTurn`) before it sends.
 */
const QUIET_TURNS = 5;

const realSetImmediate = globalThis.setImmediate;
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realFetch = globalThis.fetch;
const turn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/** A fake clock started by `fakeClock()`. */
export interface FakeClock {
  /**
   * A `fetch` for `new Webex({ fetch })` (with `globalFetch`, also `globalThis.fetch`): counts a request as on the
   * wire until its body has been read to the end, has failed or was cancelled.
   */
  fetch(input: Request | string, init?: RequestInit): Promise<Response>;
  /** Requests sent through `fetch` whose body has not ended yet. */
  readonly onWire: number;
  /**
   * Settles like `promise`, moving the clock to the next timer whenever it has been `quiet` for a few turns of the
   * event loop: by default, while nothing is on the wire. A test whose server holds requests unanswered (to time them
   * out) says when only those are left, for instance `() => sent === server.requests.length`.
   */
  run<T>(promise: Promise<T>, quiet?: () => boolean): Promise<T>;
  /** Real time again (for an `afterEach`). */
  uninstall(): void;
}

/**
 * Installs the fake clock. `globalFetch` puts its `fetch` in place of `globalThis.fetch`, for code that builds its own
 * client (the CLI). A request whose answer stalls, or whose body the caller keeps unread, stays on the wire: `run`
 * then needs its own `quiet`.
 */
export function fakeClock(options: { globalFetch?: boolean } = {}): FakeClock {
  vi.useFakeTimers({ toFake: [...FAKED] });
  // Deadlines (`AbortSignal.timeout`) run on Node's own timers: put them on the fake ones.
  const deadlines: MockInstance<typeof AbortSignal.timeout> = vi
    .spyOn(AbortSignal, 'timeout')
    .mockImplementation((ms) => {
      const controller = new AbortController();
      setTimeout(
        () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
        ms,
      );
      return controller.signal;
    });
  let onWire = 0;
  const fetch = async (input: Request | string, init?: RequestInit): Promise<Response> => {
    onWire++;
    let ended = false;
    const end = () => {
      if (!ended) onWire--;
      ended = true;
    };
    let response: Response;
    try {
      response = await realFetch(input, init);
    } catch (error) {
      end();
      throw error;
    }
    if (!response.body || [101, 204, 205, 304].includes(response.status)) {
      end();
      return response;
    }
    // The body as it comes, read by the client as it would read the original, errors and all; counted until it ends.
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await reader.read();
          if (next.done) {
            end();
            controller.close();
          } else controller.enqueue(next.value);
        } catch (error) {
          end();
          controller.error(error);
        }
      },
      cancel(reason) {
        end();
        return reader.cancel(reason);
      },
    });
    const counted = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // Relative `Link`s resolve against it.
    Object.defineProperty(counted, 'url', { value: response.url });
    return counted;
  };
  if (options.globalFetch) vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    get onWire() {
      return onWire;
    },
    async run(promise, quiet = () => onWire === 0) {
      let settled = false;
      const done = () => {
        settled = true;
      };
      promise.then(done, done);
      for (let turns = 0; !settled; ) {
        await turn();
        turns = quiet() ? turns + 1 : 0;
        if (turns >= QUIET_TURNS && !settled && vi.getTimerCount() > 0) {
          await vi.advanceTimersToNextTimerAsync();
          turns = 0;
        }
      }
      return promise;
    },
    uninstall() {
      vi.useRealTimers();
      deadlines.mockRestore();
      if (options.globalFetch) vi.unstubAllGlobals();
    },
  };
}

/**
 * Settles like `promise`, or rejects after `ms` of real time, fake clock or not: a generous bound for a test whose
 * question is whether something ends at all, so that a failure says so instead of running into the test's timeout.
 */
export function endsWithin<T>(promise: Promise<T>, ms: number, what = 'the call'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = realSetTimeout(() => reject(new Error(`${what} had not ended after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => realClearTimeout(timer));
}
