import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBiome } from '../../src/write/biome.js';
import { formatSources } from '../../src/write/format.js';
import { packBatches, topLevelParts, unpackBatches } from '../../src/write/format-batches.js';

const ROOT = join(import.meta.dirname, '../../../..');
const scratch = mkdtempSync(join(tmpdir(), 'format-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One source formatted alone, in a directory of its own, with the repository's biome.json. */
async function formatAlone(name: string, text: string): Promise<string> {
  const dir = mkdtempSync(join(scratch, 'alone-'));
  writeFileSync(join(dir, 'biome.json'), readFileSync(join(ROOT, 'biome.json')));
  writeFileSync(join(dir, `${name}.ts`), text);
  await runBiome(dir, ['format', '--write', `${name}.ts`]);
  return readFileSync(join(dir, `${name}.ts`), 'utf8');
}

const long = (n: number) => Array.from({ length: n }, (_, i) => `'value-${i}'`).join(' | ');

/** Sources that test the ends of pieces: blank lines, comments, long lines to wrap, statements to cut between. */
const SOURCES = new Map<string, string>([
  ['a.ts', `\n\n// Generated header\n\nimport type {A} from "./b.js"\nexport type X = ${long(30)}\n\n\n`],
  [
    'b.ts',
    '/** Documented. */\nexport interface A { a: string; b?: number }\n/** Also documented. */\nexport const b = {x:1}',
  ],
  [
    'large.ts',
    `// Generated\n${Array.from({ length: 40 }, (_, i) => `export interface I${i} {\n    "key-${i}": ${long(8)}\n}`).join('\n')}\nexport type Last = string;\n\n`,
  ],
  ['c.ts', 'export function f(){return 1}\n\n\nexport function g(){return 2}\n'],
]);

describe('formatSources', () => {
  it('gives each source as Biome formats it alone, with batches and large sources cut in parts', async () => {
    const batches = packBatches(SOURCES, 600);
    expect(batches.texts.length).toBeGreaterThan(2);
    expect(batches.piecesOf.get('large.ts')!.length).toBeGreaterThan(2);
    const formatted = await formatSources(ROOT, SOURCES, 600);
    expect([...formatted.keys()]).toEqual([...SOURCES.keys()]);
    for (const [path, text] of SOURCES)
      expect(formatted.get(path), path).toBe(await formatAlone(path.slice(0, -3), text));
  });

  it('gives the same with the default batch size (one batch here)', async () => {
    const formatted = await formatSources(ROOT, SOURCES);
    for (const [path, text] of SOURCES)
      expect(formatted.get(path), path).toBe(await formatAlone(path.slice(0, -3), text));
  });

  it('refuses a source that holds the batch marker', () => {
    expect(() => packBatches(new Map([['x.ts', '// @webex-codegen-format-piece 3\n']]))).toThrow(
      /x\.ts contains the formatter's batch marker/,
    );
  });
});

describe('topLevelParts', () => {
  it('cuts only before an export that follows the end of a statement, in runs of the size', () => {
    const text =
      'export type A = 1;\nexport type B = 2;\n\nexport type C = 3;\n/** D */\nexport type D = 4;\nexport type E = 5;\n';
    expect(topLevelParts(text, 1)).toEqual([
      'export type A = 1;\n',
      'export type B = 2;\n\nexport type C = 3;\n/** D */\nexport type D = 4;\n',
      'export type E = 5;\n',
    ]);
    expect(topLevelParts(text, 1000)).toEqual([text]);
  });
});

describe('unpackBatches', () => {
  it('puts the pieces of each source back in order, whatever batch they are in', () => {
    const batches = packBatches(SOURCES, 300);
    const unpacked = unpackBatches(batches.texts, batches);
    expect(unpacked.get('large.ts')).toBe(`${SOURCES.get('large.ts')!.trimEnd()}\n`);
    expect(unpacked.get('c.ts')).toBe(SOURCES.get('c.ts'));
  });

  it('reads batches a formatter wrote with CRLF line ends (a biome.json may ask for them)', () => {
    const batches = packBatches(SOURCES, 300);
    const unpacked = unpackBatches(
      batches.texts.map((text) => text.replaceAll('\n', '\r\n')),
      batches,
    );
    expect(unpacked.get('c.ts')).toBe(SOURCES.get('c.ts')!.replaceAll('\n', '\r\n'));
  });

  it('says which piece went missing', () => {
    const batches = packBatches(SOURCES, 300);
    expect(() => unpackBatches(batches.texts.slice(1), batches)).toThrow(/the formatter lost piece \d+ of a\.ts/);
  });
});
