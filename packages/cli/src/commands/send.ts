import { readFile } from 'node:fs/promises';
import type { CreateMessageInput, MessageFields } from '@webex-ts/client';
import { JSON_OPTION, text, UsageError, type Values } from '../args.js';
import type { Command, Context } from '../command.js';
import { readAll, write } from '../io.js';
import { toJson } from '../output/printable.js';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_FALLBACK = 'This message has a card; open it in a Webex app to see it.';

export const send: Command = {
  name: 'send',
  synopsis:
    'send (--room <id> | --to <email>) [--text <text>] [--markdown <markdown>] [--file <path|url>] [--card <card.json>] [--thread <parentId>]',
  description:
    'Posts a message to a room or directly to a person, and prints its id.\nGive "-" as the text or markdown to read it from stdin: echo "**done**" | webex send --room $ROOM --markdown -',
  options: {
    room: { type: 'string', arg: '<id>', help: 'the room to post in' },
    to: { type: 'string', arg: '<email>', help: 'the person to send to directly' },
    text: { type: 'string', arg: '<text>', help: 'plain text ("-": read stdin)' },
    markdown: { type: 'string', arg: '<markdown>', help: 'markdown ("-": read stdin)' },
    file: { type: 'string', arg: '<path|url>', help: 'attach a local file (uploaded) or the file at a public URL' },
    card: {
      type: 'string',
      arg: '<card.json>',
      help: 'attach the adaptive card in this JSON file; the text or markdown is its fallback',
    },
    thread: { type: 'string', arg: '<parentId>', help: 'reply in the thread of this message' },
    ...JSON_OPTION,
  },
  async run(context) {
    const { values } = context;
    const roomId = text(values, 'room');
    const toPersonEmail = text(values, 'to');
    const file = text(values, 'file');
    const card = text(values, 'card');
    if (!roomId === !toPersonEmail) throw new UsageError('give exactly one of --room and --to');
    if (!['text', 'markdown', 'file', 'card'].some((name) => text(values, name))) {
      throw new UsageError('nothing to send: give --text, --markdown, --file or --card');
    }
    if (values.text === '-' && values.markdown === '-')
      throw new UsageError('only one of --text and --markdown can read stdin');
    const webex = context.webex();

    // Built field by field; destination and content were checked above, and the client checks them again before sending.
    const body: MessageFields & { roomId?: string | undefined; toPersonEmail?: string | undefined } = {
      roomId,
      toPersonEmail,
      parentId: text(values, 'thread'),
      text: await content(context, values, 'text'),
      markdown: await content(context, values, 'markdown'),
    };
    if (file) body.files = [file];
    if (card) {
      body.attachments = [{ contentType: CARD_TYPE, content: await readCard(card) }];
      if (!body.text && !body.markdown) body.text = CARD_FALLBACK;
    }
    const message = await webex.messages.create(body as CreateMessageInput);
    await write(context.io.stdout, context.format === 'table' ? `${message.id}\n` : `${toJson(message, 2)}\n`);
  },
};

/** The option's value, or stdin for "-". */
async function content(context: Context, values: Values, name: string): Promise<string | undefined> {
  const value = text(values, name);
  if (value !== '-') return value;
  const input = (await readAll(context.io.stdin)).replace(/\s+$/, '');
  if (!input) throw new UsageError(`--${name} -: stdin was empty`);
  return input;
}

/** The card object in a JSON file. */
async function readCard(path: string): Promise<Record<string, unknown>> {
  let card: unknown;
  try {
    card = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--card ${path}: ${(error as Error).message}`);
  }
  if (!card || typeof card !== 'object' || Array.isArray(card))
    throw new UsageError(`--card ${path}: not a JSON object (an adaptive card)`);
  return card as Record<string, unknown>;
}
