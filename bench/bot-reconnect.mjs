// 10. Reconnect after a dropped socket. The fake cuts a variant's socket without a close frame (`fake.drop`: the client
// sees 1006) and at once sends a post to that device, which the fake keeps for it (no socket is open) and replays to
// the next socket once it authorizes. Timed from the drop to the handler holding the post's message, fetched by REST.
// The library waits a backoff before reconnecting (jittered, 0.5–1 s after a drop of a socket that was ready, with the
// defaults): `onStatus` reports the delay it chose (`reconnecting`, `delayMs`), and the claim is about what is left,
// drop → event minus that backoff: detecting the drop, refreshing the device (PUT), connecting, authorizing, the
// replay, the REST read and the hand-over. The baseline is the raw floor: a `ws` socket that connects again at once on
// close (no backoff, no refresh), and a bare fetch. Each variant posts in a room of its own, so that the read-back the
// library does after a reconnect finds only its own messages. Variants alternate drop by drop.
import { Arrivals, percentile, startVariant } from './lib/bot-clients.mjs';
import { clock, startFake } from './lib/bot-fake.mjs';
import { fmtMs, median, Report, SERVER_MODE } from './lib/util.mjs';

const DROPS = Number(process.env.BENCH_RECONNECT_DROPS ?? 12);
const TARGET_MS = 2000;
const SETTLE_MS = 200;
const SUFFIX = SERVER_MODE === 'in-process' ? ' [fake in-process]' : '';

const report = new Report();
const fake = await startFake();
const { info } = fake;
const arrivals = new Arrivals();
const names = ['bot', 'listen', 'raw'];
const statuses = { bot: [], listen: [] };
const clients = {};
for (const name of names) {
  clients[name] = await startVariant(name, {
    info,
    deviceName: `bench-reconnect-${name}`,
    onMessage: arrivals.handler(name, clock),
    onStatus: (status) => statuses[name]?.push({ ...status, at: clock() }),
    reconnect: true,
  });
}
const devices = {};
for (const device of await fake.call('devices')) devices[device.name.replace(/^bench-reconnect-/, '')] = device.url;
const before = await fake.call('stats');

/** Per variant: [{ totalMs, backoffMs, statuses }] per drop. */
const drops = Object.fromEntries(names.map((name) => [name, []]));
let failure;

async function dropOnce(name) {
  const [made] = await fake.call('prepare', { count: 1, prefix: `${name} after drop `, room: name });
  arrivals.expect(made.messageId, name, made.text);
  const since = statuses[name]?.length ?? 0;
  fake.post('drop', { device: devices[name] });
  fake.post('inject', { count: 1, device: devices[name] });
  await arrivals.waitFor([made.messageId], 60_000);
  const [drop, sent] = await fake.call('stamps');
  const arrived = arrivals.arrived.get(made.messageId);
  const after = (statuses[name] ?? []).slice(since).filter((status) => status.at <= arrived);
  const backoffMs = after
    .filter((status) => status.state === 'reconnecting')
    .reduce((sum, status) => sum + status.delayMs, 0);
  drops[name].push({
    totalMs: arrived - fake.toLocal(drop.at),
    backoffMs,
    droppedSockets: drop.sockets,
    queued: sent.sockets === 0,
    states: after.map((status) => status.state).join(' → '),
  });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

try {
  for (let i = 0; i < DROPS; i++) for (let k = 0; k < names.length; k++) await dropOnce(names[(i + k) % names.length]);
} catch (error) {
  failure = error;
}
for (const name of names) await clients[name].stop();
const stats = await fake.call('stats');
await fake.stop();

report.check('the run finished', !failure, failure?.message ?? '');
report.check(
  'every drop cut exactly one socket, and the post after it found none open (it had to wait for the reconnect)',
  names.every((name) => drops[name].every((drop) => drop.droppedSockets === 1 && drop.queued)),
  JSON.stringify(
    Object.fromEntries(names.map((name) => [name, drops[name].map((d) => `${d.droppedSockets}/${d.queued}`)])),
  ),
);
report.check(
  'every post after a drop reached its own variant exactly once, with the text the REST read gave',
  arrivals.arrived.size === DROPS * names.length && Object.values(arrivals.wrong).every((n) => n === 0),
  `${arrivals.arrived.size} of ${DROPS * names.length}; ${JSON.stringify(arrivals.wrong)}`,
);
report.check(
  'each library variant reconnected once per drop, after one backoff it reported (reconnecting → connecting → ready)',
  ['bot', 'listen'].every((name) =>
    drops[name].every((drop) => drop.states === 'reconnecting → connecting → ready' && drop.backoffMs > 0),
  ),
  ['bot', 'listen'].map((name) => `${name}: ${[...new Set(drops[name].map((d) => d.states))].join(' | ')}`).join('; '),
);
report.check(
  'one socket per drop per variant, and the library refreshed its device (PUT) rather than registering anew',
  stats.upgrades - before.upgrades === DROPS * names.length &&
    stats.refreshes - before.refreshes === DROPS * 2 &&
    stats.registers === before.registers,
  `${stats.upgrades - before.upgrades} upgrades, ${stats.refreshes - before.refreshes} refreshes, ${stats.registers - before.registers} new registrations`,
);
report.check('nothing left unacked at the fake', stats.pending === 0, `${stats.pending} pending`);
report.check(
  'no errors reported by the clients',
  names.every((name) => clients[name].errors.length === 0),
  names.map((name) => `${name}: ${clients[name].errors.map(String).slice(0, 2).join('; ')}`).join(' | '),
);

const raw = drops.raw.map((drop) => drop.totalMs);
const labels = { bot: 'createBot + socketTransport', listen: 'listenForEvents' };
for (const name of ['bot', 'listen']) {
  const rest = drops[name].map((drop) => drop.totalMs - drop.backoffMs);
  const worst = Math.max(...rest);
  report.row({
    benchmark: `10. drop → next event, minus the backoff the source chose: ${labels[name]}${SUFFIX}`,
    measured: `median ${fmtMs(median(rest))}, max ${fmtMs(worst)} (backoff ${fmtMs(Math.min(...drops[name].map((d) => d.backoffMs)))}–${fmtMs(Math.max(...drops[name].map((d) => d.backoffMs)))}, total median ${fmtMs(median(drops[name].map((d) => d.totalMs)))})`,
    baseline: `median ${fmtMs(median(raw))} raw ws reconnecting at once`,
    ratio: median(rest) / median(raw),
    target: `max <= ${fmtMs(TARGET_MS)}`,
    met: !failure && drops[name].length === DROPS && worst <= TARGET_MS,
  });
}
report.note(
  `reconnect${SUFFIX}: ${DROPS} drops per variant; raw floor drop → event p50 ${fmtMs(percentile(raw, 50))}, max ${fmtMs(Math.max(...raw))}; ` +
    ['bot', 'listen']
      .map(
        (name) =>
          `${name} (total − backoff): ${drops[name].map((d) => (d.totalMs - d.backoffMs).toFixed(0)).join(', ')} ms`,
      )
      .join('; '),
);
report.emit();
process.exit();
