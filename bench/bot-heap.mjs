// 9. Heap over 100,000 events through the socket source: createBot + socketTransport (handler: bot.on('message')), and
// listenForEvents (a `for await` loop) apart, which has the same source without the bot's layer. Each takes 110,000
// posts from the realtime fake, in bursts of BURST, each fetched by REST; the first 10,000 warm the caches (the source
// remembers 2,000 activity ids, the client its connections). After every 10,000 events, once
// every frame is acked, the pass runs gc() and reads heapUsed. The figure is the least-squares slope of heapUsed over
// the 100,000 events after warm-up, per 10,000 events; the baseline is the same for the raw floor (a `ws` socket and a
// bare fetch per frame, no library), the noise of the method. Each pass runs in its own `node --expose-gc` process. With
// BENCH_SERVER=in-process the fake runs in the pass's own process, and its heap counts too: the pass empties the fake's
// logs (it keeps every request and frame for tests) and its delivered messages before each reading.
import { fileURLToPath } from 'node:url';
import { Arrivals, startVariant } from './lib/bot-clients.mjs';
import { clock, startFake } from './lib/bot-fake.mjs';
import { fmtMB, Report, run, SERVER_MODE } from './lib/util.mjs';

const EVENTS = Number(process.env.BENCH_HEAP_EVENTS ?? 100_000);
const WARMUP = EVENTS / 10;
const EVERY = EVENTS / 10;
const BURST = 50;
const CHUNK = 1000;
// A leak of one small object (a closure, a promise, a map entry: 30–100 bytes) per event grows the heap by 300 KB–1 MB
// per 10,000 events; the bound sits below that and above the method's noise.
const BOUND_KB = 100;
const SUFFIX = SERVER_MODE === 'in-process' ? ' [fake in-process]' : '';

if (process.argv[2] === '--pass') {
  await pass(process.argv[3]);
} else {
  await main();
}

async function main() {
  const report = new Report();
  const self = fileURLToPath(import.meta.url);
  const results = {};
  for (const variant of ['bot', 'listen', 'raw']) {
    const child = await run(process.execPath, ['--expose-gc', self, '--pass', variant], { env: process.env });
    process.stderr.write(child.stderr);
    const line = child.stdout.split('\n').find((l) => l.startsWith('PASS '));
    if (child.code !== 0 || !line) {
      report.check(`heap ${variant}: the pass ran`, false, `exit ${child.code}: ${child.stderr.slice(-800)}`);
      continue;
    }
    const result = JSON.parse(line.slice(5));
    results[variant] = result;
    report.check(
      `heap ${variant}: ${result.events} events, each handed over once with the text the REST read gave`,
      result.events === WARMUP + EVENTS && result.arrived === result.events && result.wrong === 0,
      `${result.arrived} of ${result.events} arrived, ${result.wrong} wrong`,
    );
    report.check(
      `heap ${variant}: each event read by REST once and acked`,
      result.reads === result.events && result.pending === 0 && result.misrouted === 0,
      `${result.reads} reads, ${result.pending} pending, ${result.misrouted} not to one socket`,
    );
    report.check(`heap ${variant}: no errors`, result.errors.length === 0, result.errors.slice(0, 3).join('; '));
  }
  const { raw } = results;
  const labels = { bot: 'createBot + socketTransport', listen: 'listenForEvents' };
  const mb = (samples) => samples.map(([, bytes]) => (bytes / 1024 / 1024).toFixed(2)).join(', ');
  for (const variant of ['bot', 'listen']) {
    const result = results[variant];
    if (!result) continue;
    const slope = slopeKB(result.samples);
    report.row({
      benchmark: `9. heap after gc(), ${EVENTS / 1000}k events through the socket source: ${labels[variant]}${SUFFIX}`,
      measured: `${slope.toFixed(1)} KB / 10k events (${fmtMB(result.samples[0][1])} → ${fmtMB(result.samples.at(-1)[1])})`,
      baseline: raw ? `${slopeKB(raw.samples).toFixed(1)} KB / 10k raw ws + fetch` : '—',
      target: `< ${BOUND_KB} KB / 10k events`,
      met: slope < BOUND_KB,
    });
    report.note(
      `heap${SUFFIX} ${variant}: heapUsed after gc() every ${EVERY / 1000}k events after ${WARMUP / 1000}k warm-up: ${mb(result.samples)} MB; ` +
        `${(result.ms / 1000).toFixed(0)} s for ${result.events} events in bursts of ${BURST}`,
    );
  }
  if (raw) report.note(`heap${SUFFIX} raw floor: ${mb(raw.samples)} MB; ${(raw.ms / 1000).toFixed(0)} s`);
  report.emit();
}

/** Least-squares slope of [events, heapUsed] pairs, in KB per 10,000 events. */
function slopeKB(samples) {
  const n = samples.length;
  const mx = samples.reduce((s, [x]) => s + x, 0) / n;
  const my = samples.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = samples.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = samples.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return ((sxy / sxx) * 10_000) / 1024;
}

async function pass(variant) {
  const started = performance.now();
  const fake = await startFake();
  const arrivals = new Arrivals();
  const client = await startVariant(variant, {
    info: fake.info,
    deviceName: `bench-heap-${variant}`,
    onMessage: arrivals.handler(variant, clock),
  });
  const [device] = await fake.call('devices');
  let misrouted = 0;
  let arrived = 0;
  const samples = [];

  async function heapNow() {
    await fake.call('trim', { messages: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 3; i++) {
      globalThis.gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return process.memoryUsage().heapUsed;
  }

  for (let done = 0; done < WARMUP + EVENTS; ) {
    const made = await fake.call('prepare', { count: CHUNK, prefix: `heap ${done} `, room: variant });
    for (const { messageId, text } of made) arrivals.expect(messageId, variant, text);
    const ids = made.map((event) => event.messageId);
    for (let i = 0; i < CHUNK; i += BURST) {
      fake.post('inject', { count: BURST, device: device.url });
      await arrivals.waitFor(ids.slice(i, i + BURST));
    }
    for (const stamp of await fake.call('stamps')) if (stamp.sockets !== 1) misrouted++;
    arrived += ids.filter((id) => arrivals.arrived.has(id)).length;
    arrivals.forget(ids);
    done += CHUNK;
    if (done >= WARMUP && (done - WARMUP) % EVERY === 0) {
      samples.push([done - WARMUP, await heapNow()]);
      process.stderr.write(`  heap ${variant}${SUFFIX}: ${done} events, ${fmtMB(samples.at(-1)[1])}\n`);
    }
  }
  const ms = performance.now() - started;
  await client.stop();
  const stats = await fake.call('stats');
  await fake.stop();
  const wrong = Object.values(arrivals.wrong).reduce((a, b) => a + b, 0);
  const result = {
    events: WARMUP + EVENTS,
    arrived,
    wrong,
    reads: stats.restMessageGets,
    pending: stats.pending,
    misrouted,
    errors: client.errors.map(String),
    samples,
    ms,
  };
  process.stdout.write(`PASS ${JSON.stringify(result)}\n`);
  process.exit();
}
