import { describe, expect, it } from 'vitest';
import { emitModelsFile, emitModelsIndex, modelModuleName } from '../../src/emit/models-file.js';
import type { IrNamedType, IrType } from '../../src/ir/types.js';
import { printStatements } from '../../src/write/source-files.js';
import { lines } from './printed.js';

const ref = (name: string): IrType => ({ kind: 'ref', name });
const thing = (properties: [string, IrType][]): IrNamedType => ({
  name: 'Thing',
  source: 'a/things',
  type: { kind: 'object', properties: properties.map(([name, type]) => ({ name, required: true, type })) },
});
const home = new Map([
  ['Thing', 'things'],
  ['Part', 'things'],
  ['Color', 'common'],
  ['Audit', 'common'],
  ['Other', 'others'],
]);

const cases: [string, { given: IrNamedType[]; want: string }][] = [
  [
    'types of its own module: no import',
    { given: [thing([['part', ref('Part')]])], want: lines('export interface Thing {', '  part: Part;', '}') },
  ],
  [
    'types of other modules: one sorted import per module, names sorted',
    {
      given: [
        thing([
          ['other', ref('Other')],
          ['color', ref('Color')],
          ['audit', ref('Audit')],
          ['again', ref('Color')],
        ]),
      ],
      want: lines(
        "import type { Audit, Color } from './common.gen.js';",
        "import type { Other } from './others.gen.js';",
        '',
        'export interface Thing {',
        '  other: Other;',
        '  color: Color;',
        '  audit: Audit;',
        '  again: Color;',
        '}',
      ),
    },
  ],
];

describe('emitModelsFile', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(printStatements(emitModelsFile('things', given, home))).toBe(want);
  });

  it('refuses a reference to a type no spec defines, naming both', () => {
    expect(() => emitModelsFile('things', [thing([['x', ref('Missing')]])], home)).toThrow(
      'type Missing (used by Thing) is not defined in any spec',
    );
  });
});

describe('emitModelsIndex and modelModuleName', () => {
  it('re-exports every module, sorted', () => {
    expect(printStatements(emitModelsIndex(['things', 'common']))).toBe(
      lines("export * from './common.gen.js';", "export * from './things.gen.js';"),
    );
  });

  it.each([
    ['messaging/rooms', 'rooms'],
    ['components/common', 'common'],
    ['webex', 'webex'],
  ])('puts the models of %s in module %s', (source, module) => {
    expect(modelModuleName(source)).toBe(module);
  });
});
