// Every ```ts block of README.md, packages/*/README.md and examples/*/README.md compiles under `tsc --init` defaults, and
// the blocks marked `<!-- doc-test: run -->` run against the Prism mock and do what they say.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { allSnippets, extractSnippets, parseMarker } from '../test-utils/doc-snippets.js';
import { knownFreeNames } from './free-names.js';
import { runScript, writeScript } from './run-snippet.js';
import { buildModule, moduleName, replacePlaceholders } from './snippet-module.js';
import { snippetDir, typeCheckSnippets, type CheckedSnippet } from './type-check.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const snippets = allSnippets(root);
const label = (snippet: { file: string; line: number }) => `${snippet.file}:${snippet.line}`;

describe('extracting README blocks', () => {
  it('finds ts blocks with their README line and marker, and leaves other languages alone', () => {
    const markdown = [
      '# t',
      '```sh',
      'echo hi',
      '```',
      '<!-- doc-test: run; prints: 404 -->',
      '```ts',
      'const a = 1;',
      '```',
      '```ts',
      'b();',
      '```',
    ].join('\n');
    expect(extractSnippets(markdown, 'X.md')).toEqual([
      { file: 'X.md', line: 7, code: 'const a = 1;', run: { prints: '404' } },
      { file: 'X.md', line: 10, code: 'b();' },
    ]);
  });

  it('refuses a marker it does not understand, so a typo cannot turn a check off', () => {
    expect(() => parseMarker('<!-- doc-test: runn -->', 'X.md:1')).toThrow(/expected "run"/);
    expect(() => parseMarker('<!-- doc-test: run; print: 404 -->', 'X.md:1')).toThrow(/expected "prints: <text>"/);
    expect(parseMarker('<!-- a comment -->', 'X.md:1')).toBeUndefined();
  });

  it('names a block as a file other blocks import (run or only compiled), once per README, never elsewhere', () => {
    expect(parseMarker('<!-- doc-test: run; file: bot.test.ts; prints: ok -->', 'X.md:1')).toEqual({
      run: { prints: 'ok' },
      named: 'bot.test.ts',
    });
    expect(parseMarker('<!-- doc-test: file: main.ts -->', 'X.md:1')).toEqual({ named: 'main.ts' });
    expect(() => parseMarker('<!-- doc-test: run; file: ../bot.ts -->', 'X.md:1')).toThrow(/without a directory/);
    expect(() => parseMarker('<!-- doc-test: file: bot.js -->', 'X.md:1')).toThrow(/a .ts file name/);
    expect(() => parseMarker('<!-- doc-test: file: a.ts; prints: ok -->', 'X.md:1')).toThrow(/"prints" needs "run"/);
    const twice = [
      '<!-- doc-test: file: a.ts -->',
      '```ts',
      '1;',
      '```',
      '<!-- doc-test: run; file: a.ts -->',
      '```ts',
    ];
    expect(() => extractSnippets([...twice, '2;', '```'].join('\n'), 'X.md')).toThrow(/names the block at line 2 too/);
    expect(moduleName({ file: 'README.md', line: 9, code: '', named: 'bot.ts' })).toBe('README.md-files/bot.ts');
  });

  it('makes the prose placeholder … a comment (or a stand-in value) outside strings, and leaves it inside strings and comments', () => {
    const { code, count } = replacePlaceholders(
      "for (const x of y) { … }\nf(…);\nconst t = …;\nconst s = 'Y2lz…'; // …",
    );
    expect(count).toBe(3);
    expect(code).toBe(
      "for (const x of y) { /* … */ }\nf(/* … */);\nconst t = (undefined as never /* … */);\nconst s = 'Y2lz…'; // …",
    );
  });

  it('wraps a block written as the inside of a handler, keeping its lines where they were', () => {
    const module = buildModule({ file: 'X.md', line: 3, code: "import { a } from 'a';\nif (a) return 403;" });
    const lines = module.source.split('\n');
    expect(lines[0]).toBe("import { a } from 'a';");
    expect(lines[module.preludeLines + 1]).toBe('if (a) return 403;');
    expect(module.adjustments).toContain('wrapped in an async handler (top-level return)');
  });

  it('declares known free names, gives a running block their values, and names the unknown and the unrunnable', () => {
    const checked = buildModule({ file: 'X.md', line: 1, code: 'f(roomId, secret, frobnicator);' }, [
      'roomId',
      'secret',
      'frobnicator',
    ]);
    expect(checked.source).toContain('declare const roomId: string;');
    expect(checked.unknown).toEqual(['frobnicator']);
    const running = buildModule({ file: 'X.md', line: 1, code: 'f(roomId, secret);', run: {} }, ['roomId', 'secret']);
    expect(running.source).toMatch(/^const roomId: string = '/m);
    expect(running.unrunnable).toEqual(['secret']);
  });

  it('finds the blocks of the root, package and example READMEs, and the runnable ones', () => {
    const files = new Set(snippets.map((snippet) => snippet.file));
    expect(files).toContain('README.md');
    expect(files).toContain('packages/client/README.md');
    expect(files).toContain('packages/paginate/README.md');
    expect(snippets.length).toBeGreaterThanOrEqual(20);
    expect(
      snippets.filter((snippet) => snippet.run && snippet.file === 'packages/client/README.md').length,
    ).toBeGreaterThanOrEqual(1);
  });
});

// One compile of every block for both the compile and the run tests; the modules stay on disk for a look after a failure.
let checked = new Map<string, CheckedSnippet>();
const scripts = new Map<string, string>();
beforeAll(() => {
  for (const dir of new Set(snippets.map((snippet) => snippetDir(root, snippet.file))))
    rmSync(dir, { recursive: true, force: true });
  checked = new Map(typeCheckSnippets(root, snippets).map((result) => [label(result.module.snippet), result]));
  // Every runnable block's script before any runs: a block that imports a named one (`./bot.js`) finds it written.
  for (const result of checked.values())
    if (result.module.snippet.run)
      scripts.set(label(result.module.snippet), writeScript(result.path, result.module.source));
}, 60_000);

describe('README blocks compile (strict, exactOptionalPropertyTypes, module nodenext)', () => {
  it.each(snippets.map((snippet) => [label(snippet), snippet] as const))('%s', (name) => {
    const result = checked.get(name)!;
    const { unknown, unrunnable } = result.module;
    expect(
      unknown,
      `${name}: uses names it does not define and the doc-test table does not know (${knownFreeNames().join(', ')}): define them in the block or use a known name`,
    ).toEqual([]);
    expect(
      unrunnable,
      `${name}: runs, but these free names have no value against the mock: define them in the block`,
    ).toEqual([]);
    expect(result.errors, `${name} does not compile:\n${result.errors.join('\n')}`).toEqual([]);
  });
});

describe.concurrent('README blocks marked <!-- doc-test: run --> run against the mock', () => {
  const runnable = snippets.filter((snippet) => snippet.run);
  it.each(runnable.map((snippet) => [label(snippet), snippet] as const))('%s', async (name, snippet) => {
    const env = { WEBEX_BASE_URL: inject('mockUrl'), WEBEX_ACCESS_TOKEN: 'doc-test-token' };
    const run = await runScript(scripts.get(name)!, env);
    expect(run.exitCode, `${name} failed against the mock:\n${run.output}`).toBe(0);
    if (snippet.run?.prints !== undefined)
      expect(run.output, `${name}: the marker says it prints "${snippet.run.prints}"`).toContain(snippet.run.prints);
  });
});
