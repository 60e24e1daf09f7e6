// 7. Event to handler through the fake socket: a post injected into the realtime fake, timed from `fake.inject` to the
// handler holding the message the source fetched by REST. Three variants, each on a device of its own, each event sent
// to one device only: createBot + socketTransport, listenForEvents, and the raw floor (a `ws` socket and a bare fetch
// per frame). Rounds interleave the variants (the order rotates); each round gives each variant SEQ events one at a
// time (the next injected once the handler has the last) and BURSTS bursts of BURST events injected back to back.
// The fake runs in its own process (times converted with the measured clock offset) or, with BENCH_SERVER=in-process,
// on the bot's own event loop.
import { Arrivals, percentile, startVariant } from './lib/bot-clients.mjs';
import { clock, startFake } from './lib/bot-fake.mjs';
import { fmtMs, median, Report, SERVER_MODE } from './lib/util.mjs';

const ROUNDS = Number(process.env.BENCH_BOT_ROUNDS ?? 10);
const SEQ = Number(process.env.BENCH_BOT_SEQ ?? 200);
const BURSTS = Number(process.env.BENCH_BOT_BURSTS ?? 10);
const BURST = Number(process.env.BENCH_BOT_BURST ?? 10);
const TARGET_P99_MS = 5;
const SUFFIX = SERVER_MODE === 'in-process' ? ' [fake in-process]' : '';

const report = new Report();
const fake = await startFake();
const { info } = fake;
const arrivals = new Arrivals();
const names = ['bot', 'listen', 'raw'];
const clients = {};
const devices = {};
for (const name of names) {
  clients[name] = await startVariant(name, {
    info,
    deviceName: `bench-${name}`,
    onMessage: arrivals.handler(name, clock),
  });
}
for (const device of await fake.call('devices')) devices[device.name.replace(/^bench-/, '')] = device.url;
report.check(
  'each variant registered one device of its own',
  names.every((name) => devices[name]),
  JSON.stringify(Object.keys(devices)),
);

/** Latencies (ms) per variant and pattern. */
const latency = Object.fromEntries(names.map((name) => [name, { sequential: [], burst: [] }]));
/** Client-process CPU per event (µs), per variant and round: meaningful with the fake in its own process. */
const cpuPerEvent = Object.fromEntries(names.map((name) => [name, []]));
let injected = 0;
let misrouted = 0;
let outOfOrder = 0;
let negative = 0;

/**
 * One round of one variant: SEQ events one at a time, then BURSTS bursts of BURST. Injections are posted without an
 * answer (no IPC message crosses the measured interval); their stamps are fetched once the round is over.
 */
async function round(name, tag, record) {
  const made = await fake.call('prepare', { count: SEQ + BURSTS * BURST, prefix: `${name} ${tag} `, room: name });
  for (const { messageId, text } of made) arrivals.expect(messageId, name, text);
  const queue = made.map((event) => event.messageId);
  const groups = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < SEQ + BURSTS; i++) {
    const count = i < SEQ ? 1 : BURST;
    const ids = queue.splice(0, count);
    fake.post('inject', { count, device: devices[name] });
    await arrivals.waitFor(ids);
    groups.push({ pattern: i < SEQ ? 'sequential' : 'burst', ids });
  }
  const used = process.cpuUsage(cpu);
  const stamps = new Map((await fake.call('stamps')).map((stamp) => [stamp.messageId, stamp]));
  // The fake logs every request and frame for tests; emptied each round so that its heap does not grow through the run.
  await fake.call('trim');
  injected += stamps.size;
  for (const { pattern, ids } of groups) {
    for (let i = 0; i < ids.length; i++) {
      const stamp = stamps.get(ids[i]);
      if (stamp?.sockets !== 1) misrouted++;
      if (i > 0 && name !== 'raw' && arrivals.arrived.get(ids[i]) < arrivals.arrived.get(ids[i - 1])) outOfOrder++;
      const ms = arrivals.arrived.get(ids[i]) - fake.toLocal(stamp?.at ?? Number.NaN);
      if (!(ms > 0)) negative++;
      if (record) latency[name][pattern].push(ms);
    }
  }
  if (record) cpuPerEvent[name].push((used.user + used.system) / made.length);
}

let failure;
try {
  for (const name of names) await round(name, 'warm-up', false);
  await fake.recalibrate?.();
  for (let r = 0; r < ROUNDS; r++)
    for (let k = 0; k < names.length; k++) await round(names[(r + k) % names.length], `round ${r}`, true);
} catch (error) {
  failure = error;
}
const calibration = { offsetMs: fake.offsetMs, rttMs: fake.rttMs };
const drift = SERVER_MODE === 'in-process' ? { offsetMs: 0, rttMs: 0 } : await fake.recalibrate();

