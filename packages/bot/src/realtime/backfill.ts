// After a disconnect, the messages Mercury may not replay, read again by REST: per room recently active, the
// messages since the drop (with some overlap), bounded. Repeats are dropped by the source's memory of recent ids.
import type { ReceivedMessage, RoomType } from '@webex-ts/client';
import type { SourceClient } from './events.js';

/** How much to read again after a reconnect; `false` turns backfill off. */
export interface BackfillOptions {
  /** How many of the most recently active rooms to read. Default 20. */
  rooms?: number;
  /** The most messages read per room. Default 50. */
  perRoom?: number;
  /** How far before the last sign of life of the old socket to start, in ms. Default 30 000. */
  overlapMs?: number;
}

/** The rooms events came from lately, most recent last; bounded. */
export class RecentRooms {
  readonly #rooms = new Map<string, RoomType>();

  constructor(readonly capacity: number) {}

  touch(id: string, type: RoomType): void {
    this.#rooms.delete(id);
    this.#rooms.set(id, type);
    if (this.#rooms.size > this.capacity) this.#rooms.delete(this.#rooms.keys().next().value!);
  }

  /** Most recent first. */
  list(): { id: string; type: RoomType }[] {
    return [...this.#rooms].reverse().map(([id, type]) => ({ id, type }));
  }
}

/**
 * The messages of one room created at or after `since` (epoch ms), oldest first, at most `perRoom`. A bot lists a
 * group room with `mentionedPeople=me` (the only way the API lets it); a 1:1 room, or any room of a person, whole.
 */
export async function missedInRoom(
  client: SourceClient,
  room: { id: string; type: RoomType },
  since: number,
  perRoom: number,
  isBot: boolean,
  signal: AbortSignal,
): Promise<ReceivedMessage[]> {
  const query = {
    roomId: room.id,
    max: perRoom,
    ...(isBot && room.type === 'group' ? { mentionedPeople: ['me'] } : {}),
  };
  const found: ReceivedMessage[] = [];
  // Lists come newest first: stop at the first message older than the window.
  for await (const message of client.messages.list(query, { signal })) {
    const created = Date.parse(message.created ?? '');
    if (!(created >= since) || found.length >= perRoom) break;
    found.push(message);
  }
  return found.reverse();
}
