// The event source: catalog → device → socket, reconnected for as long as it runs; each activity planned, fetched and
// handed over once, in the order it came, and acked once the consumer has handled it.
import { decodeId, type ReceivedWebhookEvent, WebexApiError } from '@webex-ts/client';
import { sameId } from '../ids.js';
import { type Me, type Plan, planActivity } from './activity.js';
import { type BackfillOptions, missedInRoom, RecentRooms } from './backfill.js';
import { type BackoffPolicy, reconnectDelayMs } from './backoff.js';
import { type Catalog, clusterOfHost, fetchCatalog } from './catalog.js';
import { closeAction } from './close-codes.js';
import { type ConnectionTiming, type Ended, MercuryConnection, type MercuryFrame } from './connection.js';
import { type Device, type DeviceIdentity, DeviceService } from './devices.js';
import {
  DeviceServiceError,
  RealtimeAuthError,
  RealtimeClosedError,
  RealtimeError,
  UntrustedUrlError,
} from './errors.js';
import { type EnvelopeOwner, eventsOf, messageEvent, type SourceClient } from './events.js';
import { type FetchLike, type HttpSettings, isRecord } from './http.js';
import { Limiter } from './limiter.js';
import { RecentKeys } from './recent.js';
import { type WebSocketConstructor, webSocketClass } from './socket.js';
import type { Tokens } from './tokens.js';
import type { TrustPolicy } from './trust.js';

/** What the source is doing, for logs and health checks (`onStatus`). */
export type RealtimeStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'ready'; device: string }
  | { state: 'reconnecting'; attempt: number; delayMs: number; cause: string }
  | { state: 'stopped'; error: RealtimeError | undefined };

/** The source's settings, resolved from the options (options.ts). */
export interface SourceSettings {
  tokens: Tokens;
  catalogUrl: URL;
  policy: TrustPolicy;
  identity: DeviceIdentity;
  timing: ConnectionTiming;
  backoff: BackoffPolicy;
  backfill: Required<BackfillOptions> | false;
  remember: number;
  keepDevice: boolean;
  fetch: FetchLike;
  requestTimeoutMs: number;
  redeliverAfterMs: number;
  webSocket: WebSocketConstructor | undefined;
  onStatus: ((status: RealtimeStatus) => void) | undefined;
}

/** How the source hands events over and reports trouble. */
export interface SourceHooks {
  /** Hands an event over; resolves once it is handled (the frame is acked then). */
  deliver(event: ReceivedWebhookEvent): Promise<void>;
  /** A problem the source got over (an event it could not fetch, a backfill that failed). */
  reportError(error: unknown): void;
  /** Whether `deliver` rejected because the consumer is busy: the event is asked for again a little later. */
  busy(error: unknown): boolean;
  /** Whether the consumer already knows of this `deliver` rejection (the bot reports its own). */
  known(error: unknown): boolean;
}

/** What a prepared activity (or backfilled message) came to. */
type Prepared = { kind: 'events'; events: ReceivedWebhookEvent[]; messageUuid: string | undefined } | { kind: 'skip' };

// Consecutive token refusals after which the source stops: a token function that keeps handing out bad tokens.
const MAX_AUTH_RETRIES = 3;
// REST reads of events at once (the client may allow more; a burst must not take them all).
const READS_AT_ONCE = 8;
// How long `close()` waits for the closing handshake.
const CLOSE_GRACE_MS = 1_000;
// The catalog is read again for an unknown conversation host, at most this often.
const CATALOG_REFRESH_MS = 60_000;

