// A webhook delivery's body: the envelope's types, by resource, and the parser that checks what the types promise.
import type { AttachmentAction, Meeting, Membership, Message, Room } from '@webex-ts/models';
import { WebexError } from '../errors/classes.js';

const decoder = /* @__PURE__ */ new TextDecoder();

/** Fields every webhook delivery has. */
interface EnvelopeBase {
  id: string;
  name: string;
  targetUrl: string;
  filter?: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: string;
  status: string;
  created: string;
  actorId: string;
}

// Unknown names are branded `String` objects, not `string`: TypeScript stops treating `resource` as a
// discriminant once a member's type is `string` or `string & Brand`, and `event.resource === 'messages'`
// would no longer narrow `data`. A brand on `String` keeps string methods and is not comparable to the known literals.
declare const unknownName: unique symbol;

/**
 * A `resource` this SDK has no type for (the value is a plain string at runtime).
 * Reach it in a `switch` `default`, or with `isKnownWebhookEvent`; compare it as `String(event.resource) === '...'`.
 */
// biome-ignore lint/complexity/noBannedTypes: a branded `String` (not `string`) keeps `event.resource === 'messages'` narrowing
export type UnknownWebhookResource = String & { readonly [unknownName]: 'resource' };

/** An `event` name this SDK does not list for its resource (Webex may add some); compare it as `String(event.event)`. */
// biome-ignore lint/complexity/noBannedTypes: a branded `String` (not `string`) keeps `event.resource === 'messages'` narrowing
export type UnknownWebhookEventName = String & { readonly [unknownName]: 'event' };

/**
 * `T` with the keys `K` present and defined (parseWebhookEvent checks them) and
 * every other field optional: a delivery carries less than the resource's answer.
 */
type WithRequired<T, K extends keyof T> = Partial<Omit<T, K>> & { [P in K]-?: NonNullable<T[P]> };

/** `data` of a `messages` delivery: ids only, fetch the content with `messages.get`. */
export type MessageWebhookData = WithRequired<
  Pick<
    Message,
    | 'id'
    | 'roomId'
    | 'personId'
    | 'personEmail'
    | 'created'
    | 'roomType'
    | 'mentionedPeople'
    | 'mentionedGroups'
    | 'files'
  >,
  'id' | 'roomId' | 'personId'
>;
/** `data` of a `memberships` delivery. */
export type MembershipWebhookData = WithRequired<Membership, 'id' | 'roomId' | 'personId'>;
/** `data` of a `rooms` delivery. */
export type RoomWebhookData = WithRequired<Room, 'id'>;
/** `data` of an `attachmentActions` delivery (a card submit): fetch the inputs with `attachmentActions.get`. */
export type AttachmentActionWebhookData = WithRequired<AttachmentAction, 'id' | 'messageId' | 'roomId'>;
/** `data` of a `meetings` delivery; which other fields come depends on the event. */
export type MeetingWebhookData = Pick<Meeting, 'id'> & Partial<Omit<Meeting, 'id'>>;

/** The resources this SDK types: the event names Webex documents for each, and the `data` it sends. */
interface KnownWebhooks {
  messages: { event: 'created' | 'updated' | 'deleted'; data: MessageWebhookData };
  memberships: { event: 'created' | 'updated' | 'deleted'; data: MembershipWebhookData };
  rooms: { event: 'created' | 'updated'; data: RoomWebhookData };
  attachmentActions: { event: 'created'; data: AttachmentActionWebhookData };
  meetings: { event: 'created' | 'updated' | 'deleted' | 'started' | 'ended'; data: MeetingWebhookData };
}

/** A resource this SDK types. */
export type KnownWebhookResource = keyof KnownWebhooks;

// The `data` fields the types above promise; parseWebhookEvent checks them so the types do not lie.
const requiredData: { [R in KnownWebhookResource]: readonly (keyof KnownWebhooks[R]['data'] & string)[] } = {
  messages: ['id', 'roomId', 'personId'],
  memberships: ['id', 'roomId', 'personId'],
  rooms: ['id'],
  attachmentActions: ['id', 'messageId', 'roomId'],
  meetings: ['id'],
};

/** A delivery of a known resource, `data` typed by it. */
export type KnownWebhookEvent = {
  [R in KnownWebhookResource]: EnvelopeBase & {
    resource: R;
    event: KnownWebhooks[R]['event'] | UnknownWebhookEventName;
    data: KnownWebhooks[R]['data'];
  };
}[KnownWebhookResource];

/** A delivery of a resource this SDK has no type for. */
export type UnknownWebhookEvent = EnvelopeBase & {
  resource: UnknownWebhookResource;
  event: string;
  data: Record<string, unknown>;
};

/**
 * A webhook delivery, discriminated by `resource` (and `event`):
 * `if (event.resource === 'messages')` narrows `data` to {@link MessageWebhookData}.
 */
export type WebhookEnvelope = KnownWebhookEvent | UnknownWebhookEvent;

/** Whether the delivery is of a resource this SDK types; the `false` branch leaves only {@link UnknownWebhookEvent}. */
export function isKnownWebhookEvent(event: WebhookEnvelope): event is KnownWebhookEvent {
  return Object.hasOwn(requiredData, String(event.resource));
}

/** The body is not a webhook envelope. */
export class WebhookPayloadError extends WebexError {
  override name = 'WebhookPayloadError';
}

/** Parses a webhook delivery body (raw text, bytes or an already-parsed object) into a typed envelope. */
export function parseWebhookEvent(body: string | Uint8Array | ArrayBuffer | object): WebhookEnvelope {
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) {
    try {
      value = JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
    } catch {
      throw new WebhookPayloadError('webhook body is not JSON');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new WebhookPayloadError(`webhook body should be a JSON object, got ${kindOf(value)}`);
  const envelope = value as Record<string, unknown>;
  for (const field of ['resource', 'event'] as const) {
    if (typeof envelope[field] !== 'string')
      throw new WebhookPayloadError(`webhook body has no "${field}" string, got ${kindOf(envelope[field])}`);
  }
  const data = envelope.data;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new WebhookPayloadError(`webhook body has no "data" object, got ${kindOf(data)}`);
  const resource = envelope.resource as string;
  if (Object.hasOwn(requiredData, resource)) {
    for (const field of requiredData[resource as KnownWebhookResource]) {
      const got = (data as Record<string, unknown>)[field];
      if (typeof got !== 'string')
        throw new WebhookPayloadError(`${resource} webhook "data" should have a "${field}" string, got ${kindOf(got)}`);
    }
  }
  return envelope as unknown as WebhookEnvelope;
}

/** Names a value's kind for error messages, without echoing payload contents. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}
