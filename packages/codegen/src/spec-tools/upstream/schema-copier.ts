import type { Json } from '../../load/bundle.js';
import { pascalCase } from '../../ir/names.js';
import { enumValues, isNode, type Node, resolveRef } from './document.js';
import { unique } from './method-names.js';

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;
/** Keys whose value maps names (a field called `description`, a header) to nodes, not keywords to values. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
  'headers',
  'content',
  'encoding',
]);

/**
 * Copies upstream nodes into our spec file: named schemas under a resource-prefixed name, every other `$ref`
 * inlined. Facts are copied (types, enums, formats, required flags, examples); prose is not: every description is
 * left empty for a person to write, and upstream's links and vendor extensions stay behind.
 */
export class SchemaCopier {
  /** New name → copied schema, in the order they were needed. */
  readonly copies = new Map<string, Json>();
  private readonly renamed = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly taken: Set<string>,
  ) {}

  copy(document: Node, node: Json, inlining: ReadonlySet<string> = new Set()): Json {
    if (Array.isArray(node)) return node.map((child) => this.copy(document, child, inlining));
    if (!isNode(node)) return node;
    if (typeof node.$ref === 'string') {
      const match = SCHEMA_REF.exec(node.$ref);
      if (match) return { $ref: `#/components/schemas/${this.schema(document, decodeURIComponent(match[1]!))}` };
      if (inlining.has(node.$ref)) return {};
      const target = resolveRef(document, node);
      // A `$ref` to nothing upstream: an empty schema, which agrees with anything, for a person to fill in.
      return target ? this.copy(document, target, new Set([...inlining, node.$ref])) : {};
    }
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (NAME_MAPS.has(key) && isNode(value)) {
        out[key] = Object.fromEntries(
          Object.entries(value).map(([name, child]) => [name, this.copy(document, child, inlining)]),
        );
      } else if (key === 'description') out.description = '';
      else if (key === 'externalDocs' || key.startsWith('x-')) continue;
      else if (key === 'example') out.example = structuredClone(value);
      else if (key === 'examples') out.examples = exampleValues(value);
      // Upstream quirk: `enum: { Members: [...] }`.
      else if (key === 'enum') out.enum = structuredClone(enumValues(node) ?? []);
      else out[key] = this.copy(document, value, inlining);
    }
    return out;
  }

  /** The name our file uses for an upstream component schema, copying it on first use. */
  private schema(document: Node, upstreamName: string): string {
    const known = this.renamed.get(upstreamName);
    if (known) return known;
    const base = pascalCase(upstreamName) || 'Schema';
    const name = unique(base.startsWith(this.prefix) ? base : `${this.prefix}${base}`, this.taken);
    this.taken.add(name);
    this.renamed.set(upstreamName, name);
    const source = ((document.components as Node | undefined)?.schemas as Node | undefined)?.[upstreamName];
    // Reserve the slot first so a schema that refers to itself finds its own name.
    this.copies.set(name, {});
    if (source !== undefined) this.copies.set(name, this.copy(document, source));
    return name;
  }
}

/**
 * A media type's or parameter's `examples`: a map of Example Objects, of which only the values are facts
 * (their summaries and descriptions are prose); a schema's `examples` list is kept as it is.
 */
function exampleValues(examples: Json): Json {
  if (!isNode(examples)) return structuredClone(examples);
  const out: Node = {};
  for (const [name, example] of Object.entries(examples)) {
    if (isNode(example) && 'value' in example) out[name] = { value: structuredClone(example.value as Json) };
  }
  return out;
}
