// Messages end to end: signed deliveries to the bot's node:http transport, REST answered by the loopback stand-in.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext, HearsContext, MessageContext, Refusal } from '../src/index.js';
import {
  ANA,
  ANA_EMAIL,
  BOT_EMAIL,
  BOT_ID,
  cleanUp,
  DIRECT,
  EVE,
  EVE_EMAIL,
  GROUP,
  mentionHtml,
  OTHER_GROUP,
  startBot,
} from './harness.js';

afterEach(cleanUp);

/** A message from Ana in the group room that mentions the bot, as Webex renders it. */
function groupMessage(id: string, shownName: string, rest: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    roomId: GROUP,
    roomType: 'group' as const,
    personId: ANA,
    personEmail: ANA_EMAIL,
    text: `${shownName} ${rest}`,
    html: mentionHtml(BOT_ID, shownName, rest),
    mentionedPeople: [BOT_ID],
    ...extra,
  };
}

function directMessage(id: string, text: string, extra: Record<string, unknown> = {}) {
  return { id, roomId: DIRECT, roomType: 'direct' as const, personId: ANA, personEmail: ANA_EMAIL, text, ...extra };
}

describe('commands', () => {
  it('learns who it is from people/me, strips its mention and routes to the command, answering in the thread', async () => {
    const seen: CommandContext[] = [];
    const { post, posted, identity, errors, violations, server } = await startBot({
      setup: (bot) =>
        bot.command(
          'deploy',
          async (ctx) => {
            seen.push(ctx);
            await ctx.reply(`Deploying **${ctx.args[0]}**`);
          },
          { description: 'Deploys a build' },
        ),
    });
    expect(identity).toEqual({ id: BOT_ID, email: BOT_EMAIL, displayName: 'DeployBot' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /people/me']);

    // The sender's client showed the bot under a nickname: the html mention names it.
    expect(await post(groupMessage('M1', 'Deployer', 'deploy prod "build 42"'))).toBe(200);
    // No html (an older client): the display name people/me gave, then a comma.
    expect(
      await post({ ...groupMessage('M2', 'DeployBot', ''), text: 'DeployBot, /Deploy staging', html: undefined }),
    ).toBe(200);

    expect(errors).toEqual([]);
    expect(seen.map((ctx) => [ctx.command, ctx.text, ctx.args, ctx.argText, ctx.mentioned])).toEqual([
      ['deploy', 'deploy prod "build 42"', ['prod', 'build 42'], 'prod "build 42"', true],
      ['deploy', '/Deploy staging', ['staging'], 'staging', true],
    ]);
    expect(seen[0]!.sender).toEqual({ id: ANA, email: ANA_EMAIL });
    expect(seen[0]!.room).toEqual({ id: GROUP, type: 'group' });
    expect(seen[0]!.message.id).toBe('M1');
    expect(posted.map((p) => p.body)).toEqual([
      { roomId: GROUP, parentId: 'M1', markdown: 'Deploying **prod**' },
      { roomId: GROUP, parentId: 'M2', markdown: 'Deploying **staging**' },
    ]);
    expect(violations).toEqual([]);
  });

  it('answers every message in a 1:1 room, only mentions in a group room, and the rule is configurable', async () => {
    const heard: string[] = [];
    const setup = (bot: import('../src/index.js').Bot) =>
      bot.command('ping', (ctx) => {
        heard.push(`${ctx.room.type}:${ctx.message.id}`);
      });
    const strict = await startBot({ botIdOption: true, setup });
    expect(await strict.post(directMessage('D1', 'ping'))).toBe(200);
    expect(
      await strict.post({
        ...groupMessage('G1', 'DeployBot', 'ping'),
        mentionedPeople: [],
        html: undefined,
        text: 'ping',
      }),
    ).toBe(200);
    expect(await strict.post(groupMessage('G2', 'DeployBot', 'ping'))).toBe(200);
    expect(heard).toEqual(['direct:D1', 'group:G2']);
    // With botId given, the bot never asked people/me.
    expect(strict.server.requests.some((r) => r.url === '/people/me')).toBe(false);

    heard.length = 0;
    const loose = await startBot({
      botIdOption: true,
      setup,
      settings: { requireMention: { group: false, direct: true } },
    });
    expect(await loose.post(directMessage('D2', 'ping'))).toBe(200);
    expect(
      await loose.post({ ...groupMessage('G3', 'x', ''), mentionedPeople: [], html: undefined, text: 'ping' }),
    ).toBe(200);
    expect(heard).toEqual(['group:G3']);
    expect([...strict.errors, ...loose.errors]).toEqual([]);
  });

  it('tries commands, then help, then patterns in order, then the fallback; `on("message")` sees them all', async () => {
    const calls: string[] = [];
    const { post, posted, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot
          .on('message', (ctx) => void calls.push(`message:${ctx.text}`))
          .command('status', (ctx) => void calls.push(`status:${ctx.argText}`), { aliases: ['st'] })
          .hears(/^ship (?<env>\w+)/i, (ctx: HearsContext) => void calls.push(`ship:${ctx.match.groups?.env}`))
          .hears(/ship/g, () => void calls.push('never: the first pattern that matches wins'))
          .fallback((ctx: MessageContext) => void calls.push(`fallback:${ctx.text}`)),
    });
    for (const [id, text] of [
      ['A', 'status now'],
      ['B', '/st'],
      ['C', 'Ship QA please'],
      ['D', 'Ship QA again'],
      ['E', 'what?'],
    ] as const)
      expect(await post(directMessage(id, text))).toBe(200);
    expect(calls).toEqual([
      'message:status now',
      'status:now',
      'message:/st',
      'status:',
      'message:Ship QA please',
      'ship:QA',
      'message:Ship QA again',
      'ship:QA',
      'message:what?',
      'fallback:what?',
    ]);
    expect(posted).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('matches a /g or /y pattern on every message: its lastIndex does not carry over from one to the next', async () => {
    const matched: string[] = [];
    const { post, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot
          .hears(/deploy (\w+)/g, (ctx: HearsContext) => void matched.push(`g:${ctx.match[1]}`))
          .hears(/^ship (\w+)/y, (ctx: HearsContext) => void matched.push(`y:${ctx.match[1]}`))
          .fallback((ctx: MessageContext) => void matched.push(`fallback:${ctx.text}`)),
    });
    for (const [id, text] of [
      ['G1', 'deploy qa'],
      ['G2', 'deploy qa'],
      ['Y1', 'ship prod'],
      ['Y2', 'ship prod'],
    ] as const)
      expect(await post(directMessage(id, text))).toBe(200);
    expect(matched).toEqual(['g:qa', 'g:qa', 'y:prod', 'y:prod']);
    expect(errors).toEqual([]);
  });

  it('answers help with the registered commands: in the room 1:1, in the thread in a group', async () => {
    const { post, posted, bot, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot
          .command('deploy', () => {}, { description: 'Deploys a build', usage: '<env> [build]', aliases: ['d'] })
          .command('secret', () => {}, { hidden: true })
          .command('status', () => {})
          .hears(/^ship (\w+)/, () => {}, { description: 'Ships to an environment', usage: 'ship <env>' })
          .hears(/^undocumented/, () => {}),
    });
    const help = [
      'Here is what I can do:',
      '',
      '- `deploy <env> [build]` (or `d`) — Deploys a build',
      '- `status`',
      '- `ship <env>` — Ships to an environment',
      '- `help` — Shows this list',
    ].join('\n');
    expect(bot.helpText()).toBe(help);
    expect(await post(directMessage('H1', 'help'))).toBe(200);
    expect(await post(groupMessage('H2', 'DeployBot', '/HELP'))).toBe(200);
    expect(posted.map((p) => p.body)).toEqual([
      { roomId: DIRECT, markdown: help },
      { roomId: GROUP, parentId: 'H2', markdown: help },
    ]);
    expect(errors).toEqual([]);
  });

  it('renames or turns off help, and a command of your own named help wins', async () => {
    const renamed = await startBot({
      botIdOption: true,
      settings: { help: { command: '/commands', title: '**Commands**' } },
      setup: (bot) => bot.command('deploy', () => {}, { description: 'Deploys' }),
    });
    expect(await renamed.post(directMessage('R1', 'commands'))).toBe(200);
    expect(await renamed.post(directMessage('R2', 'help'))).toBe(200);
    expect(renamed.posted.map((p) => p.body.markdown)).toEqual([
      '**Commands**\n\n- `deploy` — Deploys\n- `commands` — Shows this list',
    ]);

    const fallbacks: string[] = [];
    const off = await startBot({
      botIdOption: true,
      settings: { help: false },
      setup: (bot) => bot.fallback((ctx) => void fallbacks.push(ctx.text)),
    });
    expect(await off.post(directMessage('O1', 'help'))).toBe(200);
    expect(fallbacks).toEqual(['help']);
    expect(off.posted).toEqual([]);

    const own = await startBot({
      botIdOption: true,
      setup: (bot) => bot.command('help', (ctx) => ctx.say('my own help')),
    });
    expect(await own.post(directMessage('W1', 'help'))).toBe(200);
    expect(own.posted.map((p) => p.body.markdown)).toEqual(['my own help']);
  });

  it('downloads a posted file through webex.contents', async () => {
    const bytes = randomBytes(20_000);
    let got: { name: string | undefined; size: number | undefined; same: boolean } | undefined;
    const { post, standIn, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot.command('take', async (ctx) => {
          const file = await ctx.download(0, { maxBytes: 1_000_000 });
          const chunks: Buffer[] = [];
          for await (const chunk of Readable.fromWeb(file.body as NodeReadableStream<Uint8Array>))
            chunks.push(chunk as Buffer);
          got = { name: file.name, size: file.size, same: Buffer.concat(chunks).equals(bytes) };
          await ctx.download(1).catch((error: Error) => ctx.say(error.message));
        }),
    });
    standIn.held.contents.set('FILE-1', { name: 'report.bin', type: 'application/octet-stream', bytes });
    expect(await post(directMessage('F1', 'take', { files: [`${standIn.server.url}/contents/FILE-1`] }))).toBe(200);
    expect(errors).toEqual([]);
    expect(got).toEqual({ name: 'report.bin', size: 20_000, same: true });
    expect(standIn.posted.map((p) => p.body.markdown)).toEqual([
      'ctx.download: the message carries 1 file(s), so there is no file 1; use an index below 1',
    ]);
  });

  it('routes an edited message to messageEdited, fetched, and ignores its own edits', async () => {
    const edited: string[] = [];
    const { deliver, standIn, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot
          .on('messageEdited', (ctx) => void edited.push(`${ctx.message.id}:${ctx.text}`))
          .command('deploy', () => void edited.push('a command ran for an edit')),
    });
    standIn.held.messages.set('E1', { ...groupMessage('E1', 'DeployBot', 'deploy prod, no: qa'), created: '' });
    expect(await deliver('messages', 'updated', { id: 'E1', roomId: GROUP, personId: ANA, roomType: 'group' })).toBe(
      200,
    );
    expect(await deliver('messages', 'updated', { id: 'E2', roomId: GROUP, personId: BOT_ID }, BOT_ID)).toBe(200);
    expect(edited).toEqual(['E1:deploy prod, no: qa']);
    expect(standIn.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /messages/E1']);
    expect(errors).toEqual([]);
  });
});

