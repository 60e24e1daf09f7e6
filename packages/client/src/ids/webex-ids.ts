import { fromBase64, toBase64Url } from './base64url.js';
import { WebexError } from '../errors/classes.js';

/** What a Webex id says: `ciscospark://<region>/<type>/<uuid>`. */
export interface WebexId {
  /** Kind of object: `PEOPLE`, `ROOM`, `MESSAGE`, `TEAM`, `MEMBERSHIP`, … */
  type: string;
  /** The object's own id (usually a UUID). */
  uuid: string;
  /** The cluster it lives in, e.g. `us`. */
  region: string;
}

/** An id that is not a Webex id, or a part that cannot make one. */
export class WebexIdError extends WebexError {
  override name = 'WebexIdError';
  constructor(
    readonly id: string,
    reason: string,
  ) {
    super(`not a Webex id (${reason}): ${id.length > 80 ? `${id.slice(0, 80)}…` : id}`);
  }
}

const ID_URI = /^ciscospark:\/\/([^/]+)\/([A-Z_]+)\/([^/]+)$/;
/** One decoder for every id: making one costs more than decoding a short id. */
const strictUtf8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/** Reads a Webex id: `decodeId(room.id)` → `{ type: 'ROOM', uuid: '…', region: 'us' }`. */
export function decodeId(id: string): WebexId {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]+=*$/.test(id)) throw new WebexIdError(String(id), 'not base64url');
  let uri: string;
  try {
    uri = strictUtf8.decode(fromBase64(id));
  } catch {
    throw new WebexIdError(id, 'does not decode to text');
  }
  const match = ID_URI.exec(uri);
  if (!match) throw new WebexIdError(id, 'does not decode to ciscospark://<region>/<TYPE>/<uuid>');
  const [, region, type, uuid] = match as unknown as [string, string, string, string];
  return { type, uuid, region };
}

/** Makes a Webex id from its parts: unpadded base64url of `ciscospark://<region>/<type>/<uuid>`. */
export function encodeId({ type, uuid, region = 'us' }: { type: string; uuid: string; region?: string }): string {
  const uri = `ciscospark://${region}/${type}/${uuid}`;
  if (!ID_URI.test(uri))
    throw new WebexIdError(uri, 'type must be upper-case letters and _, region and uuid must not contain /');
  return toBase64Url(new TextEncoder().encode(uri));
}

/** The id of a team's general room: the team id with `TEAM` replaced by `ROOM`. */
export function teamIdToRoomId(teamId: string): string {
  const id = decodeId(teamId);
  if (id.type !== 'TEAM') throw new WebexIdError(teamId, `a ${id.type} id, not a TEAM id`);
  return encodeId({ ...id, type: 'ROOM' });
}

/**
 * A key under which every form of one id is the same: the UUID of a Webex id (any padding, any region), lower-cased;
 * anything else lower-cased as it is.
 */
export function idKey(id: string): string {
  try {
    return decodeId(id).uuid.toLowerCase();
  } catch {
    return id.toLowerCase();
  }
}

/**
 * Whether two ids name the same person: Webex gives the base64 id in one place
 * and the bare UUID (or another padding) in another.
 */
export function samePerson(a: string, b: string): boolean {
  return a === b || idKey(a) === idKey(b);
}
