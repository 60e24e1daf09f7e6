// `listenForEvents`: the websocket source as an async iterable, for code that does not use the bot framework. An
// event counts as handled (its frame is acked) once the loop asks for the next one, or the stream is closed.
import type { ReceivedWebhookEvent } from '@webex-ts/client';
import { RealtimeError } from './errors.js';
import type { SourceClient } from './events.js';
import { type RealtimeOptions, resolveOptions } from './options.js';
import { RealtimeSource } from './source.js';

/** Options of {@link listenForEvents}. */
export interface ListenForEventsOptions extends RealtimeOptions {
  /**
   * How many events may wait for the loop. Past it an event is left unacked, and the socket reconnects a little
   * later so that Mercury sends it again. Default 100.
   */
  maxBuffered?: number;
  /** Hears the problems the stream gets over (an event it could not fetch, a failed backfill). Default `console.warn`. */
  onError?: (error: unknown) => void;
}

/** Events from the websocket, as the webhook receiver would hand them over. */
export interface EventStream extends AsyncIterable<ReceivedWebhookEvent> {
  /** Resolves when the socket is first ready; rejects with the error that stopped the stream before (bad token, untrusted URL). */
  ready(): Promise<void>;
  /** Uses a refreshed token from now on (the socket reconnects with it): `onTokens: (t) => events.setToken(t.access_token)`. */
  setToken(token: string): void;
  /** Stops: acks the event being handled, closes the socket, deletes the device (unless `keepDevice`). */
  close(): Promise<void>;
  /** Resolves when the stream has stopped: with the error that stopped it, or undefined after `close()`. */
  readonly stopped: Promise<RealtimeError | undefined>;
}

/** An event waiting for the loop, and the delivery to settle once it is handled. */
interface Waiting {
  event: ReceivedWebhookEvent;
  handled(): void;
  dropped(error: Error): void;
}

/** The loop could not keep up: the event is sent again later. */
class StreamBusyError extends RealtimeError {
  override name = 'StreamBusyError';
}

/**
 * **Experimental**: built on an undocumented Webex service (WDM devices and the Mercury websocket); the webhook
 * receiver (`createWebhookReceiver`) is the supported alternative.
 *
 * Events of the account without a public URL: the same `ReceivedWebhookEvent`s as the webhook receiver hands over
 * (messages and card submits fetched, other changes with a webhook-shaped envelope), each once, the account's own
 * messages left out.
 *
 * ```ts
 * const events = listenForEvents(webex, { accessToken: process.env.WEBEX_BOT_TOKEN });
 * for await (const event of events) if (event.type === 'message') console.log(event.message.text);
 * ```
 */
export function listenForEvents(webex: SourceClient, options?: ListenForEventsOptions): EventStream {
  const settings = resolveOptions('listenForEvents', options, () => webex.people.me());
  const maxBuffered = options?.maxBuffered ?? 100;
  if (!Number.isInteger(maxBuffered) || maxBuffered < 1)
    throw new TypeError(`listenForEvents: maxBuffered should be a whole number >= 1, got ${String(maxBuffered)}`);
  const onError = options?.onError ?? ((error: unknown) => console.warn('webex events:', error));
  const buffer: Waiting[] = [];
  let current: Waiting | undefined;
  let waiter: { resolve(result: IteratorResult<ReceivedWebhookEvent>): void; reject(error: unknown): void } | undefined;
  let closing = false;
  let finished = false;
  let failure: RealtimeError | undefined;

  const source = new RealtimeSource(settings, webex, {
    deliver: (event) =>
      new Promise<void>((resolve, reject) => {
        if (closing || finished) return reject(new RealtimeError('the event stream is closed'));
        const item: Waiting = { event, handled: resolve, dropped: reject };
        if (waiter) {
          const taker = waiter;
          waiter = undefined;
          current = item;
          taker.resolve({ value: event, done: false });
        } else if (buffer.length < maxBuffered) {
          buffer.push(item);
        } else {
          reject(new StreamBusyError(`listenForEvents: ${maxBuffered} events are waiting for the loop (maxBuffered)`));
        }
      }),
    reportError: (error) => {
      try {
        onError(error);
      } catch {
        // The hook's own failure must not stop the stream.
      }
    },
    busy: (error) => error instanceof StreamBusyError,
    known: (error) => error instanceof RealtimeError,
  });
  void source.stopped.then((error) => {
    finished = true;
    failure = error;
    const taker = waiter;
    waiter = undefined;
    if (!taker) return;
    if (error) {
      failure = undefined;
      taker.reject(error);
    } else {
      taker.resolve({ value: undefined, done: true });
    }
  });
  source.start();

  const settleCurrent = () => {
    current?.handled();
    current = undefined;
  };

  const close = async (): Promise<void> => {
    closing = true;
    settleCurrent();
    for (const item of buffer.splice(0)) item.dropped(new RealtimeError('the event stream was closed'));
    await source.close();
  };

  const iterator: AsyncIterator<ReceivedWebhookEvent> = {
    next() {
      settleCurrent();
      const item = buffer.shift();
      if (item) {
        current = item;
        return Promise.resolve({ value: item.event, done: false });
      }
      if (finished || closing) {
        const error = failure;
        failure = undefined;
        return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
      }
      if (waiter)
        return Promise.reject(new TypeError('listenForEvents: one loop at a time (next() is already waiting)'));
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    async return() {
      await close();
      return { value: undefined, done: true };
    },
  };

  return {
    [Symbol.asyncIterator]: () => iterator,
    ready: () => source.ready,
    setToken: (token) => {
      if (typeof token !== 'string' || token === '')
        throw new TypeError(
          `setToken: expected the new access token, got ${token === '' ? 'an empty string' : typeof token}`,
        );
      source.setToken(token);
    },
    close,
    stopped: source.stopped,
  };
}
