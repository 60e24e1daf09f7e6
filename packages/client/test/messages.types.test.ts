// Compile-time rules of messages.create and messages.reply, checked by tsc (`pnpm exec tsc -p packages/client/tsconfig.json --noEmit`).
// Each @ts-expect-error fails the type check if the line ever compiles; the calls are never run.
import { describe, expectTypeOf, it } from 'vitest';
import { adaptiveCard } from '../src/messages/cards.js';
import type { CreateMessageInput, ReplyInput } from '../src/messages/message-input.js';
import {
  Webex,
  type Message,
  type MessagesApi,
  type MessagesResource,
  type MessagesResourceBase,
} from '../src/index.js';

const webex = new Webex({ accessToken: 't', baseUrl: 'http://127.0.0.1:9' });
const card = adaptiveCard({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Approve?' }] });
const roomId = 'R';

describe('messages.create input', () => {
  it('takes one destination with some content', () => {
    const typeOnly = () => {
      void webex.messages.create({ roomId, text: 'hi' });
      void webex.messages.create({ toPersonEmail: 'ana@example.com', markdown: '**hi**' });
      void webex.messages.create({ toPersonId: 'P', files: ['https://example.com/a.pdf'] });
      void webex.messages.create({ roomId, files: [new Blob(['x'])] });
      void webex.messages.create({
        roomId,
        text: 'fallback',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      });
      void webex.messages.create({ roomId, text: 'fallback', card });
      void webex.messages.create({ roomId, text: 'fallback', markdown: '**fallback**', card, parentId: 'M' });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it('refuses two destinations, none, or no content', () => {
    const typeOnly = () => {
      // @ts-expect-error roomId and toPersonEmail: two destinations
      void webex.messages.create({ roomId, toPersonEmail: 'ana@example.com', text: 'hi' });
      // @ts-expect-error roomId and toPersonId: two destinations
      void webex.messages.create({ roomId, toPersonId: 'P', text: 'hi' });
      // @ts-expect-error toPersonId and toPersonEmail: two destinations
      void webex.messages.create({ toPersonId: 'P', toPersonEmail: 'ana@example.com', text: 'hi' });
      // @ts-expect-error no destination
      void webex.messages.create({ text: 'hi' });
      // @ts-expect-error no content
      void webex.messages.create({ roomId });
      // @ts-expect-error only a thread is not content
      void webex.messages.create({ roomId, parentId: 'M' });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it('needs text with a card, and one way to give the card', () => {
    const typeOnly = () => {
      // @ts-expect-error a card without its fallback text
      void webex.messages.create({ roomId, card });
      // @ts-expect-error markdown is not the card's fallback: text is required
      void webex.messages.create({ roomId, markdown: '**m**', card });
      void webex.messages.create({
        roomId,
        text: 't',
        card,
        // @ts-expect-error card and attachments together
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      });
      // @ts-expect-error not a card
      void webex.messages.create({ roomId, text: 't', card: { type: 'Hero' } });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it('keeps MessagesResource usable as its generated base, webex.messages one, MessagesApi its old name', () => {
    expectTypeOf<MessagesResource>().toMatchTypeOf<MessagesResourceBase>();
    expectTypeOf(webex.messages).toEqualTypeOf<MessagesResource>();
    expectTypeOf<MessagesApi>().toEqualTypeOf<MessagesResource>();
    expectTypeOf<Awaited<ReturnType<MessagesResource['create']>>>().toEqualTypeOf<Message>();
    // With nothing to infer from, the parameter is the plain input type (the rules only sharpen a call's error).
    expectTypeOf<Parameters<MessagesResource['create']>[0]>().toEqualTypeOf<CreateMessageInput>();
    expectTypeOf<Parameters<MessagesResource['reply']>[1]>().toEqualTypeOf<ReplyInput>();
    // A body built up step by step has to say which destination it has.
    const destination = Math.random() > 0.5 ? { roomId } : { toPersonEmail: 'ana@example.com' };
    const body: CreateMessageInput = { ...destination, text: 'hi' };
    expectTypeOf(body).toMatchTypeOf<CreateMessageInput>();
  });
});

describe('messages.reply input', () => {
  it('takes a message or its id, and content without a destination', () => {
    const typeOnly = async () => {
      const parent = await webex.messages.get('M');
      void webex.messages.reply(parent, { markdown: 'done' });
      void webex.messages.reply('M', { text: 'fallback', card });
      // @ts-expect-error the reply's room comes from the parent
      void webex.messages.reply('M', { roomId, text: 'hi' });
      // @ts-expect-error no content
      void webex.messages.reply('M', {});
      // @ts-expect-error a card without its fallback text
      void webex.messages.reply('M', { card });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
