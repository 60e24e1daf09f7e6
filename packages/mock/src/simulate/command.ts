// `webex-mock simulate <message|card|membership>`: one signed webhook delivery to a running bot, from the shell.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { encodeId } from '@webex-ts/client';
import { CONTROL_PREFIX } from '../front/server.js';
import { adHocWebhook, deliver, envelopeOf } from './delivery.js';
import type { Simulation, WebhookDelivery } from './types.js';

export const SIMULATE_USAGE = `  webex-mock simulate <message|card|membership> --to <url> [--secret <s>] [--mock <url>] [--json]
      [--text <t>] [--room-type direct|group] [--from <email>]              (message)
      [--inputs <json>] [--message-id <id>] [--from <email>]               (card)
      [--event created|deleted] [--person <email>]                         (membership)
      Posts one webhook delivery to your bot at --to, signed with --secret (or $WEBEX_WEBHOOK_SECRET) in
      X-Spark-Signature. With --mock <url of a running webex-mock>, that mock files the message, card submit or
      membership first, so the bot (using that mock as its API) reads the --text or --inputs given; without it the
      delivery names made-up ids, and --text and --inputs cannot be sent (a delivery carries ids only).
      Exits 0 when the bot answered 2xx, 1 when it did not.`;

const KINDS = {
  message: { resource: 'messages', route: 'message' },
  card: { resource: 'attachmentActions', route: 'card' },
  membership: { resource: 'memberships', route: 'membership' },
} as const;

type Kind = keyof typeof KINDS;

