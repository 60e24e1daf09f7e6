// What a bot does with each webhook delivery: verify, parse, drop repeats, fetch what the envelope only names, hand over.
// Framework-free and runtime-free: no node: imports; the node adapter uses only the req/res objects it is given.
import type { AttachmentAction } from '@webex-ts/models';
import { samePerson } from './ids.js';
import type { MessagesResource } from './gen/resources/messages.gen.js';
import type { RequestOptions } from './options.js';
import {
  parseWebhookEvent,
  SIGNATURE_HEADER,
  verifyWebhookSignature,
  WebhookPayloadError,
  type KnownWebhookEvent,
  type WebhookEnvelope,
} from './webhooks.js';

/** A message as `messages.get` returns it. */
export type ReceivedMessage = Awaited<ReturnType<MessagesResource['get']>>;

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
  /** The envelope, parsed. */
  envelope: WebhookEnvelope;
  /** The raw body, exactly as received. */
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
  /** Hears every failure after verification (fetching, or `onEvent` throwing), with the delivery, so nothing is lost silently. */
  onError(error: unknown, delivery: FailedDelivery): void | Promise<void>;
  /** How many deliveries to remember for dropping repeats (bounded memory); 0 keeps none. Default 1000. */
  seen?: number;
}

/** Why the receiver answered as it did. */
export type ReceiveOutcome =
  | 'handled'
  | 'duplicate'
  | 'own-message'
  | 'unsigned'
  | 'bad-signature'
  | 'bad-payload'
  | 'failed';

/** The answer to give Webex. */
export interface ReceiveResult {
  status: number;
  outcome: ReceiveOutcome;
}

/** The minimal `node:http` request the adapter reads: its method, headers and body stream. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** The minimal `node:http` response the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
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

/** Deliveries are small JSON envelopes; a larger body is refused before it is buffered. */
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_SEEN = 1000;
const decoder = new TextDecoder();

/**
 * One framework-free webhook receiver for a bot: verifies `X-Spark-Signature` (401 missing, 403 wrong),
 * parses (400), drops repeats, fetches the message or card action, ignores the bot's own messages,
 * and calls `onEvent` (a throw answers 500 and goes to `onError`).
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

  const isOwn = (personId: unknown, personEmail: unknown): boolean =>
    (botId !== undefined && typeof personId === 'string' && samePerson(personId, botId)) ||
    (botEmail !== undefined && typeof personEmail === 'string' && personEmail.toLowerCase() === botEmail.toLowerCase());

  async function handle(
    rawBody: Uint8Array | string,
    signatureHeader: string | readonly string[] | null | undefined,
  ): Promise<ReceiveResult> {
    if (signatureHeader === undefined || signatureHeader === null || signatureHeader === '')
      return { status: 401, outcome: 'unsigned' };
    if (!(await verifyWebhookSignature(rawBody, signatureHeader, secret)))
      return { status: 403, outcome: 'bad-signature' };
    const body = typeof rawBody === 'string' ? rawBody : decoder.decode(rawBody);
    let envelope: WebhookEnvelope;
    try {
      envelope = parseWebhookEvent(body);
    } catch (error) {
      if (error instanceof WebhookPayloadError) return { status: 400, outcome: 'bad-payload' };
      throw error;
    }
    const data = envelope.data as Record<string, unknown>;
    const key = JSON.stringify([String(envelope.resource), String(envelope.event), data.id]);
    if (!seen.add(key)) return { status: 200, outcome: 'duplicate' };
    try {
      const event = await toEvent(envelope);
      if (!event) return { status: 200, outcome: 'own-message' };
      await onEvent(event);
      return { status: 200, outcome: 'handled' };
    } catch (error) {
      // Forgotten, so that a redelivery of the same event is handled rather than dropped as a repeat.
      seen.delete(key);
      try {
        await onError(error, { envelope, body });
      } catch {
        // The hook's own failure must not turn the 500 into an unanswered request.
      }
      return { status: 500, outcome: 'failed' };
    }
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

  function node(req: NodeRequestLike, res: NodeResponseLike): void {
    const answer = (status: number): void => {
      res.statusCode = status;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(statusText(status));
    };
    if ((req.method ?? 'POST').toUpperCase() !== 'POST') {
      res.setHeader('allow', 'POST');
      answer(405);
      return;
    }
    readNodeBody(req)
      .then(
        async (raw) => (raw ? answer((await handle(raw, req.headers[SIGNATURE_HEADER])).status) : answer(413)),
        () => answer(400),
      )
      .catch(() => {
        // An answer already under way cannot be replaced; the request listener must never reject.
        try {
          answer(500);
        } catch {}
      });
  }

  async function fetchHandler(request: Request): Promise<Response> {
    const reply = (status: number, headers: Record<string, string> = {}) =>
      new Response(statusText(status), {
        status,
        headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
      });
    if (request.method.toUpperCase() !== 'POST') return reply(405, { allow: 'POST' });
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) return reply(413);
    const raw = new Uint8Array(await request.arrayBuffer());
    if (raw.byteLength > MAX_BODY_BYTES) return reply(413);
    return reply((await handle(raw, request.headers.get(SIGNATURE_HEADER))).status);
  }

  return { handle, node, fetch: fetchHandler };
}

/** The body's bytes, or undefined once it is larger than a delivery can be. */
async function readNodeBody(req: NodeRequestLike): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    size += bytes.byteLength;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(bytes);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    200: 'ok',
    400: 'not a webhook delivery',
    401: 'missing X-Spark-Signature',
    403: 'bad X-Spark-Signature',
    405: 'POST only',
    413: 'body too large for a webhook delivery',
    500: 'handler failed',
  };
  return `${texts[status] ?? ''}\n`;
}

/** The most recent keys, oldest dropped first: a bounded memory of deliveries already taken. */
class RecentKeys {
  readonly #keys = new Map<string, true>();

  constructor(private readonly capacity: number) {}

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    if (this.capacity === 0) return true;
    if (this.#keys.has(key)) return false;
    this.#keys.set(key, true);
    if (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.keys().next().value!);
    return true;
  }

  delete(key: string): void {
    this.#keys.delete(key);
  }
}
