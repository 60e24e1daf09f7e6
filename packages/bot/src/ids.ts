// Comparing ids and emails the way Webex hands them out: the same person may come as a base64 id or a bare UUID.
import { idKey as decodedKey } from '@webex-ts/client';

// Decoding an id costs a few µs, and a bot compares the same few ids (its own, its rooms', its people's) on every
// event, several times: the keys are remembered. Bounded, so that ids seen once (messages) cannot make it grow.
const REMEMBERED_KEYS = 1024;
const keys = new Map<string, string>();

/** The lower-case UUID an id names (or the id itself, lower-cased, when it is not a Webex id), for comparing ids. */
export function idKey(id: string): string {
  let key = keys.get(id);
  if (key === undefined) {
    key = decodedKey(id);
    if (keys.size >= REMEMBERED_KEYS) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
  }
  return key;
}

/** Whether two ids name the same object (base64 ids of any padding or region, or bare UUIDs). */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && (a === b || idKey(a) === idKey(b));
}

/** Whether two emails are the same address (case-insensitive, as Webex treats them). */
export function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}
