// 8. A webhook delivery through the receiver vs a bare `node:http` handler. The same signed `messages:created`
// deliveries (each names a message the REST stand-in serves) are posted by the same load generator, in its own process,
// to three servers in this process:
//   baseline  node:http: read the body, check X-Spark-Signature (node:crypto HMAC-SHA1, timingSafeEqual; 403 when
//             wrong), JSON.parse, GET /v1/messages/{data.id} with a bare fetch + json(), hand the message over, 200.
//             No envelope checks, no dedupe, no own-message check, no retry or timeout.
//   receiver  createServer(createWebhookReceiver(...).node): the receiver's real work, verify (WebCrypto HMAC-SHA1),
//             parse and check the envelope, dedupe, drop the bot's own messages, messages.get through the client
//             (retry policy, per-attempt timeout), onEvent, 200.
//   bot       (reference) createServer(webhookTransport.node) under createBot: the receiver, then the bot's per-room
//             queue, access rules and dispatch to bot.on('message').
// The REST stand-in is the realtime fake (GET /v1/messages/{id}), in its own process or, with BENCH_SERVER=in-process,
// in this one. Rounds interleave the variants (the order rotates); every variant gets the same deliveries each round,
// and the receiver and the bot are made afresh each round, so none of them is a repeat. Two loads: one delivery at a
// time, and 16 at once. The figure is the median over rounds of the time per delivery; the ratio is the median of the
// per-round ratios to the baseline.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createBot, webhookTransport } from '@webex-ts/bot';
import { createWebhookReceiver, Webex } from '@webex-ts/client';
import { percentile } from './lib/bot-clients.mjs';
import { startFake } from './lib/bot-fake.mjs';
import { startLoadgen } from './lib/bot-loadgen.mjs';
import { fmtMs, fmtUs, median, Report, SERVER_MODE } from './lib/util.mjs';

const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 9);
const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 400);
const LOADS = [1, 16];
const TARGET = 1.2;
const SECRET = 'bench-webhook-secret';
const SUFFIX = SERVER_MODE === 'in-process' ? ' [REST in-process]' : '';

const report = new Report();
const fake = await startFake();
const { info } = fake;
const restHeaders = { authorization: `Bearer ${info.token}` };

// The deliveries: one message each, in the user's 1:1 room with the bot, signed as Webex signs them.
const messages = await fake.call('prepare', { count: DELIVERIES, prefix: 'webhook ', queue: false });
const textOf = new Map(messages.map(({ messageId, text }) => [messageId, text]));
const envelope = (messageId) => ({
  id: 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svYmVuY2g',
  name: 'webex-ts bot messages created',
  targetUrl: 'https://bot.example.com/webex',
  resource: 'messages',
  event: 'created',
  orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9iZW5jaA',
  createdBy: info.meId,
  appId: 'Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL2JlbmNo',
  ownedBy: 'creator',
  status: 'active',
  created: '2024-05-01T10:00:00.000Z',
  actorId: info.userId,
  data: {
    id: messageId,
    roomId: info.directRoomId,
    roomType: 'direct',
    personId: info.userId,
    personEmail: 'ana@example.com',
    created: '2024-05-01T10:00:00.000Z',
  },
});
const sign = (body) => createHmac('sha1', SECRET).update(body).digest('hex');
const deliveries = messages.map(({ messageId }) => {
  const body = JSON.stringify(envelope(messageId));
  return { body, signature: sign(body) };
});
// Past the measured ones: the same first delivery again (a repeat), and one signed with another secret.
const repeat = deliveries[0];
const forged = {
  body: deliveries[1].body,
  signature: createHmac('sha1', 'not-the-secret').update(deliveries[1].body).digest('hex'),
};
const loadgen = await startLoadgen();
await loadgen.load([...deliveries, repeat, forged]);

/** What each variant handed over this round: message id → count, and texts that differ from the REST store's. */
const seen = { baseline: new Map(), receiver: new Map(), bot: new Map() };
let wrongText = 0;
const handedOver = (variant) => (message) => {
  if (textOf.get(message.id) !== message.text) wrongText++;
  seen[variant].set(message.id, (seen[variant].get(message.id) ?? 0) + 1);
};
const errors = [];

