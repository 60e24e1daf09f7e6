import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { decodeId } from '@webex-ts/client';
import { BotMessages } from './front/bot-messages.js';
import { ContentStore } from './front/contents.js';
import { prismTarget } from './front/forward.js';
import { type MockRequest, startFront } from './front/server.js';
import { type RecordedWebhook, WebhookRegistry } from './front/webhooks.js';
import { startRealtimeFake } from './realtime/fake.js';
import type { RealtimeFake, RealtimeFakeOptions } from './realtime/types.js';
import { Cast } from './simulate/cast.js';
import { createSimulator } from './simulate/simulator.js';
import type { Simulator } from './simulate/types.js';
import { prismSpecFile } from './prism-spec.js';
import { Waiters } from './wait-for.js';

const require = createRequire(import.meta.url);

/** The bundled spec shipped with `@webex-ts/client`: the one its code was generated from. */
export function bundledSpecPath(): string {
  return require.resolve('@webex-ts/client/openapi.json');
}

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Host to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Spec to serve. Default: the client's bundled spec. */
  spec?: string;
  /** Also fail answers whose examples break the spec (Prism `--errors`). Default true. */
  errors?: boolean;
  /** Give up starting after this many ms. Default 60 000. */
  timeoutMs?: number;
  /** Options of the realtime fake inside the mock (`mock.realtime`); its account is always the spec's `people/me`. */
  realtime?: Omit<RealtimeFakeOptions, 'me'>;
}

/** A running mock. Point `new Webex({ baseUrl: mock.url })` at it. */
export interface MockServer {
  url: string;
  port: number;
  /** Everything Prism printed so far (request validation details, for one). */
  output(): string;
  /**
   * People talking to your bot: each call files a message, card submit or membership in the mock (its REST reads
   * return it) and delivers it as a signed webhook to the webhooks created through the mock, and over `realtime`'s socket.
   */
  readonly simulate: Simulator;
  /**
   * The realtime fake (catalog, devices, event socket) whose store holds the simulated objects; its bot is the
   * account `people/me` answers. It listens on a port of its own: `realtime.catalogUrl` is where a bot starts.
   */
  readonly realtime: RealtimeFake;
  /** The webhooks created through the mock (`POST /webhooks` that Prism accepted), with their secrets. */
  webhooks(): RecordedWebhook[];
  /** Every request the mock received, oldest first (a live array); header values are never kept. */
  readonly requests: readonly MockRequest[];
  /**
   * Resolves with `check()`'s first truthy result, checked again after every request and simulation; rejects after
   * `timeoutMs` (default 5 000) naming `what`. For bots that answer after the delivery was acknowledged.
   */
  waitFor<T>(check: () => T | undefined | null | false, options?: { timeoutMs?: number; what?: string }): Promise<T>;
  stop(): Promise<void>;
}

/** A free port on loopback. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function prismEntry(): string {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.prism!);
}

/**
 * Starts the mock and resolves once it answers: `prism mock` on the Webex spec behind a small front at `url` that
 * serves what Prism cannot (file downloads, simulated messages, card submits and memberships, and the messages your
 * bot posts: each under an id of its own, readable, listed and deletable) and passes every other request to Prism
 * unchanged. Prism checks every request, those it does not answer too, and rejects what does not match the spec
 * (400/401/422), so an app's tests against it double as contract tests.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? bundledSpecPath();
  const prismSpec = prismSpecFile(spec);
  // Prism stays on loopback, on a port of its own: only the front talks to it.
  const prismHost = '127.0.0.1';
  const prismPort = await freePort(prismHost);
  const args = [
    prismEntry(),
    'mock',
    '--host',
    prismHost,
    '--port',
    String(prismPort),
    ...(options.errors === false ? [] : ['--errors']),
    prismSpec.path,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const prismUrl = `http://${prismHost}:${prismPort}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const stopPrism = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }).finally(() => prismSpec.remove());
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${prismUrl}/__mock_ready`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stopPrism();
        throw new Error(`prism did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  const requests: MockRequest[] = [];
  const waiters = new Waiters('mock');
  const changed = () => waiters.notify();
  const contents = new ContentStore();
  const webhooks = new WebhookRegistry();
  const gone = new Set<string>();
  let realtime: RealtimeFake | undefined;
  let front: Awaited<ReturnType<typeof startFront>> | undefined;
  try {
    realtime = await startRealtimeFake({ ...options.realtime, me: await accountOf(prismUrl) });
    const fake = realtime;
    // `url` is the front's, known once it listens; the simulator reads it only when it runs, after that.
    const cast = new Cast(fake);
    const simulate = createSimulator({ fake, contents, webhooks, gone, mockUrl: () => url, cast, changed });
    const messages = new BotMessages({ fake, contents, gone, mockUrl: () => url, cast });
    front = await startFront({
      host,
      port: options.port ?? 0,
      prism: prismTarget(prismHost, prismPort),
      fake,
      contents,
      webhooks,
      messages,
      gone,
      simulator: () => simulate,
      onRequest: (request) => {
        requests.push(request);
        changed();
      },
    });
    const url = front.url;
    const running = front;
    return {
      url,
      port: front.port,
      output: () => output,
      simulate,
      realtime: fake,
      webhooks: () => webhooks.all(),
      requests,
      waitFor: (check, waitOptions) => waiters.waitFor(check, waitOptions),
      stop: async () => {
        await running.stop();
        await fake.stop();
        await stopPrism();
      },
    };
  } catch (error) {
    await front?.stop();
    await realtime?.stop();
    await stopPrism();
    throw error;
  }
}

/**
 * The account of the token as the spec's `people/me` example gives it, for the realtime fake's bot: so the bot the
 * simulator mentions and files card messages for is the one a bot under test learns it is. Undefined (the fake's own
 * bot) for a spec without a usable example.
 */
async function accountOf(prismUrl: string): Promise<RealtimeFakeOptions['me']> {
  try {
    const answer = await fetch(`${prismUrl}/people/me`, { headers: { Authorization: 'Bearer webex-mock' } });
    if (!answer.ok) return undefined;
    const person = (await answer.json()) as { id?: unknown; displayName?: unknown; emails?: unknown; type?: unknown };
    const id = typeof person.id === 'string' ? decodeId(person.id) : undefined;
    const email = Array.isArray(person.emails) ? person.emails[0] : undefined;
    if (id?.type !== 'PEOPLE' || typeof email !== 'string' || typeof person.displayName !== 'string') return undefined;
    return { uuid: id.uuid, email, displayName: person.displayName, type: person.type === 'bot' ? 'BOT' : 'PERSON' };
  } catch {
    return undefined;
  }
}
