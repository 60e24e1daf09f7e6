// Card submits end to end: routed by the card's message id (sent in this process) or by the stable id it carries.
import { adaptiveCard, WebexValidationError } from '@webex-ts/client';
import { afterEach, expect, it } from 'vitest';
import { CARD_ID_FIELD, type CardSubmitContext } from '../src/index.js';
import { ANA, ANA_EMAIL, cleanUp, DIRECT, GROUP, startBot } from './harness.js';

afterEach(cleanUp);

const approval = adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.3',
  body: [
    { type: 'TextBlock', text: 'Deploy build 42?' },
    {
      type: 'Input.ChoiceSet',
      id: 'decision',
      choices: [
        { title: 'Approve', value: 'approve' },
        { title: 'Reject', value: 'reject' },
      ],
    },
    { type: 'Input.Text', id: 'comment' },
  ],
  actions: [{ type: 'Action.Submit', title: 'Send', data: { build: '42' } }],
});

function ask(id: string, text: string) {
  return {
    id,
    roomId: GROUP,
    roomType: 'group' as const,
    personId: ANA,
    personEmail: ANA_EMAIL,
    text,
    mentionedPeople: [] as string[],
  };
}

it('routes a submit to the onSubmit of the card it was sent with, typed by the card, and answers in its thread', async () => {
  const submits: CardSubmitContext<'decision' | 'comment'>[] = [];
  const { post, press, posted, errors, violations } = await startBot({
    botIdOption: true,
    settings: { requireMention: { group: false } },
    setup: (bot) =>
      bot.command('approve', (ctx) =>
        ctx.sendCard(approval, {
          fallbackText: 'Approve build 42? Open this in a Webex app.',
          inThread: true,
          onSubmit: async (submit) => {
            submits.push(submit);
            const { decision, comment } = submit.values;
            await submit.reply(`${decision}: ${comment}`);
          },
        }),
      ),
  });
  expect(await post(ask('Q1', 'approve'))).toBe(200);
  expect(posted.map((p) => p.body)).toEqual([
    {
      roomId: GROUP,
      parentId: 'Q1',
      text: 'Approve build 42? Open this in a Webex app.',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: approval }],
    },
  ]);
  const card = posted[0]!.id;

  expect(await press('ACT-1', card, { decision: 'approve', comment: 'ship it', build: '42' })).toBe(200);
  expect(errors).toEqual([]);
  expect(submits.map((s) => [s.cardMessageId, s.cardId, s.inputs, s.sender])).toEqual([
    [card, undefined, { decision: 'approve', comment: 'ship it', build: '42' }, { id: ANA, email: undefined }],
  ]);
  // The card was in the thread of Q1: the answer goes to the same thread, which the bot knew without asking.
  expect(posted[1]!.body).toEqual({ roomId: GROUP, parentId: 'Q1', markdown: 'approve: ship it' });
  expect(violations).toEqual([]);
});

it('routes by the stable card id after a restart, when the message id is forgotten', async () => {
  const first = await startBot({ botIdOption: true });
  const sent = await first.bot.sendCard(DIRECT, approval, {
    fallbackText: 'Approve build 42?',
    cardId: 'deploy-approval',
  });
  const content = (first.posted[0]!.body.attachments as { content: typeof approval }[])[0]!.content;
  expect(content.actions).toEqual([
    { type: 'Action.Submit', title: 'Send', data: { build: '42', [CARD_ID_FIELD]: 'deploy-approval' } },
  ]);
  // The card given is left as it was.
  expect(approval.actions![0]).toEqual({ type: 'Action.Submit', title: 'Send', data: { build: '42' } });
  await first.bot.stop();

  const submits: string[] = [];
  const second = await startBot({
    botIdOption: true,
    standIn: first.standIn,
    setup: (bot) =>
      bot.onCardSubmit(
        'deploy-approval',
        async (ctx) => {
          const { decision, build } = ctx.values;
          submits.push(`${ctx.cardId} ${decision} ${build}`);
          await ctx.reply(`Build ${build}: ${decision}`);
        },
        { inputs: ['decision', 'build'] },
      ),
  });
  expect(
    await second.press(
      'ACT-2',
      sent.id,
      { decision: 'reject', comment: '', build: '42', [CARD_ID_FIELD]: 'deploy-approval' },
      ANA,
      DIRECT,
    ),
  ).toBe(200);
  expect(second.errors).toEqual([]);
  expect(submits).toEqual(['deploy-approval reject 42']);
  // Unknown to this process, the card's message is fetched to find its thread.
  expect(second.server.requests.map((r) => `${r.method} ${r.url}`).slice(-3)).toEqual([
    'GET /attachment/actions/ACT-2',
    `GET /messages/${sent.id}`,
    'POST /messages',
  ]);
  expect(second.posted.at(-1)!.body).toEqual({ roomId: DIRECT, parentId: sent.id, markdown: 'Build 42: reject' });
});

it('gives submits no route claims to onCardSubmit(handler), and reports missing typed values', async () => {
  const unrouted: string[] = [];
  const { press, errors } = await startBot({
    botIdOption: true,
    setup: (bot) =>
      bot
        .onCardSubmit((ctx) => void unrouted.push(`${ctx.cardMessageId} ${JSON.stringify(ctx.values)}`))
        .onCardSubmit('typed', (ctx) => ctx.values.decision, { inputs: approval }),
  });
  expect(await press('ACT-3', 'SOMEONE-ELSES-CARD', { Name: 'Ana', n: 3 })).toBe(200);
  expect(await press('ACT-4', 'OLD-CARD', { [CARD_ID_FIELD]: 'typed', comment: 'no decision' })).toBe(200);
  expect(unrouted).toEqual(['SOMEONE-ELSES-CARD {"Name":"Ana"}']);
  expect(
    errors.map(({ error, ctx }) => [error instanceof WebexValidationError, (ctx as CardSubmitContext).cardId]),
  ).toEqual([[true, 'typed']]);
  expect(String(errors[0]!.error)).toMatch(/missing or not a string: decision/);
});

it('refuses a card without fallback text, and a cardId on a card without a submit button', async () => {
  const { bot, posted } = await startBot({ botIdOption: true });
  await expect(bot.sendCard(GROUP, approval, { fallbackText: ' ' })).rejects.toThrow(/give \{ fallbackText \}/);
  const noSubmit = adaptiveCard({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'hi' }] });
  await expect(bot.sendCard(GROUP, noSubmit, { fallbackText: 'hi', cardId: 'x' })).rejects.toThrow(/no Action.Submit/);
  expect(posted).toEqual([]);
});
