import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

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
}

/** A running mock. Point `new Webex({ baseUrl: mock.url })` at it. */
export interface MockServer {
  url: string;
  port: number;
  /** Everything Prism printed so far (request validation details, for one). */
  output(): string;
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
 * Starts `prism mock` on the Webex spec and resolves once it answers. Prism
 * rejects requests that do not match the spec (400/401/422), so an app's tests
 * against it double as contract tests.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const spec = options.spec ?? bundledSpecPath();
  const args = [
    prismEntry(),
    'mock',
    '--host',
    host,
    '--port',
    String(port),
    ...(options.errors === false ? [] : ['--errors']),
    spec,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${url}/__mock_ready`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`prism did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return { url, port, output: () => output, stop };
}
