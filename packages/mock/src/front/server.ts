// The mock's front: one node:http server at `mock.url`. It answers what Prism cannot (file downloads, the simulated
// objects of the store, the simulator's control route), keeps the messages the bot writes (once Prism accepted the
// request), passes everything else to Prism unchanged, and remembers the webhooks created through it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RealtimeFake } from '../realtime/types.js';
import type { Simulator } from '../simulate/types.js';
import { hasBearer, sendError, sendJson, sendUnauthorized } from './answers.js';
import type { BotMessages } from './bot-messages.js';
import { type ContentStore, serveContent } from './contents.js';
import { forwardToPrism, type PrismTarget } from './forward.js';
import { answerMessageWrite, messageWriteOf } from './message-writes.js';
import { answerFromStore, readsStore } from './store-reads.js';
import type { WebhookRegistry } from './webhooks.js';
import { decodeSegment } from '../path-segment.js';
import { parseJson } from './json-body.js';

/** One request the mock received, in arrival order. Header values are never kept. */
export interface MockRequest {
  method: string;
  /** Path without the query, e.g. `/messages`. */
  path: string;
  /** The query string with its `?`, or `''`. */
  query: string;
  /**
   * `prism` for what Prism answered; `mock` for files, held objects (simulated, or messages the bot wrote), the
   * messages a create or edit stored, and the simulator's control route.
   */
  answeredBy: 'prism' | 'mock';
  status: number;
  /** The JSON request body, when there was one. */
  body?: unknown;
  /** Epoch ms of arrival. */
  at: number;
}

/** What the front serves from and forwards to. */
export interface FrontOptions {
  host: string;
  /** 0 for a free one. */
  port: number;
  prism: PrismTarget;
  fake: RealtimeFake;
  contents: ContentStore;
  webhooks: WebhookRegistry;
  /** The messages the bot writes through the mock. */
  messages: BotMessages;
  /** REST ids of objects simulations removed: read from the store (404), not Prism. */
  gone: Set<string>;
  simulator: () => Simulator;
  /** Hears each request once answered. */
  onRequest: (request: MockRequest) => void;
}

/** A running front. */
export interface Front {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The prefix of the simulator's control route: `POST /_webex-mock/simulate/<message|card|membership>` (the CLI's). */
export const CONTROL_PREFIX = '/_webex-mock/';

const SIMULATIONS = ['message', 'card', 'membership'] as const;

/** Starts the front on `host:port`. */
export async function startFront(options: FrontOptions): Promise<Front> {
  const { fake, contents, webhooks, prism, messages } = options;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const path = url.pathname;
    const json = parseJson(raw, request.headers['content-type']);
    const auth = request.headers.authorization;
    // `Prefer` asks Prism for a status or an example: the store neither answers nor keeps those.
    const preferred = request.headers.prefer !== undefined;
    const write = preferred ? undefined : messageWriteOf(method, path, messages);
    let answeredBy: MockRequest['answeredBy'] = 'mock';
    let status: number;
    if (path.startsWith(CONTROL_PREFIX)) {
      status = await control(method, path.slice(CONTROL_PREFIX.length), json, response);
    } else if (path.startsWith('/contents/') && (method === 'GET' || method === 'HEAD')) {
      status = hasBearer(auth)
        ? serveContent(method, decodeSegment(path.slice('/contents/'.length)), url.searchParams, contents, response)
        : sendUnauthorized(response, method);
    } else if (write) {
      ({ status, answeredBy } = await answerMessageWrite(write, prism, messages, request, raw, response));
    } else if (
      method === 'GET' &&
      !preferred &&
      hasBearer(auth) &&
      readsStore(path, url.searchParams, fake, options.gone)
    ) {
      status = await answerFromStore(fake, `${path}${url.search}`, method, response);
    } else {
      answeredBy = 'prism';
      status = await forwardToPrism(prism, request, raw, response);
      if (status >= 200 && status < 300) noteWebhookChange(method, path, json);
    }
    const record: MockRequest = { method, path, query: url.search, answeredBy, status, at: Date.now() };
    if (json !== undefined) record.body = json;
    options.onRequest(record);
  };

  const noteWebhookChange = (method: string, path: string, body: unknown) => {
    if (method === 'POST' && path === '/webhooks') {
      webhooks.create(body, new Date());
      return;
    }
    const id = /^\/webhooks\/([^/]+)$/.exec(path)?.[1];
    if (!id) return;
    if (method === 'PUT') webhooks.update(decodeSegment(id), body);
    if (method === 'DELETE') webhooks.delete(decodeSegment(id));
  };

  const control = async (method: string, route: string, body: unknown, response: ServerResponse) => {
    const kind = /^simulate\/([a-z]+)$/.exec(route)?.[1] as (typeof SIMULATIONS)[number] | undefined;
    if (!kind || !SIMULATIONS.includes(kind))
      return sendError(
        response,
        404,
        `webex-mock: no control route ${CONTROL_PREFIX}${route}; there are ${SIMULATIONS.map((name) => `POST ${CONTROL_PREFIX}simulate/${name}`).join(', ')}`,
      );
    if (method !== 'POST') return sendError(response, 405, `webex-mock: ${CONTROL_PREFIX}${route} takes POST`);
    const simulate = options.simulator();
    try {
      const given = (body ?? {}) as never;
      const result =
        kind === 'message'
          ? await simulate.message(given)
          : kind === 'card'
            ? await simulate.cardSubmit(given)
            : await simulate.membership(given);
      return sendJson(response, 200, result);
    } catch (error) {
      return sendError(response, 400, error instanceof Error ? error.message : String(error));
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendError(response, 500, `webex-mock failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        prism.agent.destroy();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
