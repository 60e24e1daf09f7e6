// The webhook receiver on a real loopback node:http server and through its fetch adapter, fetching from the Prism mock.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { Webex } from '../src/index.js';
import {
  createWebhookReceiver,
  type ReceivedWebhookEvent,
  type WebhookReceiverOptions,
} from '../src/webhook-receiver.js';

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
      void errors.push({ error, body: delivery.body, resource: String(delivery.envelope.resource) }),
    ...options,
  });
  return { receiver, events, errors, sent, violations };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** Serves the receiver's node adapter on loopback; returns a function that POSTs one delivery. */
async function serve(receiver: ReturnType<typeof setUp>['receiver']) {
  const server = createServer(receiver.node);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`;
  // `signature`: the header to send; null sends none.
  return async (body: string, signature: string | null = sign(body), method = 'POST') => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['X-Spark-Signature'] = signature;
    const response = await fetch(url, { method, headers, ...(method === 'POST' ? { body } : {}) });
    await response.text();
    return response.status;
  };
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
  ])('answers %s with %i and never calls the handler', async (_name, signature, status) => {
    const { receiver, events, errors, sent } = setUp();
    const post = await serve(receiver);
    const body = messageCreated('M-forged');
    const header = signature === 'other-secret' ? sign(body, 'other-secret') : signature;
    expect(await post(body, header)).toBe(status);
    expect(events).toEqual([]);
    expect(errors).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('a body changed after signing is refused with 403', async () => {
    const { receiver, events } = setUp();
    const post = await serve(receiver);
    const body = messageCreated('M1');
    expect(await post(body.replace('M1', 'M2'), sign(body))).toBe(403);
    expect(events).toEqual([]);
  });

  it.each([
    ['not JSON', '{"resource":'],
    ['no data', JSON.stringify({ resource: 'messages', event: 'created' })],
    ['a message without its id', envelope('messages', 'created', { roomId: 'ROOM', personId: 'P' })],
  ])('answers a signed body that is %s with 400', async (_name, body) => {
    const { receiver, events, errors } = setUp();
    const post = await serve(receiver);
    expect(await post(body)).toBe(400);
    expect(events).toEqual([]);
    expect(errors).toEqual([]);
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

  it('refuses a body larger than a delivery can be with 413, before the handler', async () => {
    const { receiver, events } = setUp();
    const post = await serve(receiver);
    const body = messageCreated('M1').replace('"group"', `"${'x'.repeat(1024 * 1024)}"`);
    expect(await post(body)).toBe(413);
    expect(events).toEqual([]);
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
  ])('refuses %s at creation', (_name, options, message) => {
    expect(() => setUp(options)).toThrow(message);
  });
});
