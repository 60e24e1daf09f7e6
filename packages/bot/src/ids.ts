// Comparing ids and emails the way Webex hands them out: the same person may come as a base64 id or a bare UUID.
import { samePerson } from '@webex-ts/client';

export { idKey } from '@webex-ts/client';

/** Whether two ids name the same object (base64 ids of any padding or region, or bare UUIDs). */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && samePerson(a, b);
}

/** Whether two emails are the same address (case-insensitive, as Webex treats them). */
export function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}
