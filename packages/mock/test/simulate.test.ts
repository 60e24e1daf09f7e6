// The conversation simulator, driven as a user testing their bot would: a bot made of the client's webhook receiver on
// a loopback node:http server, talking to the mock as its API, and the mock's realtime socket for a websocket bot.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createWebhookReceiver,
  encodeId,
  type ReceivedWebhookEvent,
  verifyWebhookSignature,
  Webex,
} from '@webex-ts/client';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { MercuryFrame } from '../src/index.js';
import { useWebexMock } from '../src/vitest.js';

const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const mock = useWebexMock({ spec });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // Each test registers its own webhooks; forget the earlier tests' so their bots (gone) are not delivered to.
  const webex = new Webex({ accessToken: 'cleanup', baseUrl: mock.url, maxRetries: 0 });
  for (const hook of mock.webhooks()) await webex.webhooks.delete(hook.id);
});

interface TestBot {
  webex: Webex;
  me: Awaited<ReturnType<Webex['people']['me']>>;
  url: string;
  events: ReceivedWebhookEvent[];
  errors: unknown[];
}

/**
 * A bot as a user writes one: learns who it is, registers its webhooks through the mock, verifies and handles each
 * delivery with the client's receiver, and answers through the mock: `/deploy` → "Deploying…" in the thread, a card
 * submit → the decision, being added to a room → a greeting.
 */
