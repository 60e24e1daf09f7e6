import { MalformedPageError } from '../errors.js';

/** The array under `field` of a page body; anything else reads as an empty page. */
export function itemsAt(body: unknown, field: string): unknown[] {
  const value = isRecord(body) ? body[field] : undefined;
  return Array.isArray(value) ? value : [];
}

/** A number field of a parsed JSON body, if it holds a finite number. */
export function numberAt(body: unknown, field: string): number | undefined {
  const value = isRecord(body) ? body[field] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A query parameter as a number: callers may pass `10` or `'10'`. */
export function queryNumber(query: Record<string, unknown> | undefined, name: string): number | undefined {
  const value = query?.[name];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The items of a page that must hold a list: the body itself when `field` is undefined (a bare JSON array), else the
 * array in `body[field]`. An empty answer, or an object without the field, lists nothing; anything else (an object
 * where an array was expected, an array where an envelope was) is a `MalformedPageError`, not an empty page.
 */
export function listAt(body: unknown, field: string | undefined): unknown[] {
  if (body === undefined || body === null) return [];
  if (field === undefined) {
    if (Array.isArray(body)) return body;
    throw new MalformedPageError('an array', kindOf(body));
  }
  if (isRecord(body) && !Array.isArray(body)) {
    const value = body[field];
    if (Array.isArray(value)) return value;
    if (value === undefined || value === null) return [];
    throw new MalformedPageError(`an array in \`${field}\``, kindOf(value));
  }
  throw new MalformedPageError(`an object with an array in \`${field}\``, kindOf(body));
}

/** A count at a dotted path of a body (`meta.totalPages`): a positive whole number, else undefined (absent or not sane). */
export function countAt(body: unknown, path: string): number | undefined {
  let value = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`.replace(/^a (?=[aeiou])/, 'an ');
}
