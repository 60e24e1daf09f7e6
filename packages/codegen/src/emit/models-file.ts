import type { ImportDeclarationStructure, StatementStructures } from 'ts-morph';
import { StructureKind } from '../commonjs.js';
import type { IrNamedType } from '../ir/types.js';
import { emitSchemaObject } from './schema-object.js';
import { referencedNames } from './type-expression.js';

/** The module name a spec file's models go to: `components/common` → `common`. */
export function modelModuleName(source: string): string {
  return source.split('/').pop()!;
}

/** Statements of one models module: imports of types from sibling modules, then the declarations. */
export function emitModelsFile(
  module: string,
  types: IrNamedType[],
  moduleOf: Map<string, string>,
): StatementStructures[] {
  const imports = new Map<string, Set<string>>();
  for (const named of types) {
    for (const ref of referencedNames(named.type)) {
      const home = moduleOf.get(ref);
      if (!home) throw new Error(`type ${ref} (used by ${named.name}) is not defined in any spec`);
      if (home === module) continue;
      const names = imports.get(home) ?? new Set<string>();
      imports.set(home, names);
      names.add(ref);
    }
  }
  return [...importStatements(imports), ...types.flatMap(emitSchemaObject)];
}

/** Sorted `import type { … } from './x.gen.js'` statements. */
function importStatements(imports: Map<string, Set<string>>): ImportDeclarationStructure[] {
  return [...imports.keys()].sort().map((module) => ({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: `./${module}.gen.js`,
    namedImports: [...imports.get(module)!].sort(),
  }));
}

/** `export * from './rooms.gen.js'` for every module. */
export function emitModelsIndex(modules: string[]): StatementStructures[] {
  return [...modules].sort().map((module) => ({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: `./${module}.gen.js`,
  }));
}
