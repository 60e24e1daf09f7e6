// scripts/mock-server.mjs (the mock of this repository's own tests, started by test-utils/prism-setup.ts) and its
// declaration scripts/mock-server.d.mts must not drift apart: same exports, and the .mjs type-checked against them.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/mock-server.mjs', import.meta.url));
const declaration = script.replace(/\.mjs$/, '.d.mts');

let program: ts.Program;
beforeAll(() => {
  program = ts.createProgram([script, declaration], {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
    skipLibCheck: true,
  });
});

/** The names a module exports as values (not only as types), as the compiler sees them. */
function valueExports(file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`the compiler did not read ${file}`);
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

describe('scripts/mock-server.mjs and its declaration', () => {
  it('type-checks against the declaration, whose types come from the built @webex-ts/mock', () => {
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) =>
      ts.formatDiagnostic(diagnostic, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => process.cwd(),
        getNewLine: () => '\n',
      }),
    );
    expect(diagnostics).toEqual([]);
  });

  it('declares exactly the values the script exports', async () => {
    const exported = Object.keys(await import(script)).sort();
    expect(exported.length).toBeGreaterThan(0);
    expect(valueExports(declaration)).toEqual(exported);
    expect(valueExports(script)).toEqual(exported);
  });
});
