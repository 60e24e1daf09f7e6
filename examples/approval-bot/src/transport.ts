// Where the bot's events come from, chosen by configuration: webhooks (supported; needs a URL Webex can reach) or the
// websocket (experimental: an undocumented Webex service; no public URL needed).
import type { Webex } from '@webex-ts/client';
import {
  socketTransport,
  webhookTransport,
  type SocketTransport,
  type SocketTransportOptions,
  type WebhookTransport,
} from '@webex-ts/bot';

/** Which transport, with what it needs. */
export type TransportChoice = { kind: 'webhook'; secret: string } | { kind: 'socket'; deviceName: string };

/** The transport made, tagged, so the caller knows whether to serve it (webhook) or not (socket). */
export type ChosenTransport =
  | { kind: 'webhook'; transport: WebhookTransport }
  | { kind: 'socket'; transport: SocketTransport };

/**
 * Makes the transport `choice` names. The socket needs the token itself (the client never hands its own out);
 * `socketOptions` adds to its options (tests point `catalogUrl` at the mock).
 */
export function createTransport(
  choice: TransportChoice,
  accessToken: string,
  socketOptions: SocketTransportOptions = {},
): ChosenTransport {
  if (choice.kind === 'webhook') return { kind: 'webhook', transport: webhookTransport({ secret: choice.secret }) };
  return {
    kind: 'socket',
    transport: socketTransport({ accessToken, deviceName: choice.deviceName, ...socketOptions }),
  };
}

/**
 * Registers (or corrects) the webhooks the bot needs, idempotently: messages (only the bot's room's), card submits,
 * memberships. Run it on every start; `webhooks.ensure` leaves a webhook that is already right alone.
 */
export async function registerWebhooks(
  webex: Webex,
  transport: WebhookTransport,
  targetUrl: string,
  roomId: string,
): Promise<void> {
  for (const spec of transport.webhookSpecs(targetUrl, { name: 'approval-bot' })) {
    // The access rules refuse other rooms anyway; the filter keeps Webex from sending their messages at all.
    await webex.webhooks.ensure(spec.resource === 'messages' ? { ...spec, filter: `roomId=${roomId}` } : spec);
  }
}
