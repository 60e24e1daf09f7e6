// Text from the server reaches a terminal and the file system without control characters: C0, DEL and C1
// (U+009B, `%C2%9B` in UTF-8, is CSI: `\u009b31m` turns a terminal red as `\u001b[31m` does).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { webex } from './run.js';

const HOSTILE = 'Red\u009b31m \u001b[0malert\u007f\u0085\u0007 room';
/** Any control character but the line feeds that end lines. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/rooms') return json(response, 200, { items: [{ id: 'r1', title: HOSTILE, type: 'group' }] });
    if (path === '/people/me')
      return json(response, 200, { id: 'p1', displayName: HOSTILE, emails: ['a@example.com'] });
    if (path === '/contents/c1') {
      response.writeHead(200, {
        'content-type': 'text/plain',
        'content-disposition': `attachment; filename*=UTF-8''a%C2%9B31mb%1B%7F%C2%85c.txt`,
      });
      response.end('file');
      return;
    }
    json(response, 404, { message: HOSTILE, errors: [{ description: `detail ${HOSTILE}` }] }, { trackingid: 'T-1' });
  });
});
afterAll(() => server.close());
const env = () => ({ WEBEX_ACCESS_TOKEN: 'control-test-token', WEBEX_BASE_URL: server.url });

describe('control characters from the server', () => {
  it('are dropped from table rows', async () => {
    const result = await webex(['rooms', 'list'], { env: env() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Red31m [0malert room');
    expect(result.stdout).not.toMatch(CONTROL);
  });

  it('are dropped from a record', async () => {
    const result = await webex(['whoami'], { env: env() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Red31m [0malert room');
    expect(result.stdout).not.toMatch(CONTROL);
  });

  it.each([
    ['rooms list --json', ['rooms', 'list', '--json'], (out: string) => JSON.parse(out)[0].title],
    ['rooms list --ndjson', ['rooms', 'list', '--ndjson'], (out: string) => JSON.parse(out).title],
    ['whoami --json', ['whoami', '--json'], (out: string) => JSON.parse(out).displayName],
    ['api rooms.list', ['api', 'rooms.list'], (out: string) => JSON.parse(out).items[0].title],
    ['api rooms.list --paginate', ['api', 'rooms.list', '--paginate'], (out: string) => JSON.parse(out).title],
  ])('are escaped in JSON output (%s), which keeps the data', async (_name, args, title) => {
    const result = await webex(args, { env: env() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('\\u009b31m');
    expect(result.stdout).not.toMatch(CONTROL);
    expect(title(result.stdout)).toBe(HOSTILE);
  });

  it('are dropped from error messages', async () => {
    const result = await webex(['webhooks', 'list'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('message:     Red31m [0malert room');
    expect(result.stderr).toContain('detail:      detail Red31m [0malert room');
    expect(result.stderr).not.toMatch(CONTROL);
  });

  it('are dropped from the name of a downloaded file, and from the path printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webex-control-'));
    const result = await webex(['files', 'get', 'c1', '-o', dir], { env: env() });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: `${join(dir, 'a31mbc.txt')}\n` });
    expect(readdirSync(dir)).toEqual(['a31mbc.txt']);
  });
});
