// The mock's front: what it answers itself (files, simulated objects), what it passes to Prism untouched, and the
// webhooks it remembers. Real servers throughout: the mock, Prism behind it, and loopback bots.
import { fileURLToPath } from 'node:url';
import { FileInfectedError, FileUnscannableError, Webex, WebexApiError, WebexValidationError } from '@webex-ts/client';
import { describe, expect, it } from 'vitest';
import { useWebexMock } from '../src/vitest.js';

// The source spec, so these tests see the current specs rather than a built copy.
const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const mock = useWebexMock({ spec });
const client = () => new Webex({ accessToken: 'test-token', baseUrl: mock.url, maxRetries: 0 });
const auth = { Authorization: 'Bearer test-token' };

// The mock only simulates toward somewhere: a target that is never posted to (these tests read the store).
const NOWHERE = 'http://127.0.0.1:9/never';

describe('people/me', () => {
  it('is a bot of its own, not the author of the example messages nor of simulated ones', async () => {
    const webex = client();
    const me = await webex.people.me();
    expect(me).toMatchObject({ type: 'bot', displayName: 'Deploy Helper', emails: ['deploy-helper@webex.bot'] });
    const example = await webex.messages.get('any-message-id');
    expect(example.personId).not.toBe(me.id);
    const simulated = await mock.simulate.message({ text: 'hi', to: NOWHERE, timeoutMs: 1000 });
    expect(simulated.message.personId).not.toBe(me.id);
    // The realtime fake's bot is that same account: mentions and cards name the id the bot learns.
    expect(mock.realtime.me).toMatchObject({ id: me.id, email: 'deploy-helper@webex.bot', type: 'BOT' });
  });
});

describe('error answers', () => {
  it.each([
    [403, /scope, role or license/],
    [404, /^The requested resource could not be found\.$/],
    [409, /conflicts/],
    [500, /Something went wrong on the server/],
  ])('Prefer: code=%i answers a real message, details and tracking id', async (status, message) => {
    const error = await client()
      .rooms.get('any-room', { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexApiError);
    const api = error as WebexApiError;
    expect(api.status).toBe(status);
    expect(api.apiMessage).toMatch(message);
    expect(api.errors).toEqual([{ description: api.apiMessage }]);
    expect(api.trackingId).toMatch(/^ROUTER_[0-9A-F-]+$/);
    expect(JSON.stringify(api)).not.toContain('"string"');
  });
});

describe('passing requests to Prism', () => {
  it("keeps Prism's status, sl-violations header and body for a request that breaks the spec", async () => {
    const response = await fetch(`${mock.url}/rooms`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 5 }),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.headers.get('sl-violations') ?? '[]')[0]).toMatchObject({
      location: ['request', 'body', 'title'],
    });
    expect((await response.json()).message).toMatch(/malformed syntax/);
    const recorded = await mock.waitFor(() => mock.requests.find((request) => request.path === '/rooms'));
    expect(recorded).toMatchObject({ method: 'POST', status: 400, answeredBy: 'prism', body: { title: 5 } });
  });

  it('answers ids the store does not hold with the spec example, and honours Prefer even for held ones', async () => {
    const { message } = await mock.simulate.message({ text: 'held', to: NOWHERE, timeoutMs: 1000 });
    const webex = client();
    expect((await webex.messages.get(message.id)).text).toBe('held');
    expect((await webex.messages.get('Y2lzY29zcGFyazovL3VzL01FU1NBR0Uvbm90LWhlbGQ')).text).not.toBe('held');
    const error = await webex.messages.get(message.id, { headers: { Prefer: 'code=404' } }).catch((e: unknown) => e);
    expect((error as WebexApiError).status).toBe(404);
    // Without a token the store is not asked: Prism refuses as Webex would.
    expect((await fetch(`${mock.url}/messages/${message.id}`)).status).toBe(401);
  });

  it("lists a simulated room's messages from the store, newest first", async () => {
    const first = await mock.simulate.message({ text: 'one', to: NOWHERE, timeoutMs: 1000 });
    await mock.simulate.message({ text: 'two', to: NOWHERE, timeoutMs: 1000 });
    const texts = await client().messages.list({ roomId: first.message.roomId, max: 2 }).toArray();
    expect(texts.map((message) => message.text)).toEqual(['two', 'one']);
  });
});