/** One websocket event source. */
export class RealtimeSource {
  /** Resolves when the first socket is ready; rejects when the source stops before. */
  readonly ready: Promise<void>;
  /** Resolves when the source has stopped: with the error that stopped it, or undefined after `close()`. */
  readonly stopped: Promise<RealtimeError | undefined>;
  readonly #settings: SourceSettings;
  readonly #client: SourceClient;
  readonly #hooks: SourceHooks;
  readonly #seen: RecentKeys;
  readonly #delivered: RecentKeys;
  readonly #rooms: RecentRooms;
  /** Frame ids waiting for their activity to be handled, by activity key. */
  readonly #frames = new Map<string, string[]>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #reads = new Limiter(READS_AT_ONCE);
  /** Aborts the connection loop's requests and waits. */
  readonly #loopAbort = new AbortController();
  /** Aborted when the REST reads of events not handed over yet are abandoned (close, stop). */
  readonly #fetchAbort = new AbortController();
  /**
   * One controller per read, aborted with `#fetchAbort`. The long-lived signal itself is never handed to the client:
   * each request combines its signal with a timer (`AbortSignal.any`), and on Node 20 a long-lived signal keeps a
   * reference per combination, a leak of one object per event.
   */
  readonly #reading = new Set<AbortController>();
  #readyWith: () => void = () => {};
  #readyFail: (error: unknown) => void = () => {};
  #stoppedWith: (error: RealtimeError | undefined) => void = () => {};
  #tail: Promise<void> = Promise.resolve();
  #me: Me | undefined;
  #owner: EnvelopeOwner | undefined;
  #catalog: Catalog | undefined;
  #catalogAt = 0;
  #devices: DeviceService | undefined;
  #device: Device | undefined;
  #token = '';
  #connection: MercuryConnection | undefined;
  #accepting = true;
  #closing = false;
  #closed: Promise<void> | undefined;
  #running: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #reconnectNow = false;
  /** Whether the device is refreshed before the next connection (after every drop). */
  #needsRefresh = false;
  #redeliverTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(settings: SourceSettings, client: SourceClient, hooks: SourceHooks) {
    this.#settings = settings;
    this.#client = client;
    this.#hooks = hooks;
    this.#seen = new RecentKeys(settings.remember);
    this.#delivered = new RecentKeys(settings.remember);
    this.#rooms = new RecentRooms(settings.backfill ? settings.backfill.rooms : 1);
    this.ready = new Promise((resolve, reject) => {
      this.#readyWith = resolve;
      this.#readyFail = reject;
    });
    // Awaited by whoever wants it; a source nobody awaits must not make an unhandled rejection.
    this.ready.catch(() => {});
    this.stopped = new Promise((resolve) => {
      this.#stoppedWith = resolve;
    });
  }

  /** Starts connecting (once). */
  start(): void {
    this.#running ??= this.#run().then(
      (error) => this.#finish(error),
      (error: unknown) => this.#finish(asRealtime(error)),
    );
  }

  /** Uses `token` from now on: the socket reconnects with it at once. */
  setToken(token: string): void {
    this.#settings.tokens.set(token);
    this.#reconnect();
  }

  /**
   * Stops: no new events, waits for those being handed over (their frames are acked), closes the socket and deletes
   * the device (unless `keepDevice`).
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    this.#accepting = false;
    this.#closing = true;
    clearTimeout(this.#redeliverTimer);
    this.#abortReads(new RealtimeError('the event source was closed'));
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    this.#loopAbort.abort(new RealtimeError('the event source was closed'));
    this.#wake?.();
    this.#connection?.close();
    this.start();
    await this.#running;
  }

  /** The connection loop; returns the error that stopped it, or undefined when closed. */
  async #run(): Promise<RealtimeError | undefined> {
    const WebSocketClass = await webSocketClass(this.#settings.webSocket);
    let attempt = 0;
    let authRetries = 0;
    let everReady = false;
    let lastHeard = 0;
    while (!this.#closing) {
      let cause = '';
      try {
        this.#status({ state: 'connecting', attempt });
        this.#token = await this.#settings.tokens.current();
        await this.#prepare();
        const connection = new MercuryConnection(
          WebSocketClass,
          this.#device!.webSocketUrl,
          this.#token,
          this.#settings.timing,
          (frame) => this.#onFrame(frame),
        );
        this.#connection = connection;
        if (this.#closing) connection.close();
        if (await connection.ready) {
          attempt = 0;
          authRetries = 0;
          this.#status({ state: 'ready', device: this.#device!.url.href });
          this.#readyWith();
          if (everReady && this.#settings.backfill) void this.#backfill(lastHeard - this.#settings.backfill.overlapMs);
          everReady = true;
        }
        const ended = await connection.ended;
        this.#connection = undefined;
        if (connection.lastHeardAt) lastHeard = connection.lastHeardAt;
        if (this.#closing) {
          // A clean close before the device goes: the server sees the socket end rather than vanish.
          await connection.socketClosed(CLOSE_GRACE_MS);
          break;
        }
        // The registration may have been deleted or expired meanwhile (a refused upgrade looks like any drop).
        this.#needsRefresh = true;
        const next = this.#afterEnd(ended);
        if (next.stop) return next.stop;
        if (next.reauthorize) {
          if (++authRetries > MAX_AUTH_RETRIES) return this.#authError('Mercury (close 4401)');
          await this.#renew('Mercury (close 4401)');
          continue;
        }
        if (next.now) continue;
        attempt = ended.ready ? 1 : attempt + 1;
        cause = next.cause;
      } catch (error) {
        this.#connection = undefined;
        if (this.#closing) break;
        if (error instanceof DeviceServiceError && error.status === 401) {
          if (++authRetries > MAX_AUTH_RETRIES) return this.#authError('U2C or WDM');
          try {
            await this.#renew('U2C or WDM');
          } catch (renewError) {
            return asRealtime(renewError);
          }
          continue;
        }
        if (error instanceof WebexApiError && error.status === 401)
          return new RealtimeAuthError(
            "people/me refused the client's token: the client (new Webex({ accessToken })) needs a valid token too",
            { cause: error },
          );
        if (fatal(error)) return asRealtime(error);
        attempt++;
        cause = error instanceof Error ? error.message : String(error);
      }
      const delay = reconnectDelayMs(attempt, this.#settings.backoff);
      this.#status({ state: 'reconnecting', attempt, delayMs: delay, cause });
      await this.#sleep(delay);
    }
    return undefined;
  }

  /** Who we are, the catalog and the device: what a connection needs, each read once and kept. */
  async #prepare(): Promise<void> {
    const signal = this.#loopAbort.signal;
    if (!this.#me) {
      const me = await this.#client.people.me(undefined, { signal });
      this.#me = { id: me.id, uuid: uuidOf(me.id), isBot: me.type === 'bot' };
      this.#owner = { id: me.id, orgId: me.orgId };
    }
    if (!this.#catalog) await this.#readCatalog();
    this.#devices ??= new DeviceService(
      this.#http(),
      this.#catalog!.wdm,
      this.#settings.identity,
      this.#settings.policy,
    );
    if (!this.#device) {
      this.#device = (await this.#devices.acquire(this.#token)).device;
    } else if (this.#needsRefresh) {
      // Refreshed after every drop, as WMH does; a 404 means the registration is gone: register anew.
      this.#device =
        (await this.#devices.refresh(this.#device.url, this.#token)) ?? (await this.#devices.register(this.#token));
    }
    this.#needsRefresh = false;
  }

  async #readCatalog(): Promise<void> {
    this.#catalog = await fetchCatalog(this.#http(), this.#settings.catalogUrl, this.#token, this.#settings.policy);
    this.#catalogAt = Date.now();
  }

  #http(): HttpSettings {
    return { fetch: this.#settings.fetch, timeoutMs: this.#settings.requestTimeoutMs, signal: this.#loopAbort.signal };
  }

  /** What to do after a connection ended. */
  #afterEnd(ended: Ended): { stop?: RealtimeError; reauthorize?: boolean; now?: boolean; cause: string } {
    if (ended.by === 'client') {
      if (ended.why === 'closed' || ended.why === 'shutdown') {
        this.#reconnectNow = false;
        return { now: true, cause: ended.why };
      }
      return { cause: ended.why };
    }
    const decided = closeAction(ended.code, ended.reason);
    if (decided.action === 'reauthorize') return { reauthorize: true, cause: 'close 4401' };
    if (decided.action === 'stop') {
      const error = new RealtimeClosedError(ended.code, ended.reason, decided.advice);
      // Replaced: the registration is another process's now; deleting it would cut that process off.
      if (ended.code === 4000 || ended.reason.toLowerCase() === 'replaced') this.#device = undefined;
      return { stop: error, cause: '' };
    }
    return { cause: `closed with ${ended.code}${ended.reason ? ` (${ended.reason})` : ''}` };
  }

  async #renew(what: string): Promise<void> {
    this.#token = await this.#settings.tokens.renew(this.#token, what);
  }

  #authError(what: string): RealtimeAuthError {
    return new RealtimeAuthError(`${what} refused ${MAX_AUTH_RETRIES + 1} tokens in a row; stopping`);
  }

  /** Waits, unless closed or asked to reconnect now. */
  #sleep(ms: number): Promise<void> {
    if (this.#closing || this.#reconnectNow) {
      this.#reconnectNow = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.#wake = undefined;
        resolve();
      }
      this.#wake = done;
    });
  }

  /** Closes the socket so that the loop connects again at once (new token, redelivery). */
  #reconnect(): void {
    if (this.#closing) return;
    this.#reconnectNow = true;
    if (this.#connection) this.#connection.close();
    else this.#wake?.();
  }

  async #finish(error: RealtimeError | undefined): Promise<void> {
    this.#accepting = false;
    this.#closing = true;
    clearTimeout(this.#redeliverTimer);
    this.#connection?.close();
    this.#readyFail(error ?? new RealtimeError('the event source was closed before it was ready'));
    if (error) {
      this.#abortReads(error);
      while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    }
    const device = this.#device;
    // Not after a refused token: the deletion would be refused too.
    if (device && this.#devices && !this.#settings.keepDevice && !(error instanceof RealtimeAuthError)) {
      try {
        // The loop's signal is aborted by now; the deletion gets its own time limit.
        const http = { ...this.#http(), signal: new AbortController().signal };
        await new DeviceService(http, this.#catalog!.wdm, this.#settings.identity, this.#settings.policy).remove(
          device.url,
          this.#token,
        );
        this.#device = undefined;
      } catch (deleteError) {
        this.#hooks.reportError(deleteError);
      }
    }
    this.#status({ state: 'stopped', error });
    this.#stoppedWith(error);
  }

  #status(status: RealtimeStatus): void {
    try {
      this.#settings.onStatus?.(status);
    } catch {
      // A logging hook must not break the connection.
    }
  }

  // Frames and activities.

  #onFrame(frame: MercuryFrame): void {
    const eventType = frame.data?.eventType;
    if (typeof eventType !== 'string') return;
    const frameId = typeof frame.id === 'string' ? frame.id : undefined;
    if (eventType !== 'conversation.activity') {
      // Buffer state and any other event: acked at once, as Webex's own clients do.
      if (frameId) this.#ack(frameId);
      return;
    }
    if (!this.#accepting) return;
    const activity = frame.data?.activity;
    const key = isRecord(activity) && typeof activity.id === 'string' ? activity.id.toLowerCase() : undefined;
    if (!key) {
      if (frameId) this.#ack(frameId);
      return;
    }
    const state = this.#seen.get(key);
    if (state === 'done') {
      if (frameId) this.#ack(frameId);
      return;
    }
    if (state === 'pending') {
      // Being handled: acked with the first copy (a replay keeps its frame id).
      if (frameId && !this.#frames.get(key)?.includes(frameId)) this.#frames.get(key)?.push(frameId);
      return;
    }
    this.#seen.claim(key);
    this.#frames.set(key, frameId ? [frameId] : []);
    this.#enqueue(
      key,
      this.#reads.run(() => this.#prepareActivity(activity)),
    );
  }

  async #prepareActivity(activity: unknown): Promise<Prepared> {
    const me = this.#me!;
    const record = activity as Record<string, unknown>;
    const target = isRecord(record.target) ? record.target : undefined;
    const object = isRecord(record.object) ? record.object : undefined;
    const url = typeof target?.url === 'string' ? target.url : typeof object?.url === 'string' ? object.url : undefined;
    const cluster = await this.#clusterOf(url);
    const plan: Plan = planActivity(activity, {
      me,
      cluster,
      delivered: (uuid) => this.#delivered.get(uuid) !== undefined,
    });
    if (plan.kind === 'skip') return { kind: 'skip' };
    if (plan.room && this.#settings.backfill) this.#rooms.touch(plan.room.id, plan.room.type);
    const events = await this.#read((signal) => eventsOf(plan, this.#client, me, this.#owner!, signal));
    const message = events.some((event) => event.type === 'message') ? plan.key : undefined;
    return { kind: 'events', events, messageUuid: message };
  }

  /** Runs REST reads with a signal of their own, aborted when the source abandons its reads. */
  async #read<T>(reads: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (this.#fetchAbort.signal.aborted) controller.abort(this.#fetchAbort.signal.reason);
    this.#reading.add(controller);
    try {
      return await reads(controller.signal);
    } finally {
      this.#reading.delete(controller);
    }
  }

  #abortReads(reason: unknown): void {
    this.#fetchAbort.abort(reason);
    for (const controller of this.#reading) controller.abort(reason);
  }

  /** The REST cluster of a conversation URL; an unknown host reads the catalog again (at most once a minute). */
  async #clusterOf(url: string | undefined): Promise<string> {
    const known = clusterOfHost(this.#catalog!, url);
    if (known !== undefined || url === undefined) return known ?? 'us';
    if (Date.now() - this.#catalogAt > CATALOG_REFRESH_MS) {
      try {
        await this.#readCatalog();
      } catch (error) {
        this.#hooks.reportError(error);
      }
    }
    // People and organizations are always `us`; a conversation host the catalog does not name is assumed `us` too.
    return clusterOfHost(this.#catalog!, url) ?? 'us';
  }

  /**
   * Hands over what `job` prepares, after everything enqueued before it (events keep the order they came in; their
   * REST reads run side by side), and acks the frames of `key` once every event of it is handled.
   */
  #enqueue(key: string, job: Promise<Prepared>): void {
    job.catch(() => {});
    const handled = this.#tail.then(async () => {
      let prepared: Prepared;
      try {
        prepared = await job;
      } catch (error) {
        return this.#failed(key, error);
      }
      if (prepared.kind === 'skip') return this.#settle(key, true);
      if (!this.#accepting) return this.#settle(key, false);
      const { events } = prepared;
      // Most activities are one event: no Promise.all for them.
      const deliveries =
        events.length === 1 ? this.#hooks.deliver(events[0]!) : Promise.all(events.map(this.#deliverOne));
      const all = deliveries.then(
        () => {
          if (prepared.messageUuid) this.#delivered.claim(prepared.messageUuid);
          this.#settle(key, true);
        },
        (error: unknown) => {
          this.#settle(key, false);
          if (!this.#hooks.known(error)) this.#hooks.reportError(error);
          if (this.#hooks.busy(error)) this.#redeliverSoon();
        },
      );
      this.#track(all);
    });
    this.#tail = handled;
    this.#track(handled);
  }

  readonly #deliverOne = (event: ReceivedWebhookEvent) => this.#hooks.deliver(event);

  #track(promise: Promise<void>): void {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise));
  }

  /** After a failed read: a 4xx answer will not change (reported, acked); anything else may (reported, asked again). */
  #failed(key: string, error: unknown): void {
    if (this.#fetchAbort.signal.aborted) {
      this.#settle(key, false);
      return;
    }
    this.#hooks.reportError(error);
    const permanent =
      error instanceof WebexApiError &&
      error.status >= 400 &&
      error.status < 500 &&
      error.status !== 401 &&
      error.status !== 429;
    this.#settle(key, permanent);
  }

  /** Done with `key`: handled (remembered, frames acked) or not (forgotten, left unacked so that it comes again). */
  #settle(key: string, handled: boolean): void {
    const frames = this.#frames.get(key) ?? [];
    this.#frames.delete(key);
    if (!handled) {
      this.#seen.forget(key);
      return;
    }
    this.#seen.done(key);
    for (const frameId of frames) this.#ack(frameId);
  }

  /** Acks a frame on the current socket (a replay to a later socket keeps its id, so the ack still counts). */
  #ack(frameId: string): void {
    this.#connection?.send({ messageId: frameId, type: 'ack' });
  }

  /** Events the consumer could not take stay unacked; reconnecting a little later makes Mercury send them again. */
  #redeliverSoon(): void {
    if (this.#redeliverTimer !== undefined || this.#closing) return;
    this.#redeliverTimer = setTimeout(() => {
      this.#redeliverTimer = undefined;
      this.#reconnect();
    }, this.#settings.redeliverAfterMs);
  }

  /** After a reconnect: the messages of recently active rooms since the old socket was last heard from. */
  async #backfill(since: number): Promise<void> {
    const settings = this.#settings.backfill;
    if (!settings) return;
    const me = this.#me!;
    for (const room of this.#rooms.list()) {
      if (!this.#accepting) return;
      let missed: Awaited<ReturnType<typeof missedInRoom>>;
      try {
        missed = await this.#read((signal) =>
          missedInRoom(this.#client, room, since, settings.perRoom, me.isBot, signal),
        );
      } catch (error) {
        if (!this.#fetchAbort.signal.aborted) this.#hooks.reportError(error);
        continue;
      }
      for (const message of missed) {
        if (sameId(message.personId, me.id)) continue;
        const key = uuidOf(message.id);
        if (!this.#seen.claim(key)) continue;
        this.#frames.set(key, []);
        this.#enqueue(
          key,
          Promise.resolve({ kind: 'events', events: [messageEvent(message, this.#owner!)], messageUuid: key }),
        );
      }
    }
  }
}

/** The lower-case UUID of a Webex id (or the id itself when it is not one). */
function uuidOf(id: string): string {
  try {
    return decodeId(id).uuid.toLowerCase();
  } catch {
    return id.toLowerCase();
  }
}

/** Errors retrying cannot fix: an untrusted URL, a refused token, a 4xx other than 408 and 429. */
function fatal(error: unknown): boolean {
  if (error instanceof UntrustedUrlError || error instanceof RealtimeAuthError) return true;
  const status = error instanceof DeviceServiceError || error instanceof WebexApiError ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The error as the source's own: a `RealtimeError` as it is, anything else wrapped (as its `cause`). */
function asRealtime(error: unknown): RealtimeError {
  if (error instanceof RealtimeError) return error;
  return new RealtimeError(error instanceof Error ? error.message : String(error), { cause: error });
}
