import type { Message } from '@webex-ts/client';
import { LISTING_OPTIONS, positiveInteger, required } from '../args.js';
import type { Command } from '../command.js';
import { printListing } from '../output/listing.js';
import { shortDate, type Column } from '../output/table.js';
import { pageSize } from './page-size.js';

const columns: Column<Message>[] = [
  { header: 'SENT', width: 16, value: (message) => shortDate(message.created) },
  { header: 'FROM', width: 28, value: (message) => message.personEmail },
  { header: 'TEXT', width: 50, value: (message) => message.text ?? (message.files?.length ? '(file)' : '') },
  { header: 'ID', value: (message) => message.id },
];

export const messagesList: Command = {
  name: 'messages list',
  synopsis: 'messages list --room <id> [--max N] [--json | --ndjson]',
  description: 'Lists the messages of a room, newest first. Rows print as each page arrives.',
  options: {
    room: { type: 'string', arg: '<id>', help: 'the room' },
    max: { type: 'string', arg: 'N', help: 'show at most N messages' },
    ...LISTING_OPTIONS,
  },
  async run(context) {
    const roomId = required(context.values, 'room');
    const limit = positiveInteger(context.values, 'max');
    const messages = context.webex().messages.list({ roomId, max: pageSize(limit) });
    await printListing(context, messages, { noun: 'messages', columns, limit });
  },
};
