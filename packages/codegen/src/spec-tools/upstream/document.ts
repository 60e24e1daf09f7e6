import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'yaml';
import type { Json } from '../../load/bundle.js';
import { followRefs } from '../../load/refs.js';

/** A JSON object from an OpenAPI document. */
export type Node = { [key: string]: Json };

/** One official Webex OpenAPI document, read and checked. */
export interface UpstreamDocument {
  /** The path as given on the command line, for reports. */
  file: string;
  /** The document's `info.title`, empty when it has none. */
  title: string;
  document: Node;
}

/** Thrown when an upstream document cannot be used: unreadable, not JSON or YAML, or not OpenAPI 3. */
export class UpstreamInputError extends Error {
  override name = 'UpstreamInputError';
}

const WHAT =
  'expected a single-file OpenAPI 3 document (JSON or YAML) as published in github.com/webex/webex-openapi-specs';

/** Reads one official document; throws an UpstreamInputError naming the file and the problem. */
export function readUpstreamDocument(file: string): UpstreamDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${code ?? 'unknown error'})`;
    throw new UpstreamInputError(`${file}: ${reason}; ${WHAT}`);
  }
  const json = extname(file).toLowerCase() === '.json' || /^\s*[[{]/.test(text);
  let parsed: unknown;
  try {
    // JSON is parsed as JSON so its error messages point at JSON syntax; anything else as YAML.
    parsed = json ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0]!.trim().replace(/:$/, '');
    throw new UpstreamInputError(`${file}: not valid ${json ? 'JSON' : 'YAML'} (${detail}); ${WHAT}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UpstreamInputError(
      `${file}: parsed as ${json ? 'JSON' : 'YAML'} but holds ${describe(parsed)}, not an object; ${WHAT}`,
    );
  }
  const doc = parsed as Node;
  if (typeof doc.swagger === 'string') {
    throw new UpstreamInputError(`${file}: is Swagger ${doc.swagger}, not OpenAPI 3; ${WHAT}`);
  }
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    const got = doc.openapi === undefined ? 'no openapi field' : `openapi: ${JSON.stringify(doc.openapi)}`;
    throw new UpstreamInputError(`${file}: not an OpenAPI 3 document (${got}); ${WHAT}`);
  }
  if (typeof doc.paths !== 'object' || doc.paths === null || Array.isArray(doc.paths)) {
    throw new UpstreamInputError(`${file}: OpenAPI ${doc.openapi} document without a paths object; ${WHAT}`);
  }
  const info = doc.info as Node | undefined;
  return { file, title: typeof info?.title === 'string' ? info.title : basename(file), document: doc };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * The values of an `enum`, tolerating the upstream quirk of an object with a single `Members` list;
 * undefined when there is no enum.
 */
export function enumValues(node: Node): Json[] | undefined {
  const raw = node.enum;
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === 'object' && Array.isArray((raw as Node).Members)) return (raw as Node).Members as Json[];
  return undefined;
}

/** The base of a media type: `application/json;charset=UTF-8` → `application/json`. */
export function mediaBase(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** The JSON media type of a `content` map (any charset), else its first one. */
export function pickMedia(content: Json | undefined): { mediaType: string; media: Node } | undefined {
  if (!content || typeof content !== 'object' || Array.isArray(content)) return undefined;
  const entries = Object.entries(content).filter((entry): entry is [string, Node] => isNode(entry[1]));
  const chosen = entries.find(([type]) => mediaBase(type) === 'application/json') ?? entries[0];
  return chosen ? { mediaType: chosen[0], media: chosen[1] } : undefined;
}

/** Whether a value is a JSON object (not an array). */
export function isNode(value: Json | undefined): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (`#/…`) within one document; undefined when one points at nothing or loops. */
export function resolveRef(document: Node, node: Json | undefined): Node | undefined {
  return followRefs(document, node);
}
