import { JSON_OPTION } from '../args.js';
import type { Command } from '../command.js';
import { printRecord } from '../output/record.js';

export const whoami: Command = {
  name: 'whoami',
  synopsis: 'whoami [--json]',
  description: 'Shows who the access token belongs to.',
  options: { ...JSON_OPTION },
  async run(context) {
    const me = await context.webex().people.me();
    await printRecord(context, me, [
      ['Name', me.displayName],
      ['Email', me.emails?.join(', ')],
      ['Type', me.type],
      ['Id', me.id],
      ['Org', me.orgId],
    ]);
  },
};
