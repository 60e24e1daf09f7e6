// The spec as Prism reads it: open enums opened.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bundle's mark on an enum the client types open: the values Webex is known to send, or any other string. */
const OPEN_ENUM = 'x-sdk-open-enum';

/**
 * A copy of the spec in which each open enum also accepts values it does not list: `anyOf` the listed values (first,
 * so that Prism's examples still come from them) or any value of the schema's type. Prism would otherwise refuse a
 * request that the client's types allow (`ownerType: 'SOMETHING_NEW'`, 400). Schemas without the mark are left as
 * they are; the spec itself is not changed.
 */
export function withOpenEnumsOpened(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withOpenEnumsOpened);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withOpenEnumsOpened(value)]));
  if (copy[OPEN_ENUM] !== true || !Array.isArray(copy.enum)) return copy;
  const { enum: values, anyOf, ...rest } = copy;
  const opened = { anyOf: [{ enum: values }, {}] };
  // A schema that has alternatives of its own keeps them: both must hold.
  return anyOf === undefined ? { ...rest, ...opened } : { ...rest, allOf: [{ anyOf }, opened] };
}

/** Whether the spec marks any enum open (a quick look at the text, before parsing it). */
function hasOpenEnums(text: string): boolean {
  return text.includes(`"${OPEN_ENUM}"`) || text.includes(`${OPEN_ENUM}:`);
}

/**
 * The file Prism is started on: `specPath` itself when it has no open enum (or is not JSON), else a copy with them
 * opened, in a scratch folder that `remove()` deletes when the mock stops.
 */
export function prismSpecFile(specPath: string): { path: string; remove(): void } {
  const text = readFileSync(specPath, 'utf8');
  if (!specPath.endsWith('.json') || !hasOpenEnums(text)) return { path: specPath, remove: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'webex-mock-spec-'));
  const path = join(dir, 'openapi.json');
  writeFileSync(path, JSON.stringify(withOpenEnumsOpened(JSON.parse(text))));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
