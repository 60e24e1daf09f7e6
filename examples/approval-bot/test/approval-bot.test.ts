// The approval bot end to end: its client talks to the bundled Prism mock (through a stand-in that holds the
// submitted card values, the posted messages and their files, as Webex would), and the test plays Webex's webhook
// sender with signed deliveries.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FileInfectedError,
  FileTooLargeError,
  FileUnscannableError,
  Webex,
  WebexValidationError,
} from '@webex-ts/client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { json, startServer, type SeenRequest, type TestServer } from '../../../test-utils/http-server.js';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { approvalCard, createApprovalBot } from '../src/bot.js';

const SECRET = 'approval-bot-secret';
const BOT_ID = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3QtYXBwcm92YWw';
const ROOM = 'Y2lzY29zcGFyazovL3VzL1JPT00vZGVwbG95cw';
const APPROVER = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY';
const OTHER_ROOM = 'Y2lzY29zcGFyazovL3VzL1JPT00vb3RoZXI';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A card submit as the stand-in holds it: what the person pressed, on which card. */
type Submit = ReturnType<typeof submit>;

/** A file as the stand-in serves it under `/contents/<id>`. */
interface ServedFile {
  /** `Content-Disposition`, as the server sends it. */
  disposition: string;
  type: string;
  bytes: Buffer;
  /** Answer this error status instead of the file (410: found infected, 428: cannot be scanned). */
  status?: number;
  /** Leave `Content-Length` out, as a server streaming chunked does. */
  unsized?: boolean;
  /** Runs once half the body is sent, before the rest is. */
  midway?: () => Promise<void>;
}

/** What the stand-in answers with instead of Prism's examples: the test's card submit, messages and files. */
interface Held {
  action?: Submit;
  /** By message id: the fields laid over Prism's example message. */
  messages: Map<string, Record<string, unknown>>;
  /** By the path after `/contents/`. */
  contents: Map<string, ServedFile>;
}

/**
 * Forwards every request to the Prism mock and passes its answer back (spec violations included), except that a
 * card submit and a message are the ones the test made (Prism only knows the spec's examples), and that it serves
 * `/contents/*` itself: file downloads are not in the spec.
 */
