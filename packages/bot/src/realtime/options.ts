// The options of `listenForEvents` and `socketTransport`, their defaults, and the checks that name the fix.
import type { BackfillOptions } from './backfill.js';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.js';
import { DEFAULT_CATALOG_URL } from './catalog.js';
import type { ConnectionTiming } from './connection.js';
import type { FetchLike } from './http.js';
import type { RealtimeStatus, SourceSettings } from './source.js';
import type { WebSocketConstructor } from './socket.js';
import { type AccessTokenSource, Tokens } from './tokens.js';
import { isLoopback, trustedUrl, WEBEX_DOMAINS } from './trust.js';

/** Timing of the socket and its requests, in ms; the defaults suit Webex, small values suit tests. */
export interface RealtimeTiming extends ConnectionTiming {
  /** Time limit of each catalog and device request. Default 30 000. */
  requestTimeoutMs: number;
  /** After the consumer could not take an event (busy), how long before reconnecting to have it sent again. Default 5 000. */
  redeliverAfterMs: number;
}

/** Options of `listenForEvents` and `socketTransport`. */
export interface RealtimeOptions {
  /**
   * The token for the catalog, the device service and the socket: a string, or a function returning the current one
   * (read before every connection, and again when Webex refuses a token). The client keeps its own token private,
   * so the source needs it given. Default: the `WEBEX_ACCESS_TOKEN` environment variable, as `new Webex()`.
   */
  accessToken?: AccessTokenSource;
  /** The U2C catalog base. Default `https://u2c.wbx2.com/u2c/api/v1`; FedRAMP: `https://u2c.gov.ciscospark.com/u2c/api/v1`. */
  catalogUrl?: string;
  /**
   * The device's name: a restart reuses the device of this name (and type) and Mercury replays what it holds for
   * it. Give every process of one bot its own (`my-bot-1`, `my-bot-2`): two sockets on one registration replace
   * each other. Default `webex-ts`.
   */
  deviceName?: string;
  /** The device type registered. Default `DESKTOP` (what the bot libraries send). */
  deviceType?: string;
  /** Leave the device registered on close (the next start reuses it and gets what Mercury kept meanwhile). Default false. */
  keepDevice?: boolean;
  /** What to read again by REST after a reconnect; `false` for nothing. Default `{ rooms: 20, perRoom: 50, overlapMs: 30_000 }`. */
  backfill?: BackfillOptions | false;
  /** How many recent activity ids to remember for dropping repeats. Default 2 000. */
  remember?: number;
  /** Keepalive and time limits, in ms (each optional). */
  timing?: Partial<RealtimeTiming>;
  /** Reconnect backoff: `initialMs` (default 1 000) doubling up to `maxMs` (default 32 000), jittered. */
  backoff?: Partial<BackoffPolicy>;
  /** The WebSocket class. Default `globalThis.WebSocket` (Node 22+, Bun, Deno), else the `ws` package. */
  webSocket?: WebSocketConstructor;
  /** The `fetch` for the catalog and the device service. Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /**
   * More domains whose hosts may receive the token, besides wbx2.com, ciscospark.com, webex.com and webexapis.com.
   * Only for a Webex domain this library does not know yet.
   */
  webexDomains?: readonly string[];
  /**
   * Tests only: trust plain `http:`/`ws:` URLs on the loopback origin of `catalogUrl` (a fake such as
   * `startRealtimeFake`). Other hosts and other loopback ports stay refused.
   */
  allowLoopbackForTests?: boolean;
  /** Hears what the source is doing: connecting, ready, reconnecting (with the cause and the delay), stopped. */
  onStatus?: (status: RealtimeStatus) => void;
}

const DEFAULT_TIMING: RealtimeTiming = {
  pingIntervalMs: 15_000,
  pongTimeoutMs: 14_000,
  readyTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
  redeliverAfterMs: 5_000,
};
const DEFAULT_BACKFILL: Required<BackfillOptions> = { rooms: 20, perRoom: 50, overlapMs: 30_000 };
const DEFAULT_REMEMBER = 2_000;
// setTimeout's own limit.
const MAX_TIMER = 2 ** 31 - 1;

