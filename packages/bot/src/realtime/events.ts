// A planned activity → the events a webhook receiver would have handed over: the same `ReceivedWebhookEvent`s, with
// the message or card action fetched and a webhook-shaped envelope, so that handlers do not change with the transport.
import {
  type AttachmentAction,
  type KnownWebhookEvent,
  type Membership,
  type MembershipWebhookData,
  type MessageWebhookData,
  type ReceivedMessage,
  type ReceivedWebhookEvent,
  type Room,
  type RoomWebhookData,
  type RequestOptions,
  WebexApiError,
} from '@webex-ts/client';
import { sameId } from '../ids.js';
import type { Me, Plan, Step } from './activity.js';

/** The parts of a client the source reads with: `new Webex()` fits. */
export interface SourceClient {
  people: { me(query?: undefined, options?: RequestOptions): Promise<{ id: string; orgId?: string; type?: string }> };
  messages: {
    get(messageId: string, options?: RequestOptions): Promise<ReceivedMessage>;
    list(
      query: { roomId: string; mentionedPeople?: string[]; max?: number },
      options?: RequestOptions,
    ): AsyncIterable<ReceivedMessage>;
  };
  attachmentActions: { get(id: string, options?: RequestOptions): Promise<AttachmentAction> };
  memberships: { get(id: string, options?: RequestOptions): Promise<Membership> };
  rooms: { get(id: string, options?: RequestOptions): Promise<Room> };
}

/** The envelope's `name` on events that came over the websocket (a webhook's is the name it was registered with). */
export const SOCKET_ENVELOPE_NAME = 'websocket';

/** Who the envelopes name as their owner. */
export interface EnvelopeOwner {
  /** The account's person id (`createdBy`). */
  id: string;
  /** The account's organization id, when known (`orgId`). */
  orgId: string | undefined;
}

/** Fetches what the plan's steps name and builds their events; an optional object that cannot be seen gives none. */
export async function eventsOf(
  plan: Extract<Plan, { kind: 'deliver' }>,
  client: SourceClient,
  me: Me,
  owner: EnvelopeOwner,
  signal: AbortSignal,
): Promise<ReceivedWebhookEvent[]> {
  const events: ReceivedWebhookEvent[] = [];
  const base = { actorId: plan.actorId, created: plan.created, owner };
  for (const step of plan.steps) {
    const event = await eventOf(step, client, me, base, { signal });
    if (event) events.push(event);
  }
  return events;
}

/** The event of a message read by REST (a post, or one found again by backfill). */
export function messageEvent(message: ReceivedMessage, owner: EnvelopeOwner, actorId?: string): ReceivedWebhookEvent {
  const data: MessageWebhookData = {
    id: message.id,
    roomId: message.roomId,
    personId: message.personId,
    personEmail: message.personEmail,
    created: message.created,
  };
  if (message.roomType) data.roomType = message.roomType;
  if (message.mentionedPeople) data.mentionedPeople = message.mentionedPeople;
  if (message.mentionedGroups) data.mentionedGroups = message.mentionedGroups;
  if (message.files) data.files = message.files;
  const envelope = envelopeOf('messages', 'created', data, {
    actorId: actorId ?? message.personId,
    created: message.created ?? new Date().toISOString(),
    owner,
  });
  return { type: 'message', envelope, message };
}

interface EnvelopeMeta {
  actorId: string;
  created: string;
  owner: EnvelopeOwner;
}

async function eventOf(
  step: Step,
  client: SourceClient,
  me: Me,
  meta: EnvelopeMeta,
  options: RequestOptions,
): Promise<ReceivedWebhookEvent | undefined> {
  switch (step.kind) {
    case 'message': {
      const message = await unlessHidden(client.messages.get(step.id, options), step.optional);
      // The activity's actor was checked already; the message's own author is the webhook receiver's check.
      if (!message || sameId(message.personId, me.id)) return undefined;
      return messageEvent(message, meta.owner, meta.actorId);
    }
    case 'action': {
      const action = await unlessHidden(client.attachmentActions.get(step.id, options), true);
      if (!action) return undefined;
      const { inputs: _inputs, ...fields } = action;
      const data = { ...fields, roomId: action.roomId ?? '' };
      return { type: 'attachmentAction', envelope: envelopeOf('attachmentActions', 'created', data, meta), action };
    }
    case 'membership': {
      const fetched = step.fetch ? await unlessHidden(client.memberships.get(step.data.id, options), true) : undefined;
      const data: MembershipWebhookData = fetched ? { ...step.data, ...fetched } : step.data;
      return { type: 'other', envelope: envelopeOf('memberships', step.event, data, meta) };
    }
    case 'room': {
      const fetched = await unlessHidden(client.rooms.get(step.data.id, options), true);
      const data: RoomWebhookData = fetched ? { ...step.data, ...fetched } : step.data;
      return { type: 'other', envelope: envelopeOf('rooms', step.event, data, meta) };
    }
    case 'message-change':
      return { type: 'other', envelope: envelopeOf('messages', step.event, step.data, meta) };
  }
}

/** The fetched object; undefined when `optional` and the API says it is not there for this account (404, 403). */
async function unlessHidden<T>(read: Promise<T>, optional: boolean): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (optional && error instanceof WebexApiError && (error.status === 404 || error.status === 403)) return undefined;
    throw error;
  }
}

type Envelope<R extends KnownWebhookEvent['resource']> = Extract<KnownWebhookEvent, { resource: R }>;

/**
 * A webhook-shaped envelope: what Webex would have posted, with the fields only a webhook has (its `id`, `targetUrl`,
 * `appId`) empty and `name` {@link SOCKET_ENVELOPE_NAME}.
 */
function envelopeOf<R extends KnownWebhookEvent['resource']>(
  resource: R,
  event: Envelope<R>['event'],
  data: Envelope<R>['data'],
  meta: EnvelopeMeta,
): Envelope<R> {
  return {
    id: '',
    name: SOCKET_ENVELOPE_NAME,
    targetUrl: '',
    resource,
    event,
    orgId: meta.owner.orgId ?? '',
    createdBy: meta.owner.id,
    appId: '',
    ownedBy: 'creator',
    status: 'active',
    created: meta.created,
    actorId: meta.actorId,
    data,
  } as Envelope<R>;
}
