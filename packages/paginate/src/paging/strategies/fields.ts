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
