// The webhook receiver on a real loopback node:http server and through its fetch adapter, fetching from the Prism mock.
import { createHmac } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { Webex, WebhookPayloadError } from '../src/index.js';
import { WebhookDeliveryError } from '../src/webhooks/delivery-error.js';
import {
  createWebhookReceiver,
  type ReceivedWebhookEvent,
  type WebhookReceiverOptions,
} from '../src/webhooks/receiver.js';
import type { NodeRequestLike } from '../src/webhooks/node-adapter.js';

const SECRET = 'receiver-secret-7';
// Who sent the message in the spec's example answer to GET /messages/{id}.
const EXAMPLE_SENDER = {
  id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY',
  email: 'alex.chen@example.com',
};

const sign = (body: string, secret = SECRET) => createHmac('sha1', secret).update(body).digest('hex');

function envelope(resource: string, event: string, data: Record<string, unknown>): string {
  return JSON.stringify({
    id: 'WH1',
    name: 'bot',
    targetUrl: 'https://bot.example.com/hook',
    resource,
    event,
    orgId: 'O',
    createdBy: 'P0',
    appId: 'A',
    ownedBy: 'creator',
    status: 'active',
    created: '2026-11-02T17:00:00.000Z',
    actorId: 'P2',
    data,
  });
}
const messageCreated = (id: string, personId = 'P-HUMAN', personEmail = 'human@example.com') =>
  envelope('messages', 'created', {
    id,
    roomId: 'ROOM',
    personId,
    personEmail,
    roomType: 'group',
    created: '2026-11-02T17:00:00.000Z',
  });
const cardSubmitted = (id: string) =>
  envelope('attachmentActions', 'created', {
    id,
    type: 'submit',
    messageId: 'CARD-MESSAGE',
    roomId: 'ROOM',
    personId: 'P-HUMAN',
  });

