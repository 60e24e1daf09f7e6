// The realtime fake, driven the way a bot library would: fetch for U2C/WDM/REST, a plain `ws` client for Mercury.
import { decodeId, Webex, WebexApiError } from '@webex-ts/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { endsWithin } from '../../../test-utils/fake-clock.js';
import {
  startRealtimeFake,
  type FakeDevice,
  type MercuryFrame,
  type RealtimeFake,
  type RealtimeFakeOptions,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------------------------------
// Helpers: a fake per test, fetch with the token, and a ws client that keeps every frame it got.

const running: RealtimeFake[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  // A test that faked the fake's timers gives them back before anything is stopped.
  vi.useRealTimers();
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(running.splice(0).map((fake) => fake.stop()));
});

async function start(options: RealtimeFakeOptions = {}): Promise<RealtimeFake> {
  const fake = await startRealtimeFake(options);
  running.push(fake);
  return fake;
}

async function call(
  fake: RealtimeFake,
  method: string,
  url: string,
  body?: unknown,
  token: string | null = fake.token,
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const BOT_DEVICE = {
  name: 'test-bot',
  deviceType: 'DESKTOP',
  model: 'webex-ts',
  localizedModel: 'webex-ts',
  systemName: 'node',
  systemVersion: '20',
};

async function register(fake: RealtimeFake, body: object = BOT_DEVICE): Promise<FakeDevice> {
  const { status, json } = await call(fake, 'POST', `${fake.wdmUrl}/devices?includeUpstreamServices=all`, body);
  expect(status).toBe(200);
  return json as FakeDevice;
}

interface Client {
  socket: WebSocket;
  frames: MercuryFrame[];
  /** The first frame (already received or still to come) that matches. */
  frame(match: (frame: MercuryFrame) => boolean, what?: string): Promise<MercuryFrame>;
  send(frame: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
}

function open(url: string, headers: Record<string, string> = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    sockets.push(socket);
    const frames: MercuryFrame[] = [];
    const listeners = new Set<() => void>();
    socket.on('message', (data) => {
      frames.push(JSON.parse(String(data)));
      for (const listener of [...listeners]) listener();
    });
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.on('close', (code, reason) => done({ code, reason: String(reason) })),
    );
    const client: Client = {
      socket,
      frames,
      closed,
      send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
      frame: (match, what = 'a matching frame') =>
        new Promise((found, fail) => {
          const check = () => {
            const hit = frames.find(match);
            if (!hit) return;
            clearTimeout(timer);
            listeners.delete(check);
            found(hit);
          };
          const timer = setTimeout(() => {
            listeners.delete(check);
            fail(new Error(`client: no ${what} within 3 s; got ${JSON.stringify(frames)}`));
          }, 3_000);
          listeners.add(check);
          check();
        }),
    };
    socket.on('open', () => resolve(client));
    socket.on('unexpected-response', (request, response) => {
      request.destroy();
      reject(Object.assign(new Error(`upgrade refused with ${response.statusCode}`), { status: response.statusCode }));
    });
    socket.on('error', reject);
  });
}

const isBufferState = (frame: MercuryFrame) => frame.data?.eventType === 'mercury.buffer_state';
const isActivity = (frame: MercuryFrame) => frame.data?.eventType === 'conversation.activity';

/** Opens the device's socket with the query JSSDK sends, authorizes, and waits for the buffer state. */
async function connect(fake: RealtimeFake, device: FakeDevice, token = fake.token, query = ''): Promise<Client> {
  const client = await open(
    `${device.webSocketUrl}?outboundWireFormat=text&bufferStates=true&aliasHttpStatus=true${query}`,
  );
  client.send({ id: 'auth-1', type: 'authorization', data: { token: `Bearer ${token}` } });
  await client.frame(isBufferState, 'mercury.buffer_state');
  return client;
}

// ---------------------------------------------------------------------------------------------------------------------

