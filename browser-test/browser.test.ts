// Browser test: bundle a page that uses the built @webex-ts/client with esbuild
// (platform browser: a Node-only import would fail the bundle), serve it on
// loopback, and drive the Chromium that ships inside the @sparticuz/chromium
// npm package (no system package needed) with playwright-core to list rooms and
// post a message against the Prism mock, cross-origin (Prism answers CORS).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import { startMockServer, type MockServer } from '@webex-ts/mock';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
// This machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
// The fresh --user-data-dir comes from playwright-core, which makes a new empty one per launch()
// (and refuses one in args).
const MACHINE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Unpacks the Chromium bundled in @sparticuz/chromium (into the temp dir, once) and returns its path. */
async function unpackChromium(): Promise<string> {
  try {
    return await sparticuz.executablePath();
  } catch (error) {
    throw new Error(
      `@sparticuz/chromium could not unpack its Chromium into ${tmpdir()}: ${error instanceof Error ? error.message : String(error)}; ` +
        'expected the package installed (a root devDependency: pnpm install) and the temp dir writable',
    );
  }
}

/** Chromium's flags: the package's own, less the one that switches CORS off, then the machine's. */
function chromiumArgs(): string[] {
  // The test shows the client's cross-origin calls pass CORS; --disable-web-security would let any call through.
  return [...sparticuz.args.filter((arg) => arg !== '--disable-web-security'), ...MACHINE_ARGS];
}

describe('browser: the client in headless Chromium against the Prism mock', () => {
  let mock: MockServer | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let pageUrl: string;
  let otherOriginScript: string;
  let bundle: string;
  let bundledInputs: string[];

  beforeAll(async () => {
    // No WebGL needed, and --disable-gpu is on: the package's software-GL flags would only contradict it.
    sparticuz.setGraphicsMode = false;
    const executablePath = await unpackChromium();
    const result = await build({
      entryPoints: [join(here, 'page', 'app.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      outfile: join(here, 'page', 'app.js'),
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.text)).toEqual([]);
    bundle = result.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
    bundledInputs = Object.keys(result.metafile.inputs);

    const html = readFileSync(join(here, 'page', 'index.html'));
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/' || path === '/index.html')
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      else if (path === '/app.js')
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      else response.writeHead(404).end();
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    mock = await startMockServer();
    const { port } = server.address() as AddressInfo;
    pageUrl = `http://127.0.0.1:${port}/?api=${encodeURIComponent(mock.url)}`;
    // The same server under another host name: another origin, and it sends no CORS headers.
    otherOriginScript = `http://localhost:${port}/app.js`;
    browser = await chromium.launch({ executablePath, args: chromiumArgs(), headless: true });
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await mock?.stop();
  });

  it('bundles the client for the browser with no Node-only module', () => {
    // The built package is what is bundled, not its sources.
    expect(bundledInputs.some((input) => input.startsWith('packages/client/dist/'))).toBe(true);
    const nodeOnly = bundledInputs.filter(
      (input) => input.startsWith('node:') || /(^|\/)node_modules\/(@types\/node|undici)/.test(input),
    );
    expect(nodeOnly).toEqual([]);
    expect(bundle).not.toMatch(/\brequire\(\s*["'](node:|fs|path|http|https|crypto|stream|buffer)["']/);
    expect(bundle).not.toMatch(/from\s*["']node:/);
    expect(relative(root, here)).toBe('browser-test');
  });

  it('lists rooms and posts a message from a page', async () => {
    const rooms = (await (
      await fetch(`${mock!.url}/rooms?type=group&max=5`, { headers: { authorization: 'Bearer x' } })
    ).json()) as {
      items: { title: string }[];
    };
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    const apiCalls: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) =>
      problems.push(`requestfailed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
    );
    page.on('request', (request) => {
      if (request.url().startsWith(mock!.url)) apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    try {
      await page.goto(pageUrl);
      await page.waitForSelector('body[data-status="done"], body[data-status="failed"]', { timeout: 60_000 });
      const status = await page.getAttribute('body', 'data-status');
      const failure = await page
        .locator('#failure')
        .textContent({ timeout: 100 })
        .catch(() => null);
      expect({ status, failure }).toEqual({ status: 'done', failure: null });
      expect(await page.textContent('#rooms')).toBe(`${rooms.items.length} rooms, first: ${rooms.items[0]!.title}`);
      // The mock keeps what it is sent, under a fresh id: read the page's message back from it.
      const id = (await page.textContent('#message'))?.replace(/^posted /, '') ?? '';
      const filed = (await (
        await fetch(`${mock!.url}/messages/${encodeURIComponent(id)}`, { headers: { authorization: 'Bearer x' } })
      ).json()) as { id?: string; markdown?: string };
      expect(filed).toMatchObject({ id, markdown: '**Browser test** passed' });
      expect(await page.textContent('#error')).toBe('WebexApiError 404');
      expect(apiCalls).toEqual(expect.arrayContaining(['GET /rooms', 'POST /messages', 'GET /rooms/no-such-room']));
      // The expected 404 shows as a console error in Chromium; nothing else may.
      expect(problems.filter((problem) => !/404/.test(problem))).toEqual([]);

      // Web security is on, so the CORS above was really checked: a cross-origin read that has no
      // CORS headers is refused, while the same URL is reachable (an opaque no-cors answer).
      const crossOrigin = await page.evaluate(async (url) => {
        const opaque = await fetch(url, { mode: 'no-cors' }).then(
          (response) => response.type,
          (error: unknown) => `unreachable: ${String(error)}`,
        );
        const read = await fetch(url).then(
          (response) => `read ${response.status}`,
          () => 'refused',
        );
        return { opaque, read };
      }, otherOriginScript);
      expect(crossOrigin).toEqual({ opaque: 'opaque', read: 'refused' });
    } finally {
      await context.close();
    }
  });
});