/** A receiver whose client talks to the Prism mock, and what reached the handler and the error hook. */
function setUp(options: Partial<WebhookReceiverOptions> = {}) {
  const { fetch, sent, violations } = recordingFetch();
  const webex = new Webex({ accessToken: 'test-token', baseUrl: inject('mockUrl'), maxRetries: 0, fetch });
  const events: ReceivedWebhookEvent[] = [];
  const errors: { error: unknown; body: string; resource: string }[] = [];
  const receiver = createWebhookReceiver({
    webex,
    secret: SECRET,
    onEvent: (event) => void events.push(event),
    onError: (error, delivery) =>
      void errors.push({ error, body: delivery.body, resource: String(delivery.envelope?.resource) }),
    ...options,
  });
  return { receiver, events, errors, sent, violations };
}

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** Serves the receiver's node adapter on loopback; returns a function that POSTs one delivery. */
async function serve(receiver: ReturnType<typeof setUp>['receiver']) {
  const server = createServer(receiver.node);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`;
  // `signature`: the header to send; null sends none.
  const send = async (body: string, signature: string | null = sign(body), method = 'POST') => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['X-Spark-Signature'] = signature;
    const response = await fetch(url, { method, headers, ...(method === 'POST' ? { body } : {}) });
    return { status: response.status, text: await response.text() };
  };
  // `post(...)` is the status alone; `post.send(...)` the status and the answer's text.
  return Object.assign(async (...args: Parameters<typeof send>) => (await send(...args)).status, { send });
}

describe('createWebhookReceiver on node:http', () => {
  it('hands over a new message with its content fetched, once, and drops the repeat', async () => {
    const { receiver, events, sent, violations } = setUp();
    const post = await serve(receiver);
    const body = messageCreated('M1');

    expect(await post(body)).toBe(200);
    expect(await post(body)).toBe(200);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.type).toBe('message');
    if (event.type !== 'message') return;
    expect(event.envelope.data.id).toBe('M1');
    expect(event.message.text).toEqual(expect.any(String));
    expect(sent.map((s) => s.line)).toEqual(['GET /messages/M1']);
    expect(violations).toEqual([]);
  });

  it('hands over a card submit with the action fetched', async () => {
    const { receiver, events, sent, violations } = setUp();
    const post = await serve(receiver);
    expect(await post(cardSubmitted('AA1'))).toBe(200);
    expect(sent.map((s) => s.line)).toEqual(['GET /attachment/actions/AA1']);
    expect(events.map((e) => e.type)).toEqual(['attachmentAction']);
    const event = events[0]!;
    if (event.type === 'attachmentAction') expect(event.action.inputs).toBeTypeOf('object');
    expect(violations).toEqual([]);
  });

  it('a delivery it does not fetch for comes as it is', async () => {
    const { receiver, events, sent } = setUp();
    const post = await serve(receiver);
    expect(await post(envelope('memberships', 'created', { id: 'MS1', roomId: 'ROOM', personId: 'P' }))).toBe(200);
    expect(events.map((e) => [e.type, e.envelope.resource])).toEqual([['other', 'memberships']]);
    expect(sent).toEqual([]);
  });

  it.each([
    ['no signature', null, 401],
    ['an empty signature', '', 401],
    ['a signature made with another secret', 'other-secret', 403],
    ['a signature that is not hex', 'not-hex', 403],
  ])(
    'answers %s with its status and reason, never calls the handler, and tells onError',
    async (_name, signature, status) => {
      const { receiver, events, errors, sent } = setUp();
      const post = await serve(receiver);
      const body = messageCreated('M-forged');
      const header = signature === 'other-secret' ? sign(body, 'other-secret') : signature;
      const answer = await post.send(body, header);
      expect(answer.status).toBe(status);
      expect(answer.text).toMatch(status === 401 ? /^missing X-Spark-Signature/ : /^bad X-Spark-Signature: /);
      // The expected signature is never told: it would let anyone sign their own deliveries.
      expect(answer.text).not.toContain(sign(body));
      expect(events).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.error).toBeInstanceOf(WebhookDeliveryError);
      expect(errors[0]!.error).toMatchObject({ status, outcome: status === 401 ? 'unsigned' : 'bad-signature' });
      expect(errors[0]!.resource).toBe('undefined');
      expect(errors[0]!.body).toBe(body);
      expect(sent).toEqual([]);
    },
  );

  it('a body changed after signing is refused with 403', async () => {
    const { receiver, events } = setUp();
    const post = await serve(receiver);
    const body = messageCreated('M1');
    expect(await post(body.replace('M1', 'M2'), sign(body))).toBe(403);
    expect(events).toEqual([]);
  });

  it.each([
    ['not JSON', '{"resource":', 'webhook body is not JSON'],
    [
      'no data',
      JSON.stringify({ resource: 'messages', event: 'created' }),
      'webhook body has no "data" object, got nothing',
    ],
    [
      'a message without its id',
      envelope('messages', 'created', { roomId: 'ROOM', personId: 'P' }),
      'messages webhook "data" should have a "id" string, got nothing',
    ],
  ])('answers a signed body that is %s with 400 and why, and tells onError', async (_name, body, why) => {
    const { receiver, events, errors } = setUp();
    const post = await serve(receiver);
    expect(await post.send(body)).toEqual({ status: 400, text: `not a webhook delivery: ${why}\n` });
    expect(events).toEqual([]);
    expect(errors).toHaveLength(1);
    const error = errors[0]!.error as WebhookDeliveryError;
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect(error).toMatchObject({ status: 400, outcome: 'bad-payload', message: `not a webhook delivery: ${why}` });
    expect(error.cause).toBeInstanceOf(WebhookPayloadError);
    expect(errors[0]!.body).toBe(body);
  });

  it('answers other methods with 405', async () => {
    const { receiver } = setUp();
    const post = await serve(receiver);
    expect(await post('', null, 'GET')).toBe(405);
  });

  it('a handler that throws gets a 500, onError hears of it with the delivery, and a redelivery is tried again', async () => {
    let calls = 0;
    const { receiver, errors } = setUp({
      onEvent: () => {
        calls++;
        if (calls === 1) throw new Error('database down');
      },
    });
    const post = await serve(receiver);
    const body = messageCreated('M1');
    expect(await post(body)).toBe(500);
    expect(errors).toHaveLength(1);
    expect((errors[0]!.error as Error).message).toBe('database down');
    expect(errors[0]!.body).toBe(body);
    expect(errors[0]!.resource).toBe('messages');
    expect(await post(body)).toBe(200);
    expect(calls).toBe(2);
  });

  it('an onError that throws itself still leaves the answer at 500', async () => {
    const { receiver } = setUp({
      onEvent: () => {
        throw new Error('handler');
      },
      onError: () => {
        throw new Error('hook');
      },
    });
    const post = await serve(receiver);
    expect(await post(messageCreated('M1'))).toBe(500);
  });

  it('a failed fetch of the message is a 500 for onError, not a silent drop', async () => {
    const { receiver, events, errors } = setUp({
      webex: {
        messages: { get: () => Promise.reject(new Error('404 from Webex')) },
        attachmentActions: { get: () => Promise.reject(new Error('unused')) },
      },
    });
    const post = await serve(receiver);
    expect(await post(messageCreated('M9'))).toBe(500);
    expect(events).toEqual([]);
    expect((errors[0]!.error as Error).message).toBe('404 from Webex');
  });

  it('ignores the bot’s own messages by the id in the envelope, without fetching', async () => {
    const { receiver, events, sent } = setUp({ botId: 'P-BOT' });
    const post = await serve(receiver);
    expect(await post(messageCreated('M1', 'P-BOT', 'bot@webex.bot'))).toBe(200);
    expect(events).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('ignores the bot’s own messages by the fetched sender, by id or by email', async () => {
    for (const own of [{ botId: EXAMPLE_SENDER.id }, { botEmail: EXAMPLE_SENDER.email.toUpperCase() }]) {
      const { receiver, events, sent } = setUp(own);
      // The envelope names someone else; the message Webex returns is the bot's own.
      expect((await receiver.handle(messageCreated('M1'), sign(messageCreated('M1')))).outcome).toBe('own-message');
      expect(events).toEqual([]);
      expect(sent.map((s) => s.line)).toEqual(['GET /messages/M1']);
    }
  });

  it('hands over messages from others when botId is set', async () => {
    const { receiver, events } = setUp({ botId: 'P-BOT' });
    const post = await serve(receiver);
    expect(await post(messageCreated('M1'))).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('refuses a body larger than a delivery can be with 413, before the handler, and tells onError', async () => {
    const { receiver, events, errors } = setUp();
    const post = await serve(receiver);
    const body = messageCreated('M1').replace('"group"', `"${'x'.repeat(1024 * 1024)}"`);
    expect(await post.send(body)).toEqual({
      status: 413,
      text: 'body too large for a webhook delivery: over 1048576 bytes\n',
    });
    expect(events).toEqual([]);
    expect(errors.map((e) => [(e.error as WebhookDeliveryError).outcome, e.body])).toEqual([['too-large', '']]);
  });
});

/** Calls the node adapter with `req` and resolves with what it answered, through a response that records it. */
function answerOf(receiver: ReturnType<typeof setUp>['receiver'], req: NodeRequestLike) {
  return new Promise<{ status: number; text: string; headers: Record<string, string> }>((resolve) => {
    const headers: Record<string, string> = {};
    const res = {
      statusCode: 0,
      setHeader(name: string, value: string) {
        headers[name] = value;
      },
      end: (text = '') => resolve({ status: res.statusCode, text, headers }),
    };
    receiver.node(req, res);
  });
}

/** A POST request around `body`, signed over `signedBody` (by default the chunks joined). */
function nodeRequest<Body extends AsyncIterable<unknown>>(body: Body, signedBody: string): Body & NodeRequestLike {
  return Object.assign(body, { method: 'POST', headers: { 'x-spark-signature': sign(signedBody) } });
}

describe('the node adapter reading a body', () => {
  const delivery = messageCreated('M-CHUNKS');
  const pieces = [delivery.slice(0, 10), delivery.slice(10, 200), delivery.slice(200)];

  it('joins a body that comes in several chunks, text or bytes, from a node stream', async () => {
    const { receiver, events } = setUp();
    const chunks = [Buffer.from(pieces[0]!), pieces[1]!, new TextEncoder().encode(pieces[2]!)];
    const answer = await answerOf(receiver, nodeRequest(Readable.from(chunks, { objectMode: true }), delivery));
    expect(answer).toMatchObject({ status: 200, text: 'ok\n' });
    expect(events.map((e) => e.envelope.data.id)).toEqual(['M-CHUNKS']);
  });

  it('reads a request that is only an async iterable (no stream events) through its iterator', async () => {
    const { receiver, events } = setUp();
    const iterable = {
      async *[Symbol.asyncIterator]() {
        yield Buffer.from(pieces[0]!);
        yield pieces[1]!;
        yield new TextEncoder().encode(pieces[2]!);
      },
    };
    expect(await answerOf(receiver, nodeRequest(iterable, delivery))).toMatchObject({ status: 200, text: 'ok\n' });
    expect(events.map((e) => e.envelope.data.id)).toEqual(['M-CHUNKS']);
  });

  it.each([
    ['a node stream', () => Readable.from([Buffer.alloc(700 * 1024, 'x'), Buffer.alloc(700 * 1024, 'x')])],
    [
      'an async iterable',
      () => ({
        async *[Symbol.asyncIterator]() {
          yield Buffer.alloc(700 * 1024, 'x');
          yield Buffer.alloc(700 * 1024, 'x');
        },
      }),
    ],
  ])('refuses %s that grows past 1 MB with 413 and connection: close', async (_name, body) => {
    const { receiver, events, errors } = setUp();
    const answer = await answerOf(receiver, nodeRequest(body(), ''));
    expect(answer).toMatchObject({ status: 413, headers: { connection: 'close' } });
    expect(events).toEqual([]);
    expect(errors.map((e) => (e.error as WebhookDeliveryError).outcome)).toEqual(['too-large']);
  });

  it('answers a request whose body a framework already read as an empty body (403), without waiting for bodyTimeout', async () => {
    const { receiver, events, errors } = setUp();
    const stream = Readable.from([Buffer.from(delivery)]);
    for await (const _chunk of stream) {
      // What a body parser before the receiver would have done.
    }
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const answer = await answerOf(receiver, nodeRequest(stream, delivery));
    expect(answer.status).toBe(403);
    expect(vi.getTimerCount()).toBe(0);
    expect(events).toEqual([]);
    expect(errors.map((e) => [(e.error as WebhookDeliveryError).outcome, e.body])).toEqual([['bad-signature', '']]);
  });

  it('answers 400 when the request closes before its body ended, and leaves no timer behind', async () => {
    const { receiver, events, errors } = setUp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stream = new Readable({ read() {} });
    const answered = answerOf(receiver, nodeRequest(stream, delivery));
    stream.push(Buffer.from(pieces[0]!));
    stream.destroy();
    expect(await answered).toMatchObject({ status: 400, text: 'the body could not be read\n' });
    expect(vi.getTimerCount()).toBe(0);
    expect(events).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('createWebhookReceiver through the fetch adapter', () => {
  const request = (body: string, signature?: string, method = 'POST') =>
    new Request('https://bot.example.com/webex', {
      method,
      headers: signature === undefined ? {} : { 'x-spark-signature': signature },
      ...(method === 'POST' ? { body } : {}),
    });

  it('answers as the node adapter does', async () => {
    const { receiver, events } = setUp();
    const body = messageCreated('M1');
    expect((await receiver.fetch(request(body, sign(body)))).status).toBe(200);
    expect((await receiver.fetch(request(body, sign(body)))).status).toBe(200);
    expect((await receiver.fetch(request(body))).status).toBe(401);
    expect((await receiver.fetch(request(body, sign(body, 'nope')))).status).toBe(403);
    expect((await receiver.fetch(request('[]', sign('[]')))).status).toBe(400);
    const wrongMethod = await receiver.fetch(request('', undefined, 'GET'));
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    expect(events).toHaveLength(1);
  });
});

describe('createWebhookReceiver memory of deliveries', () => {
  it('remembers only the last `seen` deliveries', async () => {
    const { receiver, events } = setUp({ seen: 2 });
    const deliver = async (id: string) =>
      (await receiver.handle(envelope('rooms', 'created', { id }), sign(envelope('rooms', 'created', { id })))).outcome;
    expect([await deliver('a'), await deliver('b'), await deliver('c')]).toEqual(['handled', 'handled', 'handled']);
    expect(await deliver('c')).toBe('duplicate');
    // "a" was the oldest of three with room for two, so it was forgotten.
    expect(await deliver('a')).toBe('handled');
    expect(events).toHaveLength(4);
  });

  it('tells the same id under another event apart', async () => {
    const { receiver, events } = setUp();
    const created = envelope('rooms', 'created', { id: 'R1' });
    const updated = envelope('rooms', 'updated', { id: 'R1' });
    await receiver.handle(created, sign(created));
    await receiver.handle(updated, sign(updated));
    expect(events.map((e) => e.envelope.event)).toEqual(['created', 'updated']);
  });

  it('with seen: 0 keeps nothing and hands over every delivery', async () => {
    const { receiver, events } = setUp({ seen: 0 });
    const body = envelope('rooms', 'created', { id: 'R1' });
    await receiver.handle(body, sign(body));
    await receiver.handle(new TextEncoder().encode(body), sign(body));
    expect(events).toHaveLength(2);
  });

  it.each([
    ['no secret', { secret: '' }, /expected the webhook secret/],
    ['a negative memory', { seen: -1 }, /seen should be a whole number >= 0, got -1/],
    [
      'a body timeout of zero',
      { bodyTimeout: 0 },
      /bodyTimeout should be a whole number of ms from 1 to 2147483647, got 0/,
    ],
  ])('refuses %s at creation', (_name, options, message) => {
    expect(() => setUp(options)).toThrow(message);
  });
});

/** Serves a request listener on loopback; `bytesRead` resolves, once the connection has closed, with what the server read off it. */
async function serveCounting(listener: RequestListener) {
  // What the receiver answered, as it wrote it: a client still uploading may be reset by the closing server before it
  // reads the answer (a race of TCP, not of the receiver), so the answer is checked where it was written.
  let wrote!: (answer: { status: number; connection: string | undefined; text: string }) => void;
  const written = new Promise<{ status: number; connection: string | undefined; text: string }>(
    (resolve) => (wrote = resolve),
  );
  const server = createServer((req, res) => {
    const end = res.end.bind(res);
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString() : '';
      const connection = res.getHeader('connection');
      wrote({ status: res.statusCode, connection: connection === undefined ? undefined : String(connection), text });
      return (end as (...args: unknown[]) => typeof res)(chunk, ...rest);
    }) as typeof res.end;
    listener(req, res);
  });
  servers.push(server);
  let bytesRead!: (n: number) => void;
  const read = new Promise<number>((resolve) => (bytesRead = resolve));
  server.on('connection', (socket: Socket) => socket.on('close', () => bytesRead(socket.bytesRead)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`,
    bytesRead: () => read,
    written: () => written,
  };
}

