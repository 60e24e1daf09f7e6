// The approval bot end to end, over both transports: its client talks to the bundled Prism mock, and the mock's
// simulator plays the people in the room, delivering each event as a signed webhook to the bot's server (webhook) or
// as a frame on the mock's realtime socket (socket). Same scenarios, same assertions, whichever brings the events.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FileInfectedError,
  FileTooLargeError,
  FileUnscannableError,
  Webex,
  WebexValidationError,
} from '@webex-ts/client';
import { withCardId } from '@webex-ts/bot';
import type { MockRequest, Simulation } from '@webex-ts/mock';
import { useWebexMock } from '@webex-ts/mock/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test-utils/http-server.js';
import { APPROVAL_CARD_ID, approvalCard, createApprovalBot, type Approvers } from '../src/bot.js';
import { createTransport, registerWebhooks } from '../src/transport.js';

const SECRET = 'approval-bot-secret';
const mock = useWebexMock();

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Kind = 'webhook' | 'socket';

interface StartOptions {
  maxFileBytes?: number;
  approvers?: Approvers;
  /** The bot's API: the mock itself (default), or a server in front of it. */
  baseUrl?: string;
}

/**
 * Starts the bot the way `main.ts` does, on the transport `kind`: webhooks served on loopback and registered through
 * the mock, or the socket connected to the mock's realtime fake. Its room is the fake's group room (Ana and the bot).
 */
