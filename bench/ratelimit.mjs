// 4. Bulk work under rate limits: 300 concurrent webex.messages.create calls
// against a server with a token bucket of 100 requests/s (burst 100) that
// answers 429 with Retry-After: 1 beyond it. The floor: the first 100 go at
// once, the other 200 need 2 s of refill, so 2 s.
// With the client's defaults (the target) several times over in one process, a fresh server and a fresh client each
// time: the first client starts with the process (cold), the later ones in a process that has run for a while, as in
// an application (the shape of the issue's second harness, which ran the server in the client's own process: with
// BENCH_SERVER=in-process this does too). Rows report the worst of them. For reference: the same against a bucket
// refilled a whole token every 10 ms, and with `maxConcurrency: 8` (the existing knob).
import { Webex } from '@webex-ts/client';
import { fmtMs, median, Report, SERVER_SUFFIX, startServer, TOKEN } from './lib/util.mjs';

const CALLS = 300;
const RATE = 100;
const BURST = 100;
const FLOOR_MS = ((CALLS - BURST) / RATE) * 1000;
const CLIENTS = Number(process.env.BENCH_RATELIMIT_CLIENTS ?? 3);

const report = new Report();

/** One fresh server and one fresh client; checks the result, returns what was measured. */
async function scenario(label, options, serverConfig = {}) {
  const server = await startServer({ rate: RATE, burst: BURST, ...serverConfig });
  const retries = { 'rate-limit': 0, other: 0 };
  const processAgeMs = performance.now();
  const webex = new Webex({
    accessToken: TOKEN,
    baseUrl: server.baseUrl,
    ...options,
    onRetry: (event) => (event.reason === 'rate-limit' ? retries['rate-limit']++ : retries.other++),
  });

  const started = performance.now();
  const settled = await Promise.allSettled(
    Array.from({ length: CALLS }, (_, i) => webex.messages.create({ roomId: 'bench-room', text: `bulk message ${i}` })),
  );
  const elapsed = performance.now() - started;
  const stats = await server.stats();
  await server.close();

  const failed = settled.filter((s) => s.status === 'rejected');
  const wrong = settled.filter((s, i) => s.status === 'fulfilled' && s.value?.text !== `bulk message ${i}`);
  report.check(
    `rate limits (${label}): every call resolved`,
    failed.length === 0,
    `${failed.length} rejected${failed[0] ? `, first: ${failed[0].reason}` : ''}`,
  );
  report.check(
    `rate limits (${label}): every call got its own message back`,
    wrong.length === 0,
    `${wrong.length} wrong`,
  );
  report.check(
    `rate limits (${label}): the server accepted each message exactly once`,
    stats.distinctAccepted === CALLS && stats.duplicates === 0,
    `${stats.distinctAccepted} distinct, ${stats.duplicates} duplicates`,
  );
  report.check(
    `rate limits (${label}): every post carried the token`,
    stats.unauthorized === 0,
    `${stats.unauthorized} without`,
  );
  report.check(
    `rate limits (${label}): the client retried every 429 the server sent`,
    retries['rate-limit'] === stats.rateLimited,
    `${retries['rate-limit']} retries, ${stats.rateLimited} 429s`,
  );

  return { elapsed, stats, retries, processAgeMs };
}

const timeline = (stats) =>
  stats.timeline.map(([ok, limited], i) => `${(i * 0.25).toFixed(2)}s ${ok}/${limited}`).join(', ');

/** Rows for one or more runs of a scenario: the worst time and the most 429s, and a note with every run. */
function rows(label, runs, withTarget) {
  const worst = runs.reduce((a, b) => (b.elapsed > a.elapsed ? b : a));
  const most = Math.max(...runs.map((run) => run.stats.rateLimited));
  const of = runs.length > 1 ? `, worst of ${runs.length} clients` : '';
  const ratio = worst.elapsed / FLOOR_MS;
  report.row({
    benchmark: `4. rate limits: ${CALLS} concurrent messages.create, ${label}: total time${of}${SERVER_SUFFIX}`,
    measured: fmtMs(worst.elapsed),
    baseline: `${fmtMs(FLOOR_MS)} floor`,
    ratio,
    target: withTarget ? '<= 1.15x floor' : '— (reference)',
    met: withTarget ? ratio <= 1.15 : undefined,
  });
  report.row({
    benchmark: `4. rate limits, ${label}: 429 answers${runs.length > 1 ? `, most of ${runs.length} clients` : ''}${SERVER_SUFFIX}`,
    measured: String(most),
    baseline: '0 (a limiter that knows the rate)',
    target: withTarget ? '< 30' : '— (reference)',
    met: withTarget ? most < 30 : undefined,
  });
  const each = runs
    .map(
      (run, i) =>
        `client ${i + 1} (made ${fmtMs(run.processAgeMs)} into the process): ${(run.elapsed / FLOOR_MS).toFixed(3)}x, ${run.stats.rateLimited} 429s, ${run.stats.messagePosts} POSTs, ${run.retries.other} other retries`,
    )
    .join('; ');
  report.note(
    `rate limits${SERVER_SUFFIX} (${label}): ${each}` +
      (runs.length > 1 ? `; median ${(median(runs.map((run) => run.elapsed)) / FLOOR_MS).toFixed(3)}x` : '') +
      `; the slowest, per 250 ms accepted/429 on the server: ${timeline(worst.stats)}`,
  );
}

const defaults = [];
for (let i = 0; i < CLIENTS; i++) defaults.push(await scenario('defaults', {}));
rows('defaults', defaults, true);
rows(
  'defaults, bucket refilled a whole token every 10 ms',
  [await scenario('whole tokens', {}, { refill: 'whole' })],
  false,
);
rows('maxConcurrency 8', [await scenario('maxConcurrency 8', { maxConcurrency: 8 })], false);
report.emit();