/**
 * Bridges node:http to the fetch adapter the way a runtime would: the body a stream the receiver pulls from, counting
 * what it pulled. Cancelling only stops the pulling; the connection is closed after the answer.
 */
function fetchBridge(handler: (request: Request) => Promise<Response>) {
  const seen = { pulled: 0, cancelled: false };
  const listener: RequestListener = (req, res) => {
    const chunks = req[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { value, done } = await chunks.next();
          if (done) return controller.close();
          seen.pulled += (value as Buffer).byteLength;
          controller.enqueue(new Uint8Array(value as Buffer));
        },
        cancel() {
          seen.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    // `duplex` is what Node asks of a streamed request body; the DOM types do not know it yet.
    const init = { method: req.method!, headers, body, duplex: 'half' } as RequestInit;
    const request = new Request(`http://127.0.0.1${req.url}`, init);
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, { ...Object.fromEntries(response.headers), connection: 'close' });
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => res.destroy());
  };
  return { listener, seen };
}

/** The sender's timers: real, also where a test fakes the receiver's. */
const senderSetTimeout = globalThis.setTimeout;
const senderClearTimeout = globalThis.clearTimeout;

/**
 * POSTs a body written piece by piece with no Content-Length (chunked), as fast as the server takes it or one piece
 * each `everyMs`, until `total` bytes are written, the answer comes, or `giveUpMs` pass (all in real time).
 */
