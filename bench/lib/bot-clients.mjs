// The three ways the bot benchmarks take events from the realtime fake, each on a device of its own (so an event can
// be sent to one of them alone), each calling `onMessage(message)` with the message it fetched by REST:
//   bot     createBot + socketTransport (allowLoopbackForTests): `bot.on('message')` gets ctx.message
//   listen  listenForEvents: the `for await` loop gets event.message
//   raw     the floor, no library: catalog → POST device → `ws` socket → authorization frame; each activity frame is
//           parsed, its message id built (encodeId), the message read with a bare fetch + json(), handed over, acked.
//           With `reconnect`, a closed socket is opened again at once (no backoff, no device refresh).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { createBot, listenForEvents, socketTransport } from '@webex-ts/bot';
import { encodeId, Webex } from '@webex-ts/client';

/** The `ws` the bot itself loads (Node 20 has no global WebSocket). */
const WebSocket = createRequire(import.meta.resolve('@webex-ts/bot'))('ws');

/** What every variant is given: the fake's info, a device name, and the options of the library's source. */
function sourceOptions(info, deviceName, extra = {}) {
  return { accessToken: info.token, catalogUrl: info.u2cUrl, allowLoopbackForTests: true, deviceName, ...extra };
}

/** createBot + socketTransport. Resolves once the socket is ready. */
export async function startBot({ info, deviceName, onMessage, onStatus, realtime = {} }) {
  const errors = [];
  const webex = new Webex({ accessToken: info.token, baseUrl: info.restUrl });
  const transport = socketTransport(
    sourceOptions(info, deviceName, { ...realtime, ...(onStatus ? { onStatus } : {}) }),
  );
  const bot = createBot({ webex, transport, onError: (error) => void errors.push(error) });
  bot.on('message', (ctx) => onMessage(ctx.message));
  await bot.start();
  return { name: 'bot', errors, stop: () => bot.stop() };
}

/** listenForEvents and a `for await` loop. Resolves once the socket is ready. */
export async function startListen({ info, deviceName, onMessage, onStatus, realtime = {} }) {
  const errors = [];
  const webex = new Webex({ accessToken: info.token, baseUrl: info.restUrl });
  const events = listenForEvents(
    webex,
    sourceOptions(info, deviceName, {
      ...realtime,
      ...(onStatus ? { onStatus } : {}),
      onError: (error) => void errors.push(error),
    }),
  );
  await events.ready();
  const loop = (async () => {
    for await (const event of events) if (event.type === 'message') onMessage(event.message);
  })().catch((error) => void errors.push(error));
  return {
    name: 'listen',
    errors,
    stop: async () => {
      await events.close();
      await loop;
    },
  };
}

/** The bare floor: a socket and a fetch per frame, nothing else. Resolves once the socket is ready. */
export async function startRaw({ info, deviceName, onMessage, reconnect = false }) {
  const errors = [];
  const headers = { authorization: `Bearer ${info.token}` };
  const json = { ...headers, 'content-type': 'application/json' };
  const catalog = await (await fetch(`${info.u2cUrl}/catalog?format=hostmap`, { headers })).json();
  const registration = { name: deviceName, deviceType: 'DESKTOP', model: 'node', systemName: 'node' };
  const device = await (
    await fetch(`${catalog.serviceLinks.wdm}/devices`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(registration),
    })
  ).json();
  let socket;
  let closing = false;
  let connects = 0;
  const connect = () =>
    new Promise((resolve) => {
      connects++;
      const ws = new WebSocket(`${device.webSocketUrl}?outboundWireFormat=text&bufferStates=true`);
      socket = ws;
      const ack = (id) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ messageId: id, type: 'ack' }));
      ws.on('open', () =>
        ws.send(JSON.stringify({ id: randomUUID(), type: 'authorization', data: { token: `Bearer ${info.token}` } })),
      );
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data));
        const eventType = frame.data?.eventType;
        if (eventType === 'mercury.buffer_state') {
          ack(frame.id);
          resolve();
          return;
        }
        if (eventType !== 'conversation.activity') return;
        const id = encodeId({ type: 'MESSAGE', uuid: frame.data.activity.id, region: info.idRegion });
        fetch(`${info.restUrl}/messages/${id}`, { headers })
          .then((response) => {
            if (!response.ok) throw new Error(`raw: GET messages/${id} answered ${response.status}`);
            return response.json();
          })
          .then(
            (message) => {
              onMessage(message);
              ack(frame.id);
            },
            (error) => void errors.push(error),
          );
      });
      ws.on('error', () => {});
      ws.on('close', () => {
        if (!closing && reconnect) void connect();
      });
    });
  await connect();
  return {
    name: 'raw',
    errors,
    connects: () => connects,
    stop: async () => {
      closing = true;
      if (socket.readyState !== WebSocket.CLOSED)
        await new Promise((resolve) => {
          socket.once('close', resolve);
          socket.close(1000, 'Done');
        });
      await fetch(device.url, { method: 'DELETE', headers });
    },
  };
}

/** Starts a variant by name: `bot`, `listen` or `raw`. */
export function startVariant(name, options) {
  if (name === 'bot') return startBot(options);
  if (name === 'listen') return startListen(options);
  if (name === 'raw') return startRaw(options);
  throw new Error(`startVariant: expected bot, listen or raw, got ${name}`);
}

/** The p-th percentile (0–100) of numbers, nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Records which message reached which variant, when and with what text, and lets the benchmark wait for a set of
 * message ids. `expect(messageId, variant, text)` first; arrivals of ids never expected, twice, or at the wrong
 * variant, and texts that differ from the prepared ones, are counted as wrong.
 */
export class Arrivals {
  expected = new Map();
  arrived = new Map();
  wrong = { unexpected: 0, twice: 0, wrongVariant: 0, wrongText: 0 };
  #waiter;

  expect(messageId, variant, text) {
    this.expected.set(messageId, { variant, text });
  }

  /** A handler for one variant: records `clock()` now. */
  handler(variant, clock) {
    return (message) => {
      const at = clock();
      const expected = this.expected.get(message.id);
      if (!expected) {
        this.wrong.unexpected++;
        return;
      }
      if (this.arrived.has(message.id)) {
        this.wrong.twice++;
        return;
      }
      if (expected.variant !== variant) this.wrong.wrongVariant++;
      if (expected.text !== message.text) this.wrong.wrongText++;
      this.arrived.set(message.id, at);
      this.#waiter?.();
    };
  }

  /** Resolves once every id has arrived; rejects after `timeoutMs`. */
  waitFor(ids, timeoutMs = 10_000) {
    const done = () => ids.every((id) => this.arrived.has(id));
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        const missing = ids.filter((id) => !this.arrived.has(id)).length;
        reject(new Error(`${missing} of ${ids.length} events did not reach their handler within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiter = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#waiter = undefined;
        resolve();
      };
    });
  }

  /** Frees what is kept per message (for the heap benchmark). */
  forget(ids) {
    for (const id of ids) {
      this.expected.delete(id);
      this.arrived.delete(id);
    }
  }
}
