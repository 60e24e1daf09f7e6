// Type-checks README blocks, written out as modules, the way a new project compiles them: `tsc --init` defaults.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { DocSnippet } from '../test-utils/doc-snippets.js';
import { buildModule, readmeLine, type SnippetModule } from './snippet-module.js';

/** A block's module on disk and what the compiler said about it. */
export interface CheckedSnippet {
  module: SnippetModule;
  /** Absolute path of the `.mts` file. */
  path: string;
  /** `README.md:285: TS2345 …` lines; empty when the block compiles. */
  errors: string[];
}

// "Cannot find name" and its variants (did you mean, install @types/node or a test runner's types, shorthand property).
const FREE_NAME_CODES = new Set([2304, 2552, 2580, 2581, 2582, 2591, 2592, 2593, 18004]);

/** Where a README's blocks are written: under its own node_modules when it has one, so its dependencies resolve. */
export function snippetDir(root: string, readme: string): string {
  const own = join(root, dirname(readme), 'node_modules');
  return join(existsSync(own) ? own : join(root, 'node_modules'), '.cache', 'doc-snippets');
}

/** What `tsc --init` (TypeScript 5.9) writes, plus `@webex-ts/*` pointed at the built packages of this repository. */
export function compilerOptions(root: string): ts.CompilerOptions {
  return {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ESNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    noUncheckedSideEffectImports: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
    skipLibCheck: true,
    noEmit: true,
    // The README's blocks import node: modules, which is when its "Use it in your project" says to add the node types.
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    paths: {
      '@webex-ts/mock/vitest': [join(root, 'packages/mock/dist/vitest.d.ts')],
      '@webex-ts/*': [join(root, 'packages/*/dist/index.d.ts')],
    },
  };
}

/** Writes the modules and compiles them together; `resolvePackages: false` leaves `@webex-ts/*` imports unresolved. */
function compile(
  modules: { module: SnippetModule; path: string }[],
  options: ts.CompilerOptions,
  resolvePackages: boolean,
): Map<string, ts.Diagnostic[]> {
  for (const { module, path } of modules) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, module.source);
    // A named block is a `.ts` file, as in the README: its directory says ESM, as the reader's package.json would.
    if (module.snippet.named !== undefined)
      writeFileSync(join(dirname(path), 'package.json'), '{ "type": "module" }\n');
  }
  const host = ts.createCompilerHost(options);
  if (!resolvePackages) {
    // Free names need no types from this repository's packages: left unresolved (`any`), they cost nothing to check.
    host.resolveModuleNames = (names, containingFile) =>
      names.map((name) =>
        name.startsWith('@webex-ts/')
          ? undefined
          : ts.resolveModuleName(name, containingFile, options, host).resolvedModule,
      );
  }
  const program = ts.createProgram(
    modules.map(({ path }) => path),
    options,
    host,
  );
  const byFile = new Map<string, ts.Diagnostic[]>(modules.map(({ path }) => [path, []]));
  for (const diagnostic of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
    throw new Error(
      `the doc-snippet compiler options are wrong: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    );
  }
  for (const { path } of modules) {
    const file = program.getSourceFile(path);
    if (!file) throw new Error(`${path}: written but not in the program; check the file extension`);
    byFile.get(path)!.push(...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file));
  }
  return byFile;
}

function describe(module: SnippetModule, diagnostic: ts.Diagnostic): string {
  const message = `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')}`;
  if (!diagnostic.file || diagnostic.start === undefined)
    return `${module.snippet.file}:${module.snippet.line}: ${message}`;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${readmeLine(module, line) ?? `${module.snippet.file}:${module.snippet.line} (prelude: ${diagnostic.file.text.split('\n')[line]})`}: ${message}`;
}

function freeNamesOf(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => FREE_NAME_CODES.has(d.code) && d.file && d.start !== undefined && d.length !== undefined)
    .map((d) => d.file!.text.slice(d.start, d.start! + d.length!));
}

/**
 * Type-checks every block in one program, twice: the first compile finds the names each block uses without defining
 * them, the second declares those (from the fixed table) and reports what is left.
 */
export function typeCheckSnippets(root: string, snippets: readonly DocSnippet[]): CheckedSnippet[] {
  const place = (module: SnippetModule) => ({ module, path: join(snippetDir(root, module.snippet.file), module.name) });
  const first = snippets.map((snippet) => place(buildModule(snippet)));
  const found = compile(first, compilerOptions(root), false);
  const second = first.map(({ module, path }) => place(buildModule(module.snippet, freeNamesOf(found.get(path)!))));
  const checked = compile(second, compilerOptions(root), true);
  return second.map(({ module, path }) => ({
    module,
    path,
    errors: checked.get(path)!.map((d) => describe(module, d)),
  }));
}
