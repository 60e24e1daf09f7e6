// What `webex send` puts in the request body, seen by a local server.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { webex } from './run.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) =>
    json(response, 200, { id: 'new-message-id', ...JSON.parse(request.body) }),
  );
});
afterAll(() => server.close());

async function sent(args: string[], stdin?: string) {
  const result = await webex(['send', ...args], {
    env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: server.url },
    stdin,
  });
  expect(result).toMatchObject({ code: 0, stdout: 'new-message-id\n', stderr: '' });
  const request = server.requests.at(-1)!;
  expect(request.method).toBe('POST');
  expect(request.url).toBe('/messages');
  return JSON.parse(request.body);
}

it('--markdown - reads stdin', async () => {
  const markdown = '**Build 42** failed\n\n- [run](https://ci.example.com/runs/42)';
  expect(await sent(['--room', 'room-1', '--markdown', '-'], `${markdown}\n`)).toEqual({ roomId: 'room-1', markdown });
});

it('--text - reads stdin too', async () => {
  expect(await sent(['--to', 'ana@example.com', '--text', '-'], 'deployed\n')).toEqual({
    toPersonEmail: 'ana@example.com',
    text: 'deployed',
  });
});

it('--file <url> and --thread', async () => {
  expect(
    await sent([
      '--room',
      'room-1',
      '--text',
      'log',
      '--file',
      'https://ci.example.com/42.log',
      '--thread',
      'parent-1',
    ]),
  ).toEqual({
    roomId: 'room-1',
    text: 'log',
    files: ['https://ci.example.com/42.log'],
    parentId: 'parent-1',
  });
});

it('--card attaches the card, with a fallback text when none is given', async () => {
  const card = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Deploy build 42?' }] };
  const path = join(tmpdir(), `webex-cli-send-card-${process.pid}.json`);
  writeFileSync(path, JSON.stringify(card));
  const body = await sent(['--room', 'room-1', '--card', path]);
  expect(body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }]);
  expect(body.text).toMatch(/card/);
  expect(await sent(['--room', 'room-1', '--card', path, '--markdown', 'Deploy **42**?'])).toEqual({
    roomId: 'room-1',
    markdown: 'Deploy **42**?',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
});

it('an empty stdin is a usage error', async () => {
  const result = await webex(['send', '--room', 'room-1', '--markdown', '-'], {
    env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: server.url },
    stdin: '\n',
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('stdin was empty');
});

it('--file <path> uploads the local file as multipart/form-data', async () => {
  const upload = await startServer((_request, response) => json(response, 200, { id: 'uploaded-id' }));
  try {
    const path = join(tmpdir(), `webex-cli-${process.pid}.log`);
    writeFileSync(path, 'step 3 failed\n');
    const result = await webex(['send', '--room', 'room-1', '--markdown', 'Build log', '--file', path], {
      env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: upload.url },
    });
    expect(result).toMatchObject({ code: 0, stdout: 'uploaded-id\n' });
    const [request] = upload.requests;
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': String(request!.headers['content-type']) },
      body: request!.body,
    }).formData();
    expect(form.get('roomId')).toBe('room-1');
    expect(form.get('markdown')).toBe('Build log');
    expect(await (form.get('files') as File).text()).toBe('step 3 failed\n');
  } finally {
    await upload.close();
  }
});
