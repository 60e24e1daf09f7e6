// The messages a bot posts through the mock: each under an id of its own, readable, listed, edited and deleted as with
// Webex, while Prism still checks every request. The bot's client talks to the mock through the validating proxy, so
// every answer the mock writes is also checked against the spec's schemas.
import { fileURLToPath } from 'node:url';
import { type AdaptiveCard, decodeId, encodeId, Webex, WebexApiError } from '@webex-ts/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ContractProxy, startProxy } from '../src/contract/proxy.js';
import { useWebexMock } from '../src/vitest.js';

const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const mock = useWebexMock({ spec });
// The mock only simulates toward somewhere: a target that is never posted to (these tests read the store).
const NOWHERE = 'http://127.0.0.1:9/never';
const card = (title: string): AdaptiveCard => ({
  type: 'AdaptiveCard',
  version: '1.3',
  body: [{ type: 'TextBlock', text: title }],
  actions: [{ type: 'Action.Submit', title: 'Approve', data: { decision: 'approve' } }],
});

let proxy: ContractProxy;
beforeAll(async () => {
  proxy = await startProxy({ upstream: mock.url, spec });
});
afterAll(() => proxy.stop());

/** The bot's client, through the validating proxy in front of the mock. */
const bot = () => new Webex({ accessToken: 'bot-token', baseUrl: proxy.url, maxRetries: 0 });

let violationsBefore = 0;
beforeEach(() => {
  violationsBefore = proxy.violations().length;
});

/** Asserts that every exchange of this test, requests and the mock's answers, met the spec. */
function expectNoViolations() {
  expect(proxy.violations().slice(violationsBefore)).toEqual([]);
}

