// The loopback Webex stand-in the benchmarks talk to. Keep-alive, 127.0.0.1, a
// port from listen(0). Usually in its own process (forked by startServer), so
// its CPU time and heap never count against the client being measured; with
// BENCH_SERVER=in-process it runs in the client's own process instead, on the
// same event loop, so the client's CPU cost is not hidden by a second core.
//
// Routes (under /v1, and Contact Center's under /organization):
//   GET  /v1/rooms/{id}                 a small Room, id echoed
//   GET  /v1/rooms?max=N[&cursor=K]     page K of `pages` pages of N rooms, Link rel="next", `pageDelayMs` per page
//   POST /v1/messages                   token bucket (`rate`/s, `burst`), 429 + Retry-After: 1 beyond it; refilled
//                                       continuously, or with `refill: 'whole'` one whole token every 1000/`rate` ms
//                                       (from the clock, not a timer: a timer on a busy event loop would refill late)
//   GET  /organization/{orgid}/v2/skill?page=K&pageSize=N   page K of `pages` pages, meta/data envelope
//   POST /organization/{orgid}/skill    accepted, 201 with a new id
//
// Forked, the parent asks for counters over IPC: { type: 'stats' } → { type: 'stats', stats }.
import { createServer } from 'node:http';

/** Starts the stand-in in this process; resolves to { url, stats(), close() }. */
export async function listenBenchServer(config = {}) {
  const pages = config.pages ?? 200;
  const pageDelayMs = config.pageDelayMs ?? 0;
  const rate = config.rate ?? 100;
  const burst = config.burst ?? rate;
  const TOKEN = config.token ?? 'bench-token';
  const wholeTokens = config.refill === 'whole';

  let origin = '';
  const stats = {
    requests: 0,
    unauthorized: 0,
    roomGets: 0,
    pagesServed: 0,
    messagePosts: 0,
    rateLimited: 0,
    accepted: 0,
    distinctAccepted: 0,
    duplicates: 0,
    firstPostAt: 0,
    lastAcceptAt: 0,
  };
  /** Message text → times accepted. */
  const accepted = new Map();
  /** Per 250 ms since the first POST: [accepted, rate-limited]. */
  const timeline = [];
  function mark(index) {
    const slot = Math.floor((performance.now() - stats.firstPostAt) / 250);
    while (timeline.length <= slot) timeline.push([0, 0]);
    timeline[slot][index]++;
  }

  // Token bucket, starts full; refilled continuously, or a whole token at each tick of 1000/rate ms.
  let tokens = burst;
  let refilledAt = performance.now();
  function takeToken() {
    const now = performance.now();
    if (wholeTokens) {
      const ticks = Math.floor(((now - refilledAt) * rate) / 1000);
      tokens = Math.min(burst, tokens + ticks);
      refilledAt += (ticks * 1000) / rate;
    } else {
      tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * rate);
      refilledAt = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  const roomHead = '{"id":"';
  const roomTail =
    '","title":"Benchmark Room","type":"group","isLocked":false,"lastActivity":"2024-05-01T10:00:00.000Z","creatorId":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iZW5jaA","created":"2024-01-01T09:00:00.000Z","ownerId":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9iZW5jaA"}';

  function item(n) {
    return `{"id":"r${n}","title":"Room ${n}","type":"group","isLocked":false,"lastActivity":"2024-05-01T10:00:00.000Z","created":"2024-01-01T09:00:00.000Z"}`;
  }

  function send(res, status, body, headers = {}) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  }

  function authorized(req) {
    if (req.headers.authorization === `Bearer ${TOKEN}`) return true;
    stats.unauthorized++;
    return false;
  }

  const server = createServer((req, res) => {
    stats.requests++;
    const url = req.url ?? '';
    if (req.method === 'GET' && url.startsWith('/v1/rooms/')) {
      if (!authorized(req)) return send(res, 401, '{"message":"unauthorized"}');
      stats.roomGets++;
      return send(res, 200, roomHead + decodeURIComponent(url.slice('/v1/rooms/'.length)) + roomTail);
    }
    if (req.method === 'GET' && (url === '/v1/rooms' || url.startsWith('/v1/rooms?'))) {
      if (!authorized(req)) return send(res, 401, '{"message":"unauthorized"}');
      const query = new URL(url, 'http://x').searchParams;
      const max = Number(query.get('max') ?? 100);
      const cursor = Number(query.get('cursor') ?? 0);
      const parts = new Array(max);
      for (let i = 0; i < max; i++) parts[i] = item(cursor * max + i);
      const body = `{"items":[${parts.join(',')}]}`;
      const headers = {};
      if (cursor + 1 < pages) headers.link = `<${origin}/v1/rooms?max=${max}&cursor=${cursor + 1}>; rel="next"`;
      stats.pagesServed++;
      if (pageDelayMs > 0) setTimeout(() => send(res, 200, body, headers), pageDelayMs);
      else send(res, 200, body, headers);
      return;
    }
    if (req.method === 'POST' && url === '/v1/messages') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        if (!authorized(req)) return send(res, 401, '{"message":"unauthorized"}');
        stats.messagePosts++;
        if (!stats.firstPostAt) stats.firstPostAt = performance.now();
        if (!takeToken()) {
          stats.rateLimited++;
          mark(1);
          return send(res, 429, '{"message":"Too Many Requests"}', { 'retry-after': '1' });
        }
        let text;
        try {
          text = JSON.parse(Buffer.concat(chunks).toString('utf8')).text;
        } catch {
          return send(res, 400, '{"message":"bad json"}');
        }
        const times = (accepted.get(text) ?? 0) + 1;
        accepted.set(text, times);
        stats.accepted++;
        if (times === 1) stats.distinctAccepted++;
        else stats.duplicates++;
        stats.lastAcceptAt = performance.now();
        mark(0);
        send(
          res,
          200,
          JSON.stringify({
            id: `m-${stats.accepted}`,
            roomId: 'bench-room',
            text,
            created: '2024-05-01T10:00:00.000Z',
          }),
        );
      });
      return;
    }
    const skills = /^\/organization\/[^/]+\/(v2\/)?skill(\?|$)/.exec(url);
    if (skills && req.method === 'GET' && skills[1]) {
      if (!authorized(req)) return send(res, 401, '{"message":"unauthorized"}');
      const query = new URL(url, 'http://x').searchParams;
      const size = Number(query.get('pageSize') ?? 100);
      const page = Number(query.get('page') ?? 0);
      const parts = new Array(page < pages ? size : 0);
      for (let i = 0; i < parts.length; i++) parts[i] = item(page * size + i);
      stats.pagesServed++;
      const meta = `{"page":${page},"pageSize":${size},"totalPages":${pages},"totalRecords":${pages * size}}`;
      return send(res, 200, `{"meta":${meta},"data":[${parts.join(',')}]}`);
    }
    if (skills && req.method === 'POST' && !skills[1]) {
      req.resume();
      req.on('end', () => {
        if (!authorized(req)) return send(res, 401, '{"message":"unauthorized"}');
        stats.accepted++;
        send(res, 201, JSON.stringify({ id: `skill-${stats.accepted}`, name: 'bundle skill' }));
      });
      return;
    }
    send(res, 404, '{"message":"not found"}');
  });
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 130_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin,
    stats: () => ({ ...stats, bucketWindowMs: stats.lastAcceptAt - stats.firstPostAt, timeline }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// Forked by startServer: serve, and answer the parent over IPC.
if (process.send && process.env.BENCH_SERVER_CONFIG) {
  const running = await listenBenchServer(JSON.parse(process.env.BENCH_SERVER_CONFIG));
  process.send({ type: 'ready', url: running.url });
  process.on('message', async (message) => {
    if (message?.type === 'stats') {
      process.send({ type: 'stats', stats: running.stats() });
    } else if (message?.type === 'close') {
      await running.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
}
