// messages.reply and the card shorthand of messages.create, against the shared Prism mock of the bundled spec.
import { describe, expect, inject, it } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { adaptiveCard } from '../src/messages/cards.js';
import { Webex, WebexValidationError } from '../src/index.js';

// The spec's example answer to GET /messages/{id}: the room the reply has to go to.
const EXAMPLE_ROOM = 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0';
const card = adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.3',
  body: [
    { type: 'TextBlock', text: 'Deploy build 412?' },
    { type: 'Input.Text', id: 'reason' },
  ],
  actions: [{ type: 'Action.Submit', title: 'Approve' }],
});

function recordingClient() {
  const { fetch, sent, violations } = recordingFetch();
  const webex = new Webex({ accessToken: 'test-token', baseUrl: inject('mockUrl'), maxRetries: 0, fetch });
  return { webex, sent, violations };
}

describe('messages.reply', () => {
  it('with an id, fetches the parent to learn its room, then posts into its thread', async () => {
    const { webex, sent, violations } = recordingClient();
    const reply = await webex.messages.reply('PARENT-ID', { markdown: 'On it' });
    expect(reply.id).toEqual(expect.any(String));
    expect(sent.map((s) => s.line)).toEqual(['GET /messages/PARENT-ID', 'POST /messages']);
    expect(sent[1]!.body).toEqual({ markdown: 'On it', roomId: EXAMPLE_ROOM, parentId: 'PARENT-ID' });
    expect(violations).toEqual([]);
  });

  it('with a message that has its room, sends without fetching; a reply to a reply goes to the thread root', async () => {
    const { webex, sent, violations } = recordingClient();
    await webex.messages.reply({ id: 'M1', roomId: 'ROOM', parentId: 'ROOT' }, { text: 'same thread' });
    await webex.messages.reply({ id: 'ROOT', roomId: 'ROOM' }, { text: 'first reply' });
    expect(sent.map((s) => s.line)).toEqual(['POST /messages', 'POST /messages']);
    expect(sent[0]!.body).toEqual({ text: 'same thread', roomId: 'ROOM', parentId: 'ROOT' });
    expect(sent[1]!.body).toEqual({ text: 'first reply', roomId: 'ROOM', parentId: 'ROOT' });
    expect(violations).toEqual([]);
  });

  it('a card reply carries the card as its one attachment', async () => {
    const { webex, sent } = recordingClient();
    await webex.messages.reply({ id: 'M1', roomId: 'ROOM' }, { text: 'fallback', card });
    expect(sent[0]!.body).toEqual({
      text: 'fallback',
      roomId: 'ROOM',
      parentId: 'M1',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
  });

  it.each([
    ['a message without an id', { roomId: 'ROOM' }, /expected a message with an id and a roomId/],
    ['an empty id', '', /expected a message with an id \(or the id itself\)/],
    ['null', null, /expected a message or a message id, got null/],
  ])('refuses %s before sending anything', async (_name, parent, message) => {
    const { webex, sent } = recordingClient();
    const error = await webex.messages.reply(parent as never, { text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexValidationError);
    expect(String((error as Error).message)).toMatch(message);
    expect(sent).toEqual([]);
  });

  it('strips a destination smuggled into the reply body: the room is always the parent’s', async () => {
    const { webex, sent } = recordingClient();
    await webex.messages.reply({ id: 'M1', roomId: 'ROOM' }, { text: 'x', toPersonEmail: 'eve@example.com' } as never);
    expect(sent[0]!.body).toEqual({ text: 'x', roomId: 'ROOM', parentId: 'M1' });
  });
});

describe('messages.create with a card', () => {
  it('sends the card as the one adaptive-card attachment, with its fallback text', async () => {
    const { webex, sent, violations } = recordingClient();
    const message = await webex.messages.create({
      roomId: 'ROOM',
      text: 'Deploy build 412? Open in Webex to answer.',
      card,
    });
    expect(message.id).toEqual(expect.any(String));
    expect(sent[0]!.body).toEqual({
      roomId: 'ROOM',
      text: 'Deploy build 412? Open in Webex to answer.',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(violations).toEqual([]);
  });

  it.each([
    ['no fallback text', { roomId: 'ROOM', card }, /a card needs text as the fallback/],
    ['blank fallback text', { roomId: 'ROOM', text: '  ', card }, /a card needs text as the fallback/],
    ['markdown only', { roomId: 'ROOM', markdown: '**m**', card }, /a card needs text as the fallback/],
    ['card and attachments', { roomId: 'ROOM', text: 't', card, attachments: [] }, /give either card or attachments/],
    [
      'a card that is not an object',
      { roomId: 'ROOM', text: 't', card: 'card.json' },
      /expected an adaptive card object, got string/,
    ],
    [
      'a card and a local file',
      { roomId: 'ROOM', text: 't', card, files: [new Blob(['x'])] },
      /cannot carry both a local file and a card/,
    ],
  ])('refuses %s before sending anything', async (_name, body, message) => {
    const { webex, sent } = recordingClient();
    const error = await webex.messages.create(body as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexValidationError);
    expect((error as Error).message).toMatch(message);
    expect(sent).toEqual([]);
  });

  it('still checks the rules at run time for callers without types', async () => {
    const { webex, sent } = recordingClient();
    await expect(
      webex.messages.create({ roomId: 'R', toPersonEmail: 'a@example.com', text: 'x' } as never),
    ).rejects.toThrow(/give exactly one of roomId, toPersonId, toPersonEmail/);
    await expect(webex.messages.create({ roomId: 'R' } as never)).rejects.toThrow(/give some content/);
    expect(sent).toEqual([]);
  });
});