async function startBot(resources: string[] = ['messages'], secret = 'bot-secret'): Promise<TestBot> {
  const webex = new Webex({ accessToken: 'bot-token', baseUrl: mock.url, maxRetries: 0 });
  const me = await webex.people.me();
  const events: ReceivedWebhookEvent[] = [];
  const errors: unknown[] = [];
  const receiver = createWebhookReceiver({
    webex,
    secret,
    botId: me.id,
    async onEvent(event) {
      events.push(event);
      if (event.type === 'message' && event.message.text?.includes('/deploy'))
        await webex.messages.reply(event.message, { text: 'Deploying…' });
      if (event.type === 'attachmentAction')
        await webex.messages.create({
          roomId: event.action.roomId!,
          text: `You chose ${String(event.action.inputs?.decision)}`,
        });
      if (event.type === 'other' && event.envelope.resource === 'memberships')
        await webex.messages.create({ roomId: event.envelope.data.roomId, text: 'Hello, room!' });
    },
    onError: (error) => {
      errors.push(error);
    },
  });
  const server: Server = createServer(receiver.node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`;
  for (const resource of resources)
    await webex.webhooks.create({
      name: `test bot ${resource}`,
      targetUrl: url,
      resource: resource as never,
      event: 'created',
      secret,
    });
  return { webex, me, url, events, errors };
}

/** The messages the bot posted through the mock, as sent. */
const posted = () =>
  mock.requests
    .filter((request) => request.method === 'POST' && request.path === '/messages' && request.status === 200)
    .map((request) => request.body as Record<string, unknown>);

describe('simulate.message', () => {
  it('delivers a signed messages:created webhook the bot verifies, reads and answers through the mock', async () => {
    const bot = await startBot();
    const before = posted().length;
    const result = await mock.simulate.message({ text: '/deploy' });

    expect(result.deliveries).toHaveLength(1);
    const [delivery] = result.deliveries;
    expect(delivery).toMatchObject({ url: bot.url, status: 200, responseBody: 'ok\n' });
    expect(await verifyWebhookSignature(delivery!.body, delivery!.signature, 'bot-secret')).toBe(true);
    expect(JSON.parse(delivery!.body)).toEqual(delivery!.envelope);
    expect(delivery!.envelope).toMatchObject({
      id: mock.webhooks()[0]!.id,
      name: 'test bot messages',
      targetUrl: bot.url,
      resource: 'messages',
      event: 'created',
      createdBy: bot.me.id,
      ownedBy: 'creator',
      status: 'active',
      actorId: result.message.personId,
      data: {
        id: result.message.id,
        roomId: result.message.roomId,
        roomType: 'direct',
        personEmail: 'ana@example.com',
      },
    });
    expect(Object.keys(delivery!.envelope)).toEqual([
      'id',
      'name',
      'targetUrl',
      'resource',
      'event',
      'orgId',
      'createdBy',
      'appId',
      'ownedBy',
      'status',
      'created',
      'actorId',
      'data',
    ]);

    // The bot read the simulated message, not Prism's example, and replied in its thread through the mock.
    expect(bot.errors).toEqual([]);
    expect(bot.events).toHaveLength(1);
    expect(bot.events[0]).toMatchObject({ type: 'message', message: { id: result.message.id, text: '/deploy' } });
    expect(result.message.personId).not.toBe(bot.me.id);
    expect(posted().slice(before)).toEqual([
      { roomId: result.message.roomId, parentId: result.message.id, text: 'Deploying…' },
    ]);
  });

  it('makes a bot drop its own message, as the receiver does with Webex', async () => {
    const bot = await startBot();
    const result = await mock.simulate.message({ text: '/deploy', from: mock.realtime.me });
    expect(result.deliveries[0]?.status).toBe(200);
    expect(bot.events).toEqual([]);
  });

  it('mentions the bot in group rooms, and delivers nothing for a group message that does not mention it', async () => {
    const bot = await startBot();
    const mentioned = await mock.simulate.message({
      text: '/deploy now',
      roomType: 'group',
      from: 'eve.stone@example.com',
    });
    expect(mentioned.message).toMatchObject({
      roomType: 'group',
      text: 'Deploy Helper /deploy now',
      mentionedPeople: [bot.me.id],
      personEmail: 'eve.stone@example.com',
    });
    expect(mentioned.deliveries[0]?.envelope.data).toMatchObject({ mentionedPeople: [bot.me.id] });
    expect(bot.events).toHaveLength(1);
    expect(await bot.webex.people.get(mentioned.message.personId)).toMatchObject({ displayName: 'Eve Stone' });

    const unmentioned = await mock.simulate.message({ text: 'lunch?', roomType: 'group', mentionBot: false });
    expect(unmentioned.deliveries).toEqual([]);
    expect(unmentioned.skipped).toMatch(/does not mention it/);
    expect(bot.events).toHaveLength(1);
    // Nor may the bot read it, as with Webex; Prism's example would have said otherwise.
    await expect(bot.webex.messages.get(unmentioned.message.id)).rejects.toMatchObject({ status: 404 });
  });

  it('honours webhook filters', async () => {
    const webex = new Webex({ accessToken: 't', baseUrl: mock.url, maxRetries: 0 });
    const bot = await startBot([]);
    await webex.webhooks.create({
      name: 'group only',
      targetUrl: bot.url,
      resource: 'messages',
      event: 'created',
      filter: `roomType=group&mentionedPeople=me`,
      secret: 'bot-secret',
    });
    const direct = await mock.simulate.message({ text: 'in direct' });
    expect(direct.deliveries).toEqual([]);
    expect(direct.skipped).toBe(
      'no webhook created through the mock for messages:created has a filter these fields meet',
    );
    const group = await mock.simulate.message({ text: 'in group', roomType: 'group' });
    expect(group.deliveries.map((delivery) => delivery.status)).toEqual([200]);
    expect(group.deliveries[0]!.envelope.filter).toBe('roomType=group&mentionedPeople=me');
  });

  it('posts to an explicit URL, signed with the secret given, and unsigned without one', async () => {
    const seen: { signature: string | undefined; body: string }[] = [];
    const server = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      seen.push({ signature: request.headers['x-spark-signature'] as string | undefined, body });
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const to = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    const signed = await mock.simulate.message({ text: 'hi', to, secret: 's3cret' });
    expect(signed.deliveries[0]).toMatchObject({ url: to, status: 204 });
    expect(await verifyWebhookSignature(seen[0]!.body, seen[0]!.signature, 's3cret')).toBe(true);
    expect(await verifyWebhookSignature(seen[0]!.body, seen[0]!.signature, 'other')).toBe(false);
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ name: 'webex-mock simulate', targetUrl: to });

    await mock.simulate.message({ text: 'hi', to });
    expect(seen[1]!.signature).toBeUndefined();
  });

  it('reports a target that cannot be reached instead of throwing', async () => {
    const result = await mock.simulate.message({ to: 'http://127.0.0.1:9/nobody', timeoutMs: 2000 });
    expect(result.deliveries[0]).toMatchObject({ url: 'http://127.0.0.1:9/nobody' });
    expect(result.deliveries[0]!.status).toBeUndefined();
    expect(result.deliveries[0]!.error).toMatch(/could not be reached/);
  });

  it('says what to do when there is nowhere to deliver, and files nothing', async () => {
    const before = mock.realtime.rest.messages.size;
    await expect(mock.simulate.message({ text: 'into the void' })).rejects.toThrow(
      /nowhere to deliver messages:created: no webhook for it was created through the mock \(webex\.webhooks\.create/,
    );
    await expect(mock.simulate.message({ secret: 'x' })).rejects.toThrow(/secret goes with to/);
    expect(mock.realtime.rest.messages.size).toBe(before);
  });

  it('replies in a thread with parentId', async () => {
    const bot = await startBot();
    const parent = await mock.simulate.message({ text: 'release notes' });
    const reply = await mock.simulate.message({ text: '/deploy', parentId: parent.message.id });
    expect(reply.message.parentId).toBe(parent.message.id);
    expect((await bot.webex.messages.get(reply.message.id)).parentId).toBe(parent.message.id);
  });
});

describe('simulate.cardSubmit', () => {
  it('delivers the submit of the card the bot posted; the bot reads the inputs and answers', async () => {
    const bot = await startBot(['attachmentActions']);
    // The bot posts its card: Prism answers with its example message, whose id the bot keeps.
    const card = await bot.webex.messages.create({
      toPersonEmail: 'ana@example.com',
      text: 'Approve?',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.3', body: [] },
        },
      ],
    });
    const before = posted().length;
    const result = await mock.simulate.cardSubmit({ messageId: card.id, inputs: { decision: 'approve' } });

    expect(result.deliveries[0]).toMatchObject({ status: 200 });
    expect(result.deliveries[0]!.envelope).toMatchObject({
      resource: 'attachmentActions',
      event: 'created',
      data: {
        id: result.attachmentAction.id,
        type: 'submit',
        messageId: card.id,
        roomId: result.attachmentAction.roomId,
      },
    });
    expect(bot.events[0]).toMatchObject({
      type: 'attachmentAction',
      action: { inputs: { decision: 'approve' }, messageId: card.id },
    });
    expect(posted().slice(before)).toEqual([{ roomId: result.attachmentAction.roomId, text: 'You chose approve' }]);
    // The card's message is now the bot's own card, in the room of the submit.
    expect(await bot.webex.messages.get(card.id)).toMatchObject({
      personId: bot.me.id,
      roomId: result.attachmentAction.roomId,
    });
  });

  it('makes a card of the bot when no messageId is given', async () => {
    const bot = await startBot(['attachmentActions']);
    const result = await mock.simulate.cardSubmit({ inputs: { size: 3 }, roomType: 'group' });
    expect(result.message).toMatchObject({ personId: bot.me.id, roomType: 'group' });
    expect(await bot.webex.attachmentActions.get(result.attachmentAction.id)).toMatchObject({ inputs: { size: 3 } });
  });
});

describe('simulate.membership', () => {
  it('adds the bot to a new room: memberships:created, and the bot greets it', async () => {
    const bot = await startBot(['memberships']);
    const before = posted().length;
    const result = await mock.simulate.membership({ event: 'created', roomTitle: 'Launch' });
    expect(result.room).toMatchObject({ title: 'Launch', type: 'group' });
    expect(result.deliveries[0]!.envelope).toMatchObject({
      resource: 'memberships',
      event: 'created',
      actorId: mock.realtime.user.id,
      data: { id: result.membership.id, roomId: result.room.id, personId: bot.me.id },
    });
    expect(posted().slice(before)).toEqual([{ roomId: result.room.id, text: 'Hello, room!' }]);
    expect(await bot.webex.memberships.get(result.membership.id)).toMatchObject({ personId: bot.me.id });
  });

  it('removes someone: memberships:deleted, and the membership is gone', async () => {
    const webex = new Webex({ accessToken: 't', baseUrl: mock.url, maxRetries: 0 });
    const bot = await startBot([]);
    await webex.webhooks.create({
      name: 'leaves',
      targetUrl: bot.url,
      resource: 'memberships',
      event: 'deleted',
      secret: 'bot-secret',
    });
    const result = await mock.simulate.membership({ event: 'deleted', person: mock.realtime.user });
    expect(result.deliveries[0]).toMatchObject({
      status: 200,
      envelope: { event: 'deleted', data: { personId: mock.realtime.user.id } },
    });
    expect(
      (await fetch(`${mock.url}/memberships/${result.membership.id}`, { headers: { Authorization: 'Bearer t' } }))
        .status,
    ).toBe(404);
  });
});

describe('over the realtime socket', () => {
  it('gives the event to a connected device too; the bot reads the message through the mock', async () => {
    const fake = mock.realtime;
    const headers = { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json' };
    const device = await (
      await fetch(`${fake.wdmUrl}/devices`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'socket-bot', deviceType: 'DESKTOP' }),
      })
    ).json();
    const socket = new WebSocket(device.webSocketUrl);
    cleanups.push(async () => {
      socket.terminate();
      await fetch(device.url, { method: 'DELETE', headers });
    });
    const frames: MercuryFrame[] = [];
    const listeners = new Set<() => void>();
    socket.on('message', (data) => {
      frames.push(JSON.parse(String(data)));
      for (const listener of [...listeners]) listener();
    });
    /** The first frame (received already, or still to come) that matches. */
    const frameWhere = (match: (frame: MercuryFrame) => boolean) =>
      new Promise<MercuryFrame>((resolve) => {
        const look = () => {
          const found = frames.find(match);
          if (!found) return;
          listeners.delete(look);
          resolve(found);
        };
        listeners.add(look);
        look();
      });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ id: '1', type: 'authorization', data: { token: `Bearer ${fake.token}` } }));
    await frameWhere((frame) => frame.data?.eventType === 'mercury.buffer_state');

    // No webhook at all: the socket is somewhere to deliver.
    const result = await mock.simulate.message({ text: 'over the socket' });
    expect(result.deliveries).toEqual([]);
    expect(result.skipped).toBe('no webhook was created through the mock for messages:created; the socket got it');
    expect(result.socket.sent).toBe(1);
    const frame = await frameWhere((f) => f.id === result.socket.frame.id);
    const activity = (frame.data as unknown as { activity: { id: string } }).activity;
    const webex = new Webex({ accessToken: 'bot-token', baseUrl: mock.url, maxRetries: 0 });
    const messageId = encodeId({ type: 'MESSAGE', uuid: activity.id, region: fake.cluster.idRegion });
    expect((await webex.messages.get(messageId)).text).toBe('over the socket');
  });
});
