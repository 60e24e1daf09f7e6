// The contract between a bot and where its events come from. Webhooks implement it here (webhook-transport.ts);
// a websocket transport implements the same two methods, and the bot's handlers do not change.
import type { ReceivedWebhookEvent, Webex } from '@webex-ts/client';

/** What a transport is given when the bot starts. */
export interface TransportContext {
  /** The bot's client: for fetching what an event only names (`messages.get`, `attachmentActions.get`). */
  webex: Webex;
  /** The bot's own person id: its own messages must not be delivered (a bot answering itself loops). */
  botId: string;
  /** The bot's own email, when known: the same filter, for events that carry only an email. */
  botEmail?: string;
  /** Tells the bot's `onError` of a failure the transport met on its own (a delivery it could not verify or fetch). */
  reportError(error: unknown): void;
}

/**
 * Where a bot's events come from: a webhook receiver or a websocket. Delivers the client's `ReceivedWebhookEvent`
 * (`type: 'message' | 'attachmentAction' | 'other'`, with the message or card action already fetched).
 *
 * What a transport does:
 * - deliver each event once: drop repeats (Webex and websockets both redeliver), and never the bot's own messages;
 * - call `deliver` as events arrive, without waiting for earlier ones: the bot keeps each room's events in order
 *   and handles rooms in parallel;
 * - acknowledge an event (answer the webhook, ack the websocket frame) once `deliver` settles. `deliver` resolves
 *   when the bot has handled the event, whatever its handlers did: their errors go to the bot's `onError`. It
 *   rejects with a `BotUnavailableError` when the bot could not take the event (stopping, queue full, abandoned at
 *   the stop deadline); the bot has reported it already, so the transport need not, and should leave the event
 *   unacknowledged so that it may come again.
 */
export interface BotTransport {
  /** Starts delivering; `deliver` resolves when the bot has handled the event (the transport may ack/answer then). */
  start(deliver: (event: ReceivedWebhookEvent) => Promise<void>, context: TransportContext): Promise<void>;
  /** Stops receiving, after events already being delivered finish. */
  stop(): Promise<void>;
}
