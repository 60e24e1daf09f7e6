// The realtime fake (`startRealtimeFake` from @webex-ts/mock) for the bot benchmarks: in its own process (forked),
// or with BENCH_SERVER=in-process in the benchmark's own, on the same event loop as the bot. Either way the benchmark
// drives it through the same async calls (`fake.call(name, args)`), so the code measured does not change with where
// the fake runs.
//
// Calls:
//   info()                          urls, token, the bot's and the user's ids
//   prepare({ count, prefix, room, queue })
//                                   builds `count` posts (texts `<prefix><i>`) in a 1:1 room with the bot: the fake's
//                                   own (`fake.direct`), or with `room` a room of that name (made on first use, with a
//                                   person of its own), so that a source's read-back after a reconnect finds only its
//                                   own room's messages. Stored in the fake's REST store and (unless `queue: false`)
//                                   queued for inject, not sent; returns [{ messageId, text, roomId }]
//   inject({ count, device })       sends the next `count` prepared posts to one device, stamping each with the
//                                   clock right before `fake.inject`; returns [{ messageId, at, sockets }]
//   drop({ device })                cuts the device's sockets without a close frame (the client sees 1006); { at, sockets }
//   stamps()                        what inject and drop returned since the last stamps(), and empties that list
//
// `fake.post(name, args)` makes a call without waiting for (or sending) an answer: the stamps are fetched later with
// stamps(), so no IPC message crosses the measured interval.
//   now()                           the fake's clock (for calibrate())
//   devices()                       live devices: [{ url, name }]
//   stats()                         request counts (REST message reads, device refreshes, upgrades), acks, sockets, pending
//   trim({ messages })              empties the fake's logs (requests, each socket's frames and acks: it keeps
//                                   everything for tests) and, with `messages`, its stored messages; counts survive
//
// Times are `clock()`: wall-clock ms at sub-ms resolution, comparable across processes once the offset between the
// two clocks is measured (calibrate(), NTP-style over IPC).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startRealtimeFake } from '@webex-ts/mock';
import { SERVER_MODE } from './util.mjs';

/** Wall-clock ms, sub-ms resolution: the process's time origin plus its monotonic clock. */
export const clock = () => performance.timeOrigin + performance.now();

/** The calls above, on one running fake. */
function commandsOf(fake) {
  const prepared = [];
  let stamped = [];
  const rooms = new Map();
  const roomNamed = (name) => {
    let made = rooms.get(name);
    if (!made) {
      const from = fake.addPerson({ displayName: `Bench ${name}` });
      made = { room: fake.addRoom({ type: 'direct', with: from }), from };
      rooms.set(name, made);
    }
    return made;
  };
  const counts = { restMessageGets: 0, restOther: 0, restFailed: 0, refreshes: 0, registers: 0, upgrades: 0, acks: 0 };
  let tallied = 0;
  /** Adds the requests logged since the last tally to `counts` (the log itself is emptied by trim). */
  const tally = () => {
    const requests = fake.requests;
    for (; tallied < requests.length; tallied++) {
      const request = requests[tallied];
      if (request.area === 'rest') {
        if (request.status !== 200) counts.restFailed++;
        if (request.method === 'GET' && request.path.startsWith('/v1/messages/')) counts.restMessageGets++;
        else counts.restOther++;
      } else if (request.area === 'wdm' && request.method === 'PUT') counts.refreshes++;
      else if (request.area === 'wdm' && request.method === 'POST') counts.registers++;
      else if (request.area === 'mercury' && request.status === 101) counts.upgrades++;
    }
  };
  const trimmedAcks = new Map();
  const acks = () =>
    fake
      .connections()
      .reduce((sum, connection) => sum + connection.acks.length + (trimmedAcks.get(connection.id) ?? 0), 0);

  return {
    info: () => ({
      url: fake.url,
      u2cUrl: fake.u2cUrl,
      restUrl: fake.restUrl,
      token: fake.token,
      idRegion: fake.cluster.idRegion,
      meId: fake.me.id,
      userId: fake.user.id,
      directRoomId: fake.direct.id,
    }),
    prepare({ count, prefix, room: name, queue = true }) {
      const where = name === undefined ? { room: fake.direct, from: fake.user } : roomNamed(name);
      const out = [];
      for (let i = 0; i < count; i++) {
        const event = fake.activities.post({ ...where, text: `${prefix}${i}` });
        if (queue) prepared.push(event);
        out.push({ messageId: event.message.id, text: event.message.text, roomId: event.message.roomId });
      }
      return out;
    },
    inject({ count, device }) {
      if (prepared.length < count) throw new Error(`inject: ${count} asked for, ${prepared.length} prepared`);
      const out = [];
      for (const event of prepared.splice(0, count)) {
        const at = clock();
        const sockets = fake.inject(event, { device });
        out.push({ messageId: event.message.id, at, sockets });
      }
      stamped.push(...out);
      return out;
    },
    drop({ device }) {
      const at = clock();
      const dropped = { drop: true, at, sockets: fake.drop(device) };
      stamped.push(dropped);
      return dropped;
    },
    stamps() {
      const out = stamped;
      stamped = [];
      return out;
    },
    now: () => clock(),
    devices: () => fake.devices().map((device) => ({ url: device.url, name: device.name })),
    stats() {
      tally();
      const devices = fake.devices();
      return {
        ...counts,
        acks: acks(),
        sockets: fake.connections().length,
        openSockets: fake.connections({ state: 'open' }).length,
        devices: devices.length,
        deletedDevices: fake.deletedDevices().length,
        pending: devices.reduce((sum, device) => sum + fake.pending(device).length, 0),
        storedMessages: fake.rest.messages.size,
        prepared: prepared.length,
      };
    },
    trim({ messages = false } = {}) {
      tally();
      // The fake's records are live arrays (documented as such); emptying them keeps 100k events from piling up there.
      fake.requests.length = 0;
      tallied = 0;
      for (const connection of fake.connections()) {
        trimmedAcks.set(connection.id, (trimmedAcks.get(connection.id) ?? 0) + connection.acks.length);
        connection.sent.length = 0;
        connection.received.length = 0;
        connection.acks.length = 0;
      }
      if (messages) {
        const waiting = new Set(prepared.map((event) => event.message.id));
        for (const id of [...fake.rest.messages.keys()]) if (!waiting.has(id)) fake.rest.messages.delete(id);
      }
      return { ok: true };
    },
  };
}