describe('access control', () => {
  it('refuses people not allowed before any handler runs, tells onRefused, and answers nothing by default', async () => {
    const ran: string[] = [];
    const refusals: Refusal[] = [];
    const { post, posted, errors } = await startBot({
      botIdOption: true,
      settings: { access: { people: [ANA_EMAIL] }, onRefused: (refused) => void refusals.push(refused) },
      setup: (bot) =>
        bot
          .on('message', () => void ran.push('message'))
          .command('deploy', (ctx) => void ran.push(`deploy by ${ctx.sender.email}`))
          .fallback(() => void ran.push('fallback')),
    });
    expect(await post(directMessage('A1', 'deploy', { personId: EVE, personEmail: EVE_EMAIL }))).toBe(200);
    expect(await post(directMessage('A2', 'help', { personId: EVE, personEmail: EVE_EMAIL }))).toBe(200);
    expect(await post(directMessage('A3', 'deploy'))).toBe(200);
    expect(ran).toEqual(['message', `deploy by ${ANA_EMAIL}`]);
    expect(refusals.map((r) => [r.reason, r.kind, r.sender.id, r.room.id])).toEqual([
      ['person', 'message', EVE, DIRECT],
      ['person', 'message', EVE, DIRECT],
    ]);
    expect(posted).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('answers a refused sender politely when asked to, in the thread', async () => {
    const { post, posted } = await startBot({
      botIdOption: true,
      settings: { access: { domains: ['example.com'], refusal: { text: 'Sorry, I only work for Example people.' } } },
      setup: (bot) => bot.command('deploy', (ctx) => ctx.reply('deploying')),
    });
    expect(await post(groupMessage('P1', 'DeployBot', 'deploy', { personId: EVE, personEmail: EVE_EMAIL }))).toBe(200);
    expect(await post(groupMessage('P2', 'DeployBot', 'deploy'))).toBe(200);
    expect(posted.map((p) => p.body)).toEqual([
      { roomId: GROUP, parentId: 'P1', text: 'Sorry, I only work for Example people.' },
      { roomId: GROUP, parentId: 'P2', markdown: 'deploying' },
    ]);
  });

  it('refuses rooms not allowed, and checks a card submitter by the email it looks up', async () => {
    const ran: string[] = [];
    const refusals: Refusal[] = [];
    const { post, press, standIn, errors } = await startBot({
      botIdOption: true,
      settings: {
        access: { rooms: [GROUP], domains: ['example.com'] },
        onRefused: (refused) => void refusals.push(refused),
      },
      setup: (bot) =>
        bot
          .command('deploy', (ctx) => void ran.push(`deploy in ${ctx.room.id === GROUP ? 'GROUP' : 'other'}`))
          .onCardSubmit((ctx) => void ran.push(`submit by ${ctx.sender.email}`)),
    });
    expect(await post(groupMessage('R1', 'DeployBot', 'deploy', { roomId: OTHER_GROUP }))).toBe(200);
    expect(await post(groupMessage('R2', 'DeployBot', 'deploy'))).toBe(200);
    // A card submit carries only the person's id: the bot asks people/{id} once per person.
    expect(await press('ACT-1', 'CARD-1', { a: '1' }, EVE)).toBe(200);
    expect(await press('ACT-2', 'CARD-1', { a: '1' }, ANA)).toBe(200);
    expect(await press('ACT-3', 'CARD-1', { a: '2' }, ANA)).toBe(200);
    expect(ran).toEqual(['deploy in GROUP', `submit by ${ANA_EMAIL}`, `submit by ${ANA_EMAIL}`]);
    expect(refusals.map((r) => [r.reason, r.kind, r.sender.email])).toEqual([
      ['room', 'message', ANA_EMAIL],
      ['person', 'cardSubmit', EVE_EMAIL],
    ]);
    const lookups = standIn.server.requests.filter((r) => r.url.startsWith('/people/')).map((r) => r.url);
    expect(lookups).toEqual([`/people/${EVE}`, `/people/${ANA}`]);
    expect(errors).toEqual([]);
  });

  it('fails closed when the email a rule needs cannot be looked up, and says why', async () => {
    const ran: string[] = [];
    const stranger = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub2JvZHk';
    const { press, errors } = await startBot({
      botIdOption: true,
      settings: { access: { domains: ['example.com'] } },
      setup: (bot) => bot.onCardSubmit(() => void ran.push('submit')),
    });
    expect(await press('ACT-9', 'CARD-9', {}, stranger)).toBe(200);
    expect(ran).toEqual([]);
    expect(errors.map(({ error }) => (error as { status?: number }).status)).toEqual([404]);
  });
});

describe('errors', () => {
  it('reports a handler that throws with its context, answers the delivery 200, and carries on', async () => {
    const { post, posted, errors } = await startBot({
      botIdOption: true,
      setup: (bot) =>
        bot
          .on('message', () => {
            throw new Error('the observer broke');
          })
          .command('boom', () => {
            throw new Error('the deploy broke');
          })
          .command('ok', (ctx) => ctx.say('still here')),
    });
    expect(await post(directMessage('X1', 'boom'))).toBe(200);
    expect(await post(directMessage('X2', 'ok'))).toBe(200);
    expect(errors.map(({ error, ctx }) => [(error as Error).message, (ctx as MessageContext).message.id])).toEqual([
      ['the observer broke', 'X1'],
      ['the deploy broke', 'X1'],
      ['the observer broke', 'X2'],
    ]);
    expect(posted.map((p) => p.body.markdown)).toEqual(['still here']);
  });

  it('keeps going when onError itself throws', async () => {
    const ran: string[] = [];
    const { post } = await startBot({
      botIdOption: true,
      settings: {
        onError: () => {
          throw new Error('the logger broke');
        },
      },
      setup: (bot) =>
        bot
          .command('boom', () => {
            throw new Error('boom');
          })
          .command('ok', () => void ran.push('ok')),
    });
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(await post(directMessage('Y1', 'boom'))).toBe(200);
      expect(await post(directMessage('Y2', 'ok'))).toBe(200);
    } finally {
      console.error = quiet;
    }
    expect(ran).toEqual(['ok']);
  });
});
