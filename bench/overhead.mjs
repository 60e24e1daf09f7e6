// 1. Per-request overhead: webex.rooms.get(id) vs raw fetch vs bare openapi-fetch,
// sequential calls on one keep-alive connection to a loopback server in another
// process. Variants are interleaved in rounds (the order rotates every round);
// the figure is the median per-call time over rounds, the ratio the median of
// the per-round ratios to raw fetch.
import createClient from 'openapi-fetch';
import { Webex } from '@webex-ts/client';
import { fmtUs, median, Report, SERVER_SUFFIX, startServer, TOKEN } from './lib/util.mjs';

const ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 60);
const PER_ROUND = Number(process.env.BENCH_OVERHEAD_CALLS ?? 200);
const WARMUP = 1500;

const report = new Report();
const server = await startServer();
const { baseUrl } = server;

const headers = { authorization: `Bearer ${TOKEN}` };
const openapi = createClient({ baseUrl, headers });
const webex = new Webex({ accessToken: TOKEN, baseUrl });

let wrong = 0;
const variants = {
  'raw fetch': async (id) => {
    const response = await fetch(`${baseUrl}/rooms/${encodeURIComponent(id)}`, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  },
  'openapi-fetch': async (id) => {
    const { data, error } = await openapi.GET('/rooms/{roomId}', { params: { path: { roomId: id } } });
    if (error !== undefined) throw new Error(`openapi-fetch error: ${JSON.stringify(error)}`);
    return data;
  },
  'webex.rooms.get': (id) => webex.rooms.get(id),
};
const names = Object.keys(variants);
/** Client-process CPU time per call (ms), per round: the overhead without the server's share of the latency. */
const cpuPerCall = {};

let sequence = 0;
async function batch(name, count) {
  const call = variants[name];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const id = `room-${sequence++}`;
    const room = await call(id);
    if (room?.id !== id || room.type !== 'group') wrong++;
  }
  const elapsed = (performance.now() - started) / count;
  const used = process.cpuUsage(cpu);
  cpuPerCall[name]?.push((used.user + used.system) / 1000 / count);
  return elapsed;
}

for (const name of names) await batch(name, WARMUP);

const perCall = Object.fromEntries(names.map((name) => [name, []]));
for (const name of names) cpuPerCall[name] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    perCall[name].push(await batch(name, PER_ROUND));
  }
}

const totalCalls = (WARMUP + ROUNDS * PER_ROUND) * names.length;
const stats = await server.stats();
await server.close();

report.check('every call returned the room it asked for', wrong === 0, `${wrong} wrong answers`);
report.check('the server answered every call', stats.roomGets === totalCalls, `${stats.roomGets} of ${totalCalls}`);
report.check('every call carried the token', stats.unauthorized === 0, `${stats.unauthorized} without`);

const raw = perCall['raw fetch'];
const ratioOf = (name) => median(perCall[name].map((value, i) => value / raw[i]));
const rawMedian = median(raw);
report.row({
  benchmark: `1. per-request: openapi-fetch (reference)${SERVER_SUFFIX}`,
  measured: `${fmtUs(median(perCall['openapi-fetch']))} / call`,
  baseline: `${fmtUs(rawMedian)} raw fetch`,
  ratio: ratioOf('openapi-fetch'),
  target: '— (reference; issue: ~1.27x)',
  met: undefined,
});
const clientRatio = ratioOf('webex.rooms.get');
report.row({
  benchmark: `1. per-request: webex.rooms.get${SERVER_SUFFIX}`,
  measured: `${fmtUs(median(perCall['webex.rooms.get']))} / call`,
  baseline: `${fmtUs(rawMedian)} raw fetch`,
  ratio: clientRatio,
  target: '<= 1.25x raw fetch',
  met: clientRatio <= 1.25,
});
report.note(
  `per-request${SERVER_SUFFIX}: ${ROUNDS} rounds x ${PER_ROUND} sequential calls per variant (+${WARMUP} warm-up each), ${totalCalls} calls in all; ` +
    `webex vs openapi-fetch ${median(perCall['webex.rooms.get'].map((v, i) => v / perCall['openapi-fetch'][i])).toFixed(2)}x`,
);
report.note(
  `per-request${SERVER_SUFFIX} client CPU per call (median of rounds): ${names.map((name) => `${name} ${fmtUs(median(cpuPerCall[name]))}`).join(', ')}; ` +
    `webex/raw ${median(cpuPerCall['webex.rooms.get'].map((v, i) => v / cpuPerCall['raw fetch'][i])).toFixed(2)}x, ` +
    `openapi-fetch/raw ${median(cpuPerCall['openapi-fetch'].map((v, i) => v / cpuPerCall['raw fetch'][i])).toFixed(2)}x`,
);
report.emit();