function postStream(url: string, options: { total: number; piece: number; everyMs?: number; giveUpMs: number }) {
  return new Promise<{ status: number | undefined; connection: string | undefined; text: string; written: number }>(
    (resolve) => {
      let written = 0;
      let status: number | undefined;
      let connection: string | undefined;
      let text = '';
      let over = false;
      const finish = () => {
        if (over) return;
        over = true;
        senderClearTimeout(giveUp);
        request.destroy();
        resolve({ status, connection, text, written });
      };
      const giveUp = senderSetTimeout(finish, options.giveUpMs);
      const request = httpRequest(url, { method: 'POST', headers: { 'x-spark-signature': 'ab'.repeat(20) } });
      request.on('response', (response: IncomingMessage) => {
        status = response.statusCode;
        connection = response.headers.connection;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', finish);
        response.on('error', finish);
      });
      request.on('error', () => {
        // A reset after the answer is the server closing on an unread upload; the answer already came.
        if (status === undefined) finish();
      });
      request.on('close', () => senderSetTimeout(() => status === undefined && finish(), 100));
      const piece = Buffer.alloc(options.piece, 'x');
      const write = async () => {
        while (!over && status === undefined && written < options.total) {
          if (options.everyMs) await new Promise((resolve) => senderSetTimeout(resolve, options.everyMs));
          if (over || status !== undefined || request.destroyed) return;
          written += piece.byteLength;
          if (!request.write(piece))
            await new Promise<void>((resolve) => {
              const go = () => {
                request.off('drain', go).off('close', go);
                resolve();
              };
              request.on('drain', go).on('close', go);
            });
        }
        if (!over && status === undefined && !request.destroyed) request.end();
      };
      void write();
    },
  );
}

