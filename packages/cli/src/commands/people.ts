import type { Person } from '@webex-ts/client';
import { LISTING_OPTIONS } from '../args.js';
import type { Command } from '../command.js';
import { printListing } from '../output/listing.js';
import type { Column } from '../output/table.js';

const columns: Column<Person>[] = [
  { header: 'NAME', width: 28, value: (person) => person.displayName },
  { header: 'EMAIL', width: 32, value: (person) => person.emails?.join(', ') },
  { header: 'TYPE', width: 6, value: (person) => person.type },
  { header: 'ID', value: (person) => person.id },
];

export const peopleFind: Command = {
  name: 'people find',
  synopsis: 'people find <email> [--json | --ndjson]',
  description: 'Looks a person up by email address.',
  options: { ...LISTING_OPTIONS },
  args: ['<email>'],
  async run(context) {
    const people = context.webex().people.list({ email: context.args[0] });
    await printListing(context, people, { noun: 'people', columns });
  },
};