/** Runs `webex-mock simulate …` (`args` after `simulate`); returns the exit code. */
export async function simulateCommand(args: string[]): Promise<number> {
  const kind = args[0] as Kind;
  if (!Object.hasOwn(KINDS, kind ?? ''))
    return usage(
      `webex-mock simulate: say what to simulate: message, card or membership (got ${args[0] ?? 'nothing'})`,
    );
  let values: ReturnType<typeof parse>;
  try {
    values = parse(args.slice(1));
  } catch (error) {
    return usage((error as Error).message);
  }
  const to = values.to;
  if (!to || !/^https?:\/\/[^/]/.test(to))
    return usage(`webex-mock simulate: --to needs your bot's webhook URL, e.g. --to http://127.0.0.1:8080/webhook`);
  const secret = values.secret ?? process.env.WEBEX_WEBHOOK_SECRET;
  const event = values.event ?? 'created';
  if (kind === 'membership' ? event !== 'created' && event !== 'deleted' : values.event !== undefined)
    return usage(`webex-mock simulate: --event is created or deleted, for membership only (got ${values.event})`);
  const roomType = values['room-type'];
  if (roomType !== undefined && roomType !== 'direct' && roomType !== 'group')
    return usage(`webex-mock simulate: --room-type is direct or group (got ${roomType})`);
  let inputs: unknown;
  if (values.inputs !== undefined) {
    try {
      inputs = JSON.parse(values.inputs);
    } catch {
      return usage(`webex-mock simulate: --inputs should be a JSON object, e.g. --inputs '{"decision":"approve"}'`);
    }
  }

  let deliveries: WebhookDelivery[];
  let skipped: string | undefined;
  if (values.mock) {
    const body: Record<string, unknown> = { to };
    if (secret) body.secret = secret;
    if (kind === 'message') Object.assign(body, defined({ text: values.text, roomType, from: values.from }));
    if (kind === 'card')
      Object.assign(body, defined({ inputs: inputs ?? {}, messageId: values['message-id'], from: values.from }));
    if (kind === 'membership') Object.assign(body, defined({ event, person: values.person }));
    const route = `${values.mock.replace(/\/+$/, '')}${CONTROL_PREFIX}simulate/${KINDS[kind].route}`;
    let answer: Response;
    try {
      answer = await fetch(route, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      console.error(`webex-mock simulate: the mock at ${values.mock} could not be reached: ${reason(error)}`);
      return 1;
    }
    const text = await answer.text();
    if (!answer.ok) {
      console.error(`webex-mock simulate: the mock at ${values.mock} answered ${answer.status}: ${messageOf(text)}`);
      return answer.status === 400 ? 2 : 1;
    }
    ({ deliveries, skipped } = JSON.parse(text) as Simulation);
  } else {
    if (values.text !== undefined || values.inputs !== undefined)
      return usage(
        `webex-mock simulate: --${values.text !== undefined ? 'text' : 'inputs'} needs --mock <url of the running webex-mock your bot uses as its API>: a delivery carries ids only, and the bot reads the rest from its API`,
      );
    deliveries = [await standalone(kind, event, to, secret, values)];
  }

  if (values.json) console.log(JSON.stringify(deliveries, null, 2));
  else for (const delivery of deliveries) console.log(describe(delivery));
  if (deliveries.length === 0) {
    console.error(`webex-mock simulate: nothing was delivered: ${skipped ?? 'no webhook took the event'}`);
    return 1;
  }
  return deliveries.every((delivery) => ok(delivery.status)) ? 0 : 1;
}

/** A delivery with made-up ids: what a bot that checks signatures and envelopes needs, with no mock behind it. */
function standalone(
  kind: Kind,
  event: string,
  to: string,
  secret: string | undefined,
  values: ReturnType<typeof parse>,
): Promise<WebhookDelivery> {
  const id = (type: string) => encodeId({ type, uuid: randomUUID() });
  const now = new Date().toISOString();
  const personId = id('PEOPLE');
  const roomId = id('ROOM');
  const roomType = values['room-type'] ?? (kind === 'membership' ? 'group' : 'direct');
  const email = (kind === 'membership' ? values.person : values.from) ?? 'ana@example.com';
  const data: Record<string, unknown> =
    kind === 'message'
      ? { id: id('MESSAGE'), roomId, roomType, personId, personEmail: email, created: now }
      : kind === 'card'
        ? {
            id: id('ATTACHMENT_ACTION'),
            type: 'submit',
            messageId: values['message-id'] ?? id('MESSAGE'),
            personId,
            roomId,
            created: now,
          }
        : {
            id: id('MEMBERSHIP'),
            roomId,
            personId,
            personEmail: email,
            isModerator: false,
            isMonitor: false,
            roomType,
            created: now,
          };
  const webhook = adHocWebhook(to, new Date());
  const envelope = envelopeOf(webhook, KINDS[kind].resource, event, data, {
    botId: id('PEOPLE'),
    orgId: id('ORGANIZATION'),
    actorId: personId,
  });
  return deliver(envelope, webhook.id, secret, 10_000);
}

function describe(delivery: WebhookDelivery): string {
  const what = `${delivery.envelope.resource}:${delivery.envelope.event}`;
  const signed = delivery.signature ? `signed X-Spark-Signature ${delivery.signature}` : 'unsigned (no secret)';
  if (delivery.status === undefined) return `${what} to ${delivery.url}: not delivered: ${delivery.error}`;
  const answer = delivery.responseBody?.trim().slice(0, 200);
  const hint =
    delivery.status === 401 || delivery.status === 403
      ? ' (the bot refused the signature: is the secret the one it verifies with?)'
      : '';
  return `${what} ${String(delivery.envelope.data.id)} to ${delivery.url}, ${signed}: ${delivery.status}${answer ? ` ${answer}` : ''}${hint}`;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      to: { type: 'string' },
      secret: { type: 'string' },
      mock: { type: 'string' },
      text: { type: 'string' },
      'room-type': { type: 'string' },
      from: { type: 'string' },
      inputs: { type: 'string' },
      'message-id': { type: 'string' },
      event: { type: 'string' },
      person: { type: 'string' },
      json: { type: 'boolean' },
    },
  }).values;
}

function usage(message: string): number {
  console.error(`${message}\n\nUsage:\n${SIMULATE_USAGE}`);
  return 2;
}

function ok(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function messageOf(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    return typeof message === 'string' ? message : text;
  } catch {
    return text;
  }
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
