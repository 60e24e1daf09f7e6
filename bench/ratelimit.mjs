// 4. Bulk work under rate limits: 300 concurrent webex.messages.create calls
// against a server with a token bucket of 100 requests/s (burst 100) that
// answers 429 with Retry-After: 1 beyond it. The floor: the first 100 go at
// once, the other 200 need 2 s of refill, so 2 s.
// Run twice, each against a fresh server: with the client's defaults (the
// target), and with `maxConcurrency: 8` (for reference: the existing knob).
import { Webex } from '@webex-ts/client';
import { fmtMs, Report, SERVER_SUFFIX, startServer, TOKEN } from './lib/util.mjs';

const CALLS = 300;
const RATE = 100;
const BURST = 100;
const FLOOR_MS = ((CALLS - BURST) / RATE) * 1000;

const report = new Report();

async function scenario(label, options, withTarget) {
  const server = await startServer({ rate: RATE, burst: BURST });
  const retries = { 'rate-limit': 0, other: 0 };
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

  const ratio = elapsed / FLOOR_MS;
  report.row({
    benchmark: `4. rate limits: ${CALLS} concurrent messages.create, ${label}: total time${SERVER_SUFFIX}`,
    measured: fmtMs(elapsed),
    baseline: `${fmtMs(FLOOR_MS)} floor`,
    ratio,
    target: withTarget ? '<= 1.15x floor' : '— (reference)',
    met: withTarget ? ratio <= 1.15 : undefined,
  });
  report.row({
    benchmark: `4. rate limits, ${label}: 429 answers${SERVER_SUFFIX}`,
    measured: String(stats.rateLimited),
    baseline: '0 (a limiter that knows the rate)',
    target: withTarget ? '< 30' : '— (reference)',
    met: withTarget ? stats.rateLimited < 30 : undefined,
  });
  report.note(
    `rate limits${SERVER_SUFFIX} (${label}): ${stats.messagePosts} POSTs for ${CALLS} messages (${stats.rateLimited} answered 429, ${retries.other} other retries); ` +
      `first post to last acceptance ${fmtMs(stats.bucketWindowMs)} on the server; per 250 ms, accepted/429: ` +
      stats.timeline.map(([ok, limited], i) => `${(i * 0.25).toFixed(2)}s ${ok}/${limited}`).join(', '),
  );
}

await scenario('defaults', {}, true);
await scenario('maxConcurrency 8', { maxConcurrency: 8 }, false);
report.emit();
