// The device registration (WDM): reused by name and type across restarts, refreshed, re-created when gone, deleted on
// close. When the account has too many registrations, only this library's own (same name and type) are deleted,
// oldest first; never `DELETE <wdm>/devices`, which would sign out every other client of the account.
import { DeviceServiceError } from './errors.js';
import { type HttpSettings, type JsonAnswer, answerError, isRecord, requestJson } from './http.js';
import { type TrustPolicy, trustedUrl } from './trust.js';

/** How this library's devices are named: the name (and type) it looks for to reuse one. */
export interface DeviceIdentity {
  name: string;
  deviceType: string;
}

/** A registered device, its URLs checked. */
export interface Device {
  /** The device's own URL: refreshed with PUT, deleted with DELETE. */
  url: URL;
  /** The Mercury socket of this registration. */
  webSocketUrl: URL;
  /** WDM's `modificationTime`, when it gave one. */
  modificationTime: string | undefined;
}

/** What happened to the device at start: reused (and refreshed), or registered anew. */
export type Acquired = { device: Device; reused: boolean };

/** Registers, refreshes and deletes this library's device on one WDM. */
export class DeviceService {
  readonly #devices: URL;

  constructor(
    private readonly http: HttpSettings,
    wdm: URL,
    private readonly identity: DeviceIdentity,
    private readonly policy: TrustPolicy,
  ) {
    this.#devices = new URL(`${wdm.href.replace(/\/+$/, '')}/devices`);
  }

  /** The device to use: this library's newest one, refreshed, or a new one when there is none (or it is gone). */
  async acquire(token: string): Promise<Acquired> {
    const own = await this.#own(token);
    const newest = own.at(-1);
    if (newest) {
      const refreshed = await this.refresh(newest.url, token);
      if (refreshed) return { device: refreshed, reused: true };
    }
    return { device: await this.register(token), reused: false };
  }

  /**
   * Registers a new device. A 403 (`User has excessive device registrations`) deletes this library's own devices,
   * oldest first, and registers once more.
   */
  async register(token: string): Promise<Device> {
    const first = await requestJson(this.http, 'POST', this.#devices, token, this.#body());
    if (first.status === 200 || first.status === 201) return this.#device(first, 'POST');
    if (first.status !== 403) throw answerError('POST', this.#devices, first, '200 and the new device');
    const own = await this.#own(token);
    if (own.length === 0)
      throw answerError(
        'POST',
        this.#devices,
        first,
        `200; none of the account's registrations is this library's (name ${JSON.stringify(this.identity.name)}, type ${this.identity.deviceType}), so none was deleted: remove unused devices of other clients`,
      );
    for (const device of own) await this.remove(device.url, token);
    const second = await requestJson(this.http, 'POST', this.#devices, token, this.#body());
    if (second.status === 200 || second.status === 201) return this.#device(second, 'POST');
    throw answerError(
      'POST',
      this.#devices,
      second,
      `200 after deleting this library's ${own.length} older registration(s)`,
    );
  }

  /** Refreshes a device (`PUT`); undefined when WDM no longer knows it (404), so that the caller registers anew. */
  async refresh(url: URL, token: string): Promise<Device | undefined> {
    const answer = await requestJson(this.http, 'PUT', url, token, this.#body());
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw answerError('PUT', url, answer, '200 and the refreshed device');
    return this.#device(answer, 'PUT');
  }

  /** Deletes a device; one already gone (404) counts as deleted. */
  async remove(url: URL, token: string): Promise<void> {
    const answer = await requestJson(this.http, 'DELETE', url, token);
    if (answer.status >= 200 && answer.status < 300) return;
    if (answer.status === 404) return;
    throw answerError('DELETE', url, answer, '204');
  }

  /** This library's devices (same name and type), oldest first. */
  async #own(token: string): Promise<Device[]> {
    const answer = await requestJson(this.http, 'GET', this.#devices, token);
    const list = isRecord(answer.body) ? answer.body.devices : undefined;
    if (answer.status !== 200 || !Array.isArray(list))
      throw answerError('GET', this.#devices, answer, '200 and { devices: [...] }');
    const own = list.filter(
      (device): device is Record<string, unknown> =>
        isRecord(device) && device.name === this.identity.name && device.deviceType === this.identity.deviceType,
    );
    const time = (device: Record<string, unknown>) =>
      typeof device.modificationTime === 'string' ? Date.parse(device.modificationTime) || 0 : 0;
    return own.sort((a, b) => time(a) - time(b)).map((device) => this.#checked(device));
  }

  #device(answer: JsonAnswer, method: string): Device {
    if (!isRecord(answer.body) || typeof answer.body.url !== 'string' || typeof answer.body.webSocketUrl !== 'string')
      throw new DeviceServiceError(
        `${method} ${this.#devices.href} answered ${answer.status} without a device (url and webSocketUrl)`,
        answer.status,
        answer.trackingId,
      );
    return this.#checked(answer.body);
  }

  #checked(device: Record<string, unknown>): Device {
    return {
      url: trustedUrl(device.url, 'device url', 'http', this.policy),
      webSocketUrl: trustedUrl(device.webSocketUrl, 'webSocketUrl', 'ws', this.policy),
      modificationTime: typeof device.modificationTime === 'string' ? device.modificationTime : undefined,
    };
  }

  /** The registration body every client sends (realtime-events.md §2); `deviceType` on refresh too. */
  #body(): Record<string, string> {
    const { name, version } = runtime();
    return {
      name: this.identity.name,
      deviceName: this.identity.name,
      deviceType: this.identity.deviceType,
      model: 'webex-ts',
      localizedModel: 'webex-ts',
      systemName: name,
      systemVersion: version,
    };
  }
}

/** The runtime's name and version, for the registration body. */
function runtime(): { name: string; version: string } {
  const global = globalThis as {
    Deno?: { version?: { deno?: string } };
    Bun?: { version?: string };
    process?: { versions?: { node?: string } };
  };
  if (global.Deno?.version?.deno) return { name: 'deno', version: global.Deno.version.deno };
  if (global.Bun?.version) return { name: 'bun', version: global.Bun.version };
  if (global.process?.versions?.node) return { name: 'node', version: global.process.versions.node };
  return { name: 'javascript', version: 'unknown' };
}
