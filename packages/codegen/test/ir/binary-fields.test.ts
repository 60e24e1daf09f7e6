// A binary string (`format: binary`) is a file part of a multipart request: the client's form builder sends a
// `Blob` as one, so request types say `Blob`; an answer's binary string stays text, and one schema both sides use
// takes either.
import { describe, expect, it } from 'vitest';
import { emitPathsTypes } from '../../src/emit/paths-types.js';
import { typeExpression } from '../../src/emit/type-expression.js';
import { binaryUses } from '../../src/ir/binary-fields.js';
import { buildIr } from '../../src/ir/build-ir.js';
import { specOperations } from '../../src/ir/spec-operations.js';
import { openApiDocument } from '../../src/load/bundle.js';
import { bundleOf } from '../spec-files.js';

const FILE = `
paths:
  /greetings:
    post:
      operationId: uploadGreeting
      x-sdk-method: upload
      requestBody:
        required: true
        content:
          multipart/form-data: { schema: { $ref: '#/components/schemas/GreetingUpload' } }
      responses: { '204': { description: ok } }
    put:
      operationId: replaceGreeting
      x-sdk-method: replace
      requestBody:
        content:
          multipart/form-data: { schema: { $ref: '#/components/schemas/Greeting' } }
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Greeting' } } } } }
  /greetings/raw:
    put:
      operationId: putRawGreeting
      x-sdk-method: putRaw
      requestBody:
        content:
          audio/wav: { schema: { type: string, format: binary } }
      responses: { '204': { description: ok } }
  /greetings/one:
    get:
      operationId: getGreeting
      x-sdk-method: get
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/GreetingInfo' } } } } }
components:
  schemas:
    GreetingUpload:
      type: object
      required: [file]
      properties:
        file: { type: string, format: binary }
        spare: { type: [string, 'null'], format: binary }
        name: { type: string }
        more: { type: array, items: { type: string, format: binary } }
        info:
          type: object
          description: A part sent as JSON, whose binary string can only be text.
          properties:
            audio: { type: string, format: binary }
    Greeting: { type: object, properties: { audio: { type: string, format: binary } } }
    GreetingInfo: { type: object, properties: { audio: { type: string, format: binary } } }
`;

const bundle = () => bundleOf({ 'a/greetings.yaml': FILE });

/** The TypeScript text of a property of a named type of the IR. */
function propertyType(typeName: string, property: string): string {
  const named = buildIr(bundle()).types.find((t) => t.name === typeName)!;
  if (named.type.kind !== 'object') throw new Error(`${typeName} is no object`);
  return typeExpression(named.type.properties.find((p) => p.name === property)!.type);
}

describe('binary strings', () => {
  it('are a Blob where only requests send them', () => {
    expect(propertyType('GreetingUpload', 'file')).toBe('Blob');
    expect(propertyType('GreetingUpload', 'spare')).toBe('Blob | null');
    expect(propertyType('GreetingUpload', 'name')).toBe('string');
    expect(propertyType('GreetingUpload', 'more')).toBe('Blob[]');
  });

  it('are a Blob as a whole body, and a string inside a part sent as JSON', () => {
    const operation = buildIr(bundle()).resources[0]!.operations.find((op) => op.method === 'putRaw')!;
    expect(typeExpression(operation.body!.type)).toBe('Blob');
    expect(propertyType('GreetingUploadInfo', 'audio')).toBe('string');
  });

  it('are a Blob or a string where answers have them too, and a string in answers only', () => {
    expect(propertyType('Greeting', 'audio')).toBe('Blob | string');
    expect(propertyType('GreetingInfo', 'audio')).toBe('string');
  });

  it('are typed the same in the paths types of @webex-ts/client/http', async () => {
    const bundled = bundle();
    const document = openApiDocument(bundled);
    const typed = await emitPathsTypes(document, binaryUses(document, specOperations(bundled, document)));
    expect(typed).toContain('file: Blob;');
    expect(typed).toContain('spare?: Blob | null;');
    expect(typed.match(/audio\?: Blob \| string;/g)).toHaveLength(1);
    // GreetingInfo's, and the one inside the part sent as JSON.
    expect(typed.match(/audio\?: string;/g)).toHaveLength(2);
    expect(typed).toContain('"audio/wav": Blob;');
    // Without the uses, openapi-typescript's own reading: a string.
    expect(await emitPathsTypes(document)).not.toContain('Blob');
  });
});
