// 2. Paging throughput: 20,000 rooms (200 pages of 100, Link rel="next") with
// webex.rooms.list({ max: 100 }) vs a hand-written raw-fetch loop that parses
// Link itself. The server waits PAGE_DELAY_MS before each page, for both.
// Two scenarios: the caller does some work per item (where fetching one page
// ahead pays off), and the caller does nothing (pure client overhead).
import { Webex } from '@webex-ts/client';
import { fmtMs, median, Report, SERVER_MODE, SERVER_SUFFIX, startServer, TOKEN } from './lib/util.mjs';

const PAGES = 200;
const PER_PAGE = 100;
const PAGE_DELAY_MS = Number(process.env.BENCH_PAGE_DELAY_MS ?? 2);
const WORK_US = Number(process.env.BENCH_ITEM_WORK_US ?? 20);
const ROUNDS = Number(process.env.BENCH_PAGING_ROUNDS ?? 9);
const EXPECTED = PAGES * PER_PAGE;

const report = new Report();
const server = await startServer({ pages: PAGES, pageDelayMs: PAGE_DELAY_MS });
const { baseUrl } = server;
const headers = { authorization: `Bearer ${TOKEN}` };
const webex = new Webex({ accessToken: TOKEN, baseUrl });

/** The caller's work on one item: a fixed spin, the same for both. */
function work(us) {
  if (us <= 0) return;
  const until = performance.now() + us / 1000;
  while (performance.now() < until);
}

function nextFromLink(header) {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel="?([^";]*\s)?next[\s"]?/i.test(match[2])) return match[1];
  }
  return undefined;
}

const variants = {
  raw: async (workUs) => {
    const ids = [];
    let url = `${baseUrl}/rooms?max=${PER_PAGE}`;
    while (url) {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.json();
      for (const room of body.items) {
        ids.push(room.id);
        work(workUs);
      }
      url = nextFromLink(response.headers.get('link'));
    }
    return ids;
  },
  webex: async (workUs) => {
    const ids = [];
    for await (const room of webex.rooms.list({ max: PER_PAGE })) {
      ids.push(room.id);
      work(workUs);
    }
    return ids;
  },
};

let runs = 0;
function verify(name, ids) {
  runs++;
  let ok = ids.length === EXPECTED;
  for (let i = 0; ok && i < ids.length; i++) ok = ids[i] === `r${i}`;
  report.check(`paging ${name}: ${EXPECTED} items, in order, each once`, ok, `${ids.length} items`);
}

// With the server on the same event loop, serving the pages costs the client time that a second core would hide.
const TARGET = SERVER_MODE === 'in-process' ? 1.05 : 1.0;

async function scenario(label, workUs) {
  const times = { raw: [], webex: [] };
  for (const name of Object.keys(variants)) verify(`${name} warm-up`, await variants[name](workUs));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? ['webex', 'raw'] : ['raw', 'webex'];
    for (const name of order) {
      const started = performance.now();
      const ids = await variants[name](workUs);
      times[name].push(performance.now() - started);
      verify(name, ids);
    }
  }
  const ratio = median(times.webex.map((value, i) => value / times.raw[i]));
  report.row({
    benchmark: `2. paging 20k items, ${label}${SERVER_SUFFIX}`,
    measured: `${fmtMs(median(times.webex))} (${Math.round(EXPECTED / (median(times.webex) / 1000))} items/s)`,
    baseline: `${fmtMs(median(times.raw))} raw fetch loop`,
    ratio,
    target: `<= ${TARGET.toFixed(2)}x`,
    met: ratio <= TARGET,
  });
}

await scenario(`caller works ${WORK_US} µs/item`, WORK_US);
await scenario('caller does nothing', 0);

// Stopping early: break after 150 items (on page 2); at most one page ahead may have been asked for.
const before = (await server.stats()).pagesServed;
let seen = 0;
for await (const room of webex.rooms.list({ max: PER_PAGE })) {
  if (room.id !== `r${seen}` || ++seen === 150) break;
}
await new Promise((resolve) => setTimeout(resolve, 50));
const earlyPages = (await server.stats()).pagesServed - before;
report.check(
  'paging: breaking after 150 items fetched at most one page ahead (<= 3 pages)',
  seen === 150 && earlyPages <= 3,
  `${seen} items, ${earlyPages} pages`,
);

const stats = await server.stats();
await server.close();
const expectedPages = runs * PAGES + earlyPages;
report.check(
  'paging: the server served every page once per run',
  stats.pagesServed === expectedPages,
  `${stats.pagesServed} of ${expectedPages}`,
);
report.check('paging: every page request carried the token', stats.unauthorized === 0, `${stats.unauthorized} without`);
report.note(
  `paging${SERVER_SUFFIX}: ${PAGE_DELAY_MS} ms server delay per page; ${ROUNDS} alternating rounds per scenario; the floor with work is ` +
    `max(${PAGES} x ${PAGE_DELAY_MS} ms, ${EXPECTED} x ${WORK_US} µs) = ${fmtMs(Math.max(PAGES * PAGE_DELAY_MS, (EXPECTED * WORK_US) / 1000))}`,
);
report.emit();
