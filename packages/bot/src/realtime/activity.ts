// A `conversation.activity` → what to deliver: the REST objects to fetch and the webhook-shaped `data` of each event,
// by verb (realtime-events.md §4). Pure: no fetching here, so every verb is table-tested; events.ts fetches.
import {
  encodeId,
  type MembershipWebhookData,
  type MessageWebhookData,
  type RoomType,
  type RoomWebhookData,
} from '@webex-ts/client';
import { isRecord } from './http.js';
import { recurringId } from './recurring-ids.js';

/** Who the source listens as. */
export interface Me {
  /** The REST person id. */
  id: string;
  /** Its UUID, lower-case: activities name people by UUID. */
  uuid: string;
  /** A bot sees, and can fetch, only the group-room messages that mention it. */
  isBot: boolean;
}

/** What planning needs besides the activity. */
export interface PlanContext {
  me: Me;
  /** The cluster part of REST ids for this activity's conversation: `us`, `urn:TEAM:eu-central-1_k`. */
  cluster: string;
  /** Whether a message (by UUID) was delivered recently: an edit of it is then for the bot too. */
  delivered(messageUuid: string): boolean;
}

/** One event to deliver, and what to fetch for it. */
export type Step =
  /** messages/created: fetch the message. `optional`: a 404 or 403 means "not for this account", not an error. */
  | { kind: 'message'; id: string; optional: boolean }
  /** attachmentActions/created: fetch the action (404/403: a card of someone else's, not an error). */
  | { kind: 'action'; id: string }
  /** memberships/*: fetch the membership when `fetch`, else (or when it is gone) deliver `data`. */
  | { kind: 'membership'; event: 'created' | 'updated' | 'deleted'; data: MembershipWebhookData; fetch: boolean }
  /** rooms/*: fetch the room, or deliver `data` when it cannot be had. */
  | { kind: 'room'; event: 'created' | 'updated'; data: RoomWebhookData }
  /** messages/updated or deleted: delivered as built (the bot fetches an edited message itself). */
  | { kind: 'message-change'; event: 'updated' | 'deleted'; data: MessageWebhookData };

/** What to do with an activity. */
export type Plan =
  | {
      kind: 'deliver';
      /** The activity UUID: repeats are recognised by it. */
      key: string;
      steps: Step[];
      /** Envelope fields: who did it, when. */
      actorId: string;
      created: string;
      /** The room, for backfill: its REST id and type. */
      room: { id: string; type: RoomType } | undefined;
    }
  | { kind: 'skip'; key: string | undefined; why: SkipReason };

/** Why an activity is not delivered. */
type SkipReason = 'malformed' | 'unsupported' | 'own-message' | 'not-mentioned';

// Above this many participants a new room's memberships are built from the activity instead of fetched one by one.
const FETCH_PARTICIPANTS_UP_TO = 25;

