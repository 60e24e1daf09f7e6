// 3. Memory: iterate 1,000,000 rooms (1000 pages of 1000) and report heap growth.
// Each pass runs in its own `node --expose-gc` process: the baseline is heapUsed
// after gc() with the client constructed; the figure is the largest heapUsed
// sampled during iteration (every 250 items) minus that baseline. The raw-fetch
// loop is the baseline: the garbage any reader of 1000-item pages makes.
// A third pass samples right after gc() every 10 pages: what the iterator really holds.
// With BENCH_SERVER=in-process each pass starts the server in its own process, so its heap counts too.
import { fileURLToPath } from 'node:url';
import { fmtMB, fmtMs, median, Report, run, SERVER_MODE, SERVER_SUFFIX, startServer, TOKEN } from './lib/util.mjs';

const PAGES = 1000;
const PER_PAGE = 1000;
const EXPECTED = PAGES * PER_PAGE;

if (process.argv[2] === '--pass') {
  await pass(process.argv[3], process.argv[4]);
} else {
  await main();
}

async function main() {
  const report = new Report();
  // In-process, each pass serves itself; otherwise one server (its own process) serves every pass.
  const server = SERVER_MODE === 'in-process' ? undefined : await startServer({ pages: PAGES });
  const self = fileURLToPath(import.meta.url);
  const REPEATS = Number(process.env.BENCH_MEMORY_REPEATS ?? 3);
  const results = { 'webex-peak': [], 'raw-peak': [], 'webex-retained': [] };
  const passes = [];
  for (let i = 0; i < REPEATS; i++)
    passes.push(
      ...(i % 2
        ? [
            ['raw', 'peak'],
            ['webex', 'peak'],
          ]
        : [
            ['webex', 'peak'],
            ['raw', 'peak'],
          ]),
    );
  passes.push(['webex', 'retained']);
  for (const [variant, mode] of passes) {
    const child = await run(process.execPath, ['--expose-gc', self, '--pass', variant, mode], {
      env: { ...process.env, ...(server ? { BENCH_BASE_URL: server.baseUrl } : {}) },
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('PASS '));
    if (child.code !== 0 || !line) {
      report.check(`memory ${variant} ${mode}: pass ran`, false, `exit ${child.code}: ${child.stderr.slice(-500)}`);
      continue;
    }
    const result = JSON.parse(line.slice(5));
    results[`${variant}-${mode}`].push(result);
    report.check(
      `memory ${variant} ${mode}: ${EXPECTED} items, in order`,
      result.count === EXPECTED && result.inOrder,
      `${result.count} items`,
    );
  }
  const served = server
    ? (await server.stats()).pagesServed
    : Object.values(results)
        .flat()
        .reduce((sum, result) => sum + result.pagesServed, 0);
  await server?.close();
  report.check(
    'memory: the server served every page once per pass',
    served === passes.length * PAGES,
    `${served} of ${passes.length * PAGES}`,
  );

  const growth = (list) => median(list.map((r) => r.growth));
  const webex = results['webex-peak'];
  const raw = results['raw-peak'];
  const retained = results['webex-retained'];
  if (webex.length && raw.length) {
    report.row({
      benchmark: `3. memory: 1M items, heap growth (peak)${SERVER_SUFFIX}`,
      measured: fmtMB(growth(webex)),
      baseline: `${fmtMB(growth(raw))} raw fetch loop`,
      ratio: growth(webex) / growth(raw),
      target: '< 50 MB',
      met: growth(webex) < 50 * 1024 * 1024,
    });
    report.note(
      `memory${SERVER_SUFFIX}: median of ${webex.length} passes each (webex ${webex.map((r) => fmtMB(r.growth)).join(', ')}; raw ${raw.map((r) => fmtMB(r.growth)).join(', ')}); ` +
        `webex ${fmtMs(median(webex.map((r) => r.ms)))} for 1M items, raw loop ${fmtMs(median(raw.map((r) => r.ms)))}; baseline heap ${fmtMB(webex[0].baseline)}` +
        (retained.length
          ? `; right after gc() (every 10 pages, mid-page) the webex iterator held at most ${fmtMB(retained[0].growth)}`
          : ''),
    );
  }
  report.emit();
}

async function pass(variant, mode) {
  const server = SERVER_MODE === 'in-process' ? await startServer({ pages: PAGES }) : undefined;
  const baseUrl = server?.baseUrl ?? process.env.BENCH_BASE_URL;
  const { Webex } = await import('@webex-ts/client');
  const webex = new Webex({ accessToken: TOKEN, baseUrl });
  const headers = { authorization: `Bearer ${TOKEN}` };
  const forceGc = mode === 'retained';

  async function* rawRooms() {
    let url = `${baseUrl}/rooms?max=${PER_PAGE}`;
    while (url) {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.json();
      yield* body.items;
      url = /<([^>]*)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    }
  }
  const rooms = variant === 'webex' ? webex.rooms.list({ max: PER_PAGE }) : rawRooms();

  globalThis.gc();
  globalThis.gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let count = 0;
  let inOrder = true;
  const started = performance.now();
  for await (const room of rooms) {
    if (room.id !== `r${count}`) inOrder = false;
    count++;
    // Peak: every 250 items, garbage included. Retained: right after a full gc() every 10 pages, mid-page.
    if (forceGc ? count % (10 * PER_PAGE) === PER_PAGE / 2 : count % 250 === 0) {
      if (forceGc) globalThis.gc();
      const used = process.memoryUsage().heapUsed;
      if (used > peak) peak = used;
    }
  }
  const ms = performance.now() - started;
  const pagesServed = server ? (await server.stats()).pagesServed : undefined;
  await server?.close();
  process.stdout.write(
    `PASS ${JSON.stringify({ count, inOrder, baseline, peak, growth: peak - baseline, ms, pagesServed })}\n`,
  );
}
