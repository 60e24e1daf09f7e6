// `webex files get` as a CI job runs it: the built bin in a scratch directory, against a loopback server (WEBEX_BASE_URL).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { Changes } from '../../../test-utils/waits.js';

const BIN = fileURLToPath(new URL('../bin/webex.js', import.meta.url));
const TOKEN = 'files-test-token-0123456789';
const _ID = 'Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvZmlsZXMtdGVzdC8w';
const BIG = Buffer.alloc(3 * 1024 * 1024 + 17);
for (let i = 0; i < BIG.length; i++) BIG[i] = (i * 31) & 0xff;

/** What the server answers for each content id (the last path segment). */
const files: Record<string, (res: ServerResponse, url: URL) => void | Promise<void>> = {
  report: (res) => send(res, 'report contents\n', 'attachment; filename="report.pdf"'),
  utf8: (res) => send(res, 'bonjour', `attachment; filename="resume.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`),
  climb: (res) => send(res, 'evil', 'attachment; filename="../../evil.sh"'),
  dotfile: (res) => send(res, 'registry=https://evil.example', 'attachment; filename=".npmrc"'),
  nameless: (res) => send(res, 'no name', undefined),
  big: (res) => {
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(BIG.length),
      'content-disposition': 'attachment; filename="big.bin"',
    });
    res.end(BIG);
  },
  chunked: async (res) => {
    // No length up front: the limit is only passed by the second piece, sent once the first is in the file.
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="chunked.bin"',
    });
    res.write(Buffer.alloc(64 * 1024));
    await partWritten('chunked.bin');
    res.end(Buffer.alloc(64 * 1024));
  },
  dropped: async (res) => {
    // Headers and the first bytes, then, once they are in the file, the connection goes.
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': '100000',
      'content-disposition': 'attachment; filename="dropped.bin"',
    });
    res.write(Buffer.alloc(1000));
    await partWritten('dropped.bin');
    res.socket?.destroy();
  },
  infected: (res) => json(res, 410, { message: 'File is infected' }, { trackingid: 'TRK-410' }),
  encrypted: (res, url) => {
    if (url.searchParams.get('allow') === 'unscannable') send(res, 'zip bytes', 'attachment; filename="secret.zip"');
    else json(res, 428, { message: 'File cannot be scanned' });
  },
};

/**
 * Settles once the CLI has put the first bytes of `name` in the test directory: the partial file it must then remove.
 * Watched (inotify and the like), not polled.
 */
async function partWritten(name: string): Promise<void> {
  const path = join(dir, name);
  const changes = new Changes();
  const watcher = watch(dir, () => changes.changed());
  try {
    await changes.until(() => existsSync(path) && statSync(path).size > 0, { what: `the first bytes of ${name}` });
  } finally {
    watcher.close();
  }
}

function send(res: ServerResponse, body: string, disposition: string | undefined) {
  res.writeHead(200, {
    'content-type': 'text/plain',
    'content-length': String(Buffer.byteLength(body)),
    ...(disposition ? { 'content-disposition': disposition } : {}),
  });
  res.end(body);
}

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const answer = url.pathname.startsWith('/contents/') ? files[url.pathname.slice('/contents/'.length)] : undefined;
    if (answer) return answer(res, url);
    json(res, 404, { message: `no ${url.pathname}` });
  });
});
afterAll(() => server.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webex-files-'));
  server.requests.length = 0;
});

