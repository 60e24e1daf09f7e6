// The Mercury websocket: in-band authorization, buffer state, pings, acks, replay of unacked frames, scripted closes.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { ActivityFrame, AuthCheck, ConnectionState, FakeConnection, MercuryFrame } from './types.js';
import type { Registration } from './wdm.js';

/** What the socket side needs from the fake. */
export interface MercuryContext {
  /** The token accepted now. */
  token(): string;
  now(): number;
  uuid(): string;
  authTimeoutMs: number;
  replaceSockets: boolean;
  /** Something changed: wake `waitFor`. */
  changed(): void;
}

interface ConnectionRecord {
  id: number;
  deviceUrl: string;
  registrationId: string;
  query: Record<string, string>;
  upgradeAuth: AuthCheck;
  state: ConnectionState;
  closed?: { code: number; reason: string; by: 'server' | 'client' };
  received: unknown[];
  sent: MercuryFrame[];
  acks: string[];
}

interface Connection {
  record: ConnectionRecord;
  socket: WebSocket;
  registration: Registration;
  /** The `sequenceNumber` of the next numbered frame on this socket. */
  next: number;
  authTimer?: NodeJS.Timeout;
}

// Codes a server may put in a close frame (RFC 6455 §7.4; 1004–1006 and 1015 are never sent).
function sendableCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999))
  );
}

/** Every socket of one fake. */
export class Mercury {
  private readonly server = new WebSocketServer({ noServer: true, autoPong: false });
  private readonly all: Connection[] = [];
  /** Whether JSON pings and protocol pings are answered. */
  answering = true;

  constructor(private readonly context: MercuryContext) {}

  /** Completes an upgrade the fake accepted for `registration`. */
  upgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    registration: Registration,
    query: Record<string, string>,
    upgradeAuth: AuthCheck,
  ): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, registration, query, upgradeAuth));
  }

  /** The records of every socket, oldest first. */
  records(): FakeConnection[] {
    return this.all.map((connection) => connection.record);
  }

  /** Sockets not closed yet, of one device URL (or all), optionally only open (authorized) ones. */
  live(deviceUrl: string | undefined, openOnly: boolean): Connection[] {
    return this.all.filter(
      (connection) =>
        connection.record.state !== 'closed' &&
        (!openOnly || connection.record.state === 'open') &&
        (deviceUrl === undefined || connection.record.deviceUrl === deviceUrl),
    );
  }

  /** Keeps `frame` for `registration` until acked and sends it to its open sockets; returns how many. */
  inject(registration: Registration, frame: ActivityFrame, skipSequence: boolean): number {
    registration.pending.set(frame.id, frame);
    const open = this.live(registration.device.url, true);
    for (const connection of open) {
      if (skipSequence) connection.next++;
      this.numbered(connection, frame);
    }
    return open.length;
  }

  /** Sends a frame as is. */
  send(connection: Connection, frame: MercuryFrame): void {
    connection.record.sent.push(frame);
    connection.socket.send(JSON.stringify(frame));
  }

  /** Closes with a close frame. */
  close(connection: Connection, code: number, reason: string): void {
    if (!sendableCode(code))
      throw new Error(
        `close: ${code} cannot be sent in a close frame (1000–1003, 1007–1014, 3000–4999 can)${code === 1006 ? '; use fake.drop() for an abrupt drop, which the client sees as 1006' : ''}`,
      );
    if (Buffer.byteLength(reason) > 123)
      throw new Error(`close: a close reason is at most 123 bytes (got "${reason}")`);
    this.finish(connection, { code, reason, by: 'server' });
    connection.socket.close(code, reason);
  }

  /** Destroys the TCP connection without a close frame. */
  drop(connection: Connection): void {
    this.finish(connection, { code: 1006, reason: '', by: 'server' });
    connection.socket.terminate();
  }

  stop(): Promise<void> {
    for (const connection of this.live(undefined, false)) this.drop(connection);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, registration: Registration, query: Record<string, string>, upgradeAuth: AuthCheck) {
    const connection: Connection = {
      socket,
      registration,
      next: 1,
      record: {
        id: this.all.length + 1,
        deviceUrl: registration.device.url,
        registrationId: registration.registrationId,
        query,
        upgradeAuth,
        state: 'authorizing',
        received: [],
        sent: [],
        acks: [],
      },
    };
    this.all.push(connection);
    const timeout = this.context.authTimeoutMs;
    connection.authTimer = setTimeout(() => {
      if (connection.record.state !== 'authorizing') return;
      // Webex's wording, which says seconds for a value in ms.
      this.close(connection, 1008, `authentication did not happen within the timeout window of ${timeout} seconds.`);
      this.context.changed();
    }, timeout);
    socket.on('message', (data) => this.onMessage(connection, data));
    socket.on('ping', (data) => {
      if (this.answering && connection.record.state !== 'closed') socket.pong(data);
    });
    socket.on('close', (code, reason) => {
      this.finish(connection, { code, reason: reason.toString('utf8'), by: 'client' });
      this.context.changed();
    });
    socket.on('error', () => {
      // A broken client socket ends in 'close'; nothing else to do here.
    });
    this.context.changed();
  }

  private onMessage(connection: Connection, data: RawData): void {
    const text = rawText(data);
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      frame = undefined;
    }
    connection.record.received.push(frame ?? text);
    if (connection.record.state === 'authorizing') this.authorize(connection, frame);
    else if (connection.record.state === 'open') this.onFrame(connection, frame);
    this.context.changed();
  }

  private authorize(connection: Connection, frame: unknown): void {
    if (!isRecord(frame) || frame.type !== 'authorization') {
      this.close(connection, 1008, 'authentication failed: the first frame must be the authorization frame');
      return;
    }
    const token = isRecord(frame.data) ? frame.data.token : undefined;
    if (token !== `Bearer ${this.context.token()}`) {
      this.close(connection, 4401, 'Unauthorized');
      return;
    }
    clearTimeout(connection.authTimer);
    connection.record.state = 'open';
    if (this.context.replaceSockets && connection.record.query.multipleConnections !== 'true')
      for (const other of this.live(connection.record.deviceUrl, true))
        if (other !== connection) this.close(other, 4000, 'replaced');
    this.numbered(connection, {
      id: this.context.uuid(),
      data: { eventType: 'mercury.buffer_state' },
      timestamp: this.context.now(),
      trackingId: `fake_${this.context.uuid()}`,
    });
    for (const pending of connection.registration.pending.values()) this.numbered(connection, pending);
  }

  private onFrame(connection: Connection, frame: unknown): void {
    if (!isRecord(frame)) {
      this.close(connection, 1003, 'expected a JSON text frame');
      return;
    }
    if (frame.type === 'ping' && this.answering) this.send(connection, { id: frame.id, type: 'pong' } as MercuryFrame); // echoes the id whatever its type
    if (frame.type === 'ack' && typeof frame.messageId === 'string') {
      connection.record.acks.push(frame.messageId);
      connection.registration.pending.delete(frame.messageId);
    }
  }

  private numbered(connection: Connection, frame: MercuryFrame): void {
    this.send(connection, { ...frame, sequenceNumber: connection.next++ });
  }

  private finish(connection: Connection, closed: NonNullable<ConnectionRecord['closed']>): void {
    clearTimeout(connection.authTimer);
    if (connection.record.closed) return;
    connection.record.closed = closed;
    connection.record.state = 'closed';
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
