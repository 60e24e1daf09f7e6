// Membership events, per-room ordering, bounded queues, and stop(): through the node:http transport.
import { Webex } from '@webex-ts/client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { untilTurn, watchedList } from '../../../test-utils/waits.js';
import { BotUnavailableError, createBot, type MembershipContext, webhookTransport } from '../src/index.js';
import {
  ANA,
  ANA_EMAIL,
  BOT_EMAIL,
  BOT_ID,
  cleanUp,
  DIRECT,
  envelope,
  EVE,
  gate,
  GROUP,
  newStandIn,
  OTHER_GROUP,
  sign,
  startBot,
} from './harness.js';

afterEach(cleanUp);

function direct(id: string, text: string, roomId = DIRECT) {
  return { id, roomId, roomType: 'direct' as const, personId: ANA, personEmail: ANA_EMAIL, text };
}

describe('membership', () => {
  it('greets a room it is added to, then runs added; tells of others joining and leaving, and of its removal', async () => {
    const events: string[] = [];
    const record = (name: string) => (ctx: MembershipContext) =>
      void events.push(
        `${name} ${ctx.person.email} by ${ctx.sender.id === ANA ? 'Ana' : ctx.sender.id} in ${ctx.room.type}`,
      );
    const { deliver, posted, errors, violations } = await startBot({
      botIdOption: true,
      settings: { greeting: 'Hi! Say **help** to see what I can do.' },
      setup: (bot) =>
        bot
          .on('added', record('added'))
          .on('memberJoined', record('joined'))
          .on('memberLeft', record('left'))
          .on('removed', record('removed')),
    });
    const membership = (personId: string, personEmail: string) => ({
      id: `MEMBERSHIP-${personEmail}`,
      roomId: GROUP,
      personId,
      personEmail,
      roomType: 'group',
    });
    expect(await deliver('memberships', 'created', membership(BOT_ID, BOT_EMAIL))).toBe(200);
    expect(await deliver('memberships', 'created', membership(EVE, 'eve@example.com'))).toBe(200);
    expect(await deliver('memberships', 'deleted', membership(EVE, 'eve@example.com'))).toBe(200);
    expect(await deliver('memberships', 'deleted', membership(BOT_ID, BOT_EMAIL))).toBe(200);
    expect(errors).toEqual([]);
    expect(posted.map((p) => p.body)).toEqual([{ roomId: GROUP, markdown: 'Hi! Say **help** to see what I can do.' }]);
    expect(events).toEqual([
      `added ${BOT_EMAIL} by Ana in group`,
      'joined eve@example.com by Ana in group',
      'left eve@example.com by Ana in group',
      `removed ${BOT_EMAIL} by Ana in group`,
    ]);
    expect(violations).toEqual([]);
  });

  it('does not greet a room it was added to by someone the access rules refuse', async () => {
    const added: string[] = [];
    const { deliver, posted } = await startBot({
      botIdOption: true,
      settings: { greeting: 'Hi', access: { people: [ANA] } },
      setup: (bot) => bot.on('added', (ctx) => void added.push(ctx.room.id)),
    });
    const data = { id: 'MEMBERSHIP-1', roomId: GROUP, personId: BOT_ID, personEmail: BOT_EMAIL, roomType: 'group' };
    expect(await deliver('memberships', 'created', data, EVE)).toBe(200);
    expect(await deliver('memberships', 'created', { ...data, id: 'MEMBERSHIP-2', roomId: OTHER_GROUP }, ANA)).toBe(
      200,
    );
    expect(added).toEqual([OTHER_GROUP]);
    expect(posted.map((p) => p.body.roomId)).toEqual([OTHER_GROUP]);
  });
});

