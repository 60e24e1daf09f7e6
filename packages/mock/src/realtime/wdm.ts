// The U2C catalog and the WDM device service: registrations, their limit, and what each request answers.
import type { Answer, FailureQueue } from './http.js';
import { EXCESSIVE_DEVICES, errorAnswer } from './http.js';
import type { ActivityFrame, DeviceRef, DeviceSeed, FakeCluster, FakeDevice, FakePerson } from './types.js';

/** One device of the account and what Mercury keeps for it. */
export interface Registration {
  /** The UUID in the device `url`. */
  id: string;
  /** The id in the `webSocketUrl` (a different UUID, as with Webex). */
  registrationId: string;
  device: FakeDevice;
  /** Activity frames not acked yet, by frame id, in delivery order. */
  pending: Map<string, ActivityFrame>;
}

/** What the registry needs from the fake. */
export interface RegistryContext {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  wdmUrl: string;
  me: FakePerson;
  limit: number;
  now: () => number;
  uuid: () => string;
}

// Fields the server owns: a registration or refresh body cannot set them.
const SERVER_FIELDS = new Set(['url', 'webSocketUrl', 'userId', 'services', 'creationTime', 'modificationTime']);

/** The account's devices, live and deleted. */
export class DeviceRegistry {
  private readonly live = new Map<string, Registration>();
  private readonly removed: FakeDevice[] = [];

  constructor(private readonly context: RegistryContext) {}

  /** Live registrations, oldest first. */
  all(): Registration[] {
    return [...this.live.values()];
  }

  deleted(): FakeDevice[] {
    return this.removed.map((device) => structuredClone(device));
  }

  get(id: string): Registration | undefined {
    return this.live.get(id);
  }

  byRegistrationId(registrationId: string): Registration | undefined {
    return this.all().find((registration) => registration.registrationId === registrationId);
  }

  /** A device by its `url` (or `webSocketUrl`, with or without a query). */
  find(ref: DeviceRef): Registration | undefined {
    const wanted = typeof ref === 'string' ? ref : ref.url;
    const bare = wanted.split('?')[0];
    return this.all().find(
      (registration) => registration.device.url === wanted || registration.device.webSocketUrl === bare,
    );
  }

  /** Like `find`, but throws a message naming the live devices. */
  resolve(ref: DeviceRef, caller: string): Registration {
    const found = this.find(ref);
    if (found) return found;
    const urls = this.all().map((registration) => registration.device.url);
    throw new Error(
      `${caller}: no live device ${typeof ref === 'string' ? ref : ref.url}; live devices: ${urls.join(', ') || 'none'}`,
    );
  }

  /** Registers a device, refusing beyond the limit as WDM does. */
  create(fields: DeviceSeed): Registration | Answer {
    if (this.live.size >= this.context.limit) return errorAnswer(403, EXCESSIVE_DEVICES);
    const id = this.context.uuid();
    const registrationId = this.context.uuid();
    const time = new Date(this.context.now()).toISOString();
    const { url } = this.context;
    const device: FakeDevice = {
      ...clientFields(fields),
      name: fields.name,
      deviceType: fields.deviceType,
      url: `${this.context.wdmUrl}/devices/${id}`,
      webSocketUrl: `${url.replace(/^http/, 'ws')}/mercury/registrations/${registrationId}/messages`,
      userId: this.context.me.uuid,
      creationTime: time,
      modificationTime: typeof fields.modificationTime === 'string' ? fields.modificationTime : time,
      services: {
        conversationServiceUrl: `${url}/conversation/api/v1`,
        wdmServiceUrl: this.context.wdmUrl,
        encryptionServiceUrl: `${url}/encryption/api/v1`,
      },
    };
    const registration: Registration = { id, registrationId, device, pending: new Map() };
    this.live.set(id, registration);
    return registration;
  }

