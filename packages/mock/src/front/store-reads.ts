// The reads the mock answers from the realtime fake's REST store (simulated messages, card submits, memberships, rooms
// and people) instead of Prism's examples. Only ids the store holds go there; everything else stays Prism's.
import type { ServerResponse } from 'node:http';
import { readRestId, restId } from '../realtime/ids.js';
import type { RealtimeFake } from '../realtime/types.js';
import { sendJson } from './answers.js';
import { decodeSegment } from '../path-segment.js';

/**
 * Whether `GET <path>?<query>` names something the store holds, or held until a simulation removed it (`gone`, by
 * REST id): then the fake answers it (a 404 for what is gone), not Prism.
 */
export function readsStore(path: string, query: URLSearchParams, fake: RealtimeFake, gone: Set<string>): boolean {
  const segments = path.split('/').slice(1).map(decodeSegment);
  const [first, second, third] = segments;
  const { rest } = fake;
  const region = fake.cluster.idRegion;
  const holds = (map: Map<string, unknown>, id: string, type: string, where: string): boolean => {
    const parsed = readRestId(id);
    if (parsed?.type !== type || parsed.region !== where) return false;
    const key = restId(type, parsed.uuid, where);
    return map.has(key) || gone.has(key);
  };
  if (first === 'messages' && segments.length === 1) {
    const roomId = query.get('roomId');
    return roomId !== null && holds(rest.rooms, roomId, 'ROOM', region);
  }
  if (segments.length === 2 && second) {
    if (first === 'messages') return holds(rest.messages, second, 'MESSAGE', region);
    if (first === 'memberships') return holds(rest.memberships, second, 'MEMBERSHIP', region);
    if (first === 'rooms') return holds(rest.rooms, second, 'ROOM', region);
    // People ids are always in `us`; `people/me` stays Prism's (the fake's bot is made from that answer).
    if (first === 'people' && second !== 'me') return holds(rest.people, second, 'PEOPLE', 'us');
  }
  if (first === 'attachment' && second === 'actions' && third && segments.length === 3)
    return holds(rest.attachmentActions, third, 'ATTACHMENT_ACTION', region);
  return false;
}

/**
 * Answers the read from the fake's `/v1` (with the fake's token: the mock itself takes any token), so its rules hold:
 * ids read as Webex reads them, a bot cannot read a group message that does not mention it, lists newest first.
 */
export async function answerFromStore(
  fake: RealtimeFake,
  pathAndQuery: string,
  method: string,
  response: ServerResponse,
): Promise<number> {
  const answer = await fetch(`${fake.restUrl}${pathAndQuery}`, {
    headers: { Authorization: `Bearer ${fake.token}` },
  });
  const headers: Record<string, string> = {};
  for (const name of ['TrackingID', 'Retry-After']) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const text = await answer.text();
  return sendJson(response, answer.status, text ? JSON.parse(text) : {}, method, headers);
}
