// REST ids of the people and rooms activities name. The same few come again on every event of a conversation, and
// encoding one costs about a µs: they are remembered. Bounded; ids of one-off objects (messages) are not kept here.
import { encodeId } from '@webex-ts/client';

const REMEMBERED_IDS = 1024;
const encoded = new Map<string, string>();

/** The REST id of a person or room (by UUID and the cluster's region), as `encodeId` makes it. */
export function recurringId(type: 'PEOPLE' | 'ROOM', uuid: string, region: string): string {
  const key = `${type} ${region} ${uuid}`;
  let id = encoded.get(key);
  if (id === undefined) {
    id = encodeId({ type, uuid, region });
    if (encoded.size >= REMEMBERED_IDS) encoded.delete(encoded.keys().next().value!);
    encoded.set(key, id);
  }
  return id;
}
