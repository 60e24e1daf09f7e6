// What a bot does with each webhook delivery: verify, parse, drop repeats, fetch what the envelope only names, hand over.
// Framework-free and runtime-free: the adapters read the body from the objects a server hands them.
import type { AttachmentAction } from '@webex-ts/models';
import type { RequestOptions } from '../core/resource.js';
import type { MessagesResourceBase } from '../gen/resources/messages.gen.js';
import { idKey } from '../ids/webex-ids.js';
import { type DeliverBody, MAX_BODY_BYTES } from './body-reader.js';
import { type RefusedOutcome, WebhookDeliveryError } from './delivery-error.js';
import { type KnownWebhookEvent, parseWebhookEvent, type WebhookEnvelope, WebhookPayloadError } from './envelope.js';
import { fetchAdapter } from './fetch-adapter.js';
import { type NodeRequestLike, type NodeResponseLike, nodeAdapter } from './node-adapter.js';
import { RecentKeys } from './recent-keys.js';
import { verifyWebhookSignature } from './signature.js';

/** A message as `messages.get` returns it. */
export type ReceivedMessage = Awaited<ReturnType<MessagesResourceBase['get']>>;

/** A `messages:created` delivery with the message it names, fetched. */
export interface MessageCreatedEvent {
  type: 'message';
  envelope: Extract<KnownWebhookEvent, { resource: 'messages' }>;
  message: ReceivedMessage;
}

/** An `attachmentActions:created` delivery (a card submit) with the action it names, fetched. */
export interface AttachmentActionEvent {
  type: 'attachmentAction';
  envelope: Extract<KnownWebhookEvent, { resource: 'attachmentActions' }>;
  action: AttachmentAction;
}

/** Any other delivery, as it came; narrow with `envelope.resource`. */
export interface OtherWebhookEvent {
  type: 'other';
  envelope: WebhookEnvelope;
}

/** What the receiver hands to `onEvent`, discriminated by `type`. */
export type ReceivedWebhookEvent = MessageCreatedEvent | AttachmentActionEvent | OtherWebhookEvent;

/** What `onError` learns about the delivery that failed, so it can be logged or replayed. */
export interface FailedDelivery {
  /** The envelope, parsed; undefined for a delivery refused before it was parsed (a {@link WebhookDeliveryError}). */
  envelope: WebhookEnvelope | undefined;
  /**
   * The raw body, exactly as received; unverified when the signature was missing or wrong, and empty when the
   * body was refused before it was read in full (too large, too slow).
   */
  body: string;
}

/** The parts of a client the receiver calls: `new Webex()` fits. */
export interface ReceiverClient {
  messages: { get(messageId: string, options?: RequestOptions): Promise<ReceivedMessage> };
  attachmentActions: { get(id: string, options?: RequestOptions): Promise<AttachmentAction> };
}

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** Fetches the message or card action a delivery names. */
  webex: ReceiverClient;
  /** The secret the webhooks were registered with; every delivery must be signed with it. */
  secret: string;
  /** The bot's own person id: its own messages are ignored. */
  botId?: string;
  /** The bot's own email: its own messages are ignored (for when the id is not at hand). */
  botEmail?: string;
  /** Called once per new, verified delivery that is not the bot's own message. A throw answers 500 and goes to `onError`. */
  onEvent(event: ReceivedWebhookEvent): void | Promise<void>;
  /**
   * Hears every failure, with the delivery, so nothing is lost silently: each refused delivery (a
   * {@link WebhookDeliveryError}: unsigned, bad signature, not an envelope, too large, too slow) and each failure
   * after verification (fetching, or `onEvent` throwing).
   */
  onError(error: unknown, delivery: FailedDelivery): void | Promise<void>;
  /** How many deliveries to remember for dropping repeats (bounded memory); 0 keeps none. Default 1000. */
  seen?: number;
  /**
   * How long the `node` and `fetch` adapters wait for the whole body, in ms, before answering 408: a body dripped
   * byte by byte holds a connection this long, not the server's own limit (Node's is 300 s). Default 10 000.
   */
  bodyTimeout?: number;
}

/** Why the receiver answered as it did. */
export type ReceiveOutcome = 'handled' | 'duplicate' | 'own-message' | 'failed' | RefusedOutcome;

/** The answer to give Webex. */
export interface ReceiveResult {
  status: number;
  outcome: ReceiveOutcome;
  /** A short plain-text reason to answer with (`ok`, `not a webhook delivery: …`); it never holds a secret. */
  reason: string;
}

/** A webhook receiver: the core `handle`, and adapters for `node:http` and fetch-style servers. */
export interface WebhookReceiver {
  /** Handles one delivery: the raw body and the `X-Spark-Signature` header as received. */
  handle(
    rawBody: Uint8Array | string,
    signatureHeader: string | readonly string[] | null | undefined,
  ): Promise<ReceiveResult>;
  /** A `node:http` request listener: `createServer(receiver.node)`. Reads the raw body itself. */
  node(req: NodeRequestLike, res: NodeResponseLike): void;
  /** A fetch-style handler (Deno, Bun, edge runtimes): `Request` in, `Response` out. */
  fetch(request: Request): Promise<Response>;
}