// The baseline.
const onBaseline = handedOver('baseline');
const baselineServer = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(req.headers['x-spark-signature'] ?? ''), 'hex');
    const actual = createHmac('sha1', SECRET).update(body).digest();
    if (given.length !== actual.length || !timingSafeEqual(given, actual)) {
      res.writeHead(403).end('bad signature\n');
      return;
    }
    const { data } = JSON.parse(body.toString('utf8'));
    fetch(`${info.restUrl}/messages/${data.id}`, { headers: restHeaders })
      .then((response) => {
        if (!response.ok) throw new Error(`GET messages answered ${response.status}`);
        return response.json();
      })
      .then(
        (message) => {
          onBaseline(message);
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok\n');
        },
        (error) => {
          errors.push(error);
          res.writeHead(500).end('failed\n');
        },
      );
  });
});

// The receiver and the bot, made afresh each round behind one server each.
const webex = new Webex({ accessToken: info.token, baseUrl: info.restUrl });
let receiver;
const newReceiver = () =>
  createWebhookReceiver({
    webex,
    secret: SECRET,
    botId: info.meId,
    onEvent: (event) => {
      if (event.type === 'message') onReceiver(event.message);
    },
    onError: (error) => {
      // The forged delivery is refused on purpose; anything else is a failure.
      if (error?.outcome !== 'bad-signature') errors.push(error);
    },
  });
const onReceiver = handedOver('receiver');
const receiverServer = createServer((req, res) => receiver.node(req, res));