  /** `PUT`: the body's fields replace the client-owned ones; `modificationTime` moves to now. */
  refresh(registration: Registration, body: Record<string, unknown>): FakeDevice {
    Object.assign(registration.device, clientFields(body));
    registration.device.modificationTime = new Date(this.context.now()).toISOString();
    return registration.device;
  }

  remove(registration: Registration): void {
    this.live.delete(registration.id);
    registration.pending.clear();
    this.removed.push(structuredClone(registration.device));
  }
}

function clientFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.has(key)));
}

/** `GET /u2c/api/v1/catalog?format=hostmap`: `serviceLinks` and a `hostCatalog` mapping the fake's host to its cluster. */
export function catalogAnswer(
  query: URLSearchParams,
  url: string,
  wdmUrl: string,
  restUrl: string,
  cluster: FakeCluster,
): Answer {
  if (query.get('format') !== 'hostmap')
    return errorAnswer(
      400,
      `The fake catalog answers only format=hostmap (got ${query.has('format') ? `format=${query.get('format')}` : 'no format'}): GET /u2c/api/v1/catalog?format=hostmap`,
    );
  const host = new URL(url).host;
  // One host serves every service here, so every entry names the fake's cluster.
  const entry = (service: string, priority: number) => ({
    host,
    ttl: -1,
    priority,
    id: `${cluster.catalogPrefix}:${service}`,
  });
  return {
    status: 200,
    body: {
      serviceLinks: {
        wdm: wdmUrl,
        conversation: `${url}/conversation/api/v1`,
        hydra: restUrl,
      },
      hostCatalog: { [host]: [entry('conversation', 5), entry('wdm', 5), entry('mercury', 5)] },
      format: 'hostmap',
    },
  };
}

/** `/wdm/api/v1/devices[/<id>]`: create, list, get, refresh, delete, delete all. */
export function wdmAnswer(
  method: string,
  rest: string,
  body: unknown,
  registry: DeviceRegistry,
  failures: FailureQueue,
): Answer {
  if (rest === '') {
    switch (method) {
      case 'POST': {
        const failure = failures.take('register');
        if (failure) return failure;
        if (!isRecord(body) || typeof body.name !== 'string' || typeof body.deviceType !== 'string')
          return errorAnswer(
            400,
            'The fake WDM expects a JSON body with string fields name and deviceType, e.g. {"name":"my-bot","deviceType":"DESKTOP","model":"…","localizedModel":"…","systemName":"…","systemVersion":"…"}',
          );
        // The server sets modificationTime; only seeds (other clients' devices) bring their own.
        const created = registry.create({ ...(body as DeviceSeed), modificationTime: undefined });
        return 'status' in created ? created : { status: 200, body: created.device };
      }
      case 'GET':
        return failures.take('list') ?? { status: 200, body: { devices: registry.all().map((r) => r.device) } };
      case 'DELETE': {
        const failure = failures.take('deleteAll');
        if (failure) return failure;
        for (const registration of registry.all()) registry.remove(registration);
        return { status: 204 };
      }
      default:
        return errorAnswer(405, `${method} is not served on /wdm/api/v1/devices (GET, POST, DELETE are)`);
    }
  }
  const id = rest.slice(1);
  const operation = DEVICE_OPERATIONS[method];
  if (!operation) return errorAnswer(405, `${method} is not served on a device URL (GET, PUT, DELETE are)`);
  const failure = failures.take(operation);
  if (failure) return failure;
  const registration = registry.get(id);
  if (!registration) return errorAnswer(404, `No device ${id}: it was deleted or never registered.`);
  if (operation === 'get') return { status: 200, body: registration.device };
  if (operation === 'refresh') {
    if (!isRecord(body)) return errorAnswer(400, 'The fake WDM expects the registration body (JSON) on PUT.');
    return { status: 200, body: registry.refresh(registration, body) };
  }
  registry.remove(registration);
  return { status: 204 };
}

const DEVICE_OPERATIONS: Record<string, 'get' | 'refresh' | 'delete' | undefined> = {
  GET: 'get',
  PUT: 'refresh',
  DELETE: 'delete',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
