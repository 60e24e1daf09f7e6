// Every command against the Prism mock of the bundled spec: Prism answers 422 to a request
// that does not match the spec, which the CLI reports with exit code 1.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { webex } from './run.js';

const env = { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: inject('mockUrl') };
const roomId = 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0';
const webhookId = 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svM2MxYTlkMmUtN2I0Zi00ZTIxLTlhNmMtNTJkOGUwZjFiN2Ez';

async function ok(args: string[], stdin?: string) {
  const result = await webex(args, { env, stdin });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const lines = (text: string) => text.trimEnd().split('\n');

describe('send', () => {
  it('posts markdown to a room and prints the message id', async () => {
    expect(await ok(['send', '--room', roomId, '--markdown', '**Build 42** passed'])).toMatch(/^Y2lz\S+\n$/);
  });
  it('reads markdown from stdin', async () => {
    expect(await ok(['send', '--room', roomId, '--markdown', '-'], '**Build 42** failed\n')).toMatch(/^Y2lz/);
  });
  it('sends text to a person, with a file URL, in a thread', async () => {
    const out = await ok([
      'send',
      '--to',
      'ana@example.com',
      '--text',
      'logs',
      '--file',
      'https://example.com/build.log',
      '--thread',
      roomId,
    ]);
    expect(out).toMatch(/^Y2lz/);
  });
  it('sends a card', async () => {
    const card = join(tmpdir(), `webex-cli-card-${process.pid}.json`);
    writeFileSync(
      card,
      JSON.stringify({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Deploy?' }] }),
    );
    expect(await ok(['send', '--room', roomId, '--card', card])).toMatch(/^Y2lz/);
  });
  it('prints the message as JSON', async () => {
    expect(JSON.parse(await ok(['send', '--room', roomId, '--text', 'hi', '--json']))).toHaveProperty('id');
  });
});

describe('whoami', () => {
  it('shows the caller', async () => {
    const out = await ok(['whoami']);
    expect(out).toMatch(/^Name\s+\S/m);
    expect(out).toMatch(/^Email\s+\S+@/m);
  });
  it('--json', async () => expect(JSON.parse(await ok(['whoami', '--json']))).toHaveProperty('displayName'));
});

describe('rooms', () => {
  it('list: a table with a header and aligned columns', async () => {
    const [header, ...rows] = lines(await ok(['rooms', 'list', '--type', 'group', '--max', '5']));
    expect(header).toMatch(/^TITLE\s+TYPE\s+LAST ACTIVITY\s+ID$/);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.indexOf('Y2lz')).toBe(header!.indexOf('ID'));
  });
  it('list --json is one array', async () => {
    const rooms = JSON.parse(await ok(['rooms', 'list', '--json']));
    expect(Array.isArray(rooms)).toBe(true);
    expect(rooms[0]).toHaveProperty('title');
  });
  it('list --ndjson is one object a line', async () => {
    for (const line of lines(await ok(['rooms', 'list', '--ndjson']))) expect(JSON.parse(line)).toHaveProperty('id');
  });
  it('list --max limits the rows', async () =>
    expect(JSON.parse(await ok(['rooms', 'list', '--max', '1', '--json']))).toHaveLength(1));
  it('find matches titles ignoring case', async () => {
    const rooms = JSON.parse(await ok(['rooms', 'find', 'ALPHA', '--json']));
    expect(rooms.length).toBeGreaterThan(0);
    for (const room of rooms) expect(room.title.toLowerCase()).toContain('alpha');
  });
  it('find with no match prints nothing on stdout', async () => {
    const result = await webex(['rooms', 'find', 'no such room anywhere'], { env });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'No rooms found.\n' });
  });
});

describe('people', () => {
  it('find by email', async () => expect(await ok(['people', 'find', 'ana@example.com'])).toMatch(/^NAME\s+EMAIL/));
  it('--json', async () =>
    expect(JSON.parse(await ok(['people', 'find', 'ana@example.com', '--json']))[0]).toHaveProperty('emails'));
});

describe('messages', () => {
  it('list a room', async () =>
    expect(await ok(['messages', 'list', '--room', roomId, '--max', '10'])).toMatch(/^SENT\s+FROM\s+TEXT\s+ID\n/));
  it('--max 1 --json', async () =>
    expect(JSON.parse(await ok(['messages', 'list', '--room', roomId, '--max', '1', '--json']))).toHaveLength(1));
});

describe('webhooks', () => {
  it('list', async () =>
    expect(await ok(['webhooks', 'list'])).toMatch(/^NAME\s+RESOURCE\s+EVENT\s+STATUS\s+TARGET URL\s+ID\n/));
  it('list --json', async () =>
    expect(JSON.parse(await ok(['webhooks', 'list', '--json']))[0]).toHaveProperty('targetUrl'));
  it('create', async () => {
    const args = [
      'webhooks',
      'create',
      '--name',
      'CI',
      '--target-url',
      'https://example.com/hook',
      '--resource',
      'messages',
      '--event',
      'created',
    ];
    expect(await ok([...args, '--filter', `roomId=${roomId}`, '--secret', 's3cret'])).toMatch(/^Id\s+Y2lz/m);
    expect(JSON.parse(await ok([...args, '--json']))).toHaveProperty('id');
  });
  it('delete', async () => expect(await ok(['webhooks', 'delete', webhookId])).toBe(`Deleted webhook ${webhookId}\n`));
});
