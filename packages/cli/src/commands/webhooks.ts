import type { Webhook, WebhookEvent, WebhookResource } from '@webex-ts/client';
import { JSON_OPTION, LISTING_OPTIONS, required, text } from '../args.js';
import type { Command } from '../command.js';
import { write } from '../io.js';
import { printListing } from '../output/listing.js';
import { printRecord } from '../output/record.js';
import type { Column } from '../output/table.js';

const columns: Column<Webhook>[] = [
  { header: 'NAME', width: 28, value: (webhook) => webhook.name },
  { header: 'RESOURCE', width: 17, value: (webhook) => webhook.resource },
  { header: 'EVENT', width: 10, value: (webhook) => webhook.event },
  { header: 'STATUS', width: 8, value: (webhook) => webhook.status },
  { header: 'TARGET URL', width: 40, value: (webhook) => webhook.targetUrl },
  { header: 'ID', value: (webhook) => webhook.id },
];

export const webhooksList: Command = {
  name: 'webhooks list',
  synopsis: 'webhooks list [--json | --ndjson]',
  description: 'Lists the webhooks you registered.',
  options: { ...LISTING_OPTIONS },
  async run(context) {
    await printListing(context, context.webex().webhooks.list(), { noun: 'webhooks', columns });
  },
};

export const webhooksCreate: Command = {
  name: 'webhooks create',
  synopsis:
    'webhooks create --name <name> --target-url <url> --resource <resource> --event <event> [--filter <filter>] [--secret <secret>]',
  description:
    'Registers a webhook. Webex POSTs to the target URL whenever <event> happens to <resource>, for example messages created.',
  options: {
    name: { type: 'string', arg: '<name>', help: 'a name for it' },
    'target-url': { type: 'string', arg: '<url>', help: 'where Webex sends notifications' },
    resource: {
      type: 'string',
      arg: '<resource>',
      help: 'what to watch: messages, rooms, memberships, attachmentActions, meetings …',
    },
    event: { type: 'string', arg: '<event>', help: 'which change: created, updated, deleted …' },
    filter: { type: 'string', arg: '<filter>', help: 'narrow it, for example roomId=<id>' },
    secret: { type: 'string', arg: '<secret>', help: 'sign each delivery with this key (X-Spark-Signature)' },
    ...JSON_OPTION,
  },
  async run(context) {
    const { values } = context;
    const body = {
      name: required(values, 'name'),
      targetUrl: required(values, 'target-url'),
      // Checked by the API, so the command line keeps up with resources and events added later.
      resource: required(values, 'resource') as WebhookResource,
      event: required(values, 'event') as WebhookEvent,
      filter: text(values, 'filter'),
      secret: text(values, 'secret'),
    };
    const webhook = await context.webex().webhooks.create(body);
    await printRecord(context, webhook, [
      ['Id', webhook.id],
      ['Name', webhook.name],
      ['Target URL', webhook.targetUrl],
      ['Resource', webhook.resource],
      ['Event', webhook.event],
      ['Filter', webhook.filter],
      ['Status', webhook.status],
    ]);
  },
};

export const webhooksDelete: Command = {
  name: 'webhooks delete',
  synopsis: 'webhooks delete <id>',
  description: 'Deletes a webhook.',
  options: {},
  args: ['<id>'],
  async run(context) {
    const [id] = context.args;
    await context.webex().webhooks.delete(id!);
    await write(context.io.stdout, `Deleted webhook ${id}\n`);
  },
};
