// Comparing ids and emails the way Webex hands them out: the same person may come as a base64 id or a bare UUID.
import { decodeId } from '@webex-ts/client';

/** The object's UUID when `id` is a Webex id, else the id itself; lower-cased. */
function uuidOf(id: string): string {
  try {
    return decodeId(id).uuid.toLowerCase();
  } catch {
    return id.toLowerCase();
  }
}

/** A key under which every form of one id is the same: the UUID of a Webex id, lower-cased. */
export function idKey(id: string): string {
  return uuidOf(id);
}

/** Whether two ids name the same object (base64 ids of any padding or region, or bare UUIDs). */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return a === b || uuidOf(a) === uuidOf(b);
}

/** Whether two emails are the same address (case-insensitive, as Webex treats them). */
export function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}
