// The webhook transport: the client's receiver (verify, parse, drop repeats, fetch) behind a node:http listener and a
// fetch handler, answering 503 while the bot is not running, and draining the requests in flight on stop.
import {
  createWebhookReceiver,
  type NodeRequestLike,
  type NodeResponseLike,
  type WebhookReceiver,
  type WebhookSpec,
} from '@webex-ts/client';
import { BotUnavailableError } from './errors.js';
import type { BotTransport } from './transport.js';

/** Options of {@link webhookTransport}. */
export interface WebhookTransportOptions {
  /** The secret the webhooks were registered with; every delivery must be signed with it. */
  secret: string;
  /** How many deliveries to remember for dropping repeats; default 1000 (the receiver's). */
  seen?: number;
}

/** Where {@link WebhookTransport.listen} serves. */
export interface ListenOptions {
  /** The port; 0 (the default) takes any free one. */
  port?: number;
  /** The interface to listen on; default every interface, as `node:http` does. */
  host?: string;
}

/** A server started by {@link WebhookTransport.listen}. */
export interface ListeningServer {
  /** `http://<host>:<port>/`, with the bound port. */
  url: string;
  port: number;
  /** Closes the server (`bot.stop()` does it too). */
  close(): Promise<void>;
}

/** Options of {@link WebhookTransport.webhookSpecs}. */
export interface WebhookSpecOptions {
  /** Starts each webhook's name, which `webhooks.ensure` keys on; default `webex-ts bot`. Keep it stable across deploys. */
  name?: string;
  /** Also `messages:updated`, for `bot.on('messageEdited')`, where Webex offers it; off by default. */
  edits?: boolean;
}

/** Webhook deliveries as a bot transport: mount `.node` or `.fetch` in your server, or `listen()` for one of its own. */
export interface WebhookTransport extends BotTransport {
  /** A `node:http` request listener: `createServer(transport.node)`, or a route of an Express/Fastify app. */
  readonly node: (req: NodeRequestLike, res: NodeResponseLike) => void;
  /** A fetch-style handler (Deno, Bun, edge runtimes): `Request` in, `Response` out. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Starts a `node:http` server for `.node`; `bot.stop()` closes it. */
  listen(options?: ListenOptions): Promise<ListeningServer>;
  /**
   * The webhooks a bot needs, signed with this transport's secret, for `webex.webhooks.ensure`: messages created,
   * card submits, memberships created and deleted (and message edits with `edits`).
   */
  webhookSpecs(targetUrl: string, options?: WebhookSpecOptions): WebhookSpec[];
}

/** The parts of a `node:http` server used here; the real module is loaded only when `listen` is called. */
interface NodeServer {
  listen(port: number, host: string | undefined, callback: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  address(): { port: number } | string | null;
  close(callback: (error?: Error) => void): unknown;
  closeIdleConnections(): void;
  closeAllConnections(): void;
}

const NOT_RUNNING = 'the bot is not running\n';

/**
 * Webhook deliveries for `createBot`: verifies `X-Spark-Signature` with `secret` (401 missing, 403 wrong), drops
 * repeats and the bot's own messages, fetches the message or card action, and answers once the bot has handled the
 * event (200; 500 when it could not). Before `bot.start()` and from `bot.stop()` on, it answers 503.
 */
export function webhookTransport(options: WebhookTransportOptions): WebhookTransport {
  const { secret, seen } = options ?? {};
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError(
      'webhookTransport: expected { secret } as a non-empty string, the one the webhooks were registered with, ' +
        'e.g. webhookTransport({ secret: process.env.WEBHOOK_SECRET! }); without it anyone could post events to the bot',
    );
  }
  let receiver: WebhookReceiver | undefined;
  let inFlight = 0;
  const drained: (() => void)[] = [];
  const servers = new Set<NodeServer>();

