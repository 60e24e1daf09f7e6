// Long listings: every page is followed through Link headers, rows print as pages arrive,
// and progress shows on stderr only when it is a terminal.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import type { Io } from '../src/cli.js';
import { webex } from './run.js';

const PAGES = 3;
const roomsOf = (page: number) =>
  [1, 2].map((n) => ({
    id: `room-${page}-${n}`,
    title: `Room ${page}.${n}`,
    type: 'group',
    lastActivity: `2026-11-0${page}T10:0${n}:00.000Z`,
  }));

let server: TestServer;
/** When set, the last page waits for it: the test opens it once it has seen the first page's rows. */
let lastPageGate: Promise<unknown> | undefined;

beforeAll(async () => {
  server = await startServer(async (request, response) => {
    const page = Number(new URL(request.url, server.url).searchParams.get('page') ?? 1);
    if (page === PAGES && lastPageGate) await lastPageGate;
    const link: Record<string, string> =
      page < PAGES ? { Link: `<${server.url}/rooms?page=${page + 1}>; rel="next"` } : {};
    json(response, 200, { items: roomsOf(page) }, link);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  lastPageGate = undefined;
  server.requests.length = 0;
});

const env = () => ({ WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: server.url });
const allIds = [1, 2, 3].flatMap((page) => roomsOf(page).map((room) => room.id));

describe('three Link-paged pages', () => {
  it('prints every row, the first page before the last page is even answered', async () => {
    let openGate!: (streamed: boolean) => void;
    const gate = new Promise<boolean>((resolve) => (openGate = resolve));
    lastPageGate = gate;
    // If the CLI held rows back until the end, the gate would only open on this timeout.
    const timer = setTimeout(() => openGate(false), 5000);
    const result = await webex(['rooms', 'list'], {
      env: env(),
      onStdout: (stdout) => stdout.includes('room-1-2') && openGate(true),
    });
    clearTimeout(timer);

    expect(await gate).toBe(true);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^TITLE/);
    expect(rows.map((row) => row.split(/\s+/).at(-1))).toEqual(allIds);
    for (const row of rows) expect(row.indexOf('room-')).toBe(header!.indexOf('ID'));
    expect(server.requests.map((request) => request.url)).toEqual(['/rooms', '/rooms?page=2', '/rooms?page=3']);
  });

  it('--json: one array across the pages', async () => {
    const result = await webex(['rooms', 'list', '--json'], { env: env() });
    expect(JSON.parse(result.stdout).map((room: { id: string }) => room.id)).toEqual(allIds);
  });

  it('--ndjson: one line per room', async () => {
    const result = await webex(['rooms', 'list', '--ndjson'], { env: env() });
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(allIds);
  });

  it('--max stops after that many, asking for pages no bigger than needed', async () => {
    const result = await webex(['rooms', 'list', '--max', '3', '--json'], { env: env() });
    expect(JSON.parse(result.stdout).map((room: { id: string }) => room.id)).toEqual(allIds.slice(0, 3));
    expect(server.requests[0]!.url).toBe('/rooms?max=3');
  });

  it('rooms find goes through every page', async () => {
    const result = await webex(['rooms', 'find', 'room 3.1', '--ndjson'], { env: env() });
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['room-3-1']);
  });
});

describe('progress', () => {
  const dist = pathToFileURL(fileURLToPath(new URL('../dist/cli.js', import.meta.url))).href;

  async function run(isTTY: boolean) {
    const { main } = (await import(dist)) as typeof import('../src/cli.js');
    const out = { stdout: '', stderr: '' };
    const io: Io = {
      stdout: {
        write: (text) => {
          out.stdout += text;
          return true;
        },
      },
      stderr: {
        isTTY,
        write: (text) => {
          out.stderr += text;
          return true;
        },
      },
      stdin: (async function* () {})(),
      env: env(),
    };
    return { code: await main(['rooms', 'list'], io), ...out };
  }

  it('shows on a terminal, and is erased', async () => {
    const result = await run(true);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('fetching rooms…');
    expect(result.stderr).toContain('4 rooms fetched, 2 pages…');
    expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1 + allIds.length);
  });

  it('stays off stderr otherwise', async () => expect((await run(false)).stderr).toBe(''));
});
