// A bot under test, end to end: its client talks to a loopback stand-in for the Webex REST API that answers with
// what the test holds (people, messages, card submits, files) and has every posted message checked by the Prism
// mock; the test plays Webex's webhook sender with signed deliveries to the bot's own node:http server.
import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { encodeId, Webex, type AttachmentAction, type Message, type Person } from '@webex-ts/client';
import { inject } from 'vitest';
import { json, startServer, type SeenRequest, type TestServer } from '../../../test-utils/http-server.js';
import {
  createBot,
  webhookTransport,
  type Bot,
  type BotContext,
  type BotSettings,
  type WebhookTransport,
} from '../src/index.js';

export const SECRET = 'bot-test-secret';
export const BOT_ID = encodeId({ type: 'PEOPLE', uuid: '0b0b0b0b-1111-4222-8333-bbbbbbbbbbbb' });
export const BOT_EMAIL = 'deploybot@webex.bot';
export const ANA = encodeId({ type: 'PEOPLE', uuid: 'a0a0a0a0-1111-4222-8333-aaaaaaaaaaaa' });
export const ANA_EMAIL = 'ana@example.com';
export const EVE = encodeId({ type: 'PEOPLE', uuid: 'e0e0e0e0-1111-4222-8333-eeeeeeeeeeee' });
export const EVE_EMAIL = 'eve@elsewhere.test';
export const GROUP = encodeId({ type: 'ROOM', uuid: '90909090-1111-4222-8333-999999999999' });
export const OTHER_GROUP = encodeId({ type: 'ROOM', uuid: '91919191-1111-4222-8333-999999999999' });
export const DIRECT = encodeId({ type: 'ROOM', uuid: 'd0d0d0d0-1111-4222-8333-dddddddddddd' });

/** A file the stand-in serves under `/contents/<id>`. */
export interface HeldFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** What the stand-in answers with, by id. */
export interface Held {
  people: Map<string, Person>;
  messages: Map<string, Message>;
  actions: Map<string, AttachmentAction>;
  contents: Map<string, HeldFile>;
}

/** A message the bot posted, as the stand-in received it. */
export interface Posted {
  id: string;
  body: Record<string, unknown>;
}

const cleanups: (() => Promise<void>)[] = [];

/** Runs the cleanups of the bots started in a test; call it from `afterEach`. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** The stand-in for the Webex REST API. */
async function webexStandIn(held: Held, posted: Posted[], violations: string[]): Promise<TestServer> {
  const mockUrl = inject('mockUrl');
  let count = 0;
  const server = await startServer(async (request, response) => {
    const path = new URL(request.url, 'http://stand-in').pathname;
    const [, first, second, third] = path.split('/');
    if (request.method === 'GET' && first === 'people' && second === 'me')
      return json(response, 200, held.people.get(BOT_ID));
    if (request.method === 'GET' && first === 'people' && second) return answer(response, held.people.get(second));
    if (request.method === 'GET' && first === 'messages' && second) return answer(response, held.messages.get(second));
    if (request.method === 'GET' && first === 'attachment' && second === 'actions' && third)
      return answer(response, held.actions.get(third));
    if (request.method === 'GET' && first === 'contents' && second)
      return serveFile(response, held.contents.get(second));
    if (request.method === 'POST' && path === '/messages') {
      await checkWithPrism(mockUrl, request, violations);
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const id = encodeId({ type: 'MESSAGE', uuid: `posted-${++count}` });
      const message = {
        ...body,
        id,
        roomId: body.roomId as string,
        personId: BOT_ID,
        personEmail: BOT_EMAIL,
        created: new Date(0).toISOString(),
      } as Message;
      held.messages.set(id, message);
      posted.push({ id, body });
      return json(response, 200, message);
    }
    return json(response, 404, { message: `the stand-in has no ${request.method} ${path}`, trackingId: 'STAND-IN' });
  });
  return server;
}

function answer(response: ServerResponse, value: unknown): void {
  if (value === undefined)
    json(response, 404, { message: 'The requested resource could not be found.', trackingId: 'STAND-IN' });
  else json(response, 200, value);
}

function serveFile(response: ServerResponse, file: HeldFile | undefined): void {
  if (!file) {
    answer(response, undefined);
    return;
  }
  response.writeHead(200, {
    'content-type': file.type,
    'content-length': String(file.bytes.length),
    'content-disposition': `attachment; filename="${file.name}"`,
  });
  response.end(file.bytes);
}

