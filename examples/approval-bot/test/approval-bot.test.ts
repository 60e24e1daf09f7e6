// The approval bot end to end: its client talks to the bundled Prism mock (through a stand-in that holds the
// submitted card values, as Webex would), and the test plays Webex's webhook sender with signed deliveries.
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { Webex } from '@webex-ts/client';
import { afterEach, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../../../test-utils/http-server.js';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { approvalCard, createApprovalBot } from '../src/bot.js';

const SECRET = 'approval-bot-secret';
const BOT_ID = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3QtYXBwcm92YWw';
const ROOM = 'Y2lzY29zcGFyazovL3VzL1JPT00vZGVwbG95cw';
const APPROVER = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A card submit as the stand-in holds it: what the person pressed, on which card. */
type Submit = ReturnType<typeof submit>;

/**
 * Forwards every request to the Prism mock and passes its answer back (spec violations included), except that a
 * card submit is the one the test made: Prism only knows the spec's example action.
 */
async function webexStandIn(mockUrl: string, held: { action?: Submit }): Promise<TestServer> {
  const server = await startServer(async (request, response) => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
    ) as Record<string, string>;
    const answer = await fetch(mockUrl + request.url, {
      method: request.method,
      headers,
      ...(request.body ? { body: request.body } : {}),
    });
    let body = await answer.text();
    if (request.method === 'GET' && request.url.startsWith('/attachment/actions/') && answer.ok) {
      body = JSON.stringify({ ...JSON.parse(body), ...held.action });
    }
    const forwarded: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
        forwarded[name] = value;
    });
    response.writeHead(answer.status, forwarded);
    response.end(body);
  });
  cleanups.push(() => server.close());
  return server;
}

/** Signs and POSTs a delivery to the bot, as Webex does. */
async function deliver(
  botUrl: string,
  resource: string,
  event: string,
  data: Record<string, unknown>,
  signature?: string | null,
) {
  const body = JSON.stringify({
    id: 'WEBHOOK-1',
    name: 'approval-bot card submits',
    targetUrl: botUrl,
    resource,
    event,
    orgId: 'ORG',
    createdBy: BOT_ID,
    appId: 'APP',
    ownedBy: 'creator',
    status: 'active',
    created: '2026-12-02T09:00:00.000Z',
    actorId: APPROVER,
    data,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sig = signature === undefined ? createHmac('sha1', SECRET).update(body).digest('hex') : signature;
  if (sig !== null) headers['x-spark-signature'] = sig;
  const response = await fetch(botUrl, { method: 'POST', headers, body });
  await response.text();
  return response.status;
}

async function startBot() {
  const held: { action?: Submit } = {};
  const standIn = await webexStandIn(inject('mockUrl'), held);
  const { fetch, sent, violations } = recordingFetch();
  const webex = new Webex({ accessToken: 'bot-token', baseUrl: standIn.url, maxRetries: 0, fetch });
  const errors: unknown[] = [];
  const bot = createApprovalBot({
    webex,
    roomId: ROOM,
    secret: SECRET,
    botId: BOT_ID,
    onError: (error) => errors.push(error),
  });
  const { server, url } = await bot.listen(0);
  cleanups.push(() => new Promise<void>((resolve) => (server as Server).close(() => resolve())));
  /** Someone submits the card of `messageId` with `inputs`: Webex holds the action and sends its webhook. */
  const press = (messageId: string, inputs: Record<string, string>, signature?: string | null) => {
    held.action = submit(messageId, inputs);
    const { inputs: _inputs, ...data } = held.action;
    return deliver(url, 'attachmentActions', 'created', data, signature);
  };
  return { bot, url, sent, violations, errors, press };
}

function submit(messageId: string, inputs: Record<string, string>) {
  return {
    id: 'ACTION-1',
    type: 'submit',
    messageId,
    roomId: ROOM,
    personId: APPROVER,
    inputs,
    created: '2026-12-02T09:01:00.000Z',
  };
}

it('posts the card, takes the approval from the signed submit and answers in the thread, mentioning the approver', async () => {
  const { bot, sent, violations, errors, press } = await startBot();

  const card = await bot.requestApproval({ build: '412', environment: 'production' });
  expect(sent.map((s) => s.line)).toEqual(['POST /messages']);
  expect(sent[0]!.body).toEqual({
    roomId: ROOM,
    text: 'Approve the deploy of build 412 to production? Open this message in a Webex app to answer.',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: approvalCard({ build: '412', environment: 'production' }),
      },
    ],
  });

  expect(await press(card.id!, { decision: 'approve', comment: 'ship it', build: '412' })).toBe(200);
  expect(errors).toEqual([]);
  expect(sent.map((s) => s.line)).toEqual(['POST /messages', 'GET /attachment/actions/ACTION-1', 'POST /messages']);
  expect(sent[2]!.body).toEqual({
    markdown: `<@personId:${APPROVER}> approved the deploy of build 412: “ship it”`,
    roomId: ROOM,
    parentId: card.id,
  });
  expect(bot.decisions).toMatchObject([{ build: '412', approved: true, comment: 'ship it', approverId: APPROVER }]);

  // Webex may deliver the same event twice: the second is answered but not acted on.
  expect(await press(card.id!, { decision: 'approve', comment: 'ship it', build: '412' })).toBe(200);
  expect(sent).toHaveLength(3);
  expect(bot.decisions).toHaveLength(1);
  expect(violations).toEqual([]);
});

it('escapes what the approver typed, so a comment cannot mention anyone or format the answer', async () => {
  const { bot, sent, violations, press } = await startBot();
  expect(await press('CARD-413', { decision: 'reject', comment: '<@all> **no**', build: '413' })).toBe(200);
  expect(bot.decisions).toMatchObject([{ build: '413', approved: false }]);
  const { markdown } = sent.at(-1)!.body as { markdown: string };
  expect(markdown).toMatch(new RegExp(`^<@personId:${APPROVER}> rejected the deploy of build 413: “`));
  expect(markdown).not.toContain('<@all>');
  expect(markdown).not.toContain('**no**');
  expect(violations).toEqual([]);
});

it('answers unsigned and forged deliveries with 401 and 403 and acts on neither', async () => {
  const { bot, sent, press } = await startBot();
  const inputs = { decision: 'approve', comment: '', build: '412' };
  expect(await press('CARD', inputs, null)).toBe(401);
  expect(await press('CARD', inputs, createHmac('sha1', 'guess').update('x').digest('hex'))).toBe(403);
  expect(sent).toEqual([]);
  expect(bot.decisions).toEqual([]);
});

it('ignores its own messages without fetching them', async () => {
  const { url, sent } = await startBot();
  expect(
    await deliver(url, 'messages', 'created', {
      id: 'MSG-1',
      roomId: ROOM,
      personId: BOT_ID,
      personEmail: 'approvals@webex.bot',
    }),
  ).toBe(200);
  expect(sent).toEqual([]);
});

it('a submit from another card (inputs missing) is a 500 for onError, and no answer is posted', async () => {
  const { sent, errors, press } = await startBot();
  expect(await press('OTHER-CARD', { Name: 'Ana' })).toBe(500);
  expect(sent.map((s) => s.line)).toEqual(['GET /attachment/actions/ACTION-1']);
  expect(String(errors[0])).toMatch(/missing or not a string: decision, comment, build/);
});