for (const name of names) await clients[name].stop();
const stats = await fake.call('stats');
await fake.stop();

const perVariant = (SEQ + BURSTS * BURST) * (ROUNDS + 1);
report.check('the run finished', !failure, failure?.message ?? '');
report.check(
  'every injected event reached exactly one device',
  misrouted === 0 && injected === perVariant * names.length,
  `${injected} injected, ${misrouted} not to exactly one socket`,
);
report.check(
  'every event reached its own variant once, with the text the REST read gave (the frame holds only ciphertext)',
  arrivals.arrived.size === injected && Object.values(arrivals.wrong).every((n) => n === 0),
  `${arrivals.arrived.size} of ${injected} arrived; ${JSON.stringify(arrivals.wrong)}`,
);
report.check(
  'every event was read by REST exactly once',
  stats.restMessageGets === injected && stats.restFailed === 0,
  `${stats.restMessageGets} message reads for ${injected} events, ${stats.restFailed} failed`,
);
report.check(
  'bot and listenForEvents handed over each burst in the order injected',
  outOfOrder === 0,
  `${outOfOrder} out of order`,
);
report.check('every frame was acked (nothing pending at the fake)', stats.pending === 0, `${stats.pending} pending`);
report.check(
  'latencies are positive (the clock offset between the processes is right)',
  negative === 0,
  `${negative} <= 0; offset ${calibration.offsetMs.toFixed(3)} ms ± ${(calibration.rttMs / 2).toFixed(3)}, after the run ${drift.offsetMs.toFixed(3)} ms`,
);
report.check(
  'no errors reported by the clients',
  names.every((name) => clients[name].errors.length === 0),
  names.map((name) => `${name}: ${clients[name].errors.map(String).slice(0, 2).join('; ')}`).join(' | '),
);

const labels = { bot: 'createBot + socketTransport', listen: 'listenForEvents' };
const fmt = (values) =>
  `p50 ${fmtMs(percentile(values, 50))}, p99 ${fmtMs(percentile(values, 99))}, max ${fmtMs(percentile(values, 100))}`;
for (const pattern of ['sequential', 'burst']) {
  const raw = latency.raw[pattern];
  const rawP99 = percentile(raw, 99);
  for (const name of ['bot', 'listen']) {
    const values = latency[name][pattern];
    const p99 = percentile(values, 99);
    report.row({
      benchmark: `7. event → handler, ${pattern === 'sequential' ? `${values.length} one at a time` : `${values.length} in bursts of ${BURST}`}: ${labels[name]}${SUFFIX}`,
      measured: fmt(values),
      baseline: `p99 ${fmtMs(rawP99)} raw ws + fetch`,
      ratio: p99 / rawP99,
      target: `p99 <= ${TARGET_P99_MS} ms`,
      met: !failure && p99 <= TARGET_P99_MS,
    });
  }
}
report.note(
  `event → handler${SUFFIX}: ${ROUNDS} rounds x (${SEQ} sequential + ${BURSTS} bursts of ${BURST}) per variant after ${perVariant / (ROUNDS + 1)} warm-up events; ` +
    `raw floor: sequential ${fmt(latency.raw.sequential)}, bursts ${fmt(latency.raw.burst)}; ` +
    (SERVER_MODE === 'in-process'
      ? 'fake on the same event loop'
      : `fake in its own process, clock offset ${calibration.offsetMs.toFixed(3)} ms measured to ±${(calibration.rttMs / 2).toFixed(3)} ms (${drift.offsetMs.toFixed(3)} ms after the run)`),
);
const p50Ratio = (name, pattern) => percentile(latency[name][pattern], 50) / percentile(latency.raw[pattern], 50);
report.note(
  `event → handler${SUFFIX}: p50 against the raw floor's p50: ` +
    ['bot', 'listen']
      .map(
        (name) =>
          `${name} ${p50Ratio(name, 'sequential').toFixed(2)}x one at a time, ${p50Ratio(name, 'burst').toFixed(2)}x in bursts`,
      )
      .join('; '),
);
report.note(
  `event → handler${SUFFIX}: CPU of the bot's process per event (median of rounds${SERVER_MODE === 'in-process' ? ' (the fake included)' : ''}): ` +
    names.map((name) => `${name} ${median(cpuPerEvent[name]).toFixed(0)} µs`).join(', '),
);
report.emit();
process.exit();