/** Runs the bin in `dir`, the way `run.ts` does, with the test server as the API. */
function webex(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WEBEX_')));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...env, WEBEX_ACCESS_TOKEN: TOKEN, WEBEX_BASE_URL: server.url },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const read = (...path: string[]) => readFileSync(join(dir, ...path), 'utf8');

describe('webex files get', () => {
  it('writes the file under its server name in the current directory and prints the path', async () => {
    const result = await webex(['files', 'get', `${server.url}/contents/report`]);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'report.pdf\n' });
    expect(read('report.pdf')).toBe('report contents\n');
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('takes a content id, and prefers filename*= UTF-8', async () => {
    const result = await webex(['files', 'get', 'utf8']);
    expect(result).toMatchObject({ code: 0, stdout: 'résumé.txt\n' });
    expect(read('résumé.txt')).toBe('bonjour');
  });

  it('-o writes to the path given', async () => {
    const result = await webex(['files', 'get', 'report', '-o', join(dir, 'out.pdf')]);
    expect(result).toMatchObject({ code: 0, stdout: `${join(dir, 'out.pdf')}\n` });
    expect(read('out.pdf')).toBe('report contents\n');
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
  });

  it('-o with a directory puts the file in it under its server name', async () => {
    mkdirSync(join(dir, 'downloads'));
    const result = await webex(['files', 'get', 'report', '-o', join(dir, 'downloads')]);
    expect(result).toMatchObject({ code: 0, stdout: `${join(dir, 'downloads', 'report.pdf')}\n` });
    expect(read('downloads', 'report.pdf')).toBe('report contents\n');
  });

  it('a 3 MB binary arrives byte for byte', async () => {
    const result = await webex(['files', 'get', 'big']);
    expect(result).toMatchObject({ code: 0, stdout: 'big.bin\n' });
    const digest = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    expect(digest(readFileSync(join(dir, 'big.bin')))).toBe(digest(BIG));
  });

  it('no name from the server: the content id is the name', async () => {
    const result = await webex(['files', 'get', `${server.url}/contents/nameless`]);
    expect(result).toMatchObject({ code: 0, stdout: 'nameless\n' });
    expect(read('nameless')).toBe('no name');
  });
});

describe('names from the server cannot leave the directory or hide', () => {
  it('path separators are stripped: ../../evil.sh lands as evil.sh here', async () => {
    const result = await webex(['files', 'get', 'climb']);
    expect(result).toMatchObject({ code: 0, stdout: 'evil.sh\n' });
    expect(readdirSync(dir)).toEqual(['evil.sh']);
    expect(existsSync(join(dir, '..', '..', 'evil.sh'))).toBe(false);
  });

  it('a leading dot is dropped: .npmrc lands as npmrc', async () => {
    const result = await webex(['files', 'get', 'dotfile']);
    expect(result).toMatchObject({ code: 0, stdout: 'npmrc\n' });
    expect(readdirSync(dir)).toEqual(['npmrc']);
  });
});

describe('existing files', () => {
  it('are not overwritten without --force (exit 2), and are with it', async () => {
    writeFileSync(join(dir, 'report.pdf'), 'mine');
    const refused = await webex(['files', 'get', 'report']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/report\.pdf already exists; pass --force/);
    expect(read('report.pdf')).toBe('mine');
    const forced = await webex(['files', 'get', 'report', '--force']);
    expect(forced).toMatchObject({ code: 0, stdout: 'report.pdf\n' });
    expect(read('report.pdf')).toBe('report contents\n');
  });

  it('an existing -o path is refused before anything is downloaded', async () => {
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const result = await webex(['files', 'get', 'report', '-o', join(dir, 'keep.txt')]);
    expect(result.code).toBe(2);
    expect(read('keep.txt')).toBe('mine');
    expect(server.requests).toHaveLength(0);
  });
});

describe('scanning answers, size cap, other origins', () => {
  it('410: exit 1, says the file is infected, with the tracking id', async () => {
    const result = await webex(['files', 'get', 'infected']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/malware scan found this file infected/);
    expect(result.stderr).toMatch(/410 Gone/);
    expect(result.stderr).toContain('TRK-410');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('428: exit 1 with a hint; --allow-unscannable downloads it', async () => {
    const refused = await webex(['files', 'get', 'encrypted']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/pass --allow-unscannable/);
    expect(readdirSync(dir)).toEqual([]);
    const allowed = await webex(['files', 'get', 'encrypted', '--allow-unscannable']);
    expect(allowed).toMatchObject({ code: 0, stdout: 'secret.zip\n' });
    expect(server.requests.at(-1)!.url).toBe('/contents/encrypted?allow=unscannable');
  });

  it('--max-bytes: a larger file fails and leaves no partial file behind', async () => {
    const announced = await webex(['files', 'get', 'big', '--max-bytes', '1000']);
    expect(announced.code).toBe(1);
    expect(announced.stderr).toMatch(/larger than --max-bytes 1000/);
    const streamed = await webex(['files', 'get', 'chunked', '--max-bytes', '100000']);
    expect(streamed.code).toBe(1);
    expect(streamed.stderr).toMatch(/larger than --max-bytes 100000/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a connection lost mid-body: exit 1, a message that says so (not "terminated"), no partial file', async () => {
    const result = await webex(['files', 'get', 'dropped']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^webex: terminated$/m);
    expect(result.stderr).toMatch(/connection was lost before the whole file came; nothing was kept/);
    expect(result.stderr).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/contents\/dropped answered 200, but the connection was lost while reading the body/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a URL on another origin is refused (exit 2) and nothing is sent', async () => {
    const result = await webex(['files', 'get', `${server.url.replace('127.0.0.1', 'localhost')}/contents/report`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refused a URL on http:\/\/localhost:\d+/);
    expect(result.stderr).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--help shows the command', async () => {
    const result = await webex(['files', 'get', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: webex files get <url\|id> \[-o <path>\]/);
  });
});
