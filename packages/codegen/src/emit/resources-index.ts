import { Scope, StructureKind, type StatementStructures } from 'ts-morph';
import type { IrResource } from '../ir/types.js';
import { resourceClassName, resourceProperty } from './resource-class.js';

/** The base class of `Webex`: one property per resource. */
export function emitResourcesIndex(resources: IrResource[]): StatementStructures[] {
  const sorted = [...resources].sort((a, b) => a.name.localeCompare(b.name));
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../core.js',
      namedImports: ['ResourceCore'],
    },
    ...sorted.map((r) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: `./resources/${r.name}.gen.js`,
      namedImports: [resourceClassName(r.name)],
    })),
    ...sorted.map((r) => ({
      kind: StructureKind.ExportDeclaration as const,
      moduleSpecifier: `./resources/${r.name}.gen.js`,
      namedExports: [resourceClassName(r.name)],
    })),
    {
      kind: StructureKind.Class,
      name: 'WebexResources',
      isExported: true,
      docs: ['Every resource of the API, one property each. `Webex` extends this.'],
      properties: sorted.map((r) => ({
        name: resourceProperty(r.name),
        isReadonly: true,
        scope: Scope.Public,
        type: resourceClassName(r.name),
        docs: [(r.description ?? `The ${resourceProperty(r.name)} API.`).replaceAll('*/', '*\\/')],
      })),
      ctors: [
        {
          docs: [{ description: 'Builds every resource on one shared core.', tags: [{ tagName: 'internal' }] }],
          parameters: [{ name: 'core', type: 'ResourceCore' }],
          statements: sorted.map((r) => `this.${resourceProperty(r.name)} = new ${resourceClassName(r.name)}(core);`),
        },
      ],
    },
  ];
}