  const begin = (): void => {
    inFlight++;
  };
  const finish = (): void => {
    inFlight--;
    if (inFlight === 0) for (const resolve of drained.splice(0)) resolve();
  };
  const idle = (): Promise<void> =>
    inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => drained.push(resolve));

  function node(req: NodeRequestLike, res: NodeResponseLike): void {
    const running = receiver;
    if (!running) {
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(NOT_RUNNING);
      return;
    }
    begin();
    let ended = false;
    const end = (...args: unknown[]): unknown => {
      try {
        return (res.end as (...a: unknown[]) => unknown).apply(res, args);
      } finally {
        if (!ended) {
          ended = true;
          finish();
        }
      }
    };
    // The receiver answers through `end`: counting the request as done there lets stop() wait for answers, not
    // sockets. Everything else passes through to the real response, whatever the receiver uses of it.
    const tracked = new Proxy(res, {
      get(target, property) {
        if (property === 'end') return end;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
      set: (target, property, value) => Reflect.set(target, property, value, target),
    });
    running.node(req, tracked);
  }

  async function fetchHandler(request: Request): Promise<Response> {
    const running = receiver;
    if (!running) return new Response(NOT_RUNNING, { status: 503, headers: { 'content-type': 'text/plain' } });
    begin();
    try {
      return await running.fetch(request);
    } finally {
      finish();
    }
  }

  return {
    node,
    fetch: fetchHandler,

    async start(deliver, context) {
      receiver = createWebhookReceiver({
        webex: context.webex,
        secret,
        botId: context.botId,
        ...(context.botEmail ? { botEmail: context.botEmail } : {}),
        ...(seen === undefined ? {} : { seen }),
        onEvent: deliver,
        onError(error) {
          // The bot has told onError of the events it could not take; everything else it has not heard of.
          if (!(error instanceof BotUnavailableError)) context.reportError(error);
        },
      });
    },

    async stop() {
      receiver = undefined;
      const closed = [...servers].map(
        (server) =>
          new Promise<void>((resolve) => {
            // No new connections; idle keep-alive ones are closed now, busy ones once their answer is sent.
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      );
      await idle();
      for (const server of servers) server.closeAllConnections();
      servers.clear();
      await Promise.all(closed);
    },

    webhookSpecs(targetUrl, { name = 'webex-ts bot', edits = false } = {}) {
      if (typeof targetUrl !== 'string' || !/^https?:\/\//i.test(targetUrl))
        throw new TypeError(
          `webhookSpecs: expected the URL Webex posts to, e.g. 'https://bot.example.com/webex', got ${JSON.stringify(targetUrl)}`,
        );
      const subscriptions: [WebhookSpec['resource'], WebhookSpec['event']][] = [
        ['messages', 'created'],
        ...(edits ? [['messages', 'updated'] as [WebhookSpec['resource'], WebhookSpec['event']]] : []),
        ['attachmentActions', 'created'],
        ['memberships', 'created'],
        ['memberships', 'deleted'],
      ];
      return subscriptions.map(([resource, event]) => ({
        name: `${name} ${resource} ${event}`,
        targetUrl,
        resource,
        event,
        secret,
      }));
    },

    async listen({ port = 0, host }: ListenOptions = {}) {
      // Loaded here, not at the top, so that the transport also runs where there is no node:http (`.fetch` on Deno, edge).
      const httpModule = 'node:http';
      const http = (await import(/* @vite-ignore */ httpModule)) as {
        createServer(listener: (req: NodeRequestLike, res: NodeResponseLike) => void): NodeServer;
      };
      const server = http.createServer(node);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      servers.add(server);
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const shown = host === undefined || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return {
        url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${bound}/`,
        port: bound,
        close: () =>
          new Promise<void>((resolve, reject) => {
            servers.delete(server);
            server.close((error) =>
              error && (error as { code?: string }).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(error) : resolve(),
            );
            server.closeIdleConnections();
          }),
      };
    },
  };
}
