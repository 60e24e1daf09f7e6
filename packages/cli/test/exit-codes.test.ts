// Exit codes: 0 done, 1 the API failed, 2 bad command line or no token.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { COMMANDS } from '../src/commands/index.js';
import { webex, webexInProcess } from './run.js';

const TOKEN = 'secret-token-that-must-not-leak-0123456789';
const TRACKING_ID = 'ROUTER_0A1B2C3D-4E5F-6789-ABCD-EF0123456789';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url.startsWith('/rooms')) {
      json(
        response,
        404,
        {
          message: 'The requested resource could not be found.',
          errors: [{ description: 'Room not found' }],
          trackingId: TRACKING_ID,
        },
        { TrackingID: TRACKING_ID },
      );
    } else if (request.url.startsWith('/people/me')) {
      json(
        response,
        401,
        { message: 'The request requires a valid access token set in the Authorization request header.', errors: [] },
        { TrackingID: TRACKING_ID },
      );
    } else {
      json(response, 200, { id: 'm1' });
    }
  });
});
afterAll(() => server.close());
const env = () => ({ WEBEX_ACCESS_TOKEN: TOKEN, WEBEX_BASE_URL: server.url });

describe('0: done', () => {
  it('--help', async () => {
    const result = await webex(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: webex <command>/);
    expect(result.stdout).toContain('rooms find <title>');
  });
  it('<command> --help, without a token', async () => {
    const result = await webex(['send', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: webex send \(--room <id> \| --to <email>\)/);
    expect(result.stdout).toContain('--markdown <markdown>');
  });
  it('<group> --help lists the group', async () => {
    const result = await webex(['webhooks', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('webhooks delete <id>');
    expect(result.stdout).not.toContain('rooms list');
  });
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(await webex(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('1: the API answered with an error', () => {
  it('prints status, message and tracking id, never the token', async () => {
    const result = await webex(['rooms', 'list'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('404 Not Found');
    expect(result.stderr).toContain('The requested resource could not be found.');
    expect(result.stderr).toContain('Room not found');
    expect(result.stderr).toContain(`tracking id: ${TRACKING_ID}`);
    expect(result.stderr).not.toContain(TOKEN);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
  it('a token passed with --token stays out of the output too', async () => {
    const result = await webex(['whoami', '--token', TOKEN, '--base-url', server.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401 Unauthorized');
    expect(result.stderr).not.toContain(TOKEN);
  });
  it('an unreachable server', async () => {
    // The client tries again after a refused connection, with backoff (up to 0.5, 1 and 2 s): in this process, on a
    // fake clock, so that none of it is waited for. `main`'s result is the exit code the bin sets.
    const clock = fakeClock({ globalFetch: true });
    try {
      const result = await webexInProcess(
        ['whoami'],
        { WEBEX_ACCESS_TOKEN: TOKEN, WEBEX_BASE_URL: 'http://127.0.0.1:9' },
        (run) => clock.run(run),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/could not reach the server/);
    } finally {
      clock.uninstall();
    }
  });
});

describe('2: usage errors print one line that points at the help', () => {
  const usage = async (args: string[], message: RegExp | string, scope = '') => {
    const result = await webex(args, { env: env() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const webexScope = scope ? `webex ${scope}` : 'webex';
    expect(result.stderr.startsWith(`${webexScope}: `)).toBe(true);
    expect(result.stderr.endsWith(` (see ${webexScope} --help)\n`)).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('Usage:');
  };
  it('no command', () => usage([], 'give a command'));
  it('unknown command', () => usage(['deploy'], 'unknown command "deploy"'));
  it('unknown command in a group', () => usage(['rooms', 'delete'], 'unknown command "rooms delete"', 'rooms'));
  it('group without a subcommand', () => usage(['rooms'], 'give one of: list, find', 'rooms'));
  it('unknown option', () =>
    usage(['rooms', 'list', '--colour'], 'webex rooms list: unknown option --colour (see', 'rooms list'));
  it("another command's option", () => usage(['whoami', '--room', 'x'], 'unknown option --room', 'whoami'));
  it('an option without its value', () => usage(['rooms', 'list', '--max'], '--max needs a value', 'rooms list'));
  it('an option followed by another', () =>
    usage(
      ['messages', 'list', '--room', '--json'],
      '--room needs a value; one that starts with a dash goes after "="',
      'messages list',
    ));
  it('a value for a switch', () => usage(['rooms', 'list', '--json=yes'], '--json takes no value', 'rooms list'));
  it('missing argument', () => usage(['rooms', 'find'], 'missing <title>', 'rooms find'));
  it('extra argument', () => usage(['webhooks', 'delete', 'a', 'b'], 'unexpected argument "b"', 'webhooks delete'));
  it('bad --max', () =>
    usage(['rooms', 'list', '--max', '0'], '--max takes a whole number of at least 1', 'rooms list'));
  it('bad --type', () => usage(['rooms', 'list', '--type', 'team'], '--type takes one of group, direct', 'rooms list'));
  it('send with no room and no person', () =>
    usage(['send', '--text', 'hi'], 'give exactly one of --room and --to', 'send'));
  it('send with both', () =>
    usage(
      ['send', '--room', 'r', '--to', 'a@example.com', '--text', 'hi'],
      'give exactly one of --room and --to',
      'send',
    ));
  it('send with nothing to send', () => usage(['send', '--room', 'r'], 'nothing to send', 'send'));
  it('send a card that is not there', () =>
    usage(['send', '--room', 'r', '--card', '/no/such/card.json'], /--card \/no\/such\/card\.json: ENOENT/, 'send'));
  it('messages list without --room', () => usage(['messages', 'list'], '--room is required', 'messages list'));
  it('webhooks create without --event', () =>
    usage(
      ['webhooks', 'create', '--name', 'n', '--target-url', 'https://x', '--resource', 'messages'],
      '--event is required',
      'webhooks create',
    ));
  it('--json with --ndjson', () =>
    usage(['rooms', 'list', '--json', '--ndjson'], 'give only one of --json and --ndjson', 'rooms list'));
  it.each(COMMANDS.map((command) => [command.name]))('%s: an unknown option', (name) =>
    usage([...name.split(' '), '--no-such-option'], 'unknown option --no-such-option', name),
  );

  it('input the client refuses before sending (too long), without the usage', async () => {
    const result = await webex(['send', '--room', 'r', '--markdown', 'x'.repeat(8000)], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/markdown must be at most 7439 bytes/);
  });

  it('no token: says to set WEBEX_ACCESS_TOKEN, sends nothing', async () => {
    const before = server.requests.length;
    const result = await webex(['whoami'], { env: { WEBEX_BASE_URL: server.url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set WEBEX_ACCESS_TOKEN');
    expect(server.requests.length).toBe(before);
  });
});
