// `x-sdk-stream`: how the generator reads a stream answer, and each way of writing it wrong refused with a SpecError
// naming the spec file, the operation and the fix.
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../src/ir/build-ir.js';
import { validateSpecs } from '../../src/ir/validate.js';
import { SpecError } from '../../src/load/bundle.js';
import { bundleOf } from '../spec-files.js';

const MARKER = "{ format: sse, item: { $ref: '#/components/schemas/Thing' } }";
const STREAM_MEDIA = `text/event-stream: { schema: { type: string }, x-sdk-stream: ${MARKER}, example: "data: {}\\n\\n" }`;

/** `a/things.yaml` with one operation `streamThings` answering `responses` (a YAML flow mapping), changed as given. */
function streamFile(
  options: { method?: string; responses?: string; operation?: string[] } = {},
): Record<string, string> {
  const responses = options.responses ?? `{ '200': { description: ok, content: { ${STREAM_MEDIA} } } }`;
  return {
    'a/things.yaml': [
      'paths:',
      '  /things/stream:',
      `    ${options.method ?? 'get'}:`,
      '      operationId: streamThings',
      '      x-sdk-method: stream',
      ...(options.operation ?? []).map((line) => `      ${line}`),
      `      responses: ${responses}`,
      'components:',
      '  schemas:',
      '    Thing: { type: object, properties: { id: { type: string } } }',
      '    Other: { type: object, properties: { name: { type: string } } }',
      '',
    ].join('\n'),
  };
}

const ok = (content: string, status = '200') => `{ '${status}': { description: ok, content: { ${content} } } }`;

function refuses(files: Record<string, string>, problem: string): void {
  expect(() => validateSpecs(bundleOf(files))).toThrow(
    expect.objectContaining({ name: SpecError.name, message: `a/things.yaml (streamThings): ${problem}` }),
  );
}

describe('x-sdk-stream', () => {
  it('reads a text/event-stream answer as a stream of the item it names, with no paging', () => {
    const [op] = validateSpecs(bundleOf(streamFile())).operations;
    expect(op!.stream).toEqual({ format: 'sse', item: { $ref: '#/components/schemas/Thing' } });
    expect(op!.paging).toBeUndefined();
  });

  it('makes the method a stream of the item type, a JSON answer of one event beside it or not', () => {
    for (const responses of [
      undefined,
      ok(`${STREAM_MEDIA}, application/json: { schema: { $ref: '#/components/schemas/Thing' } }`),
    ]) {
      const [resource] = buildIr(bundleOf(streamFile({ responses }))).resources;
      expect(resource!.operations[0]!.result).toEqual({
        kind: 'stream',
        item: { kind: 'ref', name: 'Thing' },
        format: 'sse',
      });
    }
  });

  it('leaves an operation without a stream answer alone', () => {
    const files = streamFile({ responses: ok("application/json: { schema: { $ref: '#/components/schemas/Thing' } }") });
    expect(validateSpecs(bundleOf(files)).operations[0]!.stream).toBeUndefined();
  });

  it.each([
    [
      'a text/event-stream answer without the marker',
      streamFile({ responses: ok('text/event-stream: { schema: { type: string } }') }),
      "the 200 answer is text/event-stream without x-sdk-stream: say how its events are read (x-sdk-stream: { format: sse, item: { $ref: '#/components/schemas/…' } })",
    ],
    [
      'the marker on a JSON answer',
      streamFile({ responses: ok(`application/json: { schema: { type: string }, x-sdk-stream: ${MARKER} }`) }),
      "x-sdk-stream is for a text/event-stream success answer (it is on the 200 answer's application/json)",
    ],
    [
      'the marker on an error answer',
      streamFile({
        responses: `{ '200': { description: ok }, '400': { description: bad, content: { ${STREAM_MEDIA} } } }`,
      }),
      "x-sdk-stream is for a text/event-stream success answer (it is on the 400 answer's text/event-stream)",
    ],
    [
      'a marker that is a word',
      streamFile({ responses: ok('text/event-stream: { schema: { type: string }, x-sdk-stream: sse }') }),
      'x-sdk-stream must be { format: sse, item: { $ref: … } } (got "sse")',
    ],
    [
      'a setting it does not know',
      streamFile({
        responses: ok(
          "text/event-stream: { x-sdk-stream: { format: sse, item: { $ref: '#/components/schemas/Thing' }, retry: true } }",
        ),
      }),
      'x-sdk-stream has no setting "retry" (those are format, item)',
    ],
    [
      'a format it cannot read',
      streamFile({
        responses: ok(
          "text/event-stream: { x-sdk-stream: { format: ndjson, item: { $ref: '#/components/schemas/Thing' } } }",
        ),
      }),
      'x-sdk-stream format must be sse, server-sent events (got "ndjson")',
    ],
    [
      'an item written in place',
      streamFile({ responses: ok('text/event-stream: { x-sdk-stream: { format: sse, item: { type: object } } }') }),
      'x-sdk-stream item must be a $ref to the component schema of one event\'s data, { $ref: \'#/components/schemas/…\' } (got {"type":"object"})',
    ],
    [
      'a body schema that is the item',
      streamFile({
        responses: ok(`text/event-stream: { schema: { $ref: '#/components/schemas/Thing' }, x-sdk-stream: ${MARKER} }`),
      }),
      "the schema of a text/event-stream body is its text (type: string); name the type of each event's data in x-sdk-stream.item",
    ],
    [
      'a JSON answer beside it of another type',
      streamFile({
        responses: ok(`${STREAM_MEDIA}, application/json: { schema: { $ref: '#/components/schemas/Other' } }`),
      }),
      'the application/json answer beside the stream is one event: its schema must be x-sdk-stream.item (#/components/schemas/Thing), not {"$ref":"#/components/schemas/Other"}',
    ],
    [
      'two answers that stream',
      streamFile({
        responses: `{ '200': { description: ok, content: { ${STREAM_MEDIA} } }, '206': { description: part, content: { ${STREAM_MEDIA} } } }`,
      }),
      'x-sdk-stream is on two answers; an operation streams one way',
    ],
    [
      'a POST',
      streamFile({ method: 'post' }),
      'x-sdk-stream is for GET operations, which a caller may open again (this is a POST)',
    ],
    [
      'a stream that also pages',
      streamFile({ operation: ['x-sdk-paging: link'] }),
      'x-sdk-paging on a stream: its events are iterated as they come, not paged; remove x-sdk-paging',
    ],
  ])('refuses %s', (_name, files, problem) => {
    refuses(files, problem);
  });
});
