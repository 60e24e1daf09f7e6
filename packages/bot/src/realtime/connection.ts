// One Mercury socket: connect with the query Webex's clients use, authorize in-band, wait for the buffer state,
// keep alive with JSON pings, hand every other frame over. It ends once; `ended` says how, and the source decides.
import { frameText, OPEN, type WebSocketConstructor, type WebSocketLike } from './socket.js';

/** The keepalive and readiness timing, in ms. */
export interface ConnectionTiming {
  /** Between a pong and the next ping. Default 15 000. */
  pingIntervalMs: number;
  /** How long a ping may wait for its pong before the socket counts as dead. Default 14 000. */
  pongTimeoutMs: number;
  /** How long from connecting to the `mercury.buffer_state` frame. Default 30 000. */
  readyTimeoutMs: number;
}

/** A frame from Mercury, parsed. */
export interface MercuryFrame {
  id?: unknown;
  type?: unknown;
  data?: { eventType?: unknown; [field: string]: unknown };
  [field: string]: unknown;
}

/** How a connection ended. */
export type Ended =
  /** The server (or the network: 1006) closed it. */
  | { by: 'server'; code: number; reason: string; ready: boolean }
  /** This side closed it: a dead or confused socket, a shutdown frame, or `close()`. */
  | { by: 'client'; why: 'pong-timeout' | 'pong-mismatch' | 'ready-timeout' | 'shutdown' | 'closed'; ready: boolean };

/** The query Webex's own clients add to the `webSocketUrl` (realtime-events.md §3). */
const QUERY: Record<string, string> = { outboundWireFormat: 'text', bufferStates: 'true', aliasHttpStatus: 'true' };
const READY_EVENTS = new Set(['mercury.buffer_state', 'mercury.registration_status']);

/** One socket to one device registration. */
export class MercuryConnection {
  /** Resolves once, when the connection has ended. */
  readonly ended: Promise<Ended>;
  /** Resolves true when the socket is ready (authorized, buffer state received), false when it ended before. */
  readonly ready: Promise<boolean>;
  /** When the server was last heard from (epoch ms): a frame or a pong. */
  lastHeardAt = 0;
  #socket: WebSocketLike | undefined;
  #isReady = false;
  #done = false;
  #endWith: (ended: Ended) => void = () => {};
  #readyWith: (ready: boolean) => void = () => {};
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setTimeout> | undefined;
  #pongTimer: ReturnType<typeof setTimeout> | undefined;
  #pingId: string | undefined;
  #socketClosed = false;
  #onSocketClosed: (() => void) | undefined;

  constructor(
    WebSocketClass: WebSocketConstructor,
    webSocketUrl: URL,
    token: string,
    private readonly timing: ConnectionTiming,
    private readonly onFrame: (frame: MercuryFrame) => void,
  ) {
    this.ended = new Promise((resolve) => {
      this.#endWith = resolve;
    });
    this.ready = new Promise((resolve) => {
      this.#readyWith = resolve;
    });
    const url = new URL(webSocketUrl.href);
    for (const [name, value] of Object.entries(QUERY)) url.searchParams.set(name, value);
    this.#readyTimer = setTimeout(
      () => this.#end({ by: 'client', why: 'ready-timeout', ready: false }),
      timing.readyTimeoutMs,
    );
    let socket: WebSocketLike;
    try {
      socket = new WebSocketClass(url.href);
    } catch {
      // A URL the WebSocket class refuses: reported as a failed connection, like a refused upgrade.
      queueMicrotask(() =>
        this.#end({ by: 'server', code: 1006, reason: 'the WebSocket could not be created', ready: false }),
      );
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => {
      if (this.#done) return;
      socket.send(
        JSON.stringify({ id: crypto.randomUUID(), type: 'authorization', data: { token: `Bearer ${token}` } }),
      );
    });
    socket.addEventListener('message', (event) => this.#onMessage(event.data));
    socket.addEventListener('close', (event) => {
      this.#socketClosed = true;
      this.#onSocketClosed?.();
      this.#end({ by: 'server', code: event.code, reason: event.reason ?? '', ready: this.#isReady });
    });
    socket.addEventListener('error', () => {
      // A 'close' follows every error; the ending is decided there.
    });
  }

  /** Sends a frame when the socket is open; false when it is not (the frame is lost, as on a dropped socket). */
  send(frame: Record<string, unknown>): boolean {
    const socket = this.#socket;
    if (this.#done || !socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the socket (code 1000, reason `Done`), ending the connection as `closed`. */
  close(): void {
    this.#end({ by: 'client', why: 'closed', ready: this.#isReady });
  }

  /** Resolves once the socket itself has closed (the closing handshake done), or after `ms` at most. */
  socketClosed(ms: number): Promise<void> {
    if (this.#socketClosed || !this.#socket) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#onSocketClosed = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  #onMessage(data: unknown): void {
    if (this.#done) return;
    const text = frameText(data);
    if (text === undefined) return;
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return;
    const parsed = frame as MercuryFrame;
    this.lastHeardAt = Date.now();
    if (parsed.type === 'pong') {
      this.#onPong(parsed.id);
      return;
    }
    if (parsed.type === 'shutdown') {
      this.#end({ by: 'client', why: 'shutdown', ready: this.#isReady });
      return;
    }
    const eventType = parsed.data?.eventType;
    if (!this.#isReady && typeof eventType === 'string' && READY_EVENTS.has(eventType)) {
      this.#isReady = true;
      clearTimeout(this.#readyTimer);
      this.#readyWith(true);
      this.#ping();
    }
    this.onFrame(parsed);
  }

  #ping(): void {
    const id = crypto.randomUUID();
    this.#pingId = id;
    if (!this.send({ id, type: 'ping' })) return;
    this.#pongTimer = setTimeout(
      () => this.#end({ by: 'client', why: 'pong-timeout', ready: true }),
      this.timing.pongTimeoutMs,
    );
  }

  #onPong(id: unknown): void {
    if (this.#pingId === undefined) return;
    if (id !== this.#pingId) {
      this.#end({ by: 'client', why: 'pong-mismatch', ready: this.#isReady });
      return;
    }
    this.#pingId = undefined;
    clearTimeout(this.#pongTimer);
    this.#pingTimer = setTimeout(() => this.#ping(), this.timing.pingIntervalMs);
  }

  #end(ended: Ended): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#readyTimer);
    clearTimeout(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    if (ended.by === 'client') {
      const reason = CLIENT_REASONS[ended.why];
      try {
        this.#socket?.close(1000, reason);
      } catch {
        // Closing a socket that never opened may throw in some implementations; it is abandoned either way.
      }
    }
    this.#readyWith(false);
    this.#endWith(ended);
  }
}

// The reasons sent in the close frame: the Webex JS SDK's wording where it has one.
const CLIENT_REASONS: Record<Extract<Ended, { by: 'client' }>['why'], string> = {
  'pong-timeout': 'Pong not received',
  'pong-mismatch': 'Pong mismatch',
  'ready-timeout': 'Not ready in time',
  shutdown: 'Shutdown',
  closed: 'Done',
};