const LIMIT = 1024 * 1024;
const TWENTY_MB = 20 * 1024 * 1024;

describe('createWebhookReceiver under hostile input', () => {
  it('node adapter: a 20 MB chunked upload is answered 413 and reading stops near the limit', async () => {
    const { receiver, events, errors } = setUp();
    const server = await serveCounting(receiver.node);
    const answer = await postStream(server.url, { total: TWENTY_MB, piece: 64 * 1024, giveUpMs: 10_000 });
    // The uploader reads the 413 unless the closing socket resets it first; either way the receiver wrote it.
    expect([413, undefined]).toContain(answer.status);
    // The limit, plus what the socket and the request stream buffer before reading pauses: nowhere near 20 MB.
    expect(await server.bytesRead()).toBeLessThan(2 * LIMIT);
    // Closed at once: the unread rest must not be taken for the next request, nor hold the socket open.
    expect(await server.written()).toEqual({
      status: 413,
      connection: 'close',
      text: `body too large for a webhook delivery: over ${LIMIT} bytes\n`,
    });
    expect(events).toEqual([]);
    expect(errors.map((e) => (e.error as WebhookDeliveryError).outcome)).toEqual(['too-large']);
  });

  it('fetch adapter: a 20 MB chunked upload is answered 413 and reading stops at the limit', async () => {
    const { receiver, events, errors } = setUp();
    const bridge = fetchBridge(receiver.fetch);
    const server = await serveCounting(bridge.listener);
    const answer = await postStream(server.url, { total: TWENTY_MB, piece: 64 * 1024, giveUpMs: 10_000 });
    expect([413, undefined]).toContain(answer.status);
    expect(await server.written()).toMatchObject({
      status: 413,
      text: `body too large for a webhook delivery: over ${LIMIT} bytes\n`,
    });
    // The receiver pulled one piece past the limit at most, then cancelled the body.
    expect(bridge.seen.pulled).toBeLessThanOrEqual(LIMIT + 64 * 1024);
    expect(bridge.seen.cancelled).toBe(true);
    expect(await server.bytesRead()).toBeLessThan(2 * LIMIT);
    expect(events).toEqual([]);
    expect(errors.map((e) => (e.error as WebhookDeliveryError).outcome)).toEqual(['too-large']);
  });

  it.each([
    ['node', (receiver: ReturnType<typeof setUp>['receiver']) => receiver.node],
    ['fetch', (receiver: ReturnType<typeof setUp>['receiver']) => fetchBridge(receiver.fetch).listener],
  ])('%s adapter: a body dripped slower than bodyTimeout is answered 408 and reported', async (_name, listenerOf) => {
    const { receiver, events, errors } = setUp({ bodyTimeout: 300 });
    const server = await serveCounting(listenerOf(receiver));
    // The receiver's clock is fake: its 300 ms pass once it is reading the body, whatever the speed of the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const answered = postStream(server.url, { total: 1000, piece: 1, everyMs: 50, giveUpMs: 5_000 });
    while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(300);
    const answer = await answered;
    expect(answer.status).toBe(408);
    expect(answer.text).toBe('webhook body not received in full within 300 ms\n');
    // Answered while the drip (a byte each 50 ms, 50 s in all) had barely begun.
    expect(answer.written).toBeLessThan(100);
    expect(events).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toBeInstanceOf(WebhookDeliveryError);
    expect(errors[0]!.error).toMatchObject({ status: 408, outcome: 'timeout' });
  });
});
