// `x-sdk-open-enums: true` at the top of a spec file opens every enum of strings defined in it, wherever the enum
// is used: the bundle marks each with `x-sdk-open-enum`, which the IR reads.
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../src/ir/build-ir.js';
import type { IrNamedType } from '../../src/ir/types.js';
import { SpecError } from '../../src/load/bundle.js';
import { bundleOf } from '../spec-files.js';

/** A settings file in a subfolder of components/, as Calling's shared settings are. */
const SETTINGS = [
  'x-sdk-open-enums: true',
  'components:',
  '  schemas:',
  '    CallingRing: { type: string, enum: [NORMAL, SILENT] }',
  '    CallingLevel: { type: integer, enum: [1, 2] }',
  '    CallingForwarding:',
  '      type: object',
  '      properties:',
  '        ring: { $ref: "#/components/schemas/CallingRing" }',
  '        mode: { type: string, enum: [ALWAYS, BUSY] }',
  '        level: { $ref: "#/components/schemas/CallingLevel" }',
  '',
].join('\n');

/** A resource file two folders down that uses the settings file, with enums of its own. */
const resource = (openEnums: boolean) =>
  [
    ...(openEnums ? ['x-sdk-open-enums: true'] : []),
    'x-sdk-resource: calling.people.callForwarding',
    'servers:',
    '  - url: https://webexapis.com/{version}',
    '    variables: { version: { default: v1, enum: [v1] } }',
    'paths:',
    '  /people/{personId}/features/callForwarding:',
    '    get:',
    '      operationId: getForwarding',
    '      x-sdk-method: get',
    '      parameters:',
    '        - { name: personId, in: path, required: true, schema: { type: string } }',
    '        - { name: view, in: query, schema: { type: string, enum: [SHORT, FULL] } }',
    "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '../../components/calling-settings/forwarding.yaml#/components/schemas/CallingForwarding' } } } } }",
    '',
  ].join('\n');

const files = (openEnums: boolean) => ({
  'components/calling-settings/forwarding.yaml': SETTINGS,
  'calling/people/calling-people-call-forwarding.yaml': resource(openEnums),
});

const schemas = (openEnums: boolean) => (bundleOf(files(openEnums)).document as any).components.schemas;
const operation = (openEnums: boolean) =>
  (bundleOf(files(openEnums)).document as any).paths['/people/{personId}/features/callForwarding'];

describe('x-sdk-open-enums', () => {
  it("marks every enum of strings of a component file, $ref'd from a resource file without the key", () => {
    const bundled = schemas(false);
    expect(bundled.CallingRing['x-sdk-open-enum']).toBe(true);
    expect(bundled.CallingForwarding.properties.mode['x-sdk-open-enum']).toBe(true);
    expect(bundled.CallingLevel['x-sdk-open-enum']).toBeUndefined();
    // The resource file's own enum stays closed: the key is the file's, not its users'.
    expect(operation(false).get.parameters[1].schema['x-sdk-open-enum']).toBeUndefined();
  });

  it("marks a resource file's own enums, not its server's variables", () => {
    const item = operation(true);
    expect(item.get.parameters[1].schema['x-sdk-open-enum']).toBe(true);
    expect(item.servers[0].variables.version).toEqual({ default: 'v1', enum: ['v1'] });
  });

  it('finds resource files under calling/<area>/ and none under a subfolder of components/', () => {
    const bundle = bundleOf(files(false));
    expect([...bundle.operationSources.values()]).toEqual(['calling/people/calling-people-call-forwarding']);
    expect(bundle.componentSources.get('schemas/CallingForwarding')).toBe('components/calling-settings/forwarding');
  });

  it('makes the IR enums open: named ones and those written in place', () => {
    // Without the server, which no host of the client has.
    const resourceFile = resource(true).replace(/servers:\n.*\n.*\n/, '');
    const ir = buildIr(
      bundleOf({ ...files(true), 'calling/people/calling-people-call-forwarding.yaml': resourceFile }),
    );
    const type = (name: string) => ir.types.find((t: IrNamedType) => t.name === name)?.type;
    expect(type('CallingRing')).toEqual({ kind: 'enum', values: ['NORMAL', 'SILENT'], open: true });
    expect(type('CallingForwardingMode')).toEqual({ kind: 'enum', values: ['ALWAYS', 'BUSY'], open: true });
    expect(type('CallingLevel')).toEqual({ kind: 'enum', values: [1, 2] });
    const query = ir.types.find((t) => t.name === 'CallingPeopleCallForwardingGetQuery')?.type;
    expect(query).toMatchObject({
      kind: 'object',
      properties: [{ name: 'view', type: { kind: 'enum', values: ['SHORT', 'FULL'], open: true } }],
    });
  });

  it('refuses a value other than true or false', () => {
    const bad = { ...files(false), 'components/calling-settings/forwarding.yaml': SETTINGS.replace(': true', ': yes') };
    expect(() => bundleOf(bad)).toThrow(
      expect.objectContaining({
        name: SpecError.name,
        message: 'components/calling-settings/forwarding.yaml: x-sdk-open-enums must be true or false (got "yes")',
      }),
    );
  });
});