describe('U2C catalog', () => {
  it('points serviceLinks.wdm at the fake and maps the conversation host to the us cluster', async () => {
    const fake = await start();
    const { status, json } = await call(fake, 'GET', fake.catalogUrl);
    expect(status).toBe(200);
    expect(json.serviceLinks.wdm).toBe(fake.wdmUrl);
    expect(fake.wdmUrl).toBe(`${fake.url}/wdm/api/v1`);
    const host = new URL(fake.direct.conversationUrl).host;
    expect(json.hostCatalog[host]).toContainEqual(
      expect.objectContaining({ host, id: 'urn:TEAM:us-east-2_a:conversation' }),
    );
    expect(decodeId(fake.direct.id)).toEqual({ type: 'ROOM', uuid: fake.direct.uuid, region: 'us' });
  });

  it('maps to eu-central-1_k on request, which puts that cluster into room and message ids (people stay us)', async () => {
    const fake = await start({ cluster: 'eu' });
    const { json } = await call(fake, 'GET', fake.catalogUrl);
    const host = new URL(fake.group.conversationUrl).host;
    expect(json.hostCatalog[host].map((entry: { id: string }) => entry.id)).toContain(
      'urn:TEAM:eu-central-1_k:conversation',
    );
    const { message } = fake.activities.post({ text: 'hi' });
    expect(decodeId(message.id).region).toBe('urn:TEAM:eu-central-1_k');
    expect(decodeId(fake.group.id).region).toBe('urn:TEAM:eu-central-1_k');
    expect(decodeId(fake.me.id).region).toBe('us');
  });

  it('answers 401 to a wrong or missing token, and 400 without format=hostmap', async () => {
    const fake = await start({ token: 'right' });
    expect((await call(fake, 'GET', fake.catalogUrl, undefined, 'wrong')).status).toBe(401);
    expect((await call(fake, 'GET', fake.catalogUrl, undefined, null)).status).toBe(401);
    const noFormat = await call(fake, 'GET', `${fake.u2cUrl}/catalog`);
    expect(noFormat.status).toBe(400);
    expect(noFormat.json.message).toMatch(/format=hostmap/);
    expect(fake.requests.map((request) => [request.area, request.auth, request.status])).toEqual([
      ['u2c', 'wrong', 401],
      ['u2c', 'missing', 401],
      ['u2c', 'valid', 400],
    ]);
  });
});