/** Checks the options and fills in the defaults; `poke` is one REST call through the client (see `Tokens.renew`). */
export function resolveOptions(
  caller: string,
  options: RealtimeOptions | undefined,
  poke: () => Promise<unknown>,
): SourceSettings {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    throw new TypeError(`${caller}: expected options as an object, e.g. { accessToken }, got ${typeof options}`);
  const given = options ?? {};
  const accessToken = given.accessToken ?? environment('WEBEX_ACCESS_TOKEN');
  if (!(typeof accessToken === 'function' || (typeof accessToken === 'string' && accessToken !== '')))
    throw new TypeError(
      `${caller}: expected accessToken (a string, or a function returning the current token), got ${accessToken === '' ? 'an empty string' : typeof accessToken}; e.g. { accessToken: process.env.WEBEX_BOT_TOKEN }. The socket needs the token itself: the client never hands its own out`,
    );
  const allowLoopback = given.allowLoopbackForTests === true;
  const extra = given.webexDomains ?? [];
  if (
    !Array.isArray(extra) ||
    extra.some((domain) => typeof domain !== 'string' || !/^[a-z0-9.-]+\.[a-z]+$/i.test(domain))
  )
    throw new TypeError(
      `${caller}: webexDomains should be domain names such as ['webex.com'], got ${JSON.stringify(extra)}`,
    );
  const catalogText = given.catalogUrl ?? DEFAULT_CATALOG_URL;
  let loopback: string | undefined;
  if (allowLoopback) {
    try {
      const parsed = new URL(catalogText);
      if (isLoopback(parsed.hostname)) loopback = parsed.host;
    } catch {
      // trustedUrl says what is wrong with it, below.
    }
  }
  const policy = { domains: [...WEBEX_DOMAINS, ...extra.map((domain) => domain.toLowerCase())], loopback };
  const catalogUrl = trustedUrl(catalogText, 'catalogUrl', 'http', policy);
  const deviceName = given.deviceName ?? 'webex-ts';
  const deviceType = given.deviceType ?? 'DESKTOP';
  for (const [name, value] of [
    ['deviceName', deviceName],
    ['deviceType', deviceType],
  ] as const)
    if (typeof value !== 'string' || value.trim() === '')
      throw new TypeError(`${caller}: ${name} should be a non-empty string, got ${JSON.stringify(value)}`);
  const timing = { ...DEFAULT_TIMING, ...defined(given.timing) };
  for (const [name, value] of Object.entries(timing)) checkMs(caller, `timing.${name}`, value);
  const backoff = { ...DEFAULT_BACKOFF, ...defined(given.backoff) };
  checkMs(caller, 'backoff.initialMs', backoff.initialMs);
  checkMs(caller, 'backoff.maxMs', backoff.maxMs);
  if (backoff.maxMs < backoff.initialMs)
    throw new TypeError(
      `${caller}: backoff.maxMs (${backoff.maxMs}) should be at least backoff.initialMs (${backoff.initialMs})`,
    );
  const backfill = given.backfill === false ? false : { ...DEFAULT_BACKFILL, ...defined(given.backfill) };
  if (backfill) {
    checkCount(caller, 'backfill.rooms', backfill.rooms);
    checkCount(caller, 'backfill.perRoom', backfill.perRoom);
    checkMs(caller, 'backfill.overlapMs', backfill.overlapMs, 0);
  }
  const remember = given.remember ?? DEFAULT_REMEMBER;
  checkCount(caller, 'remember', remember);
  const fetchFunction = given.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchFunction !== 'function')
    throw new TypeError(`${caller}: this runtime has no global fetch; pass one as the fetch option`);
  if (given.webSocket !== undefined && typeof given.webSocket !== 'function')
    throw new TypeError(`${caller}: webSocket should be a WebSocket class, got ${typeof given.webSocket}`);
  return {
    tokens: new Tokens(accessToken, poke),
    catalogUrl,
    policy,
    identity: { name: deviceName, deviceType },
    timing,
    backoff,
    backfill,
    remember,
    keepDevice: given.keepDevice === true,
    fetch: fetchFunction,
    requestTimeoutMs: timing.requestTimeoutMs,
    redeliverAfterMs: timing.redeliverAfterMs,
    webSocket: given.webSocket,
    onStatus: given.onStatus,
  };
}

/** The fields that have a value: `{ pingIntervalMs: undefined }` keeps the default. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function checkMs(caller: string, name: string, value: unknown, min = 1): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_TIMER)
    throw new TypeError(
      `${caller}: ${name} should be a whole number of ms from ${min} to ${MAX_TIMER}, got ${String(value)}`,
    );
}

function checkCount(caller: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new TypeError(`${caller}: ${name} should be a whole number >= 1, got ${String(value)}`);
}

/** A variable of the environment, where there is one (nothing touches `process` in browsers or edge runtimes). */
function environment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] || undefined;
}
