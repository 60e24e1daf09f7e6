import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../src/ir/build-ir.js';
import { bundleSpecs, SpecError } from '../../src/load/bundle.js';

function specs(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return join(dir, 'root.yaml');
}

const root = (paths: string) => `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n${paths}`;

describe('bundleSpecs', () => {
  it('makes cross-file refs local, hoists components sorted, and records where each came from', () => {
    const bundle = bundleSpecs(
      specs({
        'root.yaml': root("  /a:\n    $ref: './a.yaml#/paths/~1a'\n"),
        'a.yaml': [
          'paths:',
          '  /a:',
          '    get:',
          '      operationId: getA',
          '      responses:',
          "        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Zed' } } } }",
          'components:',
          '  schemas:',
          "    Zed: { type: object, properties: { b: { $ref: './components/b.yaml#/components/schemas/Bee' } } }",
        ].join('\n'),
        'components/b.yaml': 'components:\n  schemas:\n    Bee: { type: string, example: { $ref: not-a-ref } }\n',
      }),
    );
    const doc = bundle.document as any;
    expect(Object.keys(doc.components.schemas)).toEqual(['Bee', 'Zed']);
    expect(doc.components.schemas.Zed.properties.b.$ref).toBe('#/components/schemas/Bee');
    expect(doc.components.schemas.Bee.example).toEqual({ $ref: 'not-a-ref' });
    expect(bundle.pathSources.get('/a')).toBe('a');
    expect(bundle.componentSources.get('schemas/Bee')).toBe('components/b');
  });

  it('refuses a component name defined in two files', () => {
    const rootFile = specs({
      'root.yaml': root("  /a:\n    $ref: './a.yaml#/paths/~1a'\n  /b:\n    $ref: './b.yaml#/paths/~1b'\n"),
      'a.yaml':
        "paths:\n  /a:\n    get: { operationId: a, responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } } }\ncomponents:\n  schemas:\n    Thing: { type: string }\n",
      'b.yaml':
        "paths:\n  /b:\n    get: { operationId: b, responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } } }\ncomponents:\n  schemas:\n    Thing: { type: number }\n",
    });
    expect(() => bundleSpecs(rootFile)).toThrow(/schemas\/Thing is defined in both a and b/);
  });

  it('names a broken $ref', () => {
    const rootFile = specs({
      'root.yaml': root("  /a:\n    $ref: './a.yaml#/paths/~1nope'\n"),
      'a.yaml': 'paths: {}\n',
    });
    expect(() => bundleSpecs(rootFile)).toThrow(SpecError);
    expect(() => bundleSpecs(rootFile)).toThrow(/a\.yaml#\/paths\/~1nope points at nothing/);
  });

  it('names a $ref to a file that is not there, though a schema of that name is known from another file', () => {
    const rootFile = specs({
      'root.yaml': root("  /a:\n    $ref: './a.yaml#/paths/~1a'\n"),
      'a.yaml': [
        'paths:',
        '  /a:',
        '    get:',
        '      operationId: getA',
        '      responses:',
        "        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Zed' } } } }",
        'components:',
        '  schemas:',
        '    Zed:',
        '      type: object',
        '      properties:',
        "        b: { $ref: './components/b.yaml#/components/schemas/Bee' }",
        "        c: { $ref: './elsewhere/b.yaml#/components/schemas/Bee' }",
      ].join('\n'),
      'components/b.yaml': 'components:\n  schemas:\n    Bee: { type: string }\n',
    });
    expect(() => bundleSpecs(rootFile)).toThrow(
      expect.objectContaining({ name: SpecError.name, message: 'cannot read spec file elsewhere/b.yaml' }),
    );
  });

  it('names the file, line and column of a YAML mistake, and refuses a key given twice', () => {
    const broken = specs({
      'root.yaml': root("  /a:\n    $ref: './a.yaml#/paths/~1a'\n"),
      'a.yaml': 'paths:\n  /a:\n    get: { operationId: a\n',
    });
    expect(() => bundleSpecs(broken)).toThrow(SpecError);
    expect(() => bundleSpecs(broken)).toThrow(/^cannot parse spec file a\.yaml: .* \(4:1\)\n\n[\s\S]* 3 \| {5}get: \{/);
    const twice = specs({ 'root.yaml': `${root('  {}\n')}info: { title: u, version: '2' }\n` });
    expect(() => bundleSpecs(twice)).toThrow(/cannot parse spec file root\.yaml: duplicated mapping key \(\d+:\d+\)/);
  });

  it('names a missing file', () => {
    expect(() => bundleSpecs(specs({ 'root.yaml': root("  /a:\n    $ref: './missing.yaml#/paths/~1a'\n") }))).toThrow(
      /cannot read spec file missing\.yaml/,
    );
  });

  it('picks up a resource file nothing refers to, and adds the standard error responses to its operations', () => {
    const rootFile = specs({
      'root.yaml': `${root('  {}\n')}x-standard-responses:\n  '500': { description: boom }\n`,
      'area/things.yaml':
        "paths:\n  /things:\n    get: { operationId: listThings, x-sdk-method: list, responses: { '200': { description: ok }, '500': { description: own } } }\n    post: { operationId: addThing, x-sdk-method: create, responses: { '204': { description: ok } } }\n",
    });
    const bundle = bundleSpecs(rootFile);
    const ops = (bundle.document as any).paths['/things'];
    expect(ops.post.responses['500']).toEqual({ description: 'boom' });
    expect(ops.get.responses['500']).toEqual({ description: 'own' });
    expect(bundle.operationSources.get('post /things')).toBe('area/things');
  });

  it('refuses an operation that two files define, and a resource file without paths', () => {
    const twice =
      "paths:\n  /x:\n    get: { operationId: x, x-sdk-method: get, responses: { '204': { description: ok } } }\n";
    expect(() => bundleSpecs(specs({ 'root.yaml': root('  {}\n'), 'a/one.yaml': twice, 'b/two.yaml': twice }))).toThrow(
      /GET \/x is defined in both a\/one and b\/two/,
    );
    expect(() => bundleSpecs(specs({ 'root.yaml': root('  {}\n'), 'a/empty.yaml': 'components: {}\n' }))).toThrow(
      /a\/empty\.yaml has no paths/,
    );
  });

  it('refuses a cycle of $refs instead of looping', () => {
    const rootFile = specs({
      'root.yaml': root('  {}\n'),
      'a.yaml':
        "paths:\n  /a:\n    get: { operationId: a, x-sdk-method: get, responses: { '200': { $ref: '#/components/responses/One' } } }\ncomponents:\n  responses:\n    One: { $ref: '#/components/responses/Two' }\n    Two: { $ref: '#/components/responses/One' }\n",
    });
    expect(() => buildIr(bundleSpecs(rootFile))).toThrow(/unresolved or cyclic \$ref/);
  });
});
