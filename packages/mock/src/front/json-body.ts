/** A body as JSON when it says it is JSON (or no type is given) and parses; otherwise undefined. */
export function parseJson(raw: Buffer, type?: string): unknown {
  if (raw.length === 0 || (type !== undefined && !/\bjson\b/i.test(type))) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