describe('WDM devices', () => {
  it('registers a device whose webSocketUrl is on the fake, and lists it with the devices of other clients', async () => {
    const fake = await start({
      devices: [{ name: 'Webex for Mac', deviceType: 'DESKTOP', modificationTime: '2026-01-01T00:00:00.000Z' }],
    });
    const device = await register(fake);
    expect(device).toMatchObject({
      name: 'test-bot',
      deviceType: 'DESKTOP',
      model: 'webex-ts',
      userId: fake.me.uuid,
      url: expect.stringMatching(new RegExp(`^${fake.wdmUrl}/devices/[0-9a-f-]{36}$`)),
      webSocketUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/mercury\/registrations\/[0-9a-f-]{36}\/messages$/),
      services: expect.objectContaining({ conversationServiceUrl: `${fake.url}/conversation/api/v1` }),
    });
    expect(Date.parse(device.modificationTime)).not.toBeNaN();
    const list = await call(fake, 'GET', `${fake.wdmUrl}/devices`);
    expect(list.json.devices.map((d: FakeDevice) => d.name)).toEqual(['Webex for Mac', 'test-bot']);
    expect(list.json.devices[0].modificationTime).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses a registration body without name and deviceType', async () => {
    const fake = await start();
    const { status, json } = await call(fake, 'POST', `${fake.wdmUrl}/devices`, { name: 'x' });
    expect(status).toBe(400);
    expect(json.message).toMatch(/deviceType/);
  });

  it('refreshes a device with PUT (same URLs, new modificationTime) and answers 404 for a deleted one', async () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const fake = await start({ now: () => clock });
    const device = await register(fake, { ...BOT_DEVICE, modificationTime: '2000-01-01T00:00:00.000Z' });
    expect(device.modificationTime).toBe('2026-03-01T10:00:00.000Z'); // the server's field, not the client's
    clock += 60_000;
    const refreshed = await call(fake, 'PUT', device.url, { ...BOT_DEVICE, systemVersion: '22' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ url: device.url, webSocketUrl: device.webSocketUrl, systemVersion: '22' });
    expect(refreshed.json.modificationTime).toBe('2026-03-01T10:01:00.000Z');
    expect((await call(fake, 'DELETE', device.url)).status).toBe(204);
    expect((await call(fake, 'PUT', device.url, BOT_DEVICE)).status).toBe(404);
    expect((await call(fake, 'DELETE', device.url)).status).toBe(404);
    expect(fake.deletedDevices().map((d) => d.url)).toEqual([device.url]);
    expect(fake.devices()).toEqual([]);
  });

  it('DELETE /devices removes every registration, other clients too', async () => {
    const fake = await start({ devices: [{ name: 'phone', deviceType: 'IPHONE' }] });
    await register(fake);
    expect((await call(fake, 'DELETE', `${fake.wdmUrl}/devices`)).status).toBe(204);
    expect(fake.devices()).toEqual([]);
    expect(fake.deletedDevices().map((d) => d.name)).toEqual(['phone', 'test-bot']);
  });

  it('refuses registrations beyond the limit with 403 "User has excessive device registrations"', async () => {
    const fake = await start({ deviceLimit: 2, devices: [{ name: 'other', deviceType: 'WEB' }] });
    await register(fake);
    const refused = await call(fake, 'POST', `${fake.wdmUrl}/devices`, BOT_DEVICE);
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe('User has excessive device registrations');
    // Recovery that deletes only its own device makes room again.
    const own = fake.devices().find((d) => d.name === 'test-bot')!;
    await call(fake, 'DELETE', own.url);
    expect((await call(fake, 'POST', `${fake.wdmUrl}/devices`, BOT_DEVICE)).status).toBe(200);
    expect(fake.deletedDevices().map((d) => d.name)).toEqual(['test-bot']);
    expect(fake.devices().map((d) => d.name)).toEqual(['other', 'test-bot']);
  });

  it('fails the next operation once as scripted, in order', async () => {
    const fake = await start();
    fake.failNext('register', 403);
    fake.failNext('register', 500, { message: 'boom', retryAfter: 2 });
    const first = await call(fake, 'POST', `${fake.wdmUrl}/devices`, BOT_DEVICE);
    expect([first.status, first.json.message]).toEqual([403, 'User has excessive device registrations']);
    const response = await fetch(`${fake.wdmUrl}/devices`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.token}` },
      body: JSON.stringify(BOT_DEVICE),
    });
    expect([response.status, response.headers.get('retry-after'), (await response.json()).message]).toEqual([
      500,
      '2',
      'boom',
    ]);
    expect((await call(fake, 'POST', `${fake.wdmUrl}/devices`, BOT_DEVICE)).status).toBe(200);
    fake.failNext('list', 401);
    expect((await call(fake, 'GET', `${fake.wdmUrl}/devices`)).status).toBe(401);
    expect((await call(fake, 'GET', `${fake.wdmUrl}/devices`)).status).toBe(200);
    expect(() => fake.failNext('list', 200)).toThrow(/400–599/);
  });

  it('records every request with whether it carried the current token, never the token itself', async () => {
    const fake = await start({ token: 'secret-token' });
    const device = await register(fake);
    await call(fake, 'GET', `${fake.wdmUrl}/devices`, undefined, 'other-token');
    await call(fake, 'DELETE', device.url);
    expect(
      fake.requests.map(({ method, path, query, area, auth, status }) => ({ method, path, query, area, auth, status })),
    ).toEqual([
      {
        method: 'POST',
        path: '/wdm/api/v1/devices',
        query: '?includeUpstreamServices=all',
        area: 'wdm',
        auth: 'valid',
        status: 200,
      },
      { method: 'GET', path: '/wdm/api/v1/devices', query: '', area: 'wdm', auth: 'wrong', status: 401 },
      { method: 'DELETE', path: new URL(device.url).pathname, query: '', area: 'wdm', auth: 'valid', status: 204 },
    ]);
    expect(fake.requests[0]!.body).toEqual(BOT_DEVICE);
    expect(JSON.stringify(fake.requests)).not.toContain('secret-token');
  });
});

describe('Mercury websocket: connecting', () => {
  it('authorizes with the in-band frame and sends mercury.buffer_state as sequence 1', async () => {
    const fake = await start();
    const device = await register(fake);
    const client = await connect(fake, device);
    const [first] = client.frames;
    expect(first).toMatchObject({ data: { eventType: 'mercury.buffer_state' }, sequenceNumber: 1 });
    expect(typeof first!.id).toBe('string');
    const [connection] = fake.connections({ device });
    expect(connection).toMatchObject({
      id: 1,
      deviceUrl: device.url,
      state: 'open',
      upgradeAuth: 'missing',
      query: { outboundWireFormat: 'text', bufferStates: 'true', aliasHttpStatus: 'true' },
    });
    expect(fake.requests.at(-1)).toMatchObject({ area: 'mercury', method: 'GET', status: 101 });
  });

  it('records a Bearer header on the upgrade, which some clients send', async () => {
    const fake = await start();
    const device = await register(fake);
    const client = await open(device.webSocketUrl, { Authorization: `Bearer ${fake.token}` });
    client.send({ id: 'a', type: 'authorization', data: { token: `Bearer ${fake.token}` } });
    await client.frame(isBufferState);
    expect(fake.connections()[0]!.upgradeAuth).toBe('valid');
  });

  it.each([
    ['a wrong token', { id: 'a', type: 'authorization', data: { token: 'Bearer nope' } }, 4401, 'Unauthorized'],
    [
      'the token without "Bearer "',
      { id: 'a', type: 'authorization', data: { token: 'fake-bot-token' } },
      4401,
      'Unauthorized',
    ],
    [
      'a ping before authorizing',
      { id: 'p', type: 'ping' },
      1008,
      'authentication failed: the first frame must be the authorization frame',
    ],
    ['text that is not JSON', 'hello', 1008, 'authentication failed: the first frame must be the authorization frame'],
  ])('closes a socket whose first frame is %s', async (_name, frame, code, reason) => {
    const fake = await start();
    const device = await register(fake);
    const client = await open(device.webSocketUrl);
    client.send(frame);
    expect(await client.closed).toEqual({ code, reason });
    expect(client.frames).toEqual([]);
    expect(fake.connections()[0]!.closed).toEqual({ code, reason, by: 'server' });
  });

  it('closes with 1008 when no authorization frame comes in time', async () => {
    const fake = await start({ authTimeoutMs: 50 });
    const device = await register(fake);
    // The fake's timer for the socket is armed on a fake clock: its 50 ms pass when the test says, and not before.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = await open(device.webSocketUrl);
    await vi.advanceTimersByTimeAsync(49);
    expect(fake.connections().map((connection) => connection.state)).toEqual(['authorizing']);
    await vi.advanceTimersByTimeAsync(1);
    expect(await endsWithin(client.closed, 10_000, 'the close at the timeout')).toEqual({
      code: 1008,
      reason: 'authentication did not happen within the timeout window of 50 seconds.',
    });
  });

  it('refuses the upgrade with 404 for a deleted or unknown registration', async () => {
    const fake = await start();
    const device = await register(fake);
    await call(fake, 'DELETE', device.url);
    await expect(open(device.webSocketUrl)).rejects.toMatchObject({ status: 404 });
    await expect(open(`${fake.url.replace('http', 'ws')}/mercury/registrations/nobody/messages`)).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    expect(fake.requests.slice(-2).map((r) => [r.area, r.status])).toEqual([
      ['mercury', 404],
      ['mercury', 404],
    ]);
  });

  it('refuses the next upgrade with a scripted status', async () => {
    const fake = await start();
    const device = await register(fake);
    fake.failNext('connect', 429, { retryAfter: 5 });
    await expect(open(device.webSocketUrl)).rejects.toMatchObject({ status: 429 });
    await connect(fake, device);
  });

  it('closes the older socket of a registration with 4000 "replaced" when a second one authorizes', async () => {
    const fake = await start();
    const device = await register(fake);
    const first = await connect(fake, device);
    const second = await connect(fake, device);
    expect(await first.closed).toEqual({ code: 4000, reason: 'replaced' });
    expect(second.socket.readyState).toBe(WebSocket.OPEN);
    expect(fake.connections({ device, state: 'open' }).map((c) => c.id)).toEqual([2]);
  });

  it('keeps both sockets with multipleConnections=true, and with replaceSockets: false', async () => {
    const fake = await start();
    const device = await register(fake);
    await connect(fake, device);
    await connect(fake, device, fake.token, '&multipleConnections=true');
    expect(fake.connections({ state: 'open' })).toHaveLength(2);
    const keeping = await start({ replaceSockets: false });
    const other = await register(keeping);
    await connect(keeping, other);
    await connect(keeping, other);
    expect(keeping.connections({ state: 'open' })).toHaveLength(2);
  });
});

describe('Mercury websocket: keepalive', () => {
  it('answers a JSON ping with a pong echoing its id, and protocol pings', async () => {
    const fake = await start();
    const client = await connect(fake, await register(fake));
    client.send({ id: 'ping-1', type: 'ping' });
    expect(await client.frame((frame) => frame.type === 'pong')).toEqual({ id: 'ping-1', type: 'pong' });
    const pong = new Promise<string>((resolve) => client.socket.once('pong', (data) => resolve(String(data))));
    client.socket.ping('proto');
    expect(await pong).toBe('proto');
  });

  it('stops answering both kinds of ping on request, and starts again', async () => {
    const fake = await start();
    const device = await register(fake);
    const client = await connect(fake, device);
    const protocolPongs: string[] = [];
    client.socket.on('pong', (data) => protocolPongs.push(String(data)));
    fake.answerPings(false);
    client.socket.ping('silent');
    client.send({ id: 'ping-silent', type: 'ping' });
    const [connection] = fake.connections({ device });
    await fake.waitFor(() => connection!.received.some((f) => (f as MercuryFrame).id === 'ping-silent'));
    fake.answerPings(true);
    client.socket.ping('heard');
    client.send({ id: 'ping-heard', type: 'ping' });
    await client.frame((frame) => frame.id === 'ping-heard');
    // Frames on one socket arrive in order: the protocol pong to 'heard' came before this JSON pong, and had the
    // first pings been answered, their pongs would be here already.
    expect(client.frames.filter((frame) => frame.type === 'pong').map((frame) => frame.id)).toEqual(['ping-heard']);
    expect(protocolPongs).toEqual(['heard']);
  });
});

describe('Mercury websocket: events, acks and replay', () => {
  it('delivers an injected activity to every open socket of the account, numbered per socket', async () => {
    const fake = await start();
    const a = await connect(fake, await register(fake));
    const b = await connect(fake, await register(fake, { ...BOT_DEVICE, name: 'second' }));
    const event = fake.activities.post({ text: 'hi' });
    expect(fake.inject(event)).toBe(2);
    for (const client of [a, b]) {
      const frame = await client.frame(isActivity);
      expect(frame).toEqual({ ...event.frame, sequenceNumber: 2 });
      expect(frame).toMatchObject({
        id: expect.any(String),
        timestamp: expect.any(Number),
        trackingId: expect.any(String),
        data: { eventType: 'conversation.activity', activity: { verb: 'post', id: event.activity.id } },
      });
    }
  });

  it('leaves out a sequence number on request', async () => {
    const fake = await start();
    const client = await connect(fake, await register(fake));
    const one = fake.activities.post({ text: 'one' });
    const two = fake.activities.post({ text: 'two' });
    fake.inject(one);
    fake.inject(two, { skipSequence: true });
    const second = await client.frame((frame) => frame.id === two.frame.id);
    expect(client.frames.map((frame) => frame.sequenceNumber)).toEqual([1, 2, second.sequenceNumber]);
    expect(second.sequenceNumber).toBe(4);
  });

  it('keeps unacked frames and replays them to the next socket of the registration, until acked', async () => {
    const fake = await start();
    const device = await register(fake);
    const first = await connect(fake, device);
    const acked = fake.activities.post({ text: 'acked' });
    const unacked = fake.activities.post({ text: 'not acked' });
    fake.inject(acked);
    fake.inject(unacked);
    await first.frame((frame) => frame.id === unacked.frame.id);
    first.send({ messageId: acked.frame.id, type: 'ack' });
    await fake.waitFor(() => fake.pending(device).length === 1, { what: 'the ack' });
    expect(fake.pending(device).map((frame) => frame.id)).toEqual([unacked.frame.id]);
    expect(fake.connections({ device })[0]!.acks).toEqual([acked.frame.id]);
    first.socket.close(1000, 'Done');
    expect(await first.closed).toEqual({ code: 1000, reason: 'Done' });

    const second = await connect(fake, device);
    const replayed = await second.frame(isActivity, 'the replayed activity');
    expect(replayed).toEqual({ ...unacked.frame, sequenceNumber: 2 });
    expect(second.frames.filter(isActivity)).toHaveLength(1);
    second.send({ messageId: unacked.frame.id, type: 'ack' });
    await fake.waitFor(() => fake.pending(device).length === 0, { what: 'the second ack' });
    second.socket.close(1000, 'Done');
    await second.closed;

    const third = await connect(fake, device);
    expect(third.frames.filter(isActivity)).toEqual([]);
    expect(fake.connections({ device }).map((c) => c.closed?.by ?? c.state)).toEqual(['client', 'client', 'open']);
  });

  it('keeps frames injected while a registration has no socket, and sends them after the buffer state', async () => {
    const fake = await start();
    const device = await register(fake);
    const event = fake.activities.post({ text: 'while away' });
    expect(fake.inject(event)).toBe(0);
    const client = await connect(fake, device);
    await client.frame(isActivity);
    expect(client.frames.map((frame) => [frame.data?.eventType, frame.sequenceNumber])).toEqual([
      ['mercury.buffer_state', 1],
      ['conversation.activity', 2],
    ]);
  });

  it('injects to one registration only on request, and drops what a deleted registration kept', async () => {
    const fake = await start();
    const mine = await register(fake);
    const other = await register(fake, { ...BOT_DEVICE, name: 'other' });
    fake.inject(fake.activities.post(), { device: mine });
    expect(fake.pending(mine)).toHaveLength(1);
    expect(fake.pending(other)).toHaveLength(0);
    await call(fake, 'DELETE', mine.url);
    expect(() => fake.pending(mine)).toThrow(/no live device/);
  });

  it('records a client frame that is not JSON after authorizing, and closes with 1003', async () => {
    const fake = await start();
    const client = await connect(fake, await register(fake));
    client.send('not json');
    expect((await client.closed).code).toBe(1003);
    expect(fake.connections()[0]!.received.at(-1)).toBe('not json');
  });
});

describe('Mercury websocket: scripted closes', () => {
  it.each([
    [1000, 'idle'],
    [1000, 'Done'],
    [1011, ''],
    [4000, 'replaced'],
    [4400, ''],
    [4401, ''],
    [4403, ''],
  ])('closes with %i "%s"', async (code, reason) => {
    const fake = await start();
    const device = await register(fake);
    const client = await connect(fake, device);
    expect(fake.close(device, code, reason)).toBe(1);
    expect(await client.closed).toEqual({ code, reason });
    expect(fake.connections({ device })[0]!.closed).toEqual({ code, reason, by: 'server' });
  });

  it('drops the connection without a close frame: the client sees 1006', async () => {
    const fake = await start();
    const device = await register(fake);
    const client = await connect(fake, device);
    expect(fake.drop('all')).toBe(1);
    expect((await client.closed).code).toBe(1006);
  });

  it('sends a shutdown frame and keeps the socket open', async () => {
    const fake = await start();
    const device = await register(fake);
    const client = await connect(fake, device);
    expect(fake.shutdown(device)).toBe(1);
    expect(await client.frame((frame) => frame.type === 'shutdown')).toEqual({ type: 'shutdown' });
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses codes a close frame cannot carry, and devices it never had', async () => {
    const fake = await start();
    const device = await register(fake);
    await connect(fake, device);
    expect(() => fake.close(device, 1006)).toThrow(/use fake.drop\(\)/);
    expect(() => fake.close(device, 2000)).toThrow(/cannot be sent/);
    expect(() => fake.close(`${fake.wdmUrl}/devices/unknown`, 1000)).toThrow(/never had a device/);
  });

  it('rotates the token: the old one is refused from then on, the open socket stays', async () => {
    const fake = await start({ token: 'old' });
    const device = await register(fake);
    const open1 = await connect(fake, device);
    fake.setToken('new');
    expect(fake.token).toBe('new');
    expect((await call(fake, 'GET', `${fake.restUrl}/people/me`, undefined, 'old')).status).toBe(401);
    expect((await call(fake, 'GET', `${fake.wdmUrl}/devices`, undefined, 'old')).status).toBe(401);
    expect(open1.socket.readyState).toBe(WebSocket.OPEN);
    fake.close(device, 4401, 'token expired');
    await open1.closed;
    const refused = await open(device.webSocketUrl);
    refused.send({ id: 'a', type: 'authorization', data: { token: 'Bearer old' } });
    expect((await refused.closed).code).toBe(4401);
    await connect(fake, device, 'new');
  });
});

describe('REST reads behind the activities', () => {
  const client = (fake: RealtimeFake) => new Webex({ accessToken: fake.token, baseUrl: fake.restUrl, maxRetries: 0 });
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (error: unknown) => (error instanceof WebexApiError ? error.status : Promise.reject(error)),
    );

  it('serves people/me as the account whose UUID is the device userId', async () => {
    const fake = await start();
    const device = await register(fake);
    const me = await client(fake).people.me();
    expect(me).toMatchObject({ id: fake.me.id, displayName: 'Fake Bot', emails: ['fake-bot@webex.bot'], type: 'bot' });
    expect(decodeId(me.id).uuid).toBe(device.userId);
  });

  it('a 1:1 post: activity UUIDs match the REST ids of message, room and sender', async () => {
    const fake = await start();
    const { activity, message } = fake.activities.post({ text: 'hello bot' });
    expect(activity).toMatchObject({
      verb: 'post',
      object: { objectType: 'comment' },
      target: { tags: ['ONE_ON_ONE'] },
    });
    expect(activity.object.id).toBeUndefined(); // as on encrypted posts: the message UUID is activity.id
    expect(activity.object.displayName).not.toContain('hello'); // encrypted, readable only through REST
    const got = await client(fake).messages.get(encodeMessageId(activity.id, 'us'));
    expect(got).toEqual(message);
    expect(got).toMatchObject({
      text: 'hello bot',
      roomType: 'direct',
      personId: fake.user.id,
      roomId: fake.direct.id,
    });
    expect(decodeId(got.roomId).uuid).toBe(activity.target!.id);
    expect(decodeId(got.personId!).uuid).toBe(activity.actor.id);
    expect(activity.actor.entryUUID).toBe(activity.actor.id);
    expect(new URL(activity.target!.url).host).toBe(new URL(fake.url).host);
  });

  it('answers 404 for a raw UUID and for an id of the wrong cluster; accepts the padded form', async () => {
    const fake = await start({ cluster: 'eu' });
    const { activity, message } = fake.activities.post();
    const webex = client(fake);
    expect(await status(webex.messages.get(activity.id))).toBe(404);
    expect(await status(webex.messages.get(encodeMessageId(activity.id, 'us')))).toBe(404);
    expect(await status(webex.messages.get(message.id))).toBe(200);
    // A person id's URI has a length that base64 pads.
    const padded = Buffer.from(`ciscospark://us/PEOPLE/${fake.user.uuid}`).toString('base64');
    expect(padded).toMatch(/=$/);
    const person = await call(fake, 'GET', `${fake.restUrl}/people/${encodeURIComponent(padded)}`);
    expect([person.status, person.json.id]).toEqual([200, fake.user.id]);
  });

  it('group rooms: a bot reads only messages that mention it, and lists them with mentionedPeople=me', async () => {
    let clock = Date.parse('2026-05-01T08:00:00Z');
    const fake = await start({ now: () => clock++ });
    const webex = client(fake);
    const quiet = fake.activities.post({ room: fake.group, text: 'not for the bot' });
    const first = fake.activities.post({ room: fake.group, text: 'first', mentionBot: true });
    const second = fake.activities.post({ room: fake.group, text: 'second', mentionBot: true });
    expect(first.message).toMatchObject({ text: 'Fake Bot first', mentionedPeople: [fake.me.id], roomType: 'group' });
    expect(first.activity.object.mentions).toEqual({ items: [{ id: fake.me.uuid, objectType: 'person' }] });
    expect(first.activity.target!.tags).toEqual([]);
    expect(await status(webex.messages.get(quiet.message.id))).toBe(404);
    expect(await status(webex.messages.get(first.message.id))).toBe(200);
    const listed = [];
    for await (const message of webex.messages.list({ roomId: fake.group.id, mentionedPeople: ['me'] }))
      listed.push(message.id);
    expect(listed).toEqual([second.message.id, first.message.id]);
    expect(await status(firstPage(webex, fake.group.id))).toBe(403);
    const direct = [];
    for await (const message of webex.messages.list({ roomId: fake.direct.id })) direct.push(message);
    expect(direct).toEqual([]);
  });

  it("the bot's own post carries the bot as actor and personId", async () => {
    const fake = await start();
    const { activity, message } = fake.activities.post({ from: fake.me, room: fake.group, text: 'I said this' });
    expect(activity.actor).toMatchObject({ id: fake.me.uuid, emailAddress: 'fake-bot@webex.bot', type: 'BOT' });
    expect(message.personId).toBe(fake.me.id);
    expect(await status(client(fake).messages.get(message.id))).toBe(200);
  });

  it('share, edit and delete change what REST answers', async () => {
    const fake = await start();
    const webex = client(fake);
    const shared = fake.activities.share({
      text: 'the report',
      files: [{ name: 'report.pdf', contentType: 'application/pdf' }],
    });
    expect(shared.activity).toMatchObject({ verb: 'share', object: { objectType: 'content' } });
    expect(shared.message.files).toEqual([expect.stringMatching(new RegExp(`^${fake.restUrl}/contents/`))]);
    const posted = fake.activities.post({ text: 'typo' });
    const edited = fake.activities.edit({ message: posted.message, text: 'fixed' });
    expect(edited.activity).toMatchObject({
      verb: 'update',
      object: { objectType: 'comment', id: posted.activity.id },
    });
    expect(await webex.messages.get(posted.message.id)).toMatchObject({ text: 'fixed', updated: expect.any(String) });
    const deleted = fake.activities.delete({ message: posted.message });
    expect(deleted.activity).toMatchObject({
      verb: 'delete',
      object: { objectType: 'activity', id: posted.activity.id },
    });
    expect(deleted.deleted).toEqual({ messageId: posted.message.id, roomId: fake.direct.id });
    expect(await status(webex.messages.get(posted.message.id))).toBe(404);
  });

  it('a cardAction points at the card message and serves the attachment action', async () => {
    const fake = await start();
    const webex = client(fake);
    const { activity, attachmentAction, message } = fake.activities.cardAction({ inputs: { choice: 'yes' } });
    expect(activity).toMatchObject({ verb: 'cardAction', object: { objectType: 'submit', inputs: { choice: 'yes' } } });
    expect(activity.parent!.id).toBe(decodeId(message.id).uuid);
    expect(decodeId(attachmentAction.id)).toEqual({ type: 'ATTACHMENT_ACTION', uuid: activity.id, region: 'us' });
    const got = await webex.attachmentActions.get(attachmentAction.id);
    expect(got).toMatchObject({
      messageId: message.id,
      inputs: { choice: 'yes' },
      personId: fake.user.id,
      roomId: fake.direct.id,
    });
    expect((await webex.messages.get(got.messageId)).attachments?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
  });

  it('add and leave serve and then remove the membership; room create and update serve the room', async () => {
    const fake = await start();
    const webex = client(fake);
    const bea = fake.addPerson({ displayName: 'Bea', email: 'bea@example.com' });
    const added = fake.activities.add({ room: fake.group, person: bea });
    expect(added.activity).toMatchObject({ verb: 'add', object: { objectType: 'person', id: bea.uuid } });
    expect(decodeId(added.membership.id).uuid).toBe(`${bea.uuid}:${fake.group.uuid}`);
    expect(await webex.memberships.get(added.membership.id)).toMatchObject({ personId: bea.id, roomId: fake.group.id });
    fake.activities.leave({ room: fake.group, person: bea });
    expect(await status(webex.memberships.get(added.membership.id))).toBe(404);

    const created = fake.activities.createRoom({ title: 'Project', members: [bea] });
    expect(created.activity).toMatchObject({
      verb: 'create',
      object: { objectType: 'conversation', id: created.fakeRoom.uuid },
    });
    expect(created.activity.target).toBeUndefined();
    expect(created.memberships.map((m) => m.personId).sort()).toEqual([fake.user.id, fake.me.id, bea.id].sort());
    expect(await webex.rooms.get(created.room.id)).toMatchObject({ title: 'Project', type: 'group' });
    fake.activities.updateRoom({ room: created.fakeRoom, title: 'Renamed' });
    expect((await webex.rooms.get(created.room.id)).title).toBe('Renamed');
  });

  it('answers 401 without the current token and a scripted failure once', async () => {
    const fake = await start();
    expect((await call(fake, 'GET', `${fake.restUrl}/people/me`, undefined, null)).status).toBe(401);
    fake.failNext('rest', 503);
    expect((await call(fake, 'GET', `${fake.restUrl}/people/me`)).status).toBe(503);
    expect((await call(fake, 'GET', `${fake.restUrl}/people/me`)).status).toBe(200);
  });
});

describe('waitFor', () => {
  it('rejects with what it waited for when the time is up', async () => {
    const fake = await start();
    // On a fake clock: the 20 ms are asserted, not waited for.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const waited = fake.waitFor(() => false, { timeoutMs: 20, what: 'a miracle' });
    const outcome = waited.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(19);
    expect(await Promise.race([outcome, 'still waiting'])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual(new Error('fake.waitFor: a miracle did not happen within 20 ms'));
  });
});

function encodeMessageId(uuid: string, region: string): string {
  return Buffer.from(`ciscospark://${region}/MESSAGE/${uuid}`).toString('base64url');
}

async function firstPage(webex: Webex, roomId: string): Promise<unknown> {
  for await (const message of webex.messages.list({ roomId })) return message;
  return undefined;
}
