// `socketTransport`: the websocket source as a bot transport. The bot's handlers see the same events as over
// webhooks; `deliver` settling is the ack, and events the bot could not take (busy) come again.
import { BotUnavailableError } from '../errors.js';
import type { BotTransport } from '../transport.js';
import { type RealtimeOptions, resolveOptions } from './options.js';
import { RealtimeSource } from './source.js';

/** Options of {@link socketTransport}. */
export type SocketTransportOptions = RealtimeOptions;

/** The websocket transport: a {@link BotTransport} with a way to hand it a refreshed token. */
export interface SocketTransport extends BotTransport {
  /** Uses a refreshed token from now on (the socket reconnects with it). */
  setToken(token: string): void;
}

/**
 * **Experimental**: built on an undocumented Webex service (WDM devices and the Mercury websocket); the webhook
 * transport (`webhookTransport`) is the supported alternative.
 *
 * Events for `createBot` without a public URL: `bot.start()` resolves once the socket is ready (and rejects when it
 * cannot be: a refused token, an untrusted URL); an error that stops the socket later goes to the bot's `onError`.
 * `bot.stop()` acks what was handled, closes the socket and deletes the device.
 *
 * ```ts
 * const bot = createBot({ accessToken, transport: socketTransport({ accessToken, deviceName: 'deploy-bot' }) });
 * ```
 */
export function socketTransport(options?: SocketTransportOptions): SocketTransport {
  // Checked now, so that a mistake shows at createBot rather than at start.
  resolveOptions('socketTransport', options, async () => undefined);
  let source: RealtimeSource | undefined;
  let token: string | undefined;

  return {
    async start(deliver, context) {
      if (source) throw new Error('socketTransport: start() was called twice; a transport serves one bot');
      const settings = resolveOptions('socketTransport', options, () => context.webex.people.me());
      if (token !== undefined) settings.tokens.set(token);
      const started = new RealtimeSource(settings, context.webex, {
        deliver,
        reportError: (error) => context.reportError(error),
        busy: (error) => error instanceof BotUnavailableError && error.reason === 'busy',
        known: (error) => error instanceof BotUnavailableError,
      });
      source = started;
      let ready = false;
      void started.stopped.then((error) => {
        // Before ready, start() rejects with it; after, only onError can tell the bot it went deaf.
        if (error && ready) context.reportError(error);
      });
      started.start();
      await started.ready;
      ready = true;
    },

    async stop() {
      await source?.close();
    },

    setToken(next) {
      if (typeof next !== 'string' || next === '')
        throw new TypeError(
          `setToken: expected the new access token, got ${next === '' ? 'an empty string' : typeof next}`,
        );
      token = next;
      source?.setToken(next);
    },
  };
}
