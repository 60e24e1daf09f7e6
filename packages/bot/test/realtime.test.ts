// The websocket event source end to end, against the loopback fake of U2C, WDM, Mercury and the REST reads
// (`startRealtimeFake`): real sockets, real HTTP, no mocks. Timing options are small so that reconnects are quick.
// Tests wait for events (an event the loop got, a socket the fake opened), never for a span of time; the bounds on
// those waits are generous and only turn a hang into a failure that says what was missing.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createWebhookReceiver, decodeId, type ReceivedWebhookEvent, Webex, type WebexOptions } from '@webex-ts/client';
import { type FakeDevice, type RealtimeFake, type RealtimeFakeOptions, startRealtimeFake } from '@webex-ts/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { watchedList } from '../../../test-utils/waits.js';
import {
  createBot,
  DeviceServiceError,
  type EventStream,
  type ListenForEventsOptions,
  listenForEvents,
  RealtimeAuthError,
  RealtimeClosedError,
  type RealtimeStatus,
  socketTransport,
  UntrustedUrlError,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------------------------------
// Helpers: a fake and a stream per test, and a loop that keeps what it got.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const DEVICE = 'realtime-test';
// Reconnects at once (a backoff of a few ms: the source has no clock to fake, and no test is about the backoff's
// length, which realtime-units.test.ts checks without a clock), a keepalive that does not fire spuriously on a loaded
// machine.
const QUICK = {
  timing: { pingIntervalMs: 1_000, pongTimeoutMs: 5_000, readyTimeoutMs: 5_000, redeliverAfterMs: 50 },
  backoff: { initialMs: 1, maxMs: 4 },
} satisfies ListenForEventsOptions;

async function fakeFor(options: RealtimeFakeOptions = {}): Promise<RealtimeFake> {
  const fake = await startRealtimeFake(options);
  cleanups.push(() => fake.stop());
  return fake;
}

function clientFor(fake: RealtimeFake, options: WebexOptions = {}): Webex {
  return new Webex({ accessToken: fake.token, baseUrl: fake.restUrl, maxRetries: 0, ...options });
}

function optionsFor(fake: RealtimeFake, options: ListenForEventsOptions = {}): ListenForEventsOptions {
  return {
    accessToken: fake.token,
    catalogUrl: fake.u2cUrl,
    allowLoopbackForTests: true,
    deviceName: DEVICE,
    ...QUICK,
    ...options,
  };
}

interface Listening {
  fake: RealtimeFake;
  webex: Webex;
  events: EventStream;
  /** Every event the loop got, in order. */
  received: ReceivedWebhookEvent[];
  /** Settles once the loop has got `count` events in all (looked at as each comes); fails if it has more by then. */
  arrived(count: number): Promise<void>;
  errors: unknown[];
  statuses: RealtimeStatus[];
  /** This stream's device, as the fake has it now. */
  device(): FakeDevice;
  /** The loop's end: the error that stopped the stream, or undefined. */
  loop: Promise<unknown>;
}

async function listen(
  fakeOptions: RealtimeFakeOptions = {},
  options: ListenForEventsOptions = {},
  webexOptions: WebexOptions = {},
): Promise<Listening> {
  const fake = await fakeFor(fakeOptions);
  const webex = clientFor(fake, webexOptions);
  const errors: unknown[] = [];
  const statuses: RealtimeStatus[] = [];
  const events = listenForEvents(
    webex,
    optionsFor(fake, {
      onError: (error) => errors.push(error),
      onStatus: (status) => statuses.push(status),
      ...options,
    }),
  );
  cleanups.push(() => events.close());
  await events.ready();
  const { items: received, until } = watchedList<ReceivedWebhookEvent>();
  const arrived = async (count: number) => {
    await until(() => received.length >= count, { what: `event ${count} reaching the loop` });
    expect(received).toHaveLength(count);
  };
  const loop = (async () => {
    try {
      for await (const event of events) received.push(event);
      return undefined;
    } catch (error) {
      return error;
    }
  })();
  const device = () => {
    const found = fake.devices().find((each) => each.name === DEVICE);
    if (!found) throw new Error(`no live device named ${DEVICE}`);
    return found;
  };
  return { fake, webex, events, received, arrived, errors, statuses, device, loop };
}

/** The texts of the message events received. */
function texts(received: ReceivedWebhookEvent[]): (string | undefined)[] {
  return received.flatMap((event) => (event.type === 'message' ? [event.message.text] : []));
}

/** Resolves once the fake has an open socket other than those in `before`. */
function newSocket(fake: RealtimeFake, before: number) {
  return fake.waitFor(() => fake.connections({ state: 'open' }).find((connection) => connection.id > before), {
    what: 'a new open socket',
    timeoutMs: 10_000,
  });
}

function lastConnectionId(fake: RealtimeFake): number {
  return fake.connections().at(-1)?.id ?? 0;
}

function wdmRequests(fake: RealtimeFake, method: string) {
  return fake.requests.filter((request) => request.area === 'wdm' && request.method === method);
}

// ---------------------------------------------------------------------------------------------------------------------

describe('events as the webhook receiver hands them over', () => {
  it('delivers a post as the same message event a webhook delivery gives, and acks its frame', async () => {
    const { fake, webex, received, arrived, device } = await listen();
    const posted = fake.activities.post({ text: 'hello bot' });
    fake.inject(posted);
    await arrived(1);

    // The same message through the webhook receiver: what Webex posts, signed, fetched with the same client.
    const hooked: ReceivedWebhookEvent[] = [];
    const receiver = createWebhookReceiver({
      webex,
      secret: 'hook-secret',
      botId: fake.me.id,
      onEvent: (event) => void hooked.push(event),
      onError: (error) => {
        throw error;
      },
    });
    const { message } = posted;
    const body = JSON.stringify({
      id: 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svd2ViaG9vaw',
      name: 'bot messages created',
      targetUrl: 'https://bot.example.com/webex',
      resource: 'messages',
      event: 'created',
      orgId: fake.me.orgId,
      createdBy: fake.me.id,
      appId: 'Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL2FwcA',
      ownedBy: 'creator',
      status: 'active',
      created: message.created,
      actorId: message.personId,
      data: {
        id: message.id,
        roomId: message.roomId,
        roomType: message.roomType,
        personId: message.personId,
        personEmail: message.personEmail,
        created: message.created,
      },
    });
    const signature = createHmac('sha1', 'hook-secret').update(body).digest('hex');
    expect((await receiver.handle(body, signature)).outcome).toBe('handled');

    const [socketEvent] = received;
    const [hookEvent] = hooked;
    if (socketEvent?.type !== 'message' || hookEvent?.type !== 'message')
      throw new Error('expected two message events');
    expect(socketEvent.message).toEqual(hookEvent.message);
    expect(socketEvent.message.text).toBe('hello bot');
    expect(Object.keys(socketEvent.envelope).sort()).toEqual(Object.keys(hookEvent.envelope).sort());
    expect(socketEvent.envelope.data).toEqual(hookEvent.envelope.data);
    const { resource, event, actorId, createdBy, orgId, created } = hookEvent.envelope;
    expect(socketEvent.envelope).toMatchObject({ resource, event, actorId, createdBy, orgId, created });
    expect(socketEvent.envelope.name).toBe('websocket');

    await fake.waitFor(() => fake.pending(device()).length === 0, { what: 'the post acked' });
    const socket = fake.connections({ device: device() })[0]!;
    expect(socket.query).toMatchObject({ outboundWireFormat: 'text', bufferStates: 'true', aliasHttpStatus: 'true' });
    expect(socket.received[0]).toMatchObject({ type: 'authorization', data: { token: `Bearer ${fake.token}` } });
    expect(socket.acks).toContain(posted.frame.id);
  });

  it('delivers a card submit with the action fetched, and membership changes with webhook-shaped data', async () => {
    const { fake, received, arrived } = await listen();
    const submitted = fake.activities.cardAction({ inputs: { choice: 'yes', note: 'ship it' } });
    fake.inject(submitted);
    const newcomer = fake.addPerson({ displayName: 'Bo Newcomer', email: 'bo@example.com' });
    const added = fake.activities.add({ room: fake.group, person: newcomer });
    fake.inject(added);
    await arrived(2);
    const left = fake.activities.leave({ room: fake.group, person: newcomer });
    fake.inject(left);
    await arrived(3);

    const [card, join, leave] = received;
    if (card?.type !== 'attachmentAction') throw new Error(`expected a card submit, got ${card?.type}`);
    expect(card.action).toEqual(submitted.attachmentAction);
    expect(card.envelope).toMatchObject({
      resource: 'attachmentActions',
      event: 'created',
      actorId: fake.user.id,
      data: {
        id: submitted.attachmentAction.id,
        messageId: submitted.message.id,
        roomId: fake.direct.id,
        personId: fake.user.id,
        type: 'submit',
      },
    });
    expect(card.envelope.data).not.toHaveProperty('inputs');

    expect(join).toMatchObject({
      type: 'other',
      envelope: { resource: 'memberships', event: 'created', actorId: fake.user.id, data: added.membership },
    });
    expect(leave).toMatchObject({
      type: 'other',
      envelope: {
        resource: 'memberships',
        event: 'deleted',
        data: {
          id: left.membership.id,
          roomId: fake.group.id,
          personId: newcomer.id,
          personEmail: 'bo@example.com',
          roomType: 'group',
        },
      },
    });
  });

  it('delivers deletes, edits of messages it got, and room changes as webhook envelopes', async () => {
    const { fake, received, arrived } = await listen();
    const posted = fake.activities.post({ text: 'typo' });
    fake.inject(posted);
    await arrived(1);
    fake.inject(fake.activities.edit({ message: posted.message, text: 'fixed' }));
    fake.inject(fake.activities.delete({ message: posted.message }));
    const room = fake.activities.createRoom({ title: 'Launch' });
    fake.inject(room);
    await arrived(6);
    const summary = received.map((event) =>
      event.type === 'other' ? `${String(event.envelope.resource)}/${String(event.envelope.event)}` : event.type,
    );
    expect(summary).toEqual([
      'message',
      'messages/updated',
      'messages/deleted',
      'rooms/created',
      'memberships/created',
      'memberships/created',
    ]);
    const [, edited, deleted, created, ...memberships] = received;
    expect(edited).toMatchObject({
      envelope: { data: { id: posted.message.id, roomId: fake.direct.id, roomType: 'direct', personId: fake.user.id } },
    });
    expect(deleted).toMatchObject({ envelope: { data: { id: posted.message.id, personId: fake.user.id } } });
    expect(created).toMatchObject({ envelope: { data: room.room } });
    // The creator's and the bot's memberships, as GET /memberships/{id} answers them.
    const data = memberships.map((event) => (event.type === 'other' ? event.envelope.data : {})) as { id: string }[];
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(data.sort(byId)).toEqual([...room.memberships].sort(byId));
  });

  it('leaves out its own messages and group messages that do not mention it, without fetching them', async () => {
    const { fake, received, arrived, device } = await listen();
    fake.inject(fake.activities.post({ from: fake.me, text: 'my own reply' }));
    fake.inject(fake.activities.post({ room: fake.group, text: 'chatter among people' }));
    fake.inject(fake.activities.post({ room: fake.group, text: 'over to you', mentionBot: true }));
    fake.inject(fake.activities.post({ text: 'direct' }));
    await arrived(2);
    expect(texts(received)).toEqual(['Fake Bot over to you', 'direct']);
    await fake.waitFor(() => fake.pending(device()).length === 0, { what: 'every frame acked, skipped ones too' });
    const reads = fake.requests.filter(
      (request) => request.area === 'rest' && request.path.startsWith('/v1/messages/'),
    );
    expect(reads).toHaveLength(2);
  });

  it('builds ids in the conversation cluster the catalog names (eu), people in us', async () => {
    const { fake, received, arrived } = await listen({ cluster: 'eu' });
    const posted = fake.activities.post({ text: 'guten Tag' });
    fake.inject(posted);
    fake.inject(fake.activities.cardAction({ inputs: { ok: 'true' } }));
    const person = fake.addPerson({ displayName: 'Eu Person' });
    fake.inject(fake.activities.add({ room: fake.group, person }));
    await arrived(3);
    const [message, card, membership] = received;
    if (message?.type !== 'message' || card?.type !== 'attachmentAction' || membership?.type !== 'other')
      throw new Error('expected a message, a card submit and a membership');
    expect(decodeId(message.message.id).region).toBe('urn:TEAM:eu-central-1_k');
    expect(message.message.id).toBe(posted.message.id);
    expect(decodeId(card.action.id)).toMatchObject({ type: 'ATTACHMENT_ACTION', region: 'urn:TEAM:eu-central-1_k' });
    const data = membership.envelope.data as { id: string; personId: string };
    expect(decodeId(data.id).region).toBe('urn:TEAM:eu-central-1_k');
    expect(decodeId(data.personId).region).toBe('us');
    expect(decodeId(message.envelope.actorId).region).toBe('us');
  });
});

describe('connection', () => {
  it('works over the ws package as over the runtime’s own WebSocket', async () => {
    const { WebSocket: WsWebSocket } = await import('ws');
    const { fake, received, arrived } = await listen({}, { webSocket: WsWebSocket });
    fake.inject(fake.activities.post({ text: 'over ws' }));
    await arrived(1);
    expect(texts(received)).toEqual(['over ws']);
  });

  it('discovers WDM through the catalog, reuses its device across restarts, and deletes it on close', async () => {
    const fake = await fakeFor({ devices: [{ name: 'Webex for Mac', deviceType: 'DESKTOP' }] });
    const first = listenForEvents(clientFor(fake), optionsFor(fake, { keepDevice: true }));
    await first.ready();
    const [device] = fake.devices().filter((each) => each.name === DEVICE);
    expect(device).toMatchObject({ deviceType: 'DESKTOP', name: DEVICE });
    expect(fake.requests.find((request) => request.area === 'u2c')?.query).toBe('?format=hostmap');
    await first.close();
    expect(fake.devices().filter((each) => each.name === DEVICE)).toHaveLength(1);

    const second = listenForEvents(clientFor(fake), optionsFor(fake));
    cleanups.push(() => second.close());
    await second.ready();
    // Reused (refreshed with PUT), not registered again.
    expect(wdmRequests(fake, 'POST')).toHaveLength(1);
    expect(wdmRequests(fake, 'PUT').map((request) => request.path)).toEqual([new URL(device!.url).pathname]);
    await second.close();

    expect(fake.devices().map((each) => each.name)).toEqual(['Webex for Mac']);
    expect(fake.deletedDevices().map((each) => each.url)).toEqual([device!.url]);
    expect(wdmRequests(fake, 'DELETE').map((request) => request.path)).toEqual([new URL(device!.url).pathname]);
    const socket = fake.connections({ device: device! }).at(-1)!;
    expect(socket.closed).toEqual({ code: 1000, reason: 'Done', by: 'client' });
    expect(fake.requests.every((request) => request.area === 'mercury' || request.auth === 'valid')).toBe(true);
  });

  it('reconnects after a dropped socket (1006): replays and backfills what it missed, each once', async () => {
    const { fake, received, arrived, device, statuses, errors } = await listen();
    fake.inject(fake.activities.post({ text: 'before' }));
    fake.inject(fake.activities.post({ room: fake.group, text: 'group before', mentionBot: true }));
    await arrived(2);
    await fake.waitFor(() => fake.pending(device()).length === 0, { what: 'acks' });
    const before = lastConnectionId(fake);

    fake.drop(device());
    // Sent while the socket is down: Mercury keeps it and replays it.
    fake.inject(fake.activities.post({ text: 'queued while down' }));
    // Never sent on any socket: only the REST backfill finds these.
    fake.activities.post({ text: 'missed in 1:1' });
    fake.activities.post({ room: fake.group, text: 'missed in group', mentionBot: true });
    fake.activities.post({ room: fake.group, text: 'missed, not for the bot' });

    await newSocket(fake, before);
    await arrived(5);
    expect(texts(received).slice(2).sort()).toEqual(['Fake Bot missed in group', 'missed in 1:1', 'queued while down']);
    // Nothing comes twice, however long we look.
    fake.inject(fake.activities.post({ text: 'after' }));
    await arrived(6);
    expect(texts(received).at(-1)).toBe('after');
    expect(new Set(texts(received)).size).toBe(received.length);
    expect(statuses.some((status) => status.state === 'reconnecting' && status.cause.includes('1006'))).toBe(true);
    // The device was refreshed after the drop, and a group room was listed the only way a bot may.
    expect(wdmRequests(fake, 'PUT')).toHaveLength(1);
    const lists = fake.requests.filter((request) => request.area === 'rest' && request.path === '/v1/messages');
    expect(lists.map((request) => request.status)).toEqual([200, 200]);
    expect(lists.some((request) => request.query.includes('mentionedPeople=me'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each([
    ['1000 idle', (fake: RealtimeFake, device: FakeDevice) => fake.close(device, 1000, 'idle')],
    ['1011', (fake: RealtimeFake, device: FakeDevice) => fake.close(device, 1011, 'server error')],
    ['a shutdown frame', (fake: RealtimeFake, device: FakeDevice) => fake.shutdown(device)],
  ])('reconnects after %s and carries on', async (_name, close) => {
    const { fake, received, arrived, device } = await listen();
    const before = lastConnectionId(fake);
    close(fake, device());
    await newSocket(fake, before);
    fake.inject(fake.activities.post({ text: 'still here' }));
    await arrived(1);
    expect(texts(received)).toEqual(['still here']);
    expect(fake.devices().filter((each) => each.name === DEVICE)).toHaveLength(1);
  });

  it('reconnects when pongs stop coming (pong timeout)', async () => {
    const { fake, received, arrived } = await listen({}, { timing: { pingIntervalMs: 20, pongTimeoutMs: 100 } });
    fake.answerPings(false);
    const first = fake.connections()[0]!;
    await fake.waitFor(() => first.closed, { what: 'the silent socket closed', timeoutMs: 10_000 });
    expect(first.closed).toEqual({ code: 1000, reason: 'Pong not received', by: 'client' });
    fake.answerPings(true);
    fake.inject(fake.activities.post({ text: 'after the silence' }));
    await arrived(1);
    expect(texts(received)).toEqual(['after the silence']);
  });

  it('registers anew when its device is gone (refresh 404, upgrade 404)', async () => {
    const { fake, received, arrived, device } = await listen();
    const old = device();
    // Another client removed the registration: the upgrade is refused with 404, the refresh answers 404.
    const removed = await fetch(old.url, { method: 'DELETE', headers: { Authorization: `Bearer ${fake.token}` } });
    expect(removed.status).toBe(204);
    fake.drop(old);
    await fake.waitFor(() => fake.devices().find((each) => each.name === DEVICE), {
      what: 'a new device',
      timeoutMs: 10_000,
    });
    const renewed = device();
    expect(renewed.url).not.toBe(old.url);
    await newSocket(fake, 0);
    fake.inject(fake.activities.post({ text: 'on the new device' }));
    await arrived(1);
    expect(texts(received)).toEqual(['on the new device']);
    const puts = wdmRequests(fake, 'PUT');
    expect(puts.map((request) => request.status)).toContain(404);

    // A refused upgrade alone (the device still there): refreshed, and the same device connects again.
    const before = lastConnectionId(fake);
    fake.failNext('connect', 404);
    fake.drop(renewed);
    await newSocket(fake, before);
    expect(device().url).toBe(renewed.url);
    expect(fake.requests.some((request) => request.area === 'mercury' && request.status === 404)).toBe(true);
  });

  it('on "excessive device registrations" deletes only its own devices, oldest first, and registers once more', async () => {
    const fake = await fakeFor({
      deviceLimit: 4,
      devices: [
        { name: 'Webex for Mac', deviceType: 'DESKTOP', modificationTime: '2025-01-01T00:00:00.000Z' },
        { name: DEVICE, deviceType: 'WEB', modificationTime: '2025-01-01T00:00:00.000Z' },
        { name: DEVICE, deviceType: 'DESKTOP', modificationTime: '2026-02-01T00:00:00.000Z' },
        { name: DEVICE, deviceType: 'DESKTOP', modificationTime: '2026-01-01T00:00:00.000Z' },
      ],
    });
    // Its newest device is gone by the time it refreshes it, so it registers, and the account is full.
    fake.failNext('refresh', 404);
    const events = listenForEvents(clientFor(fake), optionsFor(fake));
    cleanups.push(() => events.close());
    await events.ready();

    expect(fake.deletedDevices().map((each) => [each.name, each.deviceType, each.modificationTime])).toEqual([
      [DEVICE, 'DESKTOP', '2026-01-01T00:00:00.000Z'],
      [DEVICE, 'DESKTOP', '2026-02-01T00:00:00.000Z'],
    ]);
    expect(fake.devices().map((each) => [each.name, each.deviceType])).toEqual([
      ['Webex for Mac', 'DESKTOP'],
      [DEVICE, 'WEB'],
      [DEVICE, 'DESKTOP'],
    ]);
    expect(wdmRequests(fake, 'POST').map((request) => request.status)).toEqual([403, 200]);
    expect(fake.requests.some((request) => request.method === 'DELETE' && request.path === '/wdm/api/v1/devices')).toBe(
      false,
    );
  });

  it('refuses to start when the account is full of other clients’ devices, deleting none', async () => {
    const fake = await fakeFor({ deviceLimit: 1, devices: [{ name: 'Webex for Mac', deviceType: 'DESKTOP' }] });
    const events = listenForEvents(clientFor(fake), optionsFor(fake));
    cleanups.push(() => events.close());
    const error = await events.ready().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceServiceError);
    expect((error as DeviceServiceError).status).toBe(403);
    expect(String(error)).toContain("none of the account's registrations is this library's");
    expect(fake.deletedDevices()).toEqual([]);
  });

  it('stops on 4403 with a typed error and deletes its device; on 4000 (replaced) leaves the device', async () => {
    const forbidden = await listen();
    const device = forbidden.device();
    forbidden.fake.close(device, 4403, 'Forbidden');
    const error = await forbidden.loop;
    expect(error).toBeInstanceOf(RealtimeClosedError);
    expect((error as RealtimeClosedError).code).toBe(4403);
    await forbidden.events.stopped;
    expect(forbidden.fake.deletedDevices().map((each) => each.url)).toEqual([device.url]);

    const replaced = await listen();
    replaced.fake.close(replaced.device(), 4000, 'replaced');
    const stopped = await replaced.loop;
    expect(stopped).toBeInstanceOf(RealtimeClosedError);
    expect(String(stopped)).toContain('its own device name');
    await replaced.events.stopped;
    expect(replaced.fake.deletedDevices()).toEqual([]);
  });
});

describe('delivery', () => {
  it('delivers a replayed frame once, and acks it once the loop has handled it', async () => {
    const fake = await fakeFor();
    const events = listenForEvents(clientFor(fake), optionsFor(fake));
    cleanups.push(() => events.close());
    await events.ready();
    const device = fake.devices().find((each) => each.name === DEVICE)!;
    const iterator = events[Symbol.asyncIterator]();
    const posted = fake.activities.post({ text: 'handle me once' });
    fake.inject(posted);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ type: 'message', message: { text: 'handle me once' } });

    // Still being handled when the socket drops: not acked, so Mercury replays it to the next socket.
    const before = lastConnectionId(fake);
    fake.drop(device);
    const replayedOn = await newSocket(fake, before);
    await fake.waitFor(() => replayedOn.sent.some((frame) => frame.id === posted.frame.id), { what: 'the replay' });
    expect(fake.pending(device)).toHaveLength(1);

    // The loop asks for the next event: the first is handled, and acked on the new socket.
    const second = iterator.next();
    await fake.waitFor(() => fake.pending(device).length === 0, { what: 'the ack of the replayed frame' });
    expect(replayedOn.acks).toContain(posted.frame.id);
    // An exact duplicate (same frame, same activity) is acked and dropped too.
    fake.inject(posted);
    fake.inject(fake.activities.post({ text: 'the next one' }));
    expect((await second).value).toMatchObject({ message: { text: 'the next one' } });
  });

  it('leaves events it cannot take unacked and has them sent again (maxBuffered)', async () => {
    const fake = await fakeFor();
    // Sent again 1 ms after it could not take them: the test waits for that reconnect, not for the time.
    const events = listenForEvents(
      clientFor(fake),
      optionsFor(fake, { maxBuffered: 1, timing: { ...QUICK.timing, redeliverAfterMs: 1 } }),
    );
    cleanups.push(() => events.close());
    await events.ready();
    const iterator = events[Symbol.asyncIterator]();
    const sent = ['one', 'two', 'three', 'four', 'five'];
    for (const text of sent) fake.inject(fake.activities.post({ text }));
    const got: string[] = [];
    while (got.length < sent.length) {
      const next = await iterator.next();
      if (next.done) throw new Error('the stream ended');
      if (next.value.type === 'message') got.push(next.value.message.text ?? '');
      // A slow loop: it holds its first event until the others, overflowing the buffer of one, have had the source
      // reconnect to be sent again.
      if (got.length === 1)
        await fake.waitFor(() => fake.connections().length > 1, { what: 'a reconnect for the events left unacked' });
    }
    expect(got.sort()).toEqual([...sent].sort());
  });

  it('reconnects with a fresh token when the old one expires mid-stream (4401)', async () => {
    let token = 'token-one';
    // The client reads the same current token: it stands for an app that refreshes both.
    const { fake, received, arrived, device, events } = await listen(
      { token },
      { accessToken: () => token },
      {
        fetch: (request) => {
          request.headers.set('authorization', `Bearer ${token}`);
          return fetch(request);
        },
      },
    );
    expect(events).toBeDefined();
    token = 'token-two';
    fake.setToken(token);
    const before = lastConnectionId(fake);
    fake.close(device(), 4401, 'token expired');
    const socket = await newSocket(fake, before);
    expect(socket.received[0]).toMatchObject({ type: 'authorization', data: { token: 'Bearer token-two' } });
    fake.inject(fake.activities.post({ text: 'with the new token' }));
    await arrived(1);
    expect(texts(received)).toEqual(['with the new token']);
    expect(fake.devices().filter((each) => each.name === DEVICE)).toHaveLength(1);
  });

  it('reconnects with a token given by setToken, and stops with RealtimeAuthError when no fresh token can be had', async () => {
    const { fake, events, device, loop } = await listen({ token: 'first' }, { accessToken: 'first' });
    fake.setToken('second');
    const before = lastConnectionId(fake);
    events.setToken('second');
    const socket = await newSocket(fake, before);
    expect(socket.received[0]).toMatchObject({ data: { token: 'Bearer second' } });
    expect(fake.connections()[0]!.closed).toMatchObject({ by: 'client' });

    fake.setToken('third');
    fake.close(device(), 4401, 'token expired');
    const error = await loop;
    expect(error).toBeInstanceOf(RealtimeAuthError);
    expect(String(error)).toContain('setToken');
  });
});

describe('token safety', () => {
  /** A loopback catalog server of our own, answering what `catalog` says. */
  async function catalogServer(catalog: (port: number) => unknown): Promise<{ url: string; requests: string[] }> {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(catalog((server.address() as AddressInfo).port)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/u2c/api/v1`, requests };
  }

  it('refuses a catalog that points the device service elsewhere, and never sends the token there', async () => {
    // The "elsewhere": the fake, on another loopback port, records every request and its auth.
    const elsewhere = await fakeFor();
    for (const wdm of [
      elsewhere.wdmUrl,
      'https://wdm.attacker.example/wdm/api/v1',
      'http://wdm-a.wbx2.com/wdm/api/v1',
    ]) {
      const catalog = await catalogServer(() => ({ serviceLinks: { wdm }, hostCatalog: {} }));
      const events = listenForEvents(clientFor(elsewhere), optionsFor(elsewhere, { catalogUrl: catalog.url }));
      cleanups.push(() => events.close());
      const error = await events.ready().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UntrustedUrlError);
      expect((error as UntrustedUrlError).role).toBe('serviceLinks.wdm');
      expect(catalog.requests).toEqual(['GET /u2c/api/v1/catalog?format=hostmap']);
    }
    expect(elsewhere.requests.filter((request) => request.area !== 'rest')).toEqual([]);
  });

  it('refuses loopback without the test option, and a catalog off Webex hosts, before any request', async () => {
    const fake = await fakeFor();
    expect(() => listenForEvents(clientFor(fake), { ...optionsFor(fake), allowLoopbackForTests: false })).toThrow(
      UntrustedUrlError,
    );
    expect(() =>
      listenForEvents(clientFor(fake), { ...optionsFor(fake), catalogUrl: 'https://u2c.example.com/u2c' }),
    ).toThrow(/not a Webex host/);
    expect(fake.requests).toEqual([]);
  });
});

describe('socketTransport', () => {
  it('runs a bot: same handlers as over webhooks, card submits, membership events; stop deletes the device', async () => {
    const fake = await fakeFor();
    const webex = clientFor(fake);
    const { items: heard, until } = watchedList<string>();
    const bot = createBot({
      webex,
      transport: socketTransport(optionsFor(fake)),
      onError: (error) => void heard.push(`error ${String(error)}`),
    });
    bot.hears(/^deploy (\w+)/, (ctx) => void heard.push(`deploy ${ctx.match[1]}`));
    bot.onCardSubmit((ctx) => void heard.push(`card ${ctx.values.choice}`));
    bot.on('added', (ctx) => void heard.push(`added to ${ctx.room.id === fake.group.id ? 'group' : ctx.room.id}`));
    bot.on('memberJoined', (ctx) => void heard.push(`joined ${ctx.person.email}`));
    cleanups.push(() => bot.stop());
    await bot.start();

    fake.inject(fake.activities.post({ text: 'deploy prod' }));
    fake.inject(fake.activities.post({ room: fake.group, text: 'deploy staging', mentionBot: true }));
    fake.inject(fake.activities.cardAction({ inputs: { choice: 'blue' } }));
    fake.inject(fake.activities.add({ room: fake.group, person: fake.addPerson({ email: 'cy@example.com' }) }));
    const room = fake.addRoom({ type: 'group', title: 'Later' });
    fake.inject(fake.activities.add({ room, person: fake.me }));
    await until(() => heard.length >= 5, { what: 'the five events handled' });
    expect(heard.sort()).toEqual(
      ['deploy prod', 'deploy staging', 'card blue', 'joined cy@example.com', `added to ${room.id}`].sort(),
    );
    const device = fake.devices().find((each) => each.name === DEVICE)!;
    await fake.waitFor(() => fake.pending(device).length === 0, { what: 'every event acked' });

    expect(await bot.stop()).toEqual({ drained: true, abandoned: 0 });
    expect(fake.deletedDevices().map((each) => each.url)).toEqual([device.url]);
  });

  it('rejects bot.start() when the token is refused', async () => {
    const fake = await fakeFor();
    const bot = createBot({
      webex: clientFor(fake),
      transport: socketTransport(optionsFor(fake, { accessToken: 'wrong' })),
    });
    cleanups.push(() => bot.stop());
    await expect(bot.start()).rejects.toBeInstanceOf(RealtimeAuthError);
    expect(fake.devices()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Memory: 10 000 events through the source (after 3 000 to warm up), with the fake in a child process so that only
// the source's memory is measured here. The heap after GC must not grow with the events.

const CHILD = `
const { startRealtimeFake } = await import('@webex-ts/mock');
const fake = await startRealtimeFake();
process.send({ token: fake.token, u2cUrl: fake.u2cUrl, restUrl: fake.restUrl });
process.on('message', async (message) => {
  if (message === 'stop') {
    await fake.stop();
    process.exit(0);
  }
  for (let i = 0; i < message; i++) fake.inject(fake.activities.post({ text: 'n' + i }));
  await fake.waitFor(() => fake.devices().every((device) => fake.pending(device).length === 0), { timeoutMs: 60000 });
  // Forget what the fake recorded, so that its own records do not grow either.
  fake.rest.messages.clear();
  fake.requests.length = 0;
  for (const connection of fake.connections()) {
    connection.sent.length = 0;
    connection.received.length = 0;
    connection.acks.length = 0;
  }
  process.send('done');
});
`;

describe('memory', () => {
  it('keeps the heap flat over 10 000 events', { timeout: 120_000 }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    cleanups.push(async () => child.kill());
    const started = await new Promise<{ token: string; u2cUrl: string; restUrl: string }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as never));
      child.once('exit', (code) => reject(new Error(`the fake's process exited with ${code}`)));
    });
    const batch = (count: number) =>
      new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send(count);
      });
    const webex = new Webex({ accessToken: started.token, baseUrl: started.restUrl, maxRetries: 0 });
    const events = listenForEvents(webex, {
      accessToken: started.token,
      catalogUrl: started.u2cUrl,
      allowLoopbackForTests: true,
      deviceName: DEVICE,
      remember: 500,
      ...QUICK,
    });
    cleanups.push(() => events.close());
    await events.ready();
    let count = 0;
    const loop = (async () => {
      for await (const event of events) if (event.type === 'message') count++;
    })();
    // The least of a few readings, each after a full GC and a turn of the event loop (finalizers, closed sockets).
    const heap = async () => {
      let least = Number.POSITIVE_INFINITY;
      for (let reading = 0; reading < 5; reading++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
        least = Math.min(least, process.memoryUsage().heapUsed);
      }
      return least;
    };

    // Warm-up: connections, compiled code, the memory of recent ids filled.
    for (let done = 0; done < 3_000; done += 1_000) await batch(1_000);
    const start = await heap();
    for (let done = 0; done < 10_000; done += 1_000) await batch(1_000);
    const end = await heap();
    expect(count).toBe(13_000);
    const grown = end - start;
    // Keeping each event (its message, envelope and ids: some 800 bytes) would grow the heap by 8 MB; what a run
    // shows without a leak is under a megabyte either way.
    expect(grown, `heap grew by ${(grown / 1e6).toFixed(2)} MB over 10 000 events`).toBeLessThan(3_000_000);
    await events.close();
    await loop;
    child.send('stop');
  });
});