describe('POST /messages', () => {
  it('gives two cards two ids of their own, in Webex format, each readable as the bot posted it', async () => {
    const webex = bot();
    const me = await webex.people.me();
    const roomId = mock.realtime.group.id;
    const first = await webex.messages.create({ roomId, text: 'Build 1?', card: card('Build 1') });
    const second = await webex.messages.create({ roomId, text: 'Build 2?', card: card('Build 2') });

    expect(first.id).not.toBe(second.id);
    for (const message of [first, second]) {
      const id = decodeId(message.id);
      expect(id).toMatchObject({ type: 'MESSAGE', region: 'us' });
      expect(id.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(message).toMatchObject({ roomId, roomType: 'group', personId: me.id, personEmail: me.emails[0] });
      expect(Number.isNaN(Date.parse(message.created))).toBe(false);
      expect(await webex.messages.get(message.id)).toEqual(message);
    }
    expect(first.attachments?.[0]?.content).toEqual(card('Build 1'));
    expect(second.text).toBe('Build 2?');
    expectNoViolations();
  });

  it('lists a reply under its parent, and the room newest first with the simulated messages', async () => {
    const webex = bot();
    const asked = await mock.simulate.message({ text: 'deploy?', to: NOWHERE, timeoutMs: 1000 });
    const reply = await webex.messages.reply(asked.message, { text: 'Which build?' });
    const again = await webex.messages.reply(asked.message, { markdown: '**Which** build?' });
    const elsewhere = await webex.messages.create({ roomId: asked.message.roomId, text: 'not in the thread' });

    expect(reply).toMatchObject({ parentId: asked.message.id, roomId: asked.message.roomId, roomType: 'direct' });
    const thread = await webex.messages.list({ roomId: asked.message.roomId, parentId: asked.message.id }).toArray();
    expect(thread.map((message) => message.id)).toEqual([again.id, reply.id]);
    const room = await webex.messages.list({ roomId: asked.message.roomId }).toArray();
    expect(room.map((message) => message.id).slice(0, 4)).toEqual([elsewhere.id, again.id, reply.id, asked.message.id]);
    expectNoViolations();
  });

  it('still rejects a body that breaks the spec with the violation, and stores nothing', async () => {
    const held = mock.realtime.rest.messages.size;
    const response = await fetch(`${mock.url}/messages`, {
      method: 'POST',
      headers: { Authorization: 'Bearer bot-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId: mock.realtime.direct.id, text: 5 }),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.headers.get('sl-violations') ?? '[]')).toMatchObject([
      { location: ['request', 'body', 'text'], code: 'type' },
    ]);
    await response.text();
    expect(mock.realtime.rest.messages.size).toBe(held);
    const recorded = mock.requests.at(-1);
    expect(recorded).toMatchObject({ method: 'POST', path: '/messages', status: 400, answeredBy: 'prism' });
  });

  it('leaves a create without a token, or with Prefer, to Prism, and stores nothing', async () => {
    const held = mock.realtime.rest.messages.size;
    const body = JSON.stringify({ roomId: mock.realtime.direct.id, text: 'hi' });
    const headers = { 'Content-Type': 'application/json' };
    const anonymous = await fetch(`${mock.url}/messages`, { method: 'POST', headers, body });
    expect(anonymous.status).toBe(401);
    const example = await bot().messages.create(
      { roomId: mock.realtime.direct.id, text: 'hi' },
      { headers: { Prefer: 'code=200' } },
    );
    expect(example.text).not.toBe('hi');
    expect(mock.realtime.rest.messages.size).toBe(held);
  });

  it('serves a file the bot uploads at the mock, and names it in the message', async () => {
    const webex = bot();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0xff, 0x00]);
    const file = new File([bytes], 'build 412.pdf', { type: 'application/pdf' });
    const posted = await webex.messages.create({ roomId: mock.realtime.direct.id, text: 'the log', files: [file] });

    expect(posted.files).toHaveLength(1);
    expect(posted.files![0]).toMatch(new RegExp(`^${mock.url}/contents/[\\w-]+$`));
    expect((await webex.messages.get(posted.id)).files).toEqual(posted.files);
    // Straight from the mock: the client sends its token only to the origin it talks to, and the URL is the mock's.
    const direct = new Webex({ accessToken: 'bot-token', baseUrl: mock.url, maxRetries: 0 });
    const download = await direct.contents.download(posted.files![0]!);
    expect(download).toMatchObject({ name: 'build 412.pdf', type: 'application/pdf', size: bytes.length });
    expect(new Uint8Array(await new Response(download.body).arrayBuffer())).toEqual(bytes);
  });

  it('sends to a person in their 1:1 room with the bot, the room the simulator uses for them', async () => {
    const webex = bot();
    const toAna = await webex.messages.create({ toPersonEmail: 'ana@example.com', text: 'hi Ana' });
    expect(toAna).toMatchObject({
      roomId: mock.realtime.direct.id,
      roomType: 'direct',
      toPersonEmail: 'ana@example.com',
    });
    const toZoe = await webex.messages.create({ toPersonEmail: 'zoe@example.com', text: 'hi Zoe' });
    const again = await webex.messages.create({ toPersonEmail: 'Zoe@Example.com', text: 'still there?' });
    expect(toZoe.roomId).not.toBe(mock.realtime.direct.id);
    expect(again.roomId).toBe(toZoe.roomId);
    const answer = await mock.simulate.message({ from: 'zoe@example.com', text: 'yes', to: NOWHERE, timeoutMs: 1000 });
    expect(answer.message.roomId).toBe(toZoe.roomId);
    const listed = await webex.messages.list({ roomId: toZoe.roomId }).toArray();
    expect(listed.map((message) => message.text)).toEqual(['yes', 'still there?', 'hi Zoe']);
    expect(await webex.people.get(answer.message.personId)).toMatchObject({ emails: ['zoe@example.com'] });

    const byId = mock.realtime.addPerson({ email: 'yan@example.com' });
    const toYan = await webex.messages.create({ toPersonId: byId.id, text: 'hi Yan' });
    expect(toYan).toMatchObject({ roomType: 'direct', toPersonId: byId.id });
    const fromYan = await mock.simulate.message({ from: 'yan@example.com', to: NOWHERE, timeoutMs: 1000 });
    expect(fromYan.message.roomId).toBe(toYan.roomId);
    expect(fromYan.message.personId).toBe(byId.id);
    expectNoViolations();
  });

  it('opens a 1:1 room with a person id it has not met, once', async () => {
    const webex = bot();
    const stranger = encodeId({ type: 'PEOPLE', uuid: '0b6c1f7e-2d4a-4c8e-9f10-3a5b7c9d1e2f' });
    const first = await webex.messages.create({ toPersonId: stranger, text: 'hello?' });
    const second = await webex.messages.create({ toPersonId: stranger, text: 'anyone?' });
    expect(first).toMatchObject({ roomType: 'direct', toPersonId: stranger });
    expect(second.roomId).toBe(first.roomId);
    expect((await webex.people.get(stranger)).id).toBe(stranger);
    expectNoViolations();
  });

  it('names the people and groups its markdown mentions', async () => {
    const ana = mock.realtime.user;
    const posted = await bot().messages.create({
      roomId: mock.realtime.group.id,
      markdown: `<@personId:${ana.id}|Ana>, <@personEmail:ana@example.com> and <@all>: done`,
    });
    expect(posted).toMatchObject({ mentionedPeople: [ana.id], mentionedGroups: ['all'] });
    expect(posted.markdown).toBe(posted.text);
  });

  it('keeps a post to a room the mock does not know under that roomId, and leaves that room’s listing to Prism', async () => {
    const webex = bot();
    const posted = await webex.messages.create({ roomId: 'made-up-room', text: 'one' });
    expect(posted.roomId).toBe('made-up-room');
    expect(posted.roomType).toBeUndefined();
    expect(await webex.messages.get(posted.id)).toEqual(posted);
    // Straight to the mock: Prism's example listing carries a made-up Link header the proxy would report.
    const direct = new Webex({ accessToken: 'bot-token', baseUrl: mock.url, maxRetries: 0 });
    const listed = await direct.messages.list({ roomId: 'made-up-room', max: 1 }).toArray();
    expect(listed.map((message) => message.id)).not.toContain(posted.id);
    expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', path: '/messages', answeredBy: 'prism' });
  });
});

