// `startRealtimeFake`: one loopback HTTP server for U2C, WDM, the REST reads and the Mercury websocket.
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createActivityBuilders } from './activities.js';
import { type Answer, checkAuth, errorAnswer, FailureQueue, readJson, unauthorized, writeAnswer } from './http.js';
import { clusterOf } from './ids.js';
import { Mercury } from './mercury.js';
import { restAnswer } from './rest.js';
import type {
  ActivityFrame,
  DeviceRef,
  FakeConnection,
  FakeEvent,
  RealtimeFake,
  RealtimeFakeOptions,
  RecordedRequest,
  RequestArea,
} from './types.js';
import { catalogAnswer, DeviceRegistry, wdmAnswer } from './wdm.js';
import { World } from './world.js';
import { Waiters } from '../wait-for.js';

const HOST = '127.0.0.1';
const WDM_DEVICES = '/wdm/api/v1/devices';
const MERCURY_PATH = /^\/mercury\/registrations\/([^/]+)\/messages$/;

/**
 * Starts a fake of Webex's undocumented realtime path on a free port of 127.0.0.1: the U2C catalog, WDM devices, the
 * Mercury websocket of each device, and the REST reads (`/v1`) a bot makes for each event.
 */
export async function startRealtimeFake(options: RealtimeFakeOptions = {}): Promise<RealtimeFake> {
  const now = options.now ?? Date.now;
  const uuid = options.uuid ?? randomUUID;
  const cluster = clusterOf(options.cluster ?? 'us');
  let token = options.token ?? 'fake-bot-token';

  const server = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve((server.address() as AddressInfo).port));
  });
  const url = `http://${HOST}:${port}`;
  const u2cUrl = `${url}/u2c/api/v1`;
  const wdmUrl = `${url}/wdm/api/v1`;
  const restUrl = `${url}/v1`;

  const world = new World({ cluster, conversationBase: `${url}/conversation/api/v1`, now, uuid }, options.me);
  const user = world.addPerson({ displayName: 'Ana Example', email: 'ana@example.com' });
  const direct = world.addRoom('direct', user.displayName, [user], user);
  const group = world.addRoom('group', 'Fake group', [user], user);
  const registry = new DeviceRegistry({ url, wdmUrl, me: world.me, limit: options.deviceLimit ?? 100, now, uuid });
  for (const seed of options.devices ?? []) {
    const made = registry.create(seed);
    if ('status' in made)
      throw new Error(`startRealtimeFake: ${options.devices?.length} devices given, more than deviceLimit allows`);
  }
  const failures = new FailureQueue();
  const requests: RecordedRequest[] = [];
  const waiters = new Waiters('fake');
  const changed = () => waiters.notify();
  const mercury = new Mercury({
    token: () => token,
    now,
    uuid,
    authTimeoutMs: options.authTimeoutMs ?? 30_000,
    replaceSockets: options.replaceSockets ?? true,
    changed,
  });

  const record = (request: IncomingMessage, area: RequestArea, status: number, body?: unknown) => {
    const parsed = new URL(request.url ?? '/', url);
    const entry: RecordedRequest = {
      method: request.method ?? 'GET',
      path: parsed.pathname,
      query: parsed.search,
      area,
      auth: checkAuth(request.headers.authorization, token),
      status,
      at: now(),
    };
    if (body !== undefined) entry.body = body;
    requests.push(entry);
    changed();
  };

  const answer = (request: IncomingMessage, body: unknown): { area: RequestArea; answer: Answer } => {
    const method = request.method ?? 'GET';
    const parsed = new URL(request.url ?? '/', url);
    const path = parsed.pathname;
    const auth = checkAuth(request.headers.authorization, token);
    if (path === '/u2c/api/v1/catalog') {
      if (auth !== 'valid') return { area: 'u2c', answer: unauthorized(auth) };
      return {
        area: 'u2c',
        answer: failures.take('catalog') ?? catalogAnswer(parsed.searchParams, url, wdmUrl, restUrl, cluster),
      };
    }
    if (path === WDM_DEVICES || path.startsWith(`${WDM_DEVICES}/`)) {
      if (auth !== 'valid') return { area: 'wdm', answer: unauthorized(auth) };
      return { area: 'wdm', answer: wdmAnswer(method, path.slice(WDM_DEVICES.length), body, registry, failures) };
    }
    if (path === '/v1' || path.startsWith('/v1/')) {
      if (auth !== 'valid') return { area: 'rest', answer: unauthorized(auth) };
      return {
        area: 'rest',
        answer: failures.take('rest') ?? restAnswer(method, path.slice(3), parsed.searchParams, world),
      };
    }
    return {
      area: 'unknown',
      answer: errorAnswer(
        404,
        `The realtime fake does not serve ${method} ${path}: it serves ${u2cUrl}/catalog, ${wdmUrl}/devices, ${restUrl}/… and the devices' webSocketUrl.`,
      ),
    };
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    readJson(request)
      .then(({ json }) => {
        const { area, answer: result } = answer(request, json);
        writeAnswer(response, result);
        record(request, area, result.status, json);
      })
      .catch((error: unknown) => {
        writeAnswer(response, errorAnswer(500, `realtime fake failed: ${String(error)}`));
        record(request, 'unknown', 500);
      });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {
      // The client went away mid-handshake; the request is recorded either way.
    });
    const parsed = new URL(request.url ?? '/', url);
    const match = MERCURY_PATH.exec(parsed.pathname);
    const registration = match ? registry.byRegistrationId(match[1]!) : undefined;
    const refusal =
      (match ? failures.take('connect') : undefined) ??
      (registration
        ? undefined
        : errorAnswer(
            404,
            'No such registration: deleted or never registered. Register a device again (POST /devices).',
          ));
    if (refusal || !registration) {
      refuseUpgrade(socket, refusal ?? errorAnswer(404, 'No such registration.'));
      record(request, match ? 'mercury' : 'unknown', refusal?.status ?? 404);
      return;
    }
    record(request, 'mercury', 101);
    const auth = checkAuth(request.headers.authorization, token);
    mercury.upgrade(request, socket, head, registration, Object.fromEntries(parsed.searchParams), auth);
  });

  // Sockets of a device (live or deleted) or of all; throws for a device this fake never had.
  const socketsOf = (target: DeviceRef | 'all', caller: string, openOnly: boolean) => {
    if (target === 'all') return mercury.live(undefined, openOnly);
    const wanted = typeof target === 'string' ? target : target.url;
    const deviceUrl =
      registry.find(target)?.device.url ??
      registry.deleted().find((device) => device.url === wanted || device.webSocketUrl === wanted.split('?')[0])?.url;
    if (!deviceUrl) {
      const live = registry.all().map((registration) => registration.device.url);
      throw new Error(`${caller}: this fake never had a device ${wanted}; live devices: ${live.join(', ') || 'none'}`);
    }
    return mercury.live(deviceUrl, openOnly);
  };

  const fake: RealtimeFake = {
    url,
    u2cUrl,
    catalogUrl: `${u2cUrl}/catalog?format=hostmap`,
    wdmUrl,
    restUrl,
    get token() {
      return token;
    },
    cluster,
    me: world.me,
    user,
    direct,
    group,
    rest: world.store,
    activities: createActivityBuilders(world, { user, direct, restUrl }),
    requests,

    addPerson: (person = {}) => world.addPerson(person),
    addRoom(room) {
      if (room.type === 'direct') return world.addRoom('direct', room.with.displayName, [room.with], room.with);
      return world.addRoom('group', room.title ?? 'Group room', room.members ?? [], world.me);
    },
    addDevice(seed) {
      const made = registry.create(seed);
      if ('status' in made) throw new Error(`addDevice: the account already has deviceLimit devices`);
      changed();
      return structuredClone(made.device);
    },
    devices: () => registry.all().map((registration) => structuredClone(registration.device)),
    deletedDevices: () => registry.deleted(),
    connections(filter = {}) {
      const deviceUrl =
        filter.device === undefined ? undefined : typeof filter.device === 'string' ? filter.device : filter.device.url;
      return mercury
        .records()
        .filter(
          (connection: FakeConnection) =>
            (deviceUrl === undefined || connection.deviceUrl === deviceUrl) &&
            (filter.state === undefined || connection.state === filter.state),
        );
    },
    pending: (device) => [...registry.resolve(device, 'pending').pending.values()],
    inject(event, injectOptions = {}) {
      const frame: ActivityFrame = 'frame' in event ? (event as FakeEvent).frame : event;
      if (typeof frame.id !== 'string') throw new Error('inject: a frame needs a string id (acks name it)');
      const targets = injectOptions.device ? [registry.resolve(injectOptions.device, 'inject')] : registry.all();
      let sent = 0;
      for (const registration of targets)
        sent += mercury.inject(registration, frame, injectOptions.skipSequence ?? false);
      changed();
      return sent;
    },
    send(device, frame) {
      const sockets = socketsOf(device, 'send', true);
      for (const connection of sockets) mercury.send(connection, frame);
      changed();
      return sockets.length;
    },
    shutdown(device) {
      return fake.send(device, { type: 'shutdown' });
    },
    close(device, code, reason = '') {
      const sockets = socketsOf(device, 'close', false);
      for (const connection of sockets) mercury.close(connection, code, reason);
      changed();
      return sockets.length;
    },
    drop(device) {
      const sockets = socketsOf(device, 'drop', false);
      for (const connection of sockets) mercury.drop(connection);
      changed();
      return sockets.length;
    },
    answerPings(on) {
      mercury.answering = on;
    },
    setToken(next) {
      if (!next) throw new Error('setToken: give a non-empty token');
      token = next;
    },
    failNext(operation, status, failureOptions) {
      failures.add(operation, status, failureOptions);
    },
    waitFor: (check, waitOptions) => waiters.waitFor(check, waitOptions),
    async stop() {
      await mercury.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function refuseUpgrade(socket: Duplex, answer: Answer): void {
  const text = JSON.stringify(answer.body ?? {});
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    Connection: 'close',
    ...answer.headers,
  };
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}`]
    .concat(Object.entries(headers).map(([name, value]) => `${name}: ${value}`))
    .join('\r\n');
  socket.end(`${head}\r\n\r\n${text}`);
}