let bot;
let transport;
const onBot = handedOver('bot');
async function newBot() {
  transport = webhookTransport({ secret: SECRET });
  bot = createBot({
    webex,
    transport,
    onError: (error) => {
      if (error?.outcome !== 'bad-signature') errors.push(error);
    },
  });
  bot.on('message', (ctx) => onBot(ctx.message));
  await bot.start();
}
const botServer = createServer((req, res) => transport.node(req, res));

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}/`)));
const urls = {
  baseline: await listen(baselineServer),
  receiver: await listen(receiverServer),
  bot: await listen(botServer),
};
const names = Object.keys(urls);

/** Per load and variant: ms per delivery per round, latencies, this process's CPU per delivery per round. */
const results = Object.fromEntries(
  LOADS.map((load) => [
    load,
    Object.fromEntries(names.map((name) => [name, { perDelivery: [], latencies: [], cpu: [] }])),
  ]),
);
let notOk = 0;
let notOnce = 0;

async function runOne(name, load, record) {
  if (name === 'receiver') receiver = newReceiver();
  if (name === 'bot') await newBot();
  seen[name].clear();
  const cpu = process.cpuUsage();
  const result = await loadgen.run({ url: urls[name], from: 0, count: DELIVERIES, concurrency: load });
  const used = process.cpuUsage(cpu);
  if (name === 'bot') await bot.stop();
  // The fake logs every request for tests; emptied after each run (its counts stay) so that its heap does not grow.
  await fake.call('trim');
  notOk += DELIVERIES - (result.statuses[200] ?? 0);
  notOnce += messages.filter(({ messageId }) => seen[name].get(messageId) !== 1).length;
  if (!record) return;
  const slot = results[load][name];
  slot.perDelivery.push(result.ms / DELIVERIES);
  slot.latencies.push(...result.latencies);
  slot.cpu.push((used.user + used.system) / 1000 / DELIVERIES);
}

let failure;
let runs = 0;
try {
  for (const load of LOADS) {
    for (const name of names) {
      await runOne(name, load, false);
      runs++;
    }
    for (let round = 0; round < ROUNDS; round++)
      for (let k = 0; k < names.length; k++) {
        await runOne(names[(round + k) % names.length], load, true);
        runs++;
      }
  }
} catch (error) {
  failure = error;
}

// After the measured runs: a repeat and a forged delivery to the baseline and to a fresh receiver that has seen the
// first delivery once.
const readsBefore = (await fake.call('stats')).restMessageGets;
receiver = newReceiver();
const once = await loadgen.run({ url: urls.receiver, from: 0, count: 1, concurrency: 1 });
const again = await loadgen.run({ url: urls.receiver, from: DELIVERIES, count: 1, concurrency: 1 });
const forgedReceiver = await loadgen.run({ url: urls.receiver, from: DELIVERIES + 1, count: 1, concurrency: 1 });
const forgedBaseline = await loadgen.run({ url: urls.baseline, from: DELIVERIES + 1, count: 1, concurrency: 1 });
const stats = await fake.call('stats');

loadgen.stop();
for (const server of [baselineServer, receiverServer, botServer]) {
  server.closeAllConnections();
  server.close();
}
await fake.stop();

report.check('the run finished', !failure, failure?.message ?? '');
report.check('every delivery was answered 200 by every variant', notOk === 0, `${notOk} not 200`);
report.check(
  'every variant handed over each delivery exactly once per run, with the text the REST read gave',
  notOnce === 0 && wrongText === 0,
  `${notOnce} not exactly once, ${wrongText} with the wrong text`,
);
report.check(
  'every delivery was fetched by REST (one read per delivery per run)',
  readsBefore === runs * DELIVERIES,
  `${readsBefore} message reads for ${runs} runs of ${DELIVERIES}`,
);
report.check(
  'the receiver answers a repeat 200 without reading it again',
  once.statuses[200] === 1 && again.statuses[200] === 1 && stats.restMessageGets === readsBefore + 1,
  `${stats.restMessageGets - readsBefore} reads for a delivery and its repeat`,
);
report.check(
  'both the receiver and the baseline refuse a delivery signed with another secret (403)',
  forgedReceiver.statuses[403] === 1 && forgedBaseline.statuses[403] === 1,
  `receiver ${JSON.stringify(forgedReceiver.statuses)}, baseline ${JSON.stringify(forgedBaseline.statuses)}`,
);
report.check('no errors in any variant', errors.length === 0, errors.slice(0, 3).map(String).join('; '));

const labels = { receiver: 'createWebhookReceiver().node', bot: 'createBot + webhookTransport (reference)' };
for (const load of LOADS) {
  const base = results[load].baseline;
  for (const name of ['receiver', 'bot']) {
    const mine = results[load][name];
    const ratio = median(mine.perDelivery.map((value, i) => value / base.perDelivery[i]));
    report.row({
      benchmark: `8. webhook delivery → handler, ${load === 1 ? 'one at a time' : `${load} at once`}: ${labels[name]}${SUFFIX}`,
      measured: `${fmtUs(median(mine.perDelivery))} / delivery (p99 ${fmtMs(percentile(mine.latencies, 99))})`,
      baseline: `${fmtUs(median(base.perDelivery))} bare node:http (p99 ${fmtMs(percentile(base.latencies, 99))})`,
      ratio,
      target: name === 'receiver' ? `<= ${TARGET}x bare node:http` : '— (reference)',
      met: name === 'receiver' ? !failure && ratio <= TARGET : undefined,
    });
  }
  const cpu = (name) => median(results[load][name].cpu);
  report.note(
    `webhook${SUFFIX}, ${load === 1 ? 'one at a time' : `${load} at once`}: CPU of the receiving process per delivery (median of ${ROUNDS} rounds${SERVER_MODE === 'in-process' ? ', the REST stand-in included' : ''}): ` +
      `baseline ${fmtUs(cpu('baseline'))}, receiver ${fmtUs(cpu('receiver'))} (${(cpu('receiver') / cpu('baseline')).toFixed(2)}x), bot ${fmtUs(cpu('bot'))} (${(cpu('bot') / cpu('baseline')).toFixed(2)}x)`,
  );
}
report.note(
  `webhook${SUFFIX}: ${ROUNDS} rounds x ${DELIVERIES} deliveries per variant and load (+1 warm-up round), load generator in its own process, REST stand-in ${SERVER_MODE === 'in-process' ? 'in the receiving process' : 'in its own process'}`,
);
report.emit();
process.exit();