/**
 * Starts the fake in its own process or (BENCH_SERVER=in-process) in this one. Resolves to
 * { info, call(name, args), post(name, args), offsetMs, rttMs, toLocal(at), recalibrate(), stop() }: `toLocal` turns a fake-clock time into this process's.
 */
export async function startFake(options = {}) {
  if (SERVER_MODE === 'in-process') {
    const fake = await startRealtimeFake(options);
    const commands = commandsOf(fake);
    return {
      info: commands.info(),
      placement: 'in-process',
      call: async (name, args) => commands[name](args ?? {}),
      post: (name, args) => void commands[name](args ?? {}),
      offsetMs: 0,
      rttMs: 0,
      toLocal: (at) => at,
      recalibrate: async () => ({ offsetMs: 0, rttMs: 0 }),
      stop: () => fake.stop(),
    };
  }
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_FAKE_CONFIG: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const info = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`realtime fake process exited with ${code}`)));
    child.once('message', (message) => resolve(message.info));
  });
  child.removeAllListeners('exit');
  let next = 0;
  const waiting = new Map();
  child.on('message', (message) => {
    const call = waiting.get(message?.id);
    if (!call) return;
    waiting.delete(message.id);
    if (message.error) call.reject(new Error(`fake.${call.name}: ${message.error}`));
    else call.resolve(message.result);
  });
  const call = (name, args) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { name, resolve, reject });
      child.send({ id, name, args: args ?? {} });
    });
  const running = {
    info,
    placement: 'process',
    call,
    post: (name, args) => void child.send({ name, args: args ?? {} }),
    offsetMs: 0,
    rttMs: 0,
    toLocal: (at) => at - running.offsetMs,
    /** Measures the fake's clock against ours: the round trip with the shortest time bounds the error (± rtt/2). */
    async recalibrate(samples = 200) {
      let best = { rttMs: Infinity, offsetMs: 0 };
      for (let i = 0; i < samples; i++) {
        const sent = clock();
        const theirs = await call('now');
        const back = clock();
        if (back - sent < best.rttMs) best = { rttMs: back - sent, offsetMs: theirs - (sent + back) / 2 };
      }
      running.offsetMs = best.offsetMs;
      running.rttMs = best.rttMs;
      return best;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ id: 0, name: 'stop' });
      }),
  };
  await running.recalibrate();
  return running;
}

// Forked by startFake: run the fake and answer calls over IPC.
if (process.send && process.env.BENCH_FAKE_CONFIG) {
  const fake = await startRealtimeFake(JSON.parse(process.env.BENCH_FAKE_CONFIG));
  const commands = commandsOf(fake);
  process.send({ type: 'ready', info: commands.info() });
  process.on('message', async (message) => {
    if (message?.name === 'stop') {
      await fake.stop();
      process.exit(0);
    }
    try {
      const result = await commands[message.name](message.args);
      if (message.id !== undefined) process.send({ id: message.id, result });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (message.id !== undefined) process.send({ id: message.id, error: text });
      else console.error(`realtime fake: ${message.name} failed: ${text}`);
    }
  });
  process.on('disconnect', () => process.exit(0));
}
