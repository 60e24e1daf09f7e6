// `x-facts-source`: an operation (or a field) whose facts come from one source only says which, the generator
// checks the value, writes it into the method's JSDoc, and `webex-codegen facts-sources` lists each.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { emitOperationMethod } from '../src/emit/resource-class.js';
import { buildIr } from '../src/ir/build-ir.js';
import { validateSpecs } from '../src/ir/validate.js';
import { bundleSpecs, SpecError } from '../src/load/bundle.js';
import { listSingleSourced } from '../src/spec-tools/facts-sources/list.js';
import { printed } from './emit/printed.js';
import { EMPTY_ROOT, resourceFile, writeSpecs } from './spec-files.js';

const refusal = (message: string) => expect.objectContaining({ name: SpecError.name, message });

/**
 * `calling/calling-guest-calling.yaml` with one GET (`opguestCalling`), its operation lines, and component schemas of
 * which the first (`CallingGuest`) is its answer.
 */
function specs(operation: string[], schemas = ''): Record<string, string> {
  const answer = schemas ? "{ $ref: '#/components/schemas/CallingGuest' }" : undefined;
  const file = resourceFile('/guestCalling', {
    extra: 'x-sdk-resource: calling.guestCalling\n',
    operation,
    ...(answer ? { answer } : {}),
  });
  return { 'calling/calling-guest-calling.yaml': schemas ? `${file}components:\n  schemas:\n${schemas}` : file };
}

describe('x-facts-source', () => {
  it.each(['wxc_sdk', 'partner-2025'] as const)('takes %s on an operation, into the IR', (source) => {
    const files = specs(['x-sdk-method: get', `x-facts-source: ${source}`]);
    expect(validateSpecs(bundleSpecs(writeSpecs(files))).operations[0]!.factsSource).toBe(source);
    const operation = buildIr(bundleSpecs(writeSpecs(files))).resources[0]!.operations[0]!;
    expect(operation.factsSource).toBe(source);
  });

  it('leaves the IR without it where the operation says nothing', () => {
    const operation = buildIr(bundleSpecs(writeSpecs(specs(['x-sdk-method: get'])))).resources[0]!.operations[0]!;
    expect(operation).not.toHaveProperty('factsSource');
  });

  it.each([
    ['wxc-sdk', '"wxc-sdk"'],
    ['[wxc_sdk]', '["wxc_sdk"]'],
    ['generated', '"generated"'],
  ])('refuses %s on an operation, saying what it takes', (value, got) => {
    expect(() =>
      validateSpecs(bundleSpecs(writeSpecs(specs(['x-sdk-method: get', `x-facts-source: ${value}`])))),
    ).toThrow(
      refusal(
        `calling/calling-guest-calling.yaml (opguestCalling): x-facts-source must be wxc_sdk or partner-2025, the one source its facts come from (got ${got})`,
      ),
    );
  });

  it('takes it on a field of a schema, and refuses a value it does not know there too', () => {
    const schema = (value: string) =>
      `    CallingGuest: { type: object, properties: { name: { type: string, x-facts-source: ${value} } } }\n`;
    expect(() => validateSpecs(bundleSpecs(writeSpecs(specs(['x-sdk-method: get'], schema('wxc_sdk')))))).not.toThrow();
    expect(() => validateSpecs(bundleSpecs(writeSpecs(specs(['x-sdk-method: get'], schema('sdk')))))).toThrow(
      refusal(
        'calling/calling-guest-calling.yaml (CallingGuest.name): x-facts-source must be wxc_sdk or partner-2025, the one source its facts come from (got "sdk")',
      ),
    );
  });

  it("is a paragraph of the method's JSDoc, after the path", () => {
    const operation = buildIr(
      bundleSpecs(writeSpecs(specs(['x-sdk-method: get', 'summary: Get guest calling', 'x-facts-source: wxc_sdk']))),
    ).resources[0]!.operations[0]!;
    const text = printed(emitOperationMethod(operation));
    expect(text).toMatch(
      /`GET \/guestCalling`[^@]*\n \*\n \* Facts from wxc_sdk only: the hand-written Python SDK calls it/,
    );
    const plain = { ...operation };
    delete plain.factsSource;
    expect(printed(emitOperationMethod(plain))).not.toContain('Facts from');
  });
});

describe('webex-codegen facts-sources', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
    vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  });
  afterEach(() => vi.restoreAllMocks());

  /** A repository with these spec files under specs/. */
  function repository(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'facts-sources-'));
    for (const [name, text] of Object.entries({ 'webex.yaml': EMPTY_ROOT, ...files })) {
      mkdirSync(join(root, 'specs', name, '..'), { recursive: true });
      writeFileSync(join(root, 'specs', name), text);
    }
    return root;
  }

  const files = {
    ...specs(
      ['x-sdk-method: get', 'x-facts-source: wxc_sdk'],
      '    CallingGuest: { type: object, properties: { name: { type: string, x-facts-source: partner-2025 } } }\n',
    ),
    'calling/calling-others.yaml': resourceFile('/others', { operation: ['x-sdk-method: list'] }),
    'calling/calling-old.yaml': resourceFile('/old', { operation: ['x-sdk-method: list', 'x-facts-source: wxc_sdk'] }),
  };

  it('lists each operation and field by source, with a count', async () => {
    expect(await main(['facts-sources', '--root', repository(files)])).toBe(0);
    expect(out.join('\n').split('\n')).toEqual([
      'webex-codegen facts-sources: 2 operations and 1 field rest on one source (x-facts-source)',
      'partner-2025 (1):',
      '  CallingGuest.name  specs/calling/calling-guest-calling.yaml',
      'wxc_sdk (2):',
      '  GET /guestCalling (opguestCalling)  specs/calling/calling-guest-calling.yaml',
      '  GET /old (opold)  specs/calling/calling-old.yaml',
    ]);
  });

  it('lists nothing where nothing rests on one source', () => {
    expect(listSingleSourced(bundleSpecs(writeSpecs({ 'a/things.yaml': resourceFile('/things', {}) })))).toEqual([]);
  });

  it('exits 1 on specs it cannot read, 2 on an argument', async () => {
    expect(await main(['facts-sources', '--root', repository({ 'a/bad.yaml': 'paths: [' })])).toBe(1);
    expect(err[0]).toMatch(/^webex-codegen facts-sources: cannot parse spec file a\/bad\.yaml/);
    expect(await main(['facts-sources', 'extra'])).toBe(2);
  });
});