/** Sends the bot's message to Prism too, so that what the bot posts is checked against the spec. */
async function checkWithPrism(mockUrl: string, request: SeenRequest, violations: string[]): Promise<void> {
  const checked = await fetch(`${mockUrl}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bot-token' },
    body: request.body,
  });
  await checked.text();
  const flagged = checked.headers.get('sl-violations');
  if (flagged || !checked.ok) violations.push(`POST /messages ${checked.status}: ${flagged ?? ''} ${request.body}`);
}

/** Options of {@link startBot}. */
export interface StartOptions {
  settings?: Partial<BotSettings>;
  /** Registers the handlers before the bot starts. */
  setup?: (bot: Bot) => void;
  /** Pass the bot's id as an option instead of letting the bot ask `people/me`. */
  botIdOption?: boolean;
  /** Reuse the stand-in (and what it holds) of an earlier bot: a restart. */
  standIn?: StandIn;
}

/** The stand-in with what it holds and saw. */
export interface StandIn {
  server: TestServer;
  held: Held;
  posted: Posted[];
  violations: string[];
}

/** Starts a stand-in, a bot on it with a webhook transport, and the transport's server; cleaned up after the test. */
export async function startBot({ settings = {}, setup, botIdOption = false, standIn }: StartOptions = {}) {
  const stand = standIn ?? (await newStandIn());
  const webex = new Webex({ accessToken: 'bot-token', baseUrl: stand.server.url, maxRetries: 0 });
  const transport: WebhookTransport = webhookTransport({ secret: SECRET });
  const errors: { error: unknown; ctx: BotContext | undefined }[] = [];
  const bot = createBot({
    webex,
    transport,
    onError: (error, ctx) => void errors.push({ error, ctx }),
    ...(botIdOption ? { botId: BOT_ID, botEmail: BOT_EMAIL, botName: 'DeployBot' } : {}),
    ...settings,
  });
  setup?.(bot);
  const identity = await bot.start();
  const listening = await transport.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(async () => {
    await bot.stop({ timeout: 1000 });
  });
  const url = listening.url;

  /** Signs and POSTs a delivery to the bot, as Webex does; resolves with the status the bot answered. */
  const deliver = async (resource: string, event: string, data: Record<string, unknown>, actorId = ANA) => {
    const body = envelope(url, resource, event, data, actorId);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spark-signature': sign(body) },
      body,
    });
    await response.text();
    return response.status;
  };

  /** Someone posts a message: the stand-in holds it and Webex sends `messages:created`. */
  const post = (message: Partial<Message> & { id: string; roomId: string; personId: string }) => {
    const full = { created: new Date(0).toISOString(), ...message } as Message;
    stand.held.messages.set(message.id, full);
    const { id, roomId, personId, personEmail, roomType, mentionedPeople } = full;
    return deliver('messages', 'created', { id, roomId, personId, personEmail, roomType, mentionedPeople }, personId);
  };

  /** Someone submits the card of message `messageId`: the stand-in holds the action and Webex sends its webhook. */
  const press = (
    actionId: string,
    messageId: string,
    inputs: Record<string, unknown>,
    personId = ANA,
    roomId = GROUP,
  ) => {
    stand.held.actions.set(actionId, {
      id: actionId,
      type: 'submit',
      messageId,
      roomId,
      personId,
      inputs,
      created: new Date(0).toISOString(),
    });
    return deliver('attachmentActions', 'created', { id: actionId, messageId, roomId, personId }, personId);
  };

  return { bot, webex, transport, url, identity, errors, deliver, post, press, standIn: stand, ...stand };
}

/** A stand-in that knows the bot, Ana and Eve. */
export async function newStandIn(): Promise<StandIn> {
  const held: Held = { people: new Map(), messages: new Map(), actions: new Map(), contents: new Map() };
  const person = (id: string, email: string, displayName: string): Person => ({
    id,
    emails: [email],
    displayName,
    created: new Date(0).toISOString(),
  });
  held.people.set(BOT_ID, person(BOT_ID, BOT_EMAIL, 'DeployBot'));
  held.people.set(ANA, person(ANA, ANA_EMAIL, 'Ana Silva'));
  held.people.set(EVE, person(EVE, EVE_EMAIL, 'Eve Outsider'));
  const posted: Posted[] = [];
  const violations: string[] = [];
  const server = await webexStandIn(held, posted, violations);
  const stand = { server, held, posted, violations };
  cleanups.push(() => server.close());
  return stand;
}

/** A webhook envelope as Webex posts it. */
export function envelope(
  targetUrl: string,
  resource: string,
  event: string,
  data: Record<string, unknown>,
  actorId: string,
): string {
  return JSON.stringify({
    id: 'WEBHOOK-1',
    name: 'deploy bot',
    targetUrl,
    resource,
    event,
    orgId: 'ORG',
    createdBy: BOT_ID,
    appId: 'APP',
    ownedBy: 'creator',
    status: 'active',
    created: new Date(0).toISOString(),
    actorId,
    data,
  });
}

/** The `X-Spark-Signature` of a body. */
export function sign(body: string, secret = SECRET): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}

/** The html Webex renders for a message that starts with a mention of `personId` shown as `name`. */
export function mentionHtml(personId: string, name: string, rest: string): string {
  return `<p><spark-mention data-object-type="person" data-object-id="${personId}">${name}</spark-mention> ${rest}</p>`;
}

/** A promise with its resolve, for handlers the test holds open. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