async function startApprovalBot(kind: Kind, options: StartOptions = {}) {
  const token = mock.realtime.token;
  const webex = new Webex({ accessToken: token, baseUrl: options.baseUrl ?? mock.url, maxRetries: 0 });
  const roomId = mock.realtime.group.id;
  const chosen = createTransport(
    kind === 'webhook' ? { kind, secret: SECRET } : { kind, deviceName: 'approval-bot-test' },
    token,
    { catalogUrl: mock.realtime.u2cUrl, allowLoopbackForTests: true },
  );
  // Nested and not there yet: the bot creates it, and a name that escaped it would land in `root`, where it is seen.
  const root = await mkdtemp(join(tmpdir(), 'approval-bot-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'room-files', 'downloads');
  const errors: unknown[] = [];
  const approval = createApprovalBot({
    webex,
    transport: chosen.transport,
    roomId,
    downloadDir: dir,
    ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    ...(options.approvers ? { approvers: options.approvers } : {}),
    onError: (error) => errors.push(error),
  });
  const since = mock.requests.length;
  await approval.bot.start();
  let url: string | undefined;
  /** Stops the bot and removes its webhooks from the mock, so that later events go to no one else's bot. */
  const stop = async () => {
    await approval.bot.stop({ timeout: 1000 });
    for (const hook of mock.webhooks().filter((each) => each.targetUrl === url)) await webex.webhooks.delete(hook.id);
  };
  cleanups.push(stop);
  if (chosen.kind === 'webhook') {
    url = (await chosen.transport.listen({ host: '127.0.0.1' })).url;
    await registerWebhooks(webex, chosen.transport, url, roomId);
  }
  return {
    ...approval,
    stop,
    roomId,
    url,
    errors,
    root,
    dir,
    /** Requests the mock received since this bot started. */
    requests: () => mock.requests.slice(since),
    /** The messages the bot posted since it started (what `POST /messages` carried). */
    posted: () => postsOf(mock.requests.slice(since)),
    /** Resolves once the bot has handled the simulated event. */
    handled: (simulation: Simulation) => handled(kind, simulation),
  };
}

/**
 * Over webhooks the simulation resolves once the bot answered the delivery, so it is handled already. Over the
 * socket the bot acks a frame once it has handled the event (or at once, when there is nothing to handle).
 */
async function handled(kind: Kind, simulation: Simulation, times = 1): Promise<void> {
  if (kind === 'webhook') return;
  const { id } = simulation.socket.frame;
  await mock.realtime.waitFor(
    () =>
      mock.realtime
        .connections()
        .flatMap((connection) => connection.acks)
        .filter((ack) => ack === id).length >= times,
    { what: `the bot acking frame ${id} ${times} time(s)` },
  );
}

function postsOf(requests: readonly MockRequest[]): Record<string, unknown>[] {
  return requests
    .filter((request) => request.method === 'POST' && request.path === '/messages')
    .map((request) => request.body as Record<string, unknown>);
}

/** The data of the card's submit button, as Webex merges it into the submit's inputs. */
function submitData(card: Record<string, unknown>): Record<string, unknown> {
  const [attachment] = card.attachments as { content: { actions: { data?: Record<string, unknown> }[] } }[];
  return attachment?.content.actions[0]?.data ?? {};
}

/** Every file under `root`, as paths relative to it: what the bot wrote, wherever it wrote it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

const ana = () => mock.realtime.user;
const approvalFor = (build: string, environment: string) =>
  withCardId(approvalCard({ build, environment }), APPROVAL_CARD_ID);

describe.each(['webhook', 'socket'] as const)('over the %s', (kind) => {
  it('posts the card, takes the approval from the submit and answers in the thread, mentioning the approver', async () => {
    const app = await startApprovalBot(kind);

    const card = await app.requestApproval({ build: '412', environment: 'production' });
    expect(app.posted()).toEqual([
      {
        roomId: app.roomId,
        text: 'Approve the deploy of build 412 to production? Open this message in a Webex app to answer.',
        attachments: [
          { contentType: 'application/vnd.microsoft.card.adaptive', content: approvalFor('412', 'production') },
        ],
      },
    ]);
    const [sentCard] = app.posted();

    const submit = await mock.simulate.cardSubmit({
      messageId: card.id,
      room: mock.realtime.group,
      inputs: { ...submitData(sentCard ?? {}), decision: 'approve', comment: 'ship it' },
    });
    await app.handled(submit);
    expect(app.errors).toEqual([]);
    expect(app.posted()[1]).toEqual({
      markdown: `<@personId:${ana().id}> approved the deploy of build 412: “ship it”`,
      roomId: card.roomId,
      parentId: card.id,
    });
    expect(app.decisions).toMatchObject([{ build: '412', approved: true, comment: 'ship it', approverId: ana().id }]);

    // Webex may deliver the same event twice: the second is taken but not acted on.
    if (kind === 'webhook') {
      const [delivery] = submit.deliveries;
      expect(delivery?.status).toBe(200);
      const again = await fetch(app.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-spark-signature': delivery?.signature ?? '' },
        body: delivery?.body ?? '',
      });
      expect(again.status).toBe(200);
    } else {
      mock.realtime.inject(submit.socket.frame);
      await handled(kind, submit, 2);
    }
    expect(app.posted()).toHaveLength(2);
    expect(app.decisions).toHaveLength(1);
  });

  it('escapes what the approver typed, so a comment cannot mention anyone or format the answer', async () => {
    const app = await startApprovalBot(kind);
    const card = await app.requestApproval({ build: '413', environment: 'staging' });
    const submit = await mock.simulate.cardSubmit({
      messageId: card.id,
      room: mock.realtime.group,
      inputs: { __card: APPROVAL_CARD_ID, build: '413', decision: 'reject', comment: '<@all> **no**' },
    });
    await app.handled(submit);
    expect(app.decisions).toMatchObject([{ build: '413', approved: false }]);
    const { markdown } = app.posted()[1] as { markdown: string };
    expect(markdown).toMatch(new RegExp(`^<@personId:${ana().id}> rejected the deploy of build 413: “`));
    expect(markdown).not.toContain('<@all>');
    expect(markdown).not.toContain('**no**');
  });

  it('answers `deploy <build> <environment>` with the card in the thread, and its submit in the card thread', async () => {
    const app = await startApprovalBot(kind);
    const asked = await mock.simulate.message({ text: 'deploy 414 staging', roomType: 'group' });
    await app.handled(asked);
    expect(app.posted()).toEqual([
      {
        roomId: app.roomId,
        parentId: asked.message.id,
        text: 'Approve the deploy of build 414 to staging? Open this message in a Webex app to answer.',
        attachments: [
          { contentType: 'application/vnd.microsoft.card.adaptive', content: approvalFor('414', 'staging') },
        ],
      },
    ]);

    const wrong = await mock.simulate.message({ text: 'deploy', roomType: 'group' });
    await app.handled(wrong);
    expect(app.posted()[1]).toEqual({
      markdown: 'Say which build, and where to: `deploy 412 production`.',
      roomId: app.roomId,
      parentId: wrong.message.id,
    });
    expect(app.errors).toEqual([]);
  });

  it('greets the room it is added to, and says nothing in rooms that are not its own', async () => {
    const app = await startApprovalBot(kind);
    const added = await mock.simulate.membership({ event: 'created', room: mock.realtime.group });
    await app.handled(added);
    expect(app.posted()).toEqual([
      {
        roomId: app.roomId,
        markdown: expect.stringMatching(/^Hi! Mention me with `deploy 412 production`/),
      },
    ]);
    const elsewhere = await mock.simulate.membership({ event: 'created', roomTitle: 'Somewhere else' });
    await app.handled(elsewhere);
    expect(app.posted()).toHaveLength(1);
  });

  it('takes nothing from other rooms: no file downloaded, no submit answered', async () => {
    const app = await startApprovalBot(kind);
    const direct = await mock.simulate.message({ text: 'deploy 1', files: [{ name: 'other.txt', content: 'x' }] });
    await app.handled(direct);
    // A card of the bot in Ana's 1:1 room: answered there if the bot took it (the same submit in its room is, above).
    const submit = await mock.simulate.cardSubmit({
      roomType: 'direct',
      inputs: { __card: APPROVAL_CARD_ID, build: '1', decision: 'approve', comment: '' },
    });
    await app.handled(submit);
    expect(app.requests().filter((request) => request.path.startsWith('/contents/'))).toEqual([]);
    expect(app.posted()).toEqual([]);
    expect(app.decisions).toEqual([]);
    expect(app.files).toEqual([]);
    expect(await filesUnder(app.root)).toEqual([]);
  });

  it('with approvers set, answers them and no one else in the room', async () => {
    const app = await startApprovalBot(kind, { approvers: { people: ['ana@example.com'] } });
    const card = await app.requestApproval({ build: '415', environment: 'production' });
    const inputs = { __card: APPROVAL_CARD_ID, build: '415', decision: 'approve', comment: '' };
    const room = mock.realtime.group;
    const eve = await mock.simulate.cardSubmit({ messageId: card.id, room, inputs, from: 'eve@example.com' });
    await app.handled(eve);
    expect(app.decisions).toEqual([]);
    const fromAna = await mock.simulate.cardSubmit({ messageId: card.id, room, inputs });
    await app.handled(fromAna);
    expect(app.decisions).toMatchObject([{ build: '415', approverId: ana().id }]);
    expect(app.posted().slice(1)).toEqual([
      { markdown: `<@personId:${ana().id}> approved the deploy of build 415.`, roomId: card.roomId, parentId: card.id },
    ]);
  });

  it('ignores its own messages without fetching them', async () => {
    const app = await startApprovalBot(kind);
    const own = await mock.simulate.message({ text: 'deploy 416', roomType: 'group', from: mock.realtime.me });
    await app.handled(own);
    expect(app.requests().filter((request) => request.path === `/messages/${own.message.id}`)).toEqual([]);
    expect(app.posted()).toEqual([]);
  });

  it('a submit of its card with an input missing goes to onError unanswered; other cards are left alone', async () => {
    const app = await startApprovalBot(kind);
    const card = await app.requestApproval({ build: '417', environment: 'production' });
    const broken = await mock.simulate.cardSubmit({
      messageId: card.id,
      room: mock.realtime.group,
      inputs: { __card: APPROVAL_CARD_ID },
    });
    await app.handled(broken);
    expect(app.errors).toHaveLength(1);
    expect(app.errors[0]).toBeInstanceOf(WebexValidationError);
    expect(String(app.errors[0])).toMatch(/missing or not a string: decision, comment, build/);
    const other = await mock.simulate.cardSubmit({ room: mock.realtime.group, inputs: { Name: 'Ana' } });
    await app.handled(other);
    expect(app.errors).toHaveLength(1);
    expect(app.posted()).toHaveLength(1); // the card itself
  });

  it('answers the submit of a card it posted before a restart', async () => {
    const first = await startApprovalBot(kind);
    const card = await first.requestApproval({ build: '418', environment: 'production' });
    await first.stop();
    const again = await startApprovalBot(kind);
    const submit = await mock.simulate.cardSubmit({
      messageId: card.id,
      room: mock.realtime.group,
      inputs: { __card: APPROVAL_CARD_ID, build: '418', decision: 'approve', comment: '' },
    });
    await again.handled(submit);
    // The card is not in this process's memory: the bot reads its message to find the thread.
    expect(again.requests().some((request) => request.path === `/messages/${card.id}`)).toBe(true);
    expect(again.posted()).toEqual([
      {
        markdown: `<@personId:${ana().id}> approved the deploy of build 418.`,
        roomId: mock.realtime.group.id,
        parentId: card.id,
      },
    ]);
  });

  describe('files posted in the room', () => {
    it('saves the file in the download directory and answers in its thread with the name and size', async () => {
      const app = await startApprovalBot(kind);
      const name = 'Q4 Übersicht – Entwurf.pdf';
      const bytes = randomBytes(300_000);
      const posted = await mock.simulate.message({ roomType: 'group', files: [{ name, content: bytes }] });
      await app.handled(posted);
      expect(app.errors).toEqual([]);
      const url = posted.message.files?.[0] ?? '';
      expect(app.requests().map((request) => `${request.method} ${request.path}`)).toContain(
        `GET ${new URL(url).pathname}`,
      );
      expect(app.posted()).toEqual([
        { text: `Received ${name} (293.0 KB).`, roomId: app.roomId, parentId: posted.message.id },
      ]);
      expect(await filesUnder(app.root)).toEqual([join('room-files', 'downloads', name)]);
      expect((await readFile(join(app.dir, name))).equals(bytes)).toBe(true);
      expect(app.files).toMatchObject([
        {
          url,
          messageId: posted.message.id,
          senderId: ana().id,
          name,
          path: join(app.dir, name),
          size: bytes.length,
          type: 'application/pdf',
        },
      ]);
      expect(app.files[0]?.reply.id).toEqual(expect.any(String));
    });

    it('keeps every announced name inside the download directory', async () => {
      const app = await startApprovalBot(kind);
      const cases: [name: string, saved: string][] = [
        ['../../escaped.txt', 'escaped.txt'],
        ['..\\..\\backslashed.txt', 'backslashed.txt'],
        ['..', 'download'],
        ['.profile', 'profile'],
        ['a<b>:c?|d*.txt', 'a_b__c__d_.txt'],
        [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(196)}.pdf`],
      ];
      for (const [i, [name]] of cases.entries()) {
        const posted = await mock.simulate.message({ roomType: 'group', files: [{ name, content: `file ${i}` }] });
        await app.handled(posted);
      }
      expect(app.errors).toEqual([]);
      expect(app.files.map((file) => file.name)).toEqual(cases.map(([, saved]) => saved));
      expect(await filesUnder(app.root)).toEqual(
        cases.map(([, saved]) => join('room-files', 'downloads', saved)).sort(),
      );
      expect(app.posted().map((body) => body.text)).toEqual(
        cases.map(([, saved], i) => `Received ${saved} (${`file ${i}`.length} bytes).`),
      );
    });

    it('numbers a name already taken instead of overwriting the file there', async () => {
      const app = await startApprovalBot(kind);
      await mkdir(app.dir, { recursive: true });
      await writeFile(join(app.dir, 'report.pdf'), 'kept');
      for (let i = 0; i < 2; i++) {
        const posted = await mock.simulate.message({
          roomType: 'group',
          files: [{ name: 'report.pdf', content: randomBytes(1000) }],
        });
        await app.handled(posted);
      }
      expect(app.errors).toEqual([]);
      expect(app.files.map((file) => file.name)).toEqual(['report (1).pdf', 'report (2).pdf']);
      expect(await readFile(join(app.dir, 'report.pdf'), 'utf8')).toBe('kept');
      expect(await filesUnder(app.root)).toEqual(
        ['report (1).pdf', 'report (2).pdf', 'report.pdf'].map((name) => join('room-files', 'downloads', name)),
      );
    });

    it.each([
      ['infected', 410, FileInfectedError, 'malware scanning found it infected'],
      ['unscannable', 428, FileUnscannableError, 'it could not be scanned for malware'],
    ] as const)(
      'a file found %s (%i) goes to onError and is answered in the thread; nothing is written',
      async (scan, status, type, why) => {
        const app = await startApprovalBot(kind);
        const posted = await mock.simulate.message({
          roomType: 'group',
          files: [{ name: 'invoice.zip', content: randomBytes(5000), scan }],
        });
        await app.handled(posted);
        expect(app.errors).toHaveLength(1);
        expect(app.errors[0]).toBeInstanceOf(type);
        const downloads = app.requests().filter((request) => request.path.startsWith('/contents/'));
        expect(downloads.map((request) => request.status)).toEqual([status]);
        // Downloading an unscannable file anyway is the caller's decision, never the bot's.
        expect(downloads.filter((request) => request.query.includes('allow='))).toEqual([]);
        expect(app.posted()).toEqual([
          { text: `Could not take the file: ${why}.`, roomId: app.roomId, parentId: posted.message.id },
        ]);
        expect(await filesUnder(app.root)).toEqual([]);
        expect(app.files).toEqual([]);
      },
    );

    it('refuses a file over maxFileBytes, whether Content-Length says so or the stream shows it, and keeps no part of it', async () => {
      const content = randomBytes(300_000);
      const app = await startApprovalBot(kind, { maxFileBytes: 100_000 });
      const sized = await mock.simulate.message({ roomType: 'group', files: [{ name: 'big.iso', content }] });
      await app.handled(sized);
      await app.stop();
      // The mock announces every file's length; the server in front of it sends one without, so only the stream tells.
      const front = await apiInFront({ unsized: true });
      const viaFront = await startApprovalBot(kind, { maxFileBytes: 100_000, baseUrl: front.url });
      const unsized = await mock.simulate.message({ roomType: 'group', files: [{ name: 'big.iso', content }] });
      await viaFront.handled(unsized);
      expect([...app.errors, ...viaFront.errors].map((error) => error instanceof FileTooLargeError)).toEqual([
        true,
        true,
      ]);
      const refusal = 'Could not take the file: it is larger than 97.7 KB.';
      // Both bots answer through the same mock: what the first saw since it started holds both answers.
      expect(app.posted()).toEqual([
        { text: refusal, roomId: app.roomId, parentId: sized.message.id },
        { text: refusal, roomId: app.roomId, parentId: unsized.message.id },
      ]);
      expect(await filesUnder(app.root)).toEqual([]);
      expect(await filesUnder(viaFront.root)).toEqual([]);
    });

    it('streams the file to disk as it arrives, never whole in memory', async () => {
      const name = 'build.log';
      let dir = '';
      // The front holds back the second half until the first is on disk: a bot that gathered the whole file in
      // memory before writing would never get there.
      const front = await apiInFront({ midway: () => untilFileHolds(join(dir, name), CHUNK_BYTES) });
      const app = await startApprovalBot(kind, { baseUrl: front.url });
      dir = app.dir;
      const bytes = randomBytes(300_000);
      const posted = await mock.simulate.message({ roomType: 'group', files: [{ name, content: bytes }] });
      await app.handled(posted);
      expect(app.errors).toEqual([]);
      expect(front.heldBack()).toBe(true);
      expect((await readFile(join(app.dir, name))).equals(bytes)).toBe(true);
    });

    it('never sends the token to a file URL outside its API', async () => {
      // The bot's API is the server in front of the mock; the message's file stays on the mock's own origin.
      const front = await apiInFront({ foreignFiles: true });
      const app = await startApprovalBot(kind, { baseUrl: front.url });
      const posted = await mock.simulate.message({ roomType: 'group', files: [{ name: 'secret.txt' }] });
      await app.handled(posted);
      expect(app.errors[0]).toBeInstanceOf(WebexValidationError);
      expect(app.requests().filter((request) => request.path.startsWith('/contents/'))).toEqual([]);
      expect(front.requests.filter((request) => request.url.startsWith('/contents/'))).toEqual([]);
      expect(app.posted()).toEqual([
        {
          text: 'Could not take the file: its link does not point at Webex.',
          roomId: app.roomId,
          parentId: posted.message.id,
        },
      ]);
      expect(app.files).toEqual([]);
    });

    it('leaves alone messages without files', async () => {
      const app = await startApprovalBot(kind);
      const posted = await mock.simulate.message({ text: 'hello', roomType: 'group' });
      await app.handled(posted);
      expect(app.errors).toEqual([]);
      expect(app.requests().filter((request) => request.path.startsWith('/contents/'))).toEqual([]);
      expect(app.posted()).toEqual([]);
      expect(await filesUnder(app.root)).toEqual([]);
    });
  });
});

describe('over the webhook only', () => {
  it('answers unsigned and forged deliveries with 401 and 403 and acts on neither', async () => {
    const app = await startApprovalBot('webhook');
    const card = await app.requestApproval({ build: '419', environment: 'production' });
    const inputs = { __card: APPROVAL_CARD_ID, build: '419', decision: 'approve', comment: '' };
    const to = app.url ?? '';
    const room = mock.realtime.group;
    const unsigned = await mock.simulate.cardSubmit({ messageId: card.id, room, inputs, to });
    const forged = await mock.simulate.cardSubmit({ messageId: card.id, room, inputs, to, secret: 'a guess' });
    expect([unsigned, forged].map((simulation) => simulation.deliveries[0]?.status)).toEqual([401, 403]);
    expect(app.posted()).toHaveLength(1); // the card itself
    expect(app.decisions).toEqual([]);
  });

  it("registers only its room's messages, so Webex does not even send the others", async () => {
    await startApprovalBot('webhook');
    const direct = await mock.simulate.message({ text: 'deploy 1' });
    expect(direct.deliveries).toEqual([]);
    expect(mock.webhooks().find((hook) => hook.resource === 'messages')?.filter).toBe(
      `roomId=${mock.realtime.group.id}`,
    );
  });
});

const CHUNK_BYTES = 16 * 1024;

/** What the server in front of the mock does differently; see {@link apiInFront}. */
interface FrontPlan {
  /** Send file bodies without `Content-Length`, as a server streaming chunked does. */
  unsized?: boolean;
  /** Runs once half of a file's body is sent, before the rest is. */
  midway?: () => Promise<void>;
  /** Leave the file URLs in messages on the mock's origin, which is not the bot's API. */
  foreignFiles?: boolean;
}

/**
 * A server in front of the mock, as the bot's API, for what the mock does not do by itself: it passes every request
 * to the mock and its answer back, but sends file bodies in chunks (holding back the second half until
 * `midway` resolves; without `Content-Length` when `unsized`) and points the file URLs of messages at itself.
 */
async function apiInFront(plan: FrontPlan): Promise<TestServer & { heldBack(): boolean }> {
  let self = '';
  let heldBack = false;
  const midway = plan.midway;
  const hold = midway
    ? async () => {
        await midway();
        heldBack = true;
      }
    : undefined;
  const server = await startServer(async (request, response) => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([header]) => !['host', 'content-length', 'connection'].includes(header)),
    ) as Record<string, string>;
    const answer = await fetch(mock.url + request.url, {
      method: request.method,
      headers,
      ...(request.body ? { body: request.body } : {}),
    });
    const forwarded: Record<string, string> = {};
    answer.headers.forEach((value, header) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(header))
        forwarded[header] = value;
    });
    const bytes = Buffer.from(await answer.arrayBuffer());
    if (request.url.startsWith('/contents/') && answer.ok) {
      if (!plan.unsized) forwarded['content-length'] = String(bytes.length);
      response.writeHead(answer.status, forwarded);
      if (request.method === 'HEAD') return void response.end();
      return writeInChunks(response, bytes, hold);
    }
    const text = bytes.toString('utf8');
    response.writeHead(answer.status, forwarded);
    response.end(plan.foreignFiles ? text : text.replaceAll(mock.url, self));
  });
  self = server.url;
  cleanups.push(() => server.close());
  return { ...server, heldBack: () => heldBack };
}

async function writeInChunks(response: ServerResponse, bytes: Buffer, midway?: () => Promise<unknown>): Promise<void> {
  const half = Math.floor(bytes.length / CHUNK_BYTES / 2) * CHUNK_BYTES;
  for (let at = 0; at < bytes.length && !response.destroyed; at += CHUNK_BYTES) {
    if (at === half && midway) {
      try {
        await midway();
      } catch (error) {
        // Cut the download short, so that the bot fails now rather than waiting for bytes that never come.
        response.destroy();
        throw error;
      }
    }
    if (!response.write(bytes.subarray(at, at + CHUNK_BYTES))) await drainedOrClosed(response);
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
