import { readFactsSource } from '../../ir/facts-source.js';
import { operationPlace, specOperations } from '../../ir/spec-operations.js';
import type { IrFactsSource } from '../../ir/types.js';
import { type Bundle, openApiDocument } from '../../load/bundle.js';
import type { SchemaObject } from '../../load/openapi.js';

/** One operation or field whose facts rest on one source (`x-facts-source`). */
export interface SingleSourced {
  kind: 'operation' | 'field';
  source: IrFactsSource;
  /** `GET /telephony/config/guestCalling (getGuestCalling)`, or a field: `CallingCallForwarding.ringReminder`. */
  what: string;
  /** The spec file, relative to the specs folder, without extension. */
  file: string;
}

/**
 * Every operation and every field of a named schema that says `x-facts-source`, operations first, each in the order
 * of the bundle (paths and schemas sorted): what a later check against Cisco's document goes through.
 */
export function listSingleSourced(bundle: Bundle): SingleSourced[] {
  const document = openApiDocument(bundle);
  const found: SingleSourced[] = [];
  for (const op of specOperations(bundle, document)) {
    const source = readFactsSource(op.operation, operationPlace(op));
    const what = `${op.httpMethod.toUpperCase()} ${op.path} (${op.operation.operationId ?? 'no operationId'})`;
    if (source) found.push({ kind: 'operation', source, what, file: op.source });
  }
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const file = bundle.componentSources.get(`schemas/${name}`) ?? 'webex';
    for (const [what, node] of fields(name, schema)) {
      const source = readFactsSource(node, `${file}.yaml (${what})`);
      if (source) found.push({ kind: 'field', source, what, file });
    }
  }
  return found;
}

/** A named schema and what is inside it, each with its place: `Name`, `Name.field`, `Name.list[]`. */
function* fields(place: string, schema: SchemaObject): Generator<[string, SchemaObject]> {
  if (!schema || typeof schema !== 'object') return;
  yield [place, schema];
  for (const [name, property] of Object.entries(schema.properties ?? {})) yield* fields(`${place}.${name}`, property);
  if (schema.items) yield* fields(`${place}[]`, schema.items);
  for (const member of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    yield* fields(place, member);
}
