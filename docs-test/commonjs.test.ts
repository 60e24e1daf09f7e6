// The README's CommonJS TypeScript (```cts blocks) compiles as a `.cts` file under `tsc --init` defaults, whose
// `verbatimModuleSyntax` refuses `import … from` in CommonJS, and runs on this Node against the Prism mock.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';
import { docFiles } from '../test-utils/doc-snippets.js';
import { compilerOptions } from './type-check.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Under the root node_modules, so `require('@webex-ts/client')` finds the workspace package when the block runs.
const dir = join(root, 'node_modules', '.cache', 'doc-snippets-cjs');

/** The ```cts blocks of the READMEs, with their README line. */
function cjsBlocks(): { where: string; code: string }[] {
  return docFiles(root).flatMap((path) => {
    const file = path.slice(root.length + 1);
    return [...readFileSync(path, 'utf8').matchAll(/^```cts\n([\s\S]*?)^```$/gm)].map((match) => ({
      where: `${file}:${readFileSync(path, 'utf8').slice(0, match.index).split('\n').length + 1}`,
      code: match[1]!,
    }));
  });
}

/** Compiles `code` as `name` (a `.cts` file) with the doc-snippet options and returns the diagnostics as text. */
function compileCjs(name: string, code: string): string[] {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, code);
  const options = compilerOptions(root);
  expect(options.verbatimModuleSyntax, 'the doc-snippet options are tsc --init defaults').toBe(true);
  const program = ts.createProgram([path], options);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(path))
    .map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const blocks = cjsBlocks();

describe('CommonJS TypeScript in the READMEs', () => {
  it('the README has one, and its premise holds: `import … from` in a .cts file does not compile', () => {
    expect(blocks.map((block) => block.where.split(':')[0])).toContain('README.md');
    const errors = compileCjs('premise.cts', "import { Webex } from '@webex-ts/client';\nvoid Webex;\n");
    expect(errors.join('\n')).toMatch(/^TS1286 ECMAScript imports and exports cannot be written in a CommonJS file/);
  });

  it.each(blocks.map((block) => [block.where, block.code] as const))(
    '%s compiles as .cts and runs against the mock',
    async (where, code) => {
      const name = `${where.replace(/[\\/:]/g, '-')}.cts`;
      expect(compileCjs(name, code), `${where} does not compile`).toEqual([]);
      const { outputText } = ts.transpileModule(code, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        fileName: name,
      });
      const script = join(dir, name.replace(/\.cts$/, '.cjs'));
      writeFileSync(script, outputText);
      const env = { PATH: process.env.PATH ?? '', WEBEX_BASE_URL: inject('mockUrl'), WEBEX_ACCESS_TOKEN: 'doc-test' };
      const run = await new Promise<{ error: Error | null; output: string }>((done) => {
        execFile(process.execPath, [script], { env, timeout: 30_000 }, (error, stdout, stderr) =>
          done({ error, output: `${stdout}${stderr}` }),
        );
      });
      expect(run.error, `${where} failed against the mock:\n${run.output}`).toBeNull();
      expect(run.output, `${where}: prints the titles of the rooms it listed`).toMatch(/^\[/);
      rmSync(script, { force: true });
    },
  );
});
