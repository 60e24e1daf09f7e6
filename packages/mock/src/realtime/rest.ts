// The REST reads a bot makes after an activity, served from the fake's store under `/v1`.
import type { Message } from '@webex-ts/client';
import { errorAnswer, type Answer } from './http.js';
import { readRestId, restId } from './ids.js';
import type { World } from './world.js';
import { decodeSegment } from '../path-segment.js';

/** Answers `GET /v1/<path>`: people/me, people, messages (one, or a room's), attachment actions, memberships, rooms. */
export function restAnswer(method: string, path: string, query: URLSearchParams, world: World): Answer {
  if (method !== 'GET')
    return errorAnswer(
      405,
      `The realtime fake serves only the REST reads a bot makes (GET); for ${method} ${path} use the Prism mock (startMockServer).`,
    );
  const { store, me } = world;
  const region = world.context.cluster.idRegion;
  const segments = path.split('/').slice(1).map(decodeSegment);
  const [first, second, third] = segments;
  if (first === 'people' && second === 'me' && segments.length === 2) return found(store.people.get(me.id));
  if (first === 'people' && second && segments.length === 2) return found(lookup(store.people, second, 'PEOPLE', 'us'));
  if (first === 'messages' && segments.length === 1) return listMessages(query, world);
  if (first === 'messages' && second && segments.length === 2) {
    const message = lookup(store.messages, second, 'MESSAGE', region);
    if (message && !visibleToMe(message, world))
      return errorAnswer(
        404,
        'Bots can read a group-room message only when it mentions them (the real status for this case is unconfirmed).',
      );
    return found(message);
  }
  if (first === 'attachment' && second === 'actions' && third && segments.length === 3)
    return found(lookup(store.attachmentActions, third, 'ATTACHMENT_ACTION', region));
  if (first === 'memberships' && second && segments.length === 2)
    return found(lookup(store.memberships, second, 'MEMBERSHIP', region));
  if (first === 'rooms' && second && segments.length === 2) return found(lookup(store.rooms, second, 'ROOM', region));
  return errorAnswer(
    404,
    `The realtime fake does not serve GET /v1${path}; it serves people/me, people/{id}, messages, messages/{id}, attachment/actions/{id}, memberships/{id}, rooms/{id}.`,
  );
}

function found(value: object | undefined): Answer {
  return value ? { status: 200, body: value } : errorAnswer(404, 'The requested resource could not be found.');
}

// By canonical id: a raw UUID, another TYPE or another cluster's region finds nothing (404), as with Webex.
function lookup<T>(map: Map<string, T>, id: string, type: string, region: string): T | undefined {
  const parsed = readRestId(id);
  if (!parsed || parsed.type !== type || parsed.region !== region) return undefined;
  return map.get(restId(type, parsed.uuid, region));
}

function visibleToMe(message: Message, world: World): boolean {
  const { me } = world;
  if (me.type !== 'BOT' || message.roomType !== 'group') return true;
  return message.personId === me.id || (message.mentionedPeople ?? []).includes(me.id);
}

// `GET /v1/messages?roomId=…`: newest first; `mentionedPeople` (`me` or ids), `parentId`, `before`, `beforeMessage`, `max`.
function listMessages(query: URLSearchParams, world: World): Answer {
  const { store, me } = world;
  const roomId = query.get('roomId');
  if (!roomId) return errorAnswer(400, 'GET /v1/messages needs roomId (e.g. ?roomId=<room id>&mentionedPeople=me).');
  const room = lookup(store.rooms, roomId, 'ROOM', world.context.cluster.idRegion);
  if (!room) return errorAnswer(404, 'The requested resource could not be found.');
  const mentioned = query
    .getAll('mentionedPeople')
    .flatMap((value) => value.split(','))
    .filter(Boolean)
    .map((value) => (value === 'me' ? me.id : value));
  if (me.type === 'BOT' && room.type === 'group' && !mentioned.includes(me.id))
    return errorAnswer(403, 'Bots must list group-room messages with mentionedPeople=me.');
  let items = [...store.messages.values()].filter((message) => message.roomId === room.id).reverse();
  if (mentioned.length)
    items = items.filter((message) => mentioned.every((id) => (message.mentionedPeople ?? []).includes(id)));
  const parentId = query.get('parentId');
  if (parentId) items = items.filter((message) => message.parentId === parentId);
  const before = query.get('before');
  if (before) items = items.filter((message) => message.created < before);
  const beforeMessage = query.get('beforeMessage');
  if (beforeMessage) {
    const index = items.findIndex((message) => message.id === beforeMessage);
    items = index === -1 ? items : items.slice(index + 1);
  }
  const max = Number(query.get('max') ?? Number.NaN);
  if (Number.isInteger(max) && max > 0) items = items.slice(0, max);
  return { status: 200, body: { items } };
}
