// ensureWebhook / WebhooksResource.ensure against a loopback server that holds webhooks as Webex would.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { Webex, WebexValidationError, type Webhook } from '../src/index.js';
import { WebhooksResource } from '../src/webhooks/webhooks-resource.js';
import { ensureWebhook, type WebhookSpec } from '../src/webhooks/ensure.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Webex stand-in holding webhooks: list (two per page, Link-paged), create, update, delete. */
async function webhooksServer(initial: Webhook[]) {
  const hooks = initial.map((hook) => ({ ...hook }));
  let next = 1;
  server = await startServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const id = url.pathname.match(/^\/webhooks\/(.+)$/)?.[1];
    if (request.method === 'GET' && url.pathname === '/webhooks') {
      const start = Number(url.searchParams.get('start') ?? 0);
      const link =
        start + 2 < hooks.length ? { link: `<${server!.url}/webhooks?start=${start + 2}>; rel="next"` } : undefined;
      return json(response, 200, { items: hooks.slice(start, start + 2) }, link);
    }
    if (request.method === 'POST' && url.pathname === '/webhooks') {
      const hook = {
        id: `WH-NEW-${next++}`,
        status: 'active',
        created: '2026-12-02T00:00:00.000Z',
        ...JSON.parse(request.body),
      };
      hooks.push(hook);
      return json(response, 200, hook);
    }
    const index = hooks.findIndex((hook) => hook.id === id);
    if (index < 0) return json(response, 404, { message: 'not found' });
    if (request.method === 'PUT') {
      hooks[index] = { ...hooks[index], ...JSON.parse(request.body) };
      return json(response, 200, hooks[index]);
    }
    if (request.method === 'DELETE') {
      hooks.splice(index, 1);
      response.writeHead(204).end();
      return;
    }
    json(response, 405, {});
  });
  const webex = new Webex({ accessToken: 't', baseUrl: server.url, maxRetries: 0 });
  const calls = () => server!.requests.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`);
  return { webex, hooks, calls };
}

const spec: WebhookSpec = {
  name: 'approval-bot cards',
  targetUrl: 'https://bot.example.com/webex',
  resource: 'attachmentActions',
  event: 'created',
  secret: 's3cret',
};
const created = '2026-10-20T11:45:03.212Z';
const other = (n: number): Webhook => ({
  id: `WH-OTHER-${n}`,
  name: `other ${n}`,
  targetUrl: 'https://elsewhere.example.com',
  resource: 'messages',
  event: 'created',
  status: 'active',
  created,
});
const current: Webhook = {
  id: 'WH-1',
  name: spec.name,
  targetUrl: spec.targetUrl,
  resource: 'attachmentActions',
  event: 'created',
  secret: 's3cret',
  status: 'active',
  created,
};

describe('ensureWebhook', () => {
  it('creates the webhook when none has the name, after reading every page', async () => {
    const { webex, hooks, calls } = await webhooksServer([other(1), other(2), other(3)]);
    const webhook = await ensureWebhook(webex, spec);
    expect(webhook).toMatchObject({ id: 'WH-NEW-1', ...spec });
    expect(calls()).toEqual(['GET /webhooks', 'GET /webhooks', 'POST /webhooks']);
    expect(hooks).toHaveLength(4);
    expect(JSON.parse(server!.requests.at(-1)!.body)).toEqual(spec);
  });

  it('changes nothing when it is already as specified, so a second start-up is a no-op', async () => {
    const { webex, calls } = await webhooksServer([other(1), current]);
    expect(await ensureWebhook(webex, spec)).toMatchObject({ id: 'WH-1' });
    expect(await ensureWebhook(webex, spec)).toMatchObject({ id: 'WH-1' });
    expect(calls()).toEqual(['GET /webhooks', 'GET /webhooks']);
  });

  it('is idempotent from nothing: the first call creates, the second finds it', async () => {
    const { webex, hooks, calls } = await webhooksServer([]);
    await ensureWebhook(webex, spec);
    await ensureWebhook(webex, spec);
    expect(hooks).toHaveLength(1);
    expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks', 'GET /webhooks']);
  });

  it.each<[string, Partial<WebhookSpec>, Partial<Webhook>, Record<string, string>]>([
    [
      'a new target URL',
      { targetUrl: 'https://bot2.example.com/webex' },
      {},
      { name: spec.name, targetUrl: 'https://bot2.example.com/webex', secret: 's3cret' },
    ],
    ['a new secret', { secret: 'rotated' }, {}, { name: spec.name, targetUrl: spec.targetUrl, secret: 'rotated' }],
    [
      'a webhook Webex turned off',
      {},
      { status: 'inactive' },
      { name: spec.name, targetUrl: spec.targetUrl, secret: 's3cret', status: 'active' },
    ],
  ])('updates in place for %s', async (_name, change, state, sentBody) => {
    const { webex, hooks, calls } = await webhooksServer([{ ...current, ...state }]);
    const webhook = await ensureWebhook(webex, { ...spec, ...change });
    expect(calls()).toEqual(['GET /webhooks', 'PUT /webhooks/WH-1']);
    expect(JSON.parse(server!.requests.at(-1)!.body)).toEqual(sentBody);
    expect(webhook).toMatchObject({ id: 'WH-1', ...change, status: 'active' });
    expect(hooks).toHaveLength(1);
  });

  it('replaces a webhook whose resource, event or filter changed, which Webex cannot update', async () => {
    const { webex, hooks, calls } = await webhooksServer([current]);
    const webhook = await ensureWebhook(webex, { ...spec, filter: 'roomId=R1' });
    expect(calls()).toEqual(['GET /webhooks', 'DELETE /webhooks/WH-1', 'POST /webhooks']);
    expect(webhook).toMatchObject({ id: 'WH-NEW-1', filter: 'roomId=R1' });
    expect(hooks.map((hook) => hook.id)).toEqual(['WH-NEW-1']);
  });

  it('leaves the other webhooks alone', async () => {
    const { webex, hooks } = await webhooksServer([
      other(1),
      { ...current, targetUrl: 'https://old.example.com' },
      other(2),
    ]);
    await ensureWebhook(webex, spec);
    expect(hooks.map((hook) => hook.id)).toEqual(['WH-OTHER-1', 'WH-1', 'WH-OTHER-2']);
    expect(
      hooks
        .filter((hook) => hook.id!.startsWith('WH-OTHER'))
        .every((hook) => hook.targetUrl === 'https://elsewhere.example.com'),
    ).toBe(true);
  });

  it('refuses a spec without a name before any request', async () => {
    const { webex, calls } = await webhooksServer([]);
    await expect(ensureWebhook(webex, { ...spec, name: ' ' })).rejects.toBeInstanceOf(WebexValidationError);
    await expect(ensureWebhook(webex, { ...spec, name: ' ' })).rejects.toThrow(/expected name as a non-empty string/);
    expect(calls()).toEqual([]);
  });
});

describe('WebhooksResource.ensure', () => {
  it('is ensureWebhook on the resource, built on the client core', async () => {
    const { hooks, calls } = await webhooksServer([]);
    const { createCore } = await import('../src/index.js');
    const webhooks = new WebhooksResource(createCore({ accessToken: 't', baseUrl: server!.url, maxRetries: 0 }));
    const webhook = await webhooks.ensure(spec);
    expect(webhook.id).toBe('WH-NEW-1');
    expect(hooks).toHaveLength(1);
    expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks']);
  });
});