describe('PUT and DELETE /messages/{id}', () => {
  it('edits a message of the bot, and refuses to edit someone else’s', async () => {
    const webex = bot();
    const posted = await webex.messages.create({ roomId: mock.realtime.direct.id, text: 'Deploying 41' });
    const edited = await webex.messages.edit(posted.id, { roomId: posted.roomId, text: 'Deploying 412' });
    expect(edited).toMatchObject({ id: posted.id, text: 'Deploying 412', created: posted.created });
    expect(edited.updated).toEqual(expect.any(String));
    expect((await webex.messages.get(posted.id)).text).toBe('Deploying 412');

    const theirs = await mock.simulate.message({ text: 'mine', to: NOWHERE, timeoutMs: 1000 });
    const refused = await webex.messages
      .edit(theirs.message.id, { roomId: theirs.message.roomId, text: 'yours now' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebexApiError);
    expect(refused).toMatchObject({ status: 403, apiMessage: 'Only the author of a message can edit it.' });
    expect((await webex.messages.get(theirs.message.id)).text).toBe('mine');
    expectNoViolations();
  });

  it('deletes a held message: then 404, and gone from the room', async () => {
    const webex = bot();
    const kept = await webex.messages.create({ roomId: mock.realtime.direct.id, text: 'kept' });
    const removed = await webex.messages.create({ roomId: mock.realtime.direct.id, text: 'removed' });
    await webex.messages.delete(removed.id);
    await expect(webex.messages.get(removed.id)).rejects.toMatchObject({ status: 404 });
    const listed = await webex.messages.list({ roomId: mock.realtime.direct.id, max: 1 }).toArray();
    expect(listed[0]?.id).toBe(kept.id);
  });
});

describe('the simulator and what the bot posted', () => {
  it('submits the card the bot posted, in its room, and the bot reads that card back', async () => {
    const webex = bot();
    const posted = await webex.messages.create({ roomId: mock.realtime.group.id, text: 'Approve?', card: card('412') });
    const submit = await mock.simulate.cardSubmit({
      messageId: posted.id,
      inputs: { decision: 'approve' },
      to: NOWHERE,
      timeoutMs: 1000,
    });
    expect(submit.attachmentAction).toMatchObject({ messageId: posted.id, roomId: mock.realtime.group.id });
    expect(submit.message).toEqual(posted);
  });

  it('moves a card posted to a room the mock does not know into the simulated room', async () => {
    const posted = await bot().messages.create({ roomId: 'somewhere-else', text: 'Approve?', card: card('413') });
    const submit = await mock.simulate.cardSubmit({
      messageId: posted.id,
      roomType: 'group',
      inputs: { decision: 'reject' },
      to: NOWHERE,
      timeoutMs: 1000,
    });
    expect(submit.attachmentAction).toMatchObject({ messageId: posted.id, roomId: mock.realtime.group.id });
    expect(submit.message).toMatchObject({ id: posted.id, attachments: posted.attachments, roomType: 'group' });
  });
});