async function webexStandIn(mockUrl: string, held: Held): Promise<TestServer> {
  const server = await startServer(async (request, response) => {
    if (request.url.startsWith('/contents/')) return serveContent(held.contents, request, response);
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
    const messageId = /^\/messages\/([^/?]+)$/.exec(request.url)?.[1];
    if (request.method === 'GET' && messageId && held.messages.has(messageId) && answer.ok) {
      body = JSON.stringify({ ...JSON.parse(body), ...held.messages.get(messageId) });
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

/** GET and HEAD of a file as Webex answers them: the headers a download needs, and the body in chunks. */
async function serveContent(contents: Map<string, ServedFile>, request: SeenRequest, response: ServerResponse) {
  const file = contents.get(new URL(request.url, 'http://stand-in').pathname.slice('/contents/'.length));
  const trackingId = 'STAND-IN';
  if (!file) return json(response, 404, { message: 'The requested resource could not be found.', trackingId });
  if (file.status) return json(response, file.status, { message: `File answered ${file.status}`, trackingId });
  response.writeHead(200, {
    'content-type': file.type,
    'content-disposition': file.disposition,
    ...(file.unsized ? {} : { 'content-length': String(file.bytes.length) }),
  });
  if (request.method === 'HEAD') response.end();
  else await writeInChunks(response, file);
}

const CHUNK_BYTES = 16 * 1024;

async function writeInChunks(response: ServerResponse, file: ServedFile): Promise<void> {
  const half = Math.floor(file.bytes.length / CHUNK_BYTES / 2) * CHUNK_BYTES;
  for (let at = 0; at < file.bytes.length && !response.destroyed; at += CHUNK_BYTES) {
    if (at === half && file.midway) {
      try {
        await file.midway();
      } catch (error) {
        // Cut the download short, so that the bot fails now rather than waiting for bytes that never come.
        response.destroy();
        throw error;
      }
    }
    if (!response.write(file.bytes.subarray(at, at + CHUNK_BYTES))) await drainedOrClosed(response);
  }
  response.end();
}

/** Resolves when the response can take more, or is gone; leaves no listener behind either way. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** `Content-Disposition` with the RFC 8187 name Webex sends for any name that is not plain ASCII. */
function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
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

async function startBot({ maxFileBytes }: { maxFileBytes?: number } = {}) {
  const held: Held = { messages: new Map(), contents: new Map() };
  const standIn = await webexStandIn(inject('mockUrl'), held);
  const { fetch, sent, violations } = recordingFetch();
  const webex = new Webex({ accessToken: 'bot-token', baseUrl: standIn.url, maxRetries: 0, fetch });
  // Nested and not there yet: the bot creates it, and a name that escaped it would land in `root`, where it is seen.
  const root = await mkdtemp(join(tmpdir(), 'approval-bot-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'room-files', 'downloads');
  const errors: unknown[] = [];
  const bot = createApprovalBot({
    webex,
    roomId: ROOM,
    secret: SECRET,
    botId: BOT_ID,
    downloadDir: dir,
    ...(maxFileBytes === undefined ? {} : { maxFileBytes }),
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
  /** Serves `file` at `/contents/<contentId>` and returns its URL, on the stand-in's origin as message.files has it. */
  const host = (contentId: string, file: ServedFile) => {
    held.contents.set(contentId, file);
    return `${standIn.url}/contents/${contentId}`;
  };
  /** Someone posts a message in the room: Webex holds it and sends a `messages:created` webhook naming it. */
  const post = (message: { id: string; files?: string[]; roomId?: string }) => {
    const full = {
      roomId: ROOM,
      personId: APPROVER,
      personEmail: 'alex.chen@example.com',
      files: undefined,
      ...message,
    };
    held.messages.set(message.id, full);
    const { id, roomId, personId, personEmail } = full;
    return deliver(url, 'messages', 'created', { id, roomId, personId, personEmail });
  };
  return { bot, webex, url, sent, violations, errors, press, standIn, host, post, root, dir };
}

/** Every file under `root`, as paths relative to it: what the bot wrote, wherever it wrote it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

/** Resolves once `path` holds at least `bytes` bytes; rejects after a few seconds. */
async function untilFileHolds(path: string, bytes: number): Promise<void> {
  const giveUp = Date.now() + 5_000;
  while (Date.now() < giveUp) {
    const size = await stat(path).then(
      (info) => info.size,
      () => 0,
    );
    if (size >= bytes) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${path} never held ${bytes} bytes while the download was under way`);
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

describe('files posted in the room', () => {
  it('streams the file into the download directory and answers in its thread with the name and size', async () => {
    const { bot, webex, sent, violations, errors, standIn, host, post, root, dir } = await startBot();
    const name = 'Q4 Übersicht – Entwurf.pdf';
    const bytes = randomBytes(300_000);
    const url = host('Q09OVEVOVC0x/0', {
      disposition: attachment(name),
      type: 'application/pdf',
      bytes,
      // The stand-in holds back the second half until the first is on disk: a bot that gathered the whole file
      // in memory before writing would never get there.
      midway: () => untilFileHolds(join(dir, name), CHUNK_BYTES),
    });

    expect(await post({ id: 'MSG-FILE-1', files: [url] })).toBe(200);
    expect(errors).toEqual([]);
    expect(sent.map((s) => s.line)).toEqual([
      'GET /messages/MSG-FILE-1',
      'GET /contents/Q09OVEVOVC0x/0',
      'POST /messages',
    ]);
    expect(sent[2]!.body).toEqual({ text: `Received ${name} (293.0 KB).`, roomId: ROOM, parentId: 'MSG-FILE-1' });
    expect(await filesUnder(root)).toEqual([join('room-files', 'downloads', name)]);
    expect((await readFile(join(dir, name))).equals(bytes)).toBe(true);
    expect(bot.files).toMatchObject([
      {
        url,
        messageId: 'MSG-FILE-1',
        senderId: APPROVER,
        name,
        path: join(dir, name),
        size: bytes.length,
        type: 'application/pdf',
      },
    ]);
    expect(bot.files[0]!.reply.id).toEqual(expect.any(String));

    // The token went with the download, and only the stand-in (the client's own API) was asked for the file.
    const downloads = standIn.requests.filter((request) => request.url.startsWith('/contents/'));
    expect(downloads.map((request) => [request.method, request.url, request.headers.authorization])).toEqual([
      ['GET', '/contents/Q09OVEVOVC0x/0', 'Bearer bot-token'],
    ]);
    // What the bot recorded is what Webex says about the file (a HEAD: nothing downloaded again).
    expect(await webex.contents.info(url)).toEqual({ name, type: 'application/pdf', size: bytes.length });
    expect(violations).toEqual([]);
  });

  it('keeps every announced name inside the download directory', async () => {
    const { bot, sent, errors, host, post, root } = await startBot();
    const cases: [disposition: string, saved: string][] = [
      [attachment('../../escaped.txt'), 'escaped.txt'],
      ['attachment; filename="..\\\\..\\\\backslashed.txt"', 'backslashed.txt'],
      [attachment('..'), 'download'],
      [attachment('.profile'), 'profile'],
      [attachment('a<b>:c?|d*.txt'), 'a_b__c__d_.txt'],
      [attachment(`${'x'.repeat(300)}.pdf`), `${'x'.repeat(196)}.pdf`],
    ];
    for (const [i, [disposition]] of cases.entries()) {
      const url = host(`HOSTILE-${i}`, { disposition, type: 'text/plain', bytes: Buffer.from(`file ${i}`) });
      expect(await post({ id: `MSG-HOSTILE-${i}`, files: [url] })).toBe(200);
    }
    expect(errors).toEqual([]);
    expect(bot.files.map((file) => file.name)).toEqual(cases.map(([, saved]) => saved));
    expect(await filesUnder(root)).toEqual(cases.map(([, saved]) => join('room-files', 'downloads', saved)).sort());
    expect(sent.filter((s) => s.line === 'POST /messages').map((s) => (s.body as { text: string }).text)).toEqual(
      cases.map(([, saved], i) => `Received ${saved} (${`file ${i}`.length} bytes).`),
    );
  });

  it('numbers a name already taken instead of overwriting the file there', async () => {
    const { bot, errors, host, post, root, dir } = await startBot();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'report.pdf'), 'kept');
    const url = host('REPORT/0', {
      disposition: attachment('report.pdf'),
      type: 'application/pdf',
      bytes: randomBytes(1000),
    });
    expect(await post({ id: 'MSG-REPORT-1', files: [url] })).toBe(200);
    expect(await post({ id: 'MSG-REPORT-2', files: [url] })).toBe(200);
    expect(errors).toEqual([]);
    expect(bot.files.map((file) => file.name)).toEqual(['report (1).pdf', 'report (2).pdf']);
    expect(await readFile(join(dir, 'report.pdf'), 'utf8')).toBe('kept');
    expect(await filesUnder(root)).toEqual(
      ['report (1).pdf', 'report (2).pdf', 'report.pdf'].map((name) => join('room-files', 'downloads', name)),
    );
  });

  it.each([
    [410, FileInfectedError, 'malware scanning found it infected'],
    [428, FileUnscannableError, 'it could not be scanned for malware'],
  ])(
    'a %i from the download goes to onError and is answered in the thread; nothing is written',
    async (status, type, why) => {
      const { bot, sent, errors, standIn, host, post, root } = await startBot();
      const url = host('SCANNED/0', {
        disposition: attachment('invoice.zip'),
        type: 'application/zip',
        bytes: randomBytes(5000),
        status,
      });

      expect(await post({ id: 'MSG-SCANNED', files: [url] })).toBe(200);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(type);
      expect(sent.map((s) => s.line)).toEqual([
        'GET /messages/MSG-SCANNED',
        'GET /contents/SCANNED/0',
        'POST /messages',
      ]);
      expect(sent[2]!.body).toEqual({
        text: `Could not take the file: ${why}.`,
        roomId: ROOM,
        parentId: 'MSG-SCANNED',
      });
      expect(await filesUnder(root)).toEqual([]);
      expect(bot.files).toEqual([]);
      // Downloading an unscannable file anyway is the caller's decision, never the bot's.
      expect(standIn.requests.filter((request) => request.url.includes('allow='))).toEqual([]);
    },
  );

  it('refuses a file over maxFileBytes, whether Content-Length says so or the stream shows it, and keeps no part of it', async () => {
    const { bot, sent, errors, host, post, root } = await startBot({ maxFileBytes: 100_000 });
    const bytes = randomBytes(300_000);
    const sized = host('BIG-SIZED/0', { disposition: attachment('big.iso'), type: 'application/octet-stream', bytes });
    const unsized = host('BIG-UNSIZED/0', {
      disposition: attachment('big.iso'),
      type: 'application/octet-stream',
      bytes,
      unsized: true,
    });

    expect(await post({ id: 'MSG-BIG-1', files: [sized] })).toBe(200);
    expect(await post({ id: 'MSG-BIG-2', files: [unsized] })).toBe(200);
    expect(errors.map((error) => error instanceof FileTooLargeError)).toEqual([true, true]);
    const answers = sent.filter((s) => s.line === 'POST /messages').map((s) => s.body);
    expect(answers).toEqual([
      { text: 'Could not take the file: it is larger than 97.7 KB.', roomId: ROOM, parentId: 'MSG-BIG-1' },
      { text: 'Could not take the file: it is larger than 97.7 KB.', roomId: ROOM, parentId: 'MSG-BIG-2' },
    ]);
    expect(await filesUnder(root)).toEqual([]);
    expect(bot.files).toEqual([]);
  });

  it('never sends the token to a file URL on another origin', async () => {
    const { bot, sent, errors, post } = await startBot();
    const elsewhere = await startServer((_request, response) => {
      response.end('not for you');
    });
    cleanups.push(() => elsewhere.close());

    expect(await post({ id: 'MSG-ELSEWHERE', files: [`${elsewhere.url}/contents/Q09OVEVOVC0x/0`] })).toBe(200);
    expect(elsewhere.requests).toEqual([]);
    expect(errors[0]).toBeInstanceOf(WebexValidationError);
    expect(sent.map((s) => s.line)).toEqual(['GET /messages/MSG-ELSEWHERE', 'POST /messages']);
    expect(sent[1]!.body).toEqual({
      text: 'Could not take the file: its link does not point at Webex.',
      roomId: ROOM,
      parentId: 'MSG-ELSEWHERE',
    });
    expect(bot.files).toEqual([]);
  });

  it('leaves alone messages without files and files posted in another room', async () => {
    const { bot, sent, errors, standIn, host, post, root } = await startBot();
    const url = host('OTHER/0', { disposition: attachment('other.txt'), type: 'text/plain', bytes: Buffer.from('x') });
    expect(await post({ id: 'MSG-TEXT' })).toBe(200);
    expect(await post({ id: 'MSG-OTHER-ROOM', roomId: OTHER_ROOM, files: [url] })).toBe(200);
    expect(errors).toEqual([]);
    expect(sent.map((s) => s.line)).toEqual(['GET /messages/MSG-TEXT', 'GET /messages/MSG-OTHER-ROOM']);
    expect(standIn.requests.filter((request) => request.url.startsWith('/contents/'))).toEqual([]);
    expect(await filesUnder(root)).toEqual([]);
    expect(bot.files).toEqual([]);
  });
});
