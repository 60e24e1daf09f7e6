import type { Room } from '@webex-ts/client';
import { LISTING_OPTIONS, oneOf, positiveInteger, type OptionSpecs, type Values } from '../args.js';
import type { Command } from '../command.js';
import { printListing } from '../output/listing.js';
import { shortDate, type Column } from '../output/table.js';
import { pageSize } from './page-size.js';

const ROOM_TYPES = ['group', 'direct'] as const;

const columns: Column<Room>[] = [
  { header: 'TITLE', width: 40, value: (room) => room.title },
  { header: 'TYPE', width: 6, value: (room) => room.type },
  { header: 'LAST ACTIVITY', width: 16, value: (room) => shortDate(room.lastActivity) },
  { header: 'ID', value: (room) => room.id },
];

const typeOption: OptionSpecs = { type: { type: 'string', arg: 'group|direct', help: 'only rooms of this type' } };

const query = (values: Values, max?: number) => ({ type: oneOf(values, 'type', ROOM_TYPES), max: pageSize(max) });

export const roomsList: Command = {
  name: 'rooms list',
  synopsis: 'rooms list [--type group|direct] [--max N] [--json | --ndjson]',
  description: 'Lists the rooms you are in. Rows print as each page arrives.',
  options: { ...typeOption, max: { type: 'string', arg: 'N', help: 'show at most N rooms' }, ...LISTING_OPTIONS },
  async run(context) {
    const limit = positiveInteger(context.values, 'max');
    const params = query(context.values, limit);
    const rooms = context.webex().rooms.list(params);
    await printListing(context, rooms, { noun: 'rooms', columns, limit });
  },
};

export const roomsFind: Command = {
  name: 'rooms find',
  synopsis: 'rooms find <title> [--type group|direct] [--json | --ndjson]',
  description:
    'Lists the rooms whose title contains <title>, ignoring case. Goes through all your rooms, printing matches as they are found.',
  options: { ...typeOption, ...LISTING_OPTIONS },
  args: ['<title>'],
  async run(context) {
    const wanted = context.args[0]!.toLowerCase();
    const params = query(context.values);
    const rooms = context.webex().rooms.list(params);
    await printListing(context, rooms, {
      noun: 'rooms',
      columns,
      filter: (room) => room.title?.toLowerCase().includes(wanted) ?? false,
    });
  },
};
