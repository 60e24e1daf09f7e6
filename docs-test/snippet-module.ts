// Turns a README block into a module a compiler accepts: prose placeholders made comments, free names declared in a
// prelude, and a block meant for the inside of a handler (a top-level `return`) wrapped in one.
import ts from 'typescript';
import type { DocSnippet } from '../test-utils/doc-snippets.js';
import { freeName } from './free-names.js';

/** A README block written out as a module, with the way back from its lines to the README's. */
export interface SnippetModule {
  snippet: DocSnippet;
  /** File name (no directory) of the module, `.mts` so it is ESM wherever it is written. */
  name: string;
  source: string;
  /** Lines in front of the block's first line. */
  preludeLines: number;
  /** Free names the prelude declares. */
  declared: string[];
  /** Free names no table entry covers (the test fails on them). */
  unknown: string[];
  /** Free names of a block that runs that have no runtime value (the test fails on them). */
  unrunnable: string[];
  /** What the block needed to compile as a module: placeholders replaced, wrapped in a handler. */
  adjustments: string[];
}

const ELLIPSIS = '…';

/** Replaces the prose's `…` placeholders (`{ … }`, `f(…)`, `x = …`) outside strings and comments, so the block parses. */
export function replacePlaceholders(code: string): { code: string; count: number } {
  // The parser reports a stray `…` as TS1127 "Invalid character" and nothing inside strings, comments or templates.
  const file = ts.createSourceFile('block.mts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics;
  const positions = diagnostics.filter((d) => d.code === 1127 && code[d.start] === ELLIPSIS).map((d) => d.start);
  let result = code;
  for (const position of positions.sort((a, b) => b - a)) {
    // Where a value is expected (`x = …`, `{ key: … }`) a comment alone would not parse: stand in a value of any type.
    const valueExpected = /[=:]\s*$/.test(result.slice(0, position));
    const stand = valueExpected ? '(undefined as never /* … */)' : '/* … */';
    result = `${result.slice(0, position)}${stand}${result.slice(position + 1)}`;
  }
  return { code: result, count: positions.length };
}

/** True when the block has a `return` outside any function: it was written as the inside of a handler. */
export function hasTopLevelReturn(code: string): boolean {
  const file = ts.createSourceFile('block.mts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const visit = (node: ts.Node): boolean => {
    if (ts.isReturnStatement(node)) return true;
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
    return ts.forEachChild(node, visit) ?? false;
  };
  return file.statements.some(visit);
}

/** The import declarations of a block, and the block with those lines blanked (same line count). */
function splitImports(code: string): { imports: string[]; rest: string } {
  const file = ts.createSourceFile('block.mts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: string[] = [];
  let rest = code;
  for (const statement of [...file.statements].reverse()) {
    if (!ts.isImportDeclaration(statement)) continue;
    const start = statement.getStart(file);
    const text = code.slice(start, statement.end);
    imports.unshift(text.replace(/\n/g, ' '));
    rest = `${rest.slice(0, start)}${text.replace(/[^\n]/g, '')}${rest.slice(statement.end)}`;
  }
  return { imports, rest };
}

/**
 * Module file name of a block: README path and line, e.g. `packages-client-README.md-11.mts`; a block the marker names
 * (`file: bot.ts`) is that file in its README's own directory, e.g. `README.md-files/bot.ts`.
 */
export function moduleName(snippet: DocSnippet): string {
  const readme = snippet.file.replace(/[\\/]/g, '-');
  if (snippet.named !== undefined) return `${readme}-files/${snippet.named}`;
  return `${readme}-${snippet.line}.mts`;
}

/**
 * Builds the module for a block, declaring `freeNames` (found by a first compile) in front of it.
 * A block that runs gets values for them instead of declarations.
 */
export function buildModule(snippet: DocSnippet, freeNames: readonly string[] = []): SnippetModule {
  const adjustments: string[] = [];
  const placeholders = replacePlaceholders(snippet.code);
  if (placeholders.count > 0) adjustments.push(`${placeholders.count} "…" placeholder(s) made comments`);
  const wrap = hasTopLevelReturn(placeholders.code);
  if (wrap) adjustments.push('wrapped in an async handler (top-level return)');
  const { imports, rest } = wrap ? splitImports(placeholders.code) : { imports: [], rest: placeholders.code };

  const prelude: string[] = [...imports, '// Free names the README prose defines:'];
  const declared: string[] = [];
  const unknown: string[] = [];
  const unrunnable: string[] = [];
  for (const name of [...new Set(freeNames)].sort()) {
    const entry = freeName(name);
    if (!entry) {
      unknown.push(name);
      continue;
    }
    declared.push(name);
    const isType = entry.declaration.startsWith('type ');
    if (snippet.run && !isType) {
      if (entry.value === undefined) unrunnable.push(name);
      else prelude.push(`${entry.declaration} = ${entry.value};`);
    }
    if (!snippet.run || isType || entry.value === undefined)
      prelude.push(isType ? `${entry.declaration};` : `declare ${entry.declaration};`);
  }
  if (declared.length > 0) adjustments.push(`declared ${declared.join(', ')}`);
  // `export {}` keeps every block a module (its own scope) even without imports; the wrapper opens on the same line so
  // the block's lines keep their offset.
  const opening = wrap ? 'export async function handler(): Promise<unknown> {' : 'export {};';
  prelude.push(opening);
  const source = `${prelude.join('\n')}\n${rest}\n${wrap ? '}\n' : ''}${wrap && snippet.run ? 'await handler();\n' : ''}`;
  return {
    snippet,
    name: moduleName(snippet),
    source,
    preludeLines: prelude.length,
    declared,
    unknown,
    unrunnable,
    adjustments,
  };
}

/** README `file:line` of a 0-based line of the module, or undefined for a line of the prelude. */
export function readmeLine(module: SnippetModule, moduleLine: number): string | undefined {
  const offset = moduleLine - module.preludeLines;
  if (offset < 0) return undefined;
  return `${module.snippet.file}:${module.snippet.line + offset}`;
}
