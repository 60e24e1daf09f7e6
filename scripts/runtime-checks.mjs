// The child side of scripts/test-on-runtimes.mjs: runs under Bun, Deno (or Node) and uses the built @webex-ts/bot
// against the realtime fake the parent runs in Node. One check per process, named by the first argument; what it
// sees goes to stdout as JSON lines for the parent to judge (the parent injects events when told `ready`).
//
//   WEBEX_TS_FAKE='{"u2cUrl":…,"restUrl":…,"token":…}' bun scripts/runtime-checks.mjs listen
import { createBot, listenForEvents, socketTransport, webhookTransport } from '@webex-ts/bot';
import { Webex } from '@webex-ts/client';

// Bun and Deno 2 both have Node's `process`.
const fake = JSON.parse(process.env.WEBEX_TS_FAKE ?? '{}');
const check = process.argv.at(-1);

/** One line to the parent. */
function tell(fields) {
  console.log(JSON.stringify(fields));
}

// Counts the sockets made through the runtime's own WebSocket (the source looks the class up when it connects): proves
// that `ws` was not what it used.
const NativeWebSocket = globalThis.WebSocket;
let nativeSockets = 0;
if (typeof NativeWebSocket === 'function') {
  globalThis.WebSocket = class CountedWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      nativeSockets++;
    }
  };
}

const client = () => new Webex({ accessToken: fake.token, baseUrl: fake.restUrl, maxRetries: 0 });
const socketOptions = (deviceName) => ({
  accessToken: fake.token,
  catalogUrl: fake.u2cUrl,
  allowLoopbackForTests: true,
  deviceName,
});

const checks = {
  /** listenForEvents: ready, one message fetched by REST, closed (acked, device deleted). */
  async listen() {
    const events = listenForEvents(client(), socketOptions('runtime-listen'));
    await events.ready();
    tell({ step: 'ready', device: 'runtime-listen' });
    for await (const event of events) {
      tell({ step: 'received', type: event.type, text: event.type === 'message' ? event.message.text : undefined });
      break;
    }
    await events.stopped;
  },

  /** createBot + socketTransport: the handler gets the message, stop() acks, closes and deletes the device. */
  async bot() {
    let received;
    const got = new Promise((resolve) => {
      received = resolve;
    });
    const errors = [];
    const bot = createBot({
      webex: client(),
      transport: socketTransport(socketOptions('runtime-bot')),
      onError: (error) => errors.push(String(error)),
    });
    bot.on('message', (ctx) => received(ctx.message.text));
    await bot.start();
    tell({ step: 'ready', device: 'runtime-bot' });
    const text = await got;
    const stopped = await bot.stop();
    tell({ step: 'received', type: 'message', text, drained: stopped.drained, errors });
  },

  /** createBot + webhookTransport's fetch adapter on the runtime's own server (Bun.serve, Deno.serve). */
  async webhook() {
    let received;
    const got = new Promise((resolve) => {
      received = resolve;
    });
    const errors = [];
    const transport = webhookTransport({ secret: fake.secret });
    const bot = createBot({ webex: client(), transport, onError: (error) => errors.push(String(error)) });
    bot.on('message', (ctx) => received(ctx.message.text));
    await bot.start();
    const server = serve((request) => transport.fetch(request));
    tell({ step: 'listening', port: server.port });
    const text = await got;
    await bot.stop();
    await server.close();
    tell({ step: 'received', type: 'message', text, errors });
  },
};

/** A server on a free loopback port with the runtime's own API. */
function serve(handler) {
  if (globalThis.Bun) {
    const server = globalThis.Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handler });
    return { port: server.port, close: () => server.stop(true) };
  }
  if (globalThis.Deno) {
    const server = globalThis.Deno.serve({ port: 0, hostname: '127.0.0.1', onListen() {} }, handler);
    return { port: server.addr.port, close: () => server.shutdown() };
  }
  throw new Error('the webhook check needs Bun.serve or Deno.serve');
}

const run = checks[check];
if (!run) {
  tell({ step: 'failed', error: `no check named ${check}; one of ${Object.keys(checks).join(', ')}` });
  process.exit(2);
} else {
  try {
    await run();
    tell({ step: 'done', nativeSockets, globalWebSocket: typeof NativeWebSocket === 'function' });
  } catch (error) {
    tell({ step: 'failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    process.exit(1);
  }
}
