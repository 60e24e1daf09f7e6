// Tokens kept out of `ps` and shell history: `--token-file <path>` reads one from a file, `--token`
// warns. And a long retry wait (a 429's Retry-After of 5 s or more) is told on stderr, not sat out in silence.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import type { Io } from '../src/cli.js';
import { webex } from './run.js';

const TOKEN = 'file-token-that-must-not-leak-0123456789';
const BIN = fileURLToPath(new URL('../bin/webex.js', import.meta.url));

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${TOKEN}`)
      json(response, 401, { message: 'The request requires a valid access token.', errors: [] });
    else json(response, 200, { id: 'p1', displayName: 'Ana', emails: ['ana@example.com'] });
  });
  dir = mkdtempSync(join(tmpdir(), 'webex-token-file-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `contents` to a new file in the test directory and returns its path. */
function file(name: string, contents: string): string {
  const path = join(dir, name);
  writeFileSync(path, contents, { mode: 0o600 });
  return path;
}

describe('--token-file', () => {
  it('sends the file’s token, trimmed (a trailing newline, as `echo` writes), and prints it nowhere', async () => {
    const path = file('token', `  ${TOKEN}\n`);
    const result = await webex(['whoami', '--json', '--token-file', path, '--base-url', server.url]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ displayName: 'Ana' });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('wins over WEBEX_ACCESS_TOKEN', async () => {
    const path = file('token-over-env', TOKEN);
    const result = await webex(['whoami', '--token-file', path], {
      env: { WEBEX_ACCESS_TOKEN: 'env-token', WEBEX_BASE_URL: server.url },
    });
    expect(result.code).toBe(0);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('also feeds `webex api`', async () => {
    const path = file('token-api', `${TOKEN}\n`);
    const result = await webex(['api', 'people.me', '--token-file', path, '--base-url', server.url]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('leaves stdin to --markdown -', async () => {
    const path = file('token-send', TOKEN);
    const result = await webex(
      ['send', '--room', 'r1', '--markdown', '-', '--token-file', path, '--base-url', server.url],
      { stdin: '**from stdin**' },
    );
    expect(result.code).toBe(0);
    const sent = server.requests.at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(sent.body)).toMatchObject({ roomId: 'r1', markdown: '**from stdin**' });
  });

  it('reads a pipe once: bash process substitution, --token-file <(pass webex)', async () => {
    // A second read of the pipe would find it empty, and the command would fail.
    const script = '"$NODE" "$BIN" whoami --token-file <(printf "%s\\n" "$TOKEN") --base-url "$URL"';
    const env = { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN, TOKEN, URL: server.url };
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile('bash', ['--norc', '-c', script], { env }, (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stderr }),
      ),
    );
    expect(result).toEqual({ code: 0, stderr: '' });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  const failures: [string, () => string, RegExp][] = [
    [
      'a missing file',
      () => join(dir, 'no-such-file'),
      /cannot read the token file .*no-such-file: no such file; give the path of a file holding only the access token/,
    ],
    ['a directory', () => dir, /cannot read the token file .*: it is a directory/],
    [
      'a path through a file',
      () => join(file('plain', TOKEN), 'token'),
      /cannot read the token file .*plain\/token: a part of the path is not a directory/,
    ],
    ['an empty file', () => file('empty', ' \n'), /the token file .*empty is empty; put the access token in it/],
    [
      'two words',
      () => file('two-words', `${TOKEN} ${TOKEN}\n`),
      /the token file .*two-words holds more than one word/,
    ],
  ];
  it.each(failures)('unreadable or empty, %s: exit 2, naming the path, nothing sent', async (_name, path, message) => {
    const before = server.requests.length;
    const result = await webex(['whoami', '--token-file', path(), '--base-url', server.url], {
      env: { WEBEX_ACCESS_TOKEN: TOKEN },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^webex: ${message.source}`));
    expect(result.stderr).toContain(path());
    expect(result.stderr).not.toContain(TOKEN);
    expect(server.requests.length).toBe(before);
  });

  it('with --token too: a usage error', async () => {
    const result = await webex([
      'whoami',
      '--token',
      TOKEN,
      '--token-file',
      file('both', TOKEN),
      '--base-url',
      server.url,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give only one of --token and --token-file');
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('--help says why to prefer it and the variable over --token', async () => {
    const result = await webex(['whoami', '--help']);
    expect(result.stdout).toMatch(
      /--token <token> +access token; ps and shell history show it: prefer \$WEBEX_ACCESS_TOKEN \(the default\) or --token-file\n/,
    );
    expect(result.stdout).toMatch(
      /--token-file <path> +read the access token from a file, such as a mounted CI secret \(stdin stays free for --markdown -\)\n/,
    );
  });
});

describe('--token', () => {
  it('still works, with a one-line warning on stderr that names the safer ways', async () => {
    const result = await webex(['whoami', '--json', '--token', TOKEN, '--base-url', server.url]);
    expect(result.code).toBe(0);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.stderr).toBe(
      'webex: warning: --token shows the token to anyone who can run ps, and keeps it in your shell history; use --token-file <path> or WEBEX_ACCESS_TOKEN instead\n',
    );
  });

  it('no warning with the variable', async () => {
    const result = await webex(['whoami'], { env: { WEBEX_ACCESS_TOKEN: TOKEN, WEBEX_BASE_URL: server.url } });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('long waits are told on stderr', () => {
  // In this process, on a fake clock (test-utils/fake-clock.ts): the 5 s wait takes no time, and the server's clock
  // shows it whole.
  const dist = new URL('../dist/cli.js', import.meta.url).href;
  let clock: FakeClock | undefined;
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
  });

  it('a 429 with Retry-After: 5, then 200: one line before the wait, then the result', async () => {
    const arrivals: number[] = [];
    const limited = await startServer((_request, response, seen) => {
      arrivals.push(Date.now());
      if (seen.length === 1) json(response, 429, { message: 'Too many requests' }, { 'retry-after': '5' });
      else json(response, 200, { id: 'p1', displayName: 'Ana' });
    });
    try {
      const { main } = (await import(dist)) as typeof import('../src/cli.js');
      clock = fakeClock({ globalFetch: true });
      const out = { stdout: '', stderr: '' };
      /** What the server had seen when each line reached stderr. */
      const seenWhenTold: number[] = [];
      const io: Io = {
        stdout: {
          write: (text) => {
            out.stdout += text;
            return true;
          },
        },
        stderr: {
          write: (text) => {
            out.stderr += text;
            seenWhenTold.push(limited.requests.length);
            return true;
          },
        },
        stdin: (async function* () {})(),
        env: { WEBEX_ACCESS_TOKEN: TOKEN, WEBEX_BASE_URL: limited.url },
      };
      expect(await clock.run(main(['whoami', '--json'], io))).toBe(0);
      expect(JSON.parse(out.stdout)).toMatchObject({ displayName: 'Ana' });
      expect(out.stderr).toBe(
        `webex: waiting 5 s before retrying GET ${limited.url}/people/me (rate-limit after HTTP 429, attempt 1)\n`,
      );
      // Told once the 429 was in, before the retry went out; and the retry came 5 s later, on the fake clock, which
      // stands still while a request travels: exactly the wait.
      expect(seenWhenTold).toEqual([1]);
      expect(limited.requests).toHaveLength(2);
      expect(arrivals[1]! - arrivals[0]!).toBe(5_000);
    } finally {
      await limited.close();
    }
  });
});