const DEFAULT_SEEN = 1000;
const DEFAULT_BODY_TIMEOUT = 10_000;
// setTimeout's own limit: a longer delay fires at once.
const MAX_TIMER = 2_147_483_647; // setTimeout's largest delay (2^31 - 1 ms)
const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * One framework-free webhook receiver for a bot: verifies `X-Spark-Signature` (401 missing, 403 wrong),
 * parses (400), drops repeats, fetches the message or card action, ignores the bot's own messages,
 * and calls `onEvent` (a throw answers 500 and goes to `onError`). Its adapters stop reading a body at 1 MB (413)
 * or after `bodyTimeout` (408). Every refusal is answered with its reason and goes to `onError`.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const { webex, secret, botId, botEmail, onEvent, onError } = options;
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError(
      'createWebhookReceiver: expected the webhook secret as a non-empty string; register webhooks with a secret so deliveries can be verified',
    );
  }
  const capacity = options.seen ?? DEFAULT_SEEN;
  if (!Number.isInteger(capacity) || capacity < 0)
    throw new TypeError(`createWebhookReceiver: seen should be a whole number >= 0, got ${String(capacity)}`);
  const seen = new RecentKeys(capacity);
  const bodyTimeout = options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT;
  if (!Number.isInteger(bodyTimeout) || bodyTimeout < 1 || bodyTimeout > MAX_TIMER)
    throw new TypeError(
      `createWebhookReceiver: bodyTimeout should be a whole number of ms from 1 to ${MAX_TIMER}, got ${String(bodyTimeout)}`,
    );

  // Decoded once here rather than for each delivery: `samePerson(personId, botId)` without decoding the bot's id again.
  const botKey = botId === undefined ? undefined : idKey(botId);
  const isOwnId = (personId: string): boolean => personId === botId || idKey(personId) === botKey;
  const isOwn = (personId: unknown, personEmail: unknown): boolean =>
    (botKey !== undefined && typeof personId === 'string' && isOwnId(personId)) ||
    (botEmail !== undefined && typeof personEmail === 'string' && personEmail.toLowerCase() === botEmail.toLowerCase());

  async function handle(
    rawBody: Uint8Array | string,
    signatureHeader: string | readonly string[] | null | undefined,
  ): Promise<ReceiveResult> {
    const text = () => (typeof rawBody === 'string' ? rawBody : decoder.decode(rawBody));
    if (signatureHeader === undefined || signatureHeader === null || signatureHeader === '')
      return refuse('unsigned', "missing X-Spark-Signature: deliveries are signed with the webhook's secret", text());
    if (!(await verifyWebhookSignature(rawBody, signatureHeader, secret)))
      return refuse(
        'bad-signature',
        "bad X-Spark-Signature: it does not match the body signed with the webhook's secret",
        text(),
      );
    const body = text();
    let envelope: WebhookEnvelope;
    try {
      envelope = parseWebhookEvent(body);
    } catch (error) {
      // The parser's messages name fields and kinds of values, never the values themselves.
      if (error instanceof WebhookPayloadError)
        return refuse('bad-payload', `not a webhook delivery: ${error.message}`, body, error);
      throw error;
    }
    const data = envelope.data as Record<string, unknown>;
    const key = JSON.stringify([String(envelope.resource), String(envelope.event), data.id]);
    if (!seen.add(key)) return { status: 200, outcome: 'duplicate', reason: 'ok' };
    try {
      const event = await toEvent(envelope);
      if (!event) return { status: 200, outcome: 'own-message', reason: 'ok' };
      await onEvent(event);
      return { status: 200, outcome: 'handled', reason: 'ok' };
    } catch (error) {
      // Forgotten, so that a redelivery of the same event is handled rather than dropped as a repeat.
      seen.delete(key);
      try {
        await onError(error, { envelope, body });
      } catch {
        // The hook's own failure must not turn the 500 into an unanswered request.
      }
      // The handler's error stays with onError: it may say more about the bot than Webex should hear.
      return { status: 500, outcome: 'failed', reason: 'handler failed' };
    }
  }

  /** Reports a refused delivery to `onError` and gives the answer that says why. */
  async function refuse(outcome: RefusedOutcome, reason: string, body: string, cause?: Error): Promise<ReceiveResult> {
    const error = new WebhookDeliveryError(outcome, reason, cause ? { cause } : undefined);
    try {
      await onError(error, { envelope: undefined, body });
    } catch {
      // As for a failed delivery: the hook's own failure must not leave the request unanswered.
    }
    return { status: error.status, outcome, reason };
  }

  /** The answer to a body the adapters stopped reading: too large, or not all there within `bodyTimeout`. */
  function refuseRead(outcome: 'too-large' | 'timeout'): Promise<ReceiveResult> {
    return outcome === 'too-large'
      ? refuse(outcome, `body too large for a webhook delivery: over ${MAX_BODY_BYTES} bytes`, '')
      : refuse(outcome, `webhook body not received in full within ${bodyTimeout} ms`, '');
  }

  async function toEvent(envelope: WebhookEnvelope): Promise<ReceivedWebhookEvent | undefined> {
    if (envelope.resource === 'messages' && envelope.event === 'created') {
      // The envelope already names the sender: the bot's own messages are dropped without a fetch.
      if (isOwn(envelope.data.personId, envelope.data.personEmail)) return undefined;
      const message = await webex.messages.get(envelope.data.id);
      if (isOwn(message.personId, message.personEmail)) return undefined;
      return { type: 'message', envelope, message };
    }
    if (envelope.resource === 'attachmentActions' && envelope.event === 'created') {
      return { type: 'attachmentAction', envelope, action: await webex.attachmentActions.get(envelope.data.id) };
    }
    return { type: 'other', envelope };
  }

  const deliver: DeliverBody = (body, signatureHeader) =>
    'bytes' in body ? handle(body.bytes, signatureHeader) : refuseRead(body.refused);

  return { handle, node: nodeAdapter(deliver, bodyTimeout), fetch: fetchAdapter(deliver, bodyTimeout) };
}