describe('ordering and bounds', () => {
  it('handles the events of one room one after another, and other rooms meanwhile', async () => {
    const { items: log, until } = watchedList<string>();
    const held = gate();
    const { bot, post, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot.command('step', async (ctx) => {
          log.push(`start ${ctx.message.id}`);
          if (ctx.message.id === 'A1') await held.promise;
          log.push(`end ${ctx.message.id}`);
        }),
    });
    const a1 = post(direct('A1', 'step'));
    await until(() => log.length > 0, { what: 'the handler of A1 starting' });
    expect(log).toEqual(['start A1']);
    const a2 = post(direct('A2', 'step'));
    // `pending` has no event of its own: looked at after each turn of the event loop, until A2 is queued.
    await untilTurn(() => bot.pending === 2, { what: 'A2 queued behind A1' });
    // Room B is not held up by room A.
    expect(await post(direct('B1', 'step', OTHER_GROUP))).toBe(200);
    expect(log).toEqual(['start A1', 'start B1', 'end B1']);
    held.open();
    expect(await Promise.all([a1, a2])).toEqual([200, 200]);
    expect(log).toEqual(['start A1', 'start B1', 'end B1', 'end A1', 'start A2', 'end A2']);
    expect(errors).toEqual([]);
  });

  it('refuses an event past the room bound (500, so Webex may send it again) and takes it when sent again', async () => {
    const handled: string[] = [];
    const held = gate();
    const { bot, post, errors } = await startBot({
      botIdOption: true,
      settings: { queue: { perRoom: 1 } },
      setup: (bot) =>
        bot.command('step', async (ctx) => {
          if (ctx.message.id === 'Q1') await held.promise;
          handled.push(ctx.message.id);
        }),
    });
    const q1 = post(direct('Q1', 'step'));
    await untilTurn(() => bot.pending === 1, { what: 'Q1 taken' });
    expect(await post(direct('Q2', 'step'))).toBe(500);
    expect(errors.map(({ error, ctx }) => [(error as BotUnavailableError).reason, ctx])).toEqual([['busy', undefined]]);
    held.open();
    expect(await q1).toBe(200);
    // The receiver forgot the refused delivery, so Webex sending it again is handled, not dropped as a repeat.
    expect(await post(direct('Q2', 'step'))).toBe(200);
    expect(handled).toEqual(['Q1', 'Q2']);
  });
});

describe('stop', () => {
  it('stops taking events, waits for the handlers in flight, then closes the server', async () => {
    const held = gate();
    const started = gate();
    const { bot, transport, post, url, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot.command('slow', async (ctx) => {
          started.open();
          await held.promise;
          await ctx.say('done');
        }),
    });
    const inFlight = post(direct('S1', 'slow'));
    await started.promise;
    let result: unknown;
    const stopping = bot.stop().then((r) => {
      result = r;
    });
    // Still waiting for S1, and taking nothing new.
    await new Promise((resolve) => setImmediate(resolve));
    expect(result).toBeUndefined();
    const late = envelope(url, 'messages', 'created', { id: 'S2', roomId: DIRECT, personId: ANA }, ANA);
    const refused = await transport.fetch(
      new Request(url, { method: 'POST', headers: { 'x-spark-signature': sign(late) }, body: late }),
    );
    expect(refused.status).toBe(503);
    held.open();
    await stopping;
    expect(result).toEqual({ drained: true, abandoned: 0 });
    expect(await inFlight).toBe(200);
    // The server is closed: a delivery cannot even connect.
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(errors).toEqual([]);
    expect(await bot.stop()).toEqual({ drained: true, abandoned: 0 });
  });

  it('gives up at the deadline: aborts ctx.signal, leaves the events unacknowledged, and reports them', async () => {
    const started = gate();
    let aborted: unknown;
    const { bot, post, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot.command('stuck', async (ctx) => {
          started.open();
          await new Promise<void>((resolve) =>
            ctx.signal.addEventListener('abort', () => {
              aborted = ctx.signal.reason;
              resolve();
            }),
          );
        }),
    });
    const inFlight = post(direct('T1', 'stuck'));
    await started.promise;
    const deadline = new AbortController();
    const stopping = bot.stop({ signal: deadline.signal });
    deadline.abort();
    expect(await stopping).toEqual({ drained: false, abandoned: 1 });
    expect(await inFlight).toBe(500);
    expect(aborted).toBeInstanceOf(BotUnavailableError);
    expect(errors.map(({ error }) => (error as BotUnavailableError).reason)).toEqual(['abandoned']);
  });
});