/** Plans the delivery of one activity. */
export function planActivity(activity: unknown, context: PlanContext): Plan {
  if (!isRecord(activity) || typeof activity.id !== 'string' || typeof activity.verb !== 'string')
    return { kind: 'skip', key: undefined, why: 'malformed' };
  const key = activity.id.toLowerCase();
  const skip = (why: SkipReason): Plan => ({ kind: 'skip', key, why });
  const { cluster, me } = context;
  const object = isRecord(activity.object) ? activity.object : {};
  const target = isRecord(activity.target) ? activity.target : undefined;
  const actor = isRecord(activity.actor) ? activity.actor : {};
  const actorUuid = str(actor.entryUUID) ?? str(actor.id);
  if (!actorUuid) return skip('malformed');
  const actorId = recurringId('PEOPLE', actorUuid, 'us');
  const actorEmail = str(actor.emailAddress) ?? str(actor.entryEmail);
  const created = str(activity.published) ?? new Date().toISOString();
  const roomUuid = str(target?.id);
  const roomType: RoomType = tagsOf(target).includes('ONE_ON_ONE') ? 'direct' : 'group';
  const room = roomUuid ? { id: recurringId('ROOM', roomUuid, cluster), type: roomType } : undefined;
  const deliver = (steps: Step[], where = room): Plan => ({
    kind: 'deliver',
    key,
    steps,
    actorId,
    created,
    room: where,
  });
  const objectType = str(object.objectType);

  switch (activity.verb) {
    case 'post':
    case 'share': {
      if (!room) return skip('malformed');
      if (actorUuid.toLowerCase() === me.uuid) return skip('own-message');
      const id = encodeId({ type: 'MESSAGE', uuid: activity.id, region: cluster });
      if (room.type === 'direct' || !me.isBot)
        return deliver([{ kind: 'message', id, optional: room.type !== 'direct' }]);
      if (mentions(object, me.uuid)) return deliver([{ kind: 'message', id, optional: false }]);
      // `@all`: whether it counts for a bot is unconfirmed, so the fetch decides (404/403: not for the bot).
      if (isRecord(object.groupMentions)) return deliver([{ kind: 'message', id, optional: true }]);
      return skip('not-mentioned');
    }
    case 'update': {
      if (objectType === 'conversation') return roomStep('updated');
      if (objectType !== 'comment' || !room) return skip('unsupported');
      const uuid = str(object.id);
      if (!uuid) return skip('malformed');
      const forMe =
        room.type === 'direct' || !me.isBot || mentions(object, me.uuid) || context.delivered(uuid.toLowerCase());
      if (!forMe) return skip('not-mentioned');
      return deliver([{ kind: 'message-change', event: 'updated', data: messageData(uuid, room) }]);
    }
    case 'delete': {
      const uuid = str(object.id);
      if (!room || !uuid) return skip('malformed');
      return deliver([{ kind: 'message-change', event: 'deleted', data: messageData(uuid, room) }]);
    }
    case 'cardAction': {
      if (!room) return skip('malformed');
      return deliver([
        { kind: 'action', id: encodeId({ type: 'ATTACHMENT_ACTION', uuid: activity.id, region: cluster }) },
      ]);
    }
    case 'add':
    case 'leave':
    case 'assignModerator':
    case 'unassignModerator': {
      if (!room || !roomUuid) return skip('malformed');
      const event = activity.verb === 'add' ? 'created' : activity.verb === 'leave' ? 'deleted' : 'updated';
      const data = membershipData(object, roomUuid, room);
      if (!data) return skip('malformed');
      if (activity.verb === 'assignModerator') data.isModerator = true;
      if (activity.verb === 'unassignModerator') data.isModerator = false;
      return deliver([{ kind: 'membership', event, data, fetch: event !== 'deleted' }]);
    }
    case 'create': {
      if (objectType !== 'conversation') return skip('unsupported');
      const uuid = str(object.id);
      if (!uuid) return skip('malformed');
      const type: RoomType = tagsOf(object).includes('ONE_ON_ONE') ? 'direct' : 'group';
      const newRoom = { id: recurringId('ROOM', uuid, cluster), type };
      const participants =
        isRecord(object.participants) && Array.isArray(object.participants.items) ? object.participants.items : [];
      const fetch = participants.length <= FETCH_PARTICIPANTS_UP_TO;
      const memberships: Step[] = [];
      const ids = new Set<string>();
      for (const person of participants) {
        const data = isRecord(person) ? membershipData(person, uuid, newRoom) : undefined;
        // One event per person, even if the list names someone twice.
        if (data && !ids.has(data.id)) {
          ids.add(data.id);
          memberships.push({ kind: 'membership', event: 'created', data, fetch });
        }
      }
      return deliver([{ kind: 'room', event: 'created', data: { id: newRoom.id, type } }, ...memberships], newRoom);
    }
    case 'lock':
    case 'unlock':
      return roomStep('updated');
    default:
      return skip('unsupported');
  }

  function roomStep(event: 'updated'): Plan {
    const uuid = str(object.id) ?? roomUuid;
    if (!uuid) return skip('malformed');
    const id = recurringId('ROOM', uuid, cluster);
    return deliver([{ kind: 'room', event, data: { id, type: roomType } }], { id, type: roomType });
  }

  function messageData(uuid: string, where: { id: string; type: RoomType }): MessageWebhookData {
    const data: MessageWebhookData = {
      id: encodeId({ type: 'MESSAGE', uuid, region: cluster }),
      roomId: where.id,
      roomType: where.type,
      personId: actorId,
      created,
    };
    if (actorEmail) data.personEmail = actorEmail;
    return data;
  }

  function membershipData(
    person: Record<string, unknown>,
    inRoom: string,
    where: { id: string; type: RoomType },
  ): MembershipWebhookData | undefined {
    const personUuid = str(person.entryUUID) ?? str(person.id);
    if (!personUuid) return undefined;
    const data: MembershipWebhookData = {
      id: encodeId({ type: 'MEMBERSHIP', uuid: `${personUuid}:${inRoom}`, region: cluster }),
      roomId: where.id,
      personId: recurringId('PEOPLE', personUuid, 'us'),
      roomType: where.type,
      created,
    };
    const email = str(person.emailAddress) ?? str(person.entryEmail);
    if (email) data.personEmail = email;
    const name = str(person.displayName);
    if (name) data.personDisplayName = name;
    return data;
  }
}

/** Whether the activity's object mentions the person (`object.mentions.items[].id`). */
function mentions(object: Record<string, unknown>, uuid: string): boolean {
  const items = isRecord(object.mentions) && Array.isArray(object.mentions.items) ? object.mentions.items : [];
  return items.some((item) => isRecord(item) && typeof item.id === 'string' && item.id.toLowerCase() === uuid);
}

function tagsOf(value: Record<string, unknown> | undefined): string[] {
  return Array.isArray(value?.tags) ? value.tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
