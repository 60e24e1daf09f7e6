import { SpecError } from '../load/bundle.js';
import type { OpenApiDocument, SchemaObject, SdkStream } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import { operationPlace, type SpecOperation } from './spec-operations.js';

/** The media type of server-sent events, the one stream format the client reads. */
export const EVENT_STREAM = 'text/event-stream';

/** A stream answer as the spec says it: its events' format and the schema of each event's data (a `$ref`). */
export type NamedStream = SdkStream;

const COMPONENT_SCHEMA = /^#\/components\/schemas\/[^/]+$/;

/**
 * An operation's stream answer, checked: the `x-sdk-stream` of its `text/event-stream` success answer, or undefined
 * when it has none. A marker in the wrong place or of the wrong shape, a `text/event-stream` answer without one, and
 * a stream that also pages or is not a GET are SpecErrors naming the spec file, the operation and what to write.
 */
export function readStream(doc: OpenApiDocument, op: SpecOperation): NamedStream | undefined {
  const fail = (problem: string) => new SpecError(`${operationPlace(op)}: ${problem}`);
  let found: NamedStream | undefined;
  for (const [status, raw] of Object.entries(op.operation.responses ?? {})) {
    for (const [type, media] of Object.entries(deref(doc, raw).content ?? {})) {
      const marker: unknown = media['x-sdk-stream'];
      const isEvents = mediaBase(type) === EVENT_STREAM;
      if (marker === undefined) {
        if (isEvents && /^2\d\d$/.test(status))
          throw fail(
            `the ${status} answer is ${EVENT_STREAM} without x-sdk-stream: say how its events are read (x-sdk-stream: { format: sse, item: { $ref: '#/components/schemas/…' } })`,
          );
        continue;
      }
      if (!isEvents || !/^2\d\d$/.test(status))
        throw fail(`x-sdk-stream is for a ${EVENT_STREAM} success answer (it is on the ${status} answer's ${type})`);
      if (found) throw fail('x-sdk-stream is on two answers; an operation streams one way');
      found = checkMarker(marker, (problem) => fail(`x-sdk-stream ${problem}`));
      checkBody(doc, media.schema, fail);
      checkJsonTwin(deref(doc, raw).content ?? {}, found.item, fail);
    }
  }
  if (!found) return undefined;
  if (op.httpMethod !== 'get')
    throw fail(
      `x-sdk-stream is for GET operations, which a caller may open again (this is a ${op.httpMethod.toUpperCase()})`,
    );
  if (op.operation['x-sdk-paging'] !== undefined)
    throw fail('x-sdk-paging on a stream: its events are iterated as they come, not paged; remove x-sdk-paging');
  return found;
}

/** `{ format: sse, item: { $ref } }`, nothing else. */
function checkMarker(raw: unknown, fail: (problem: string) => SpecError): NamedStream {
  if (!isRecord(raw)) throw fail(`must be { format: sse, item: { $ref: … } } (got ${JSON.stringify(raw)})`);
  for (const key of Object.keys(raw)) {
    if (key !== 'format' && key !== 'item') throw fail(`has no setting "${key}" (those are format, item)`);
  }
  if (raw.format !== 'sse') throw fail(`format must be sse, server-sent events (got ${JSON.stringify(raw.format)})`);
  const item = raw.item;
  if (
    !isRecord(item) ||
    typeof item.$ref !== 'string' ||
    !COMPONENT_SCHEMA.test(item.$ref) ||
    Object.keys(item).length > 1
  )
    throw fail(
      `item must be a $ref to the component schema of one event's data, { $ref: '#/components/schemas/…' } (got ${JSON.stringify(item)})`,
    );
  return { format: 'sse', item: { $ref: item.$ref } };
}

/** The body itself is text: its schema, when given, is a string (so a mock can serve the example as it is). */
function checkBody(doc: OpenApiDocument, raw: SchemaObject | undefined, fail: (problem: string) => SpecError): void {
  if (raw === undefined) return;
  if (deref(doc, raw).type !== 'string')
    throw fail(
      `the schema of a ${EVENT_STREAM} body is its text (type: string); name the type of each event's data in x-sdk-stream.item`,
    );
}

/** A JSON answer beside the stream (one event, as a document may give it) is of the same type as each event. */
function checkJsonTwin(
  content: Record<string, { schema?: SchemaObject }>,
  item: SchemaObject,
  fail: (problem: string) => SpecError,
): void {
  for (const [type, media] of Object.entries(content)) {
    if (mediaBase(type) !== 'application/json' || media.schema === undefined) continue;
    if (media.schema.$ref !== item.$ref)
      throw fail(
        `the ${type} answer beside the stream is one event: its schema must be x-sdk-stream.item (${item.$ref}), not ${JSON.stringify(media.schema)}`,
      );
  }
}

/** `text/event-stream; charset=utf-8` → `text/event-stream`. */
function mediaBase(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