describe('files: GET and HEAD /contents/{id}', () => {
  it('downloads a shared file through the client, with its name, type and size', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00]);
    const { message } = await mock.simulate.message({
      text: 'the report',
      files: [{ name: 'Q3 report.pdf', content: bytes }],
      to: NOWHERE,
      timeoutMs: 1000,
    });
    const [url] = message.files ?? [];
    expect(url).toMatch(new RegExp(`^${mock.url}/contents/[\\w-]+$`));
    const webex = client();
    // The message as the bot reads it names the same URL.
    expect((await webex.messages.get(message.id)).files).toEqual([url]);
    const file = await webex.contents.download(url!);
    expect(file).toMatchObject({ name: 'Q3 report.pdf', type: 'application/pdf', size: bytes.length });
    expect(new Uint8Array(await new Response(file.body).arrayBuffer())).toEqual(bytes);
  });

  it('answers HEAD with the headers and no body', async () => {
    const { message } = await mock.simulate.message({
      files: [{ name: 'notes.txt', content: 'twelve bytes' }],
      to: NOWHERE,
      timeoutMs: 1000,
    });
    const url = message.files![0]!;
    expect(await client().contents.info(url)).toEqual({ name: 'notes.txt', type: 'text/plain', size: 12 });
    const head = await fetch(url, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toBe('attachment; filename="notes.txt"');
    expect(head.headers.get('content-length')).toBe('12');
    expect(await head.text()).toBe('');
  });

  it('names a file that is not ASCII with filename*, as RFC 6266 asks', async () => {
    const { message } = await mock.simulate.message({
      files: [{ name: 'Übersicht "Q3".csv', content: 'a,b\n' }],
      to: NOWHERE,
      timeoutMs: 1000,
    });
    const response = await fetch(message.files![0]!, { headers: auth });
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="_bersicht _Q3_.csv"; filename*=UTF-8''%C3%9Cbersicht%20%22Q3%22.csv`,
    );
    expect((await client().contents.info(message.files![0]!)).name).toBe('Übersicht "Q3".csv');
  });

  it('answers the malware scan: 410 for an infected file, 428 for an unscannable one until allow=unscannable', async () => {
    const { message } = await mock.simulate.message({
      files: [
        { name: 'invoice.zip', scan: 'infected' },
        { name: 'vault.zip', scan: 'unscannable', content: 'locked' },
      ],
      to: NOWHERE,
      timeoutMs: 1000,
    });
    const [infected, unscannable] = message.files as [string, string];
    const webex = client();
    await expect(webex.contents.download(infected)).rejects.toBeInstanceOf(FileInfectedError);
    await expect(webex.contents.download(unscannable)).rejects.toBeInstanceOf(FileUnscannableError);
    const file = await webex.contents.download(unscannable, { allowUnscannable: true });
    expect(await new Response(file.body).text()).toBe('locked');
  });

  it('answers 404 for a file it does not hold and 401 without a token', async () => {
    const missing = await client()
      .contents.download(`${mock.url}/contents/Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvbm9uZQ`)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, apiMessage: 'The requested resource could not be found.' });
    expect((await fetch(`${mock.url}/contents/anything`)).status).toBe(401);
  });

  it("leaves the example message's webexapis.com URLs refused by the client, as they should be", async () => {
    const example = await client().messages.get('any-message-id');
    const error = await client()
      .contents.download(example.files![0]!)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexValidationError);
  });
});

describe('webhooks created through the mock', () => {
  it('remembers the create (Prism still answers it), applies updates and forgets deletes', async () => {
    const webex = client();
    const answered = await webex.webhooks.create({
      name: 'front test',
      targetUrl: 'http://127.0.0.1:9/front-test',
      resource: 'memberships',
      event: 'created',
      filter: 'roomType=group',
      secret: 'front-secret',
    });
    // Prism's example answer, unchanged.
    expect(answered.name).toBe('New messages in Project Alpha');
    const recorded = mock.webhooks().find((hook) => hook.name === 'front test');
    expect(recorded).toMatchObject({
      targetUrl: 'http://127.0.0.1:9/front-test',
      resource: 'memberships',
      event: 'created',
      filter: 'roomType=group',
      secret: 'front-secret',
      status: 'active',
    });
    await webex.webhooks.update(recorded!.id, {
      name: 'front test',
      targetUrl: 'http://127.0.0.1:9/moved',
      secret: 'rotated',
    });
    expect(mock.webhooks().find((hook) => hook.id === recorded!.id)).toMatchObject({
      targetUrl: 'http://127.0.0.1:9/moved',
      secret: 'rotated',
    });
    await webex.webhooks.delete(recorded!.id);
    expect(mock.webhooks().some((hook) => hook.id === recorded!.id)).toBe(false);
  });

  it('records nothing for a create Prism refused', async () => {
    const before = mock.webhooks().length;
    const error = await client()
      .webhooks.create({
        name: 'broken',
        targetUrl: 'http://127.0.0.1:9/x',
        resource: 'nope',
        event: 'created',
      } as never)
      .catch((e: unknown) => e);
    expect((error as WebexApiError).status).toBe(400);
    expect(mock.webhooks()).toHaveLength(before);
  });
});