describe('start', () => {
  it('does not start the transport when stop() comes while it asks people/me', async () => {
    const { server } = await newStandIn();
    const transport = webhookTransport({ secret: 's' });
    const bot = createBot({ webex: new Webex({ accessToken: 't', baseUrl: server.url, maxRetries: 0 }), transport });
    const starting = bot.start();
    const stopping = bot.stop();
    await expect(starting).rejects.toThrow(/bot.stop\(\) was called while the bot was starting/);
    expect(await stopping).toEqual({ drained: true, abandoned: 0 });
    expect(server.requests.map((r) => r.url)).toEqual(['/people/me']);
    // Not started: deliveries are answered 503.
    expect((await transport.fetch(new Request(server.url, { method: 'POST', body: '{}' }))).status).toBe(503);
  });
});

describe('the webhook transport', () => {
  it('answers 503 before the bot starts, 401/403 to unsigned and forged deliveries, and serves fetch-style too', async () => {
    const { url, errors } = await startBot({
      botIdOption: true,
      setup: (bot) => bot.command('ping', (ctx) => ctx.say('pong')),
    });
    const body = envelope(url, 'messages', 'created', { id: 'P1', roomId: DIRECT, personId: ANA }, ANA);
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    expect(
      (await fetch(url, { method: 'POST', headers: { 'x-spark-signature': sign(body, 'guess') }, body })).status,
    ).toBe(403);
    expect(errors.filter(({ error }) => error instanceof BotUnavailableError)).toEqual([]);

    const idle = webhookTransport({ secret: 'x' });
    expect((await idle.fetch(new Request(url, { method: 'POST', body }))).status).toBe(503);
    expect(() => webhookTransport({ secret: '' })).toThrow(/non-empty string/);
    expect(idle.webhookSpecs('https://bot.example.com/webex', { edits: true }).map((s) => [s.name, s.secret])).toEqual([
      ['webex-ts bot messages created', 'x'],
      ['webex-ts bot messages updated', 'x'],
      ['webex-ts bot attachmentActions created', 'x'],
      ['webex-ts bot memberships created', 'x'],
      ['webex-ts bot memberships deleted', 'x'],
    ]);
    expect(() => idle.webhookSpecs('bot.example.com')).toThrow(/expected the URL Webex posts to/);
    // Each one is a webhook the API takes, as the Prism mock of the spec checks.
    const { fetch: checked, violations } = recordingFetch();
    const prism = new Webex({ accessToken: 'bot-token', baseUrl: inject('mockUrl'), maxRetries: 0, fetch: checked });
    for (const spec of idle.webhookSpecs('https://bot.example.com/webex', { edits: true }))
      await prism.webhooks.create(spec);
    expect(violations).toEqual([]);
  });

  it('delivers through the fetch handler the same as through node:http', async () => {
    const { transport, url, standIn, posted, errors } = await startBot({
      botIdOption: true,
      setup: (bot) => bot.command('ping', (ctx) => ctx.say('pong')),
    });
    standIn.held.messages.set('F1', { ...direct('F1', 'ping'), created: '' });
    const body = envelope(url, 'messages', 'created', { id: 'F1', roomId: DIRECT, personId: ANA }, ANA);
    const answer = await transport.fetch(
      new Request(url, { method: 'POST', headers: { 'x-spark-signature': sign(body) }, body }),
    );
    expect(answer.status).toBe(200);
    expect(posted.map((p) => p.body)).toEqual([{ roomId: DIRECT, markdown: 'pong' }]);
    expect(errors).toEqual([]);
  });
});
