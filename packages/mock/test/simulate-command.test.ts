// `webex-mock simulate`: the built bin, run as a user runs it, posting to real loopback bots.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createWebhookReceiver, type ReceivedWebhookEvent, Webex } from '@webex-ts/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useWebexMock } from '../src/vitest.js';

const bin = fileURLToPath(new URL('../bin/webex-mock.js', import.meta.url));
const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Runs the bin to its end. */
function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, WEBEX_WEBHOOK_SECRET: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A loopback server; its URL. */
async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
}

describe('webex-mock simulate, standalone', () => {
  it('posts one delivery signed with hex HMAC-SHA1 of the exact body', async () => {
    const received: { body: string; signature: unknown; type: unknown }[] = [];
    const url = await serve(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      received.push({ body, signature: request.headers['x-spark-signature'], type: request.headers['content-type'] });
      response.writeHead(200).end('ok');
    });
    const result = await run([
      'simulate',
      'membership',
      '--to',
      url,
      '--secret',
      'cli-secret',
      '--person',
      'eve@example.com',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.signature).toBe(createHmac('sha1', 'cli-secret').update(delivery!.body).digest('hex'));
    expect(delivery!.type).toMatch(/^application\/json/);
    const envelope = JSON.parse(delivery!.body);
    expect(Object.keys(envelope)).toEqual([
      'id',
      'name',
      'targetUrl',
      'resource',
      'event',
      'orgId',
      'createdBy',
      'appId',
      'ownedBy',
      'status',
      'created',
      'actorId',
      'data',
    ]);
    expect(envelope).toMatchObject({
      targetUrl: url,
      resource: 'memberships',
      event: 'created',
      data: { personEmail: 'eve@example.com', roomType: 'group' },
    });
    expect(result.stdout).toContain(`memberships:created ${envelope.data.id} to ${url}, signed X-Spark-Signature`);
    expect(result.stdout).toMatch(/: 200 ok\n$/);
  });

  it('takes the secret from WEBEX_WEBHOOK_SECRET, and exits 1 with a hint when the bot refuses the signature', async () => {
    const url = await serve(
      createWebhookReceiver({
        webex: new Webex({ accessToken: 'unused', baseUrl: 'http://127.0.0.1:9' }),
        secret: 'the-bots-secret',
        onEvent: () => {},
        onError: () => {},
      }).node,
    );
    const result = await run(['simulate', 'membership', '--to', url, '--event', 'deleted'], {
      WEBEX_WEBHOOK_SECRET: 'not-the-bots-secret',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/: 403 bad X-Spark-Signature.*is the secret the one it verifies with\?/);
  });

  it('refuses --text without --mock, and a missing --to, with exit 2 and what to do', async () => {
    const text = await run(['simulate', 'message', '--to', 'http://127.0.0.1:9/x', '--text', 'hi']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--text needs --mock <url of the running webex-mock your bot uses as its API>');
    const to = await run(['simulate', 'message']);
    expect(to.code).toBe(2);
    expect(to.stderr).toContain("--to needs your bot's webhook URL");
    const kind = await run(['simulate', 'reaction', '--to', 'http://127.0.0.1:9/x']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('message, card or membership (got reaction)');
  });
});

describe('webex-mock simulate --mock', () => {
  const mock = useWebexMock({ spec });

  it('has the running mock file the message, so the bot reads the --text given', async () => {
    const webex = new Webex({ accessToken: 'bot', baseUrl: mock.url, maxRetries: 0 });
    const me = await webex.people.me();
    const events: ReceivedWebhookEvent[] = [];
    const url = await serve(
      createWebhookReceiver({
        webex,
        secret: 'cli-secret',
        botId: me.id,
        onEvent: (event) => {
          events.push(event);
        },
        onError: () => {},
      }).node,
    );
    const result = await run([
      'simulate',
      'message',
      '--mock',
      mock.url,
      '--to',
      url,
      '--secret',
      'cli-secret',
      '--text',
      '/deploy staging',
      '--room-type',
      'group',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'message',
      message: { text: 'Deploy Helper /deploy staging', roomType: 'group' },
    });
  });

  it('passes card inputs through the mock', async () => {
    const webex = new Webex({ accessToken: 'bot', baseUrl: mock.url, maxRetries: 0 });
    const events: ReceivedWebhookEvent[] = [];
    const url = await serve(
      createWebhookReceiver({ webex, secret: 's', onEvent: (event) => void events.push(event), onError: () => {} })
        .node,
    );
    const result = await run([
      'simulate',
      'card',
      '--mock',
      mock.url,
      '--to',
      url,
      '--secret',
      's',
      '--inputs',
      '{"ok":true}',
    ]);
    expect(result.code).toBe(0);
    expect(events[0]).toMatchObject({ type: 'attachmentAction', action: { inputs: { ok: true } } });
  });
});
