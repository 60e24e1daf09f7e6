import { Scope, StructureKind, type InterfaceDeclarationStructure, type StatementStructures } from 'ts-morph';
import { escapeComment, wrapProse } from '../escape.js';
import { pascalCase } from '../ir/names.js';
import type { IrResource } from '../ir/types.js';
import { generatedClassName, resourceClassName } from './resource-class.js';

const byProperty = (a: IrResource, b: IrResource) => (a.property.join('.') < b.property.join('.') ? -1 : 1);
const describe = (r: IrResource) => wrapProse(escapeComment(r.description ?? `The ${r.property.join('.')} API.`));

/** `scim` → `ScimNamespace`: the type of a namespace property on `Webex`. */
function namespaceTypeName(namespace: string): string {
  return `${pascalCase(namespace)}Namespace`;
}

/**
 * The base class of `Webex`: one property per resource or namespace, each built once, and the generated classes
 * re-exported. `handWritten` maps a resource (`messages`) to the module, relative to this file, of the hand-written
 * class that extends its generated one (`MessagesResource` over `MessagesResourceBase`): that class is the one built.
 */
export function emitResourcesIndex(
  resources: IrResource[],
  handWritten: ReadonlyMap<string, string> = new Map(),
): StatementStructures[] {
  const sorted = [...resources].sort(byProperty);
  const namespaces = new Map<string, IrResource[]>();
  for (const r of sorted)
    if (r.property.length > 1) namespaces.set(r.property[0]!, [...(namespaces.get(r.property[0]!) ?? []), r]);
  const topLevel = sorted.filter((r) => r.property.length === 1);
  // A resource served from another host is built on that host's core: its requests can go nowhere else.
  const coreOf = (r: IrResource) => (r.host === undefined ? 'core' : `hosts.${r.host}`);
  const hosts = [...new Set(sorted.flatMap((r) => (r.host === undefined ? [] : [r.host])))].sort();
  const properties = [
    ...topLevel.map((r) => ({
      name: r.property[0]!,
      type: resourceClassName(r),
      docs: [describe(r)],
      init: `new ${resourceClassName(r)}(${coreOf(r)})`,
    })),
    ...[...namespaces].map(([namespace, members]) => ({
      name: namespace,
      type: namespaceTypeName(namespace),
      docs: [wrapProse(`${members.map((r) => `\`${r.property.join('.')}\``).join(', ')}.`)],
      init: `{ ${members.map((r) => `${r.property[1]}: new ${resourceClassName(r)}(${coreOf(r)})`).join(', ')} }`,
    })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));

  const namespaceTypes: InterfaceDeclarationStructure[] = [...namespaces].map(([namespace, members]) => ({
    kind: StructureKind.Interface,
    name: namespaceTypeName(namespace),
    isExported: true,
    docs: [`The resources under \`webex.${namespace}\`.`],
    properties: members.map((r) => ({
      name: r.property[1]!,
      isReadonly: true,
      type: resourceClassName(r),
      docs: [describe(r)],
    })),
  }));

  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../core/resource.js',
      namedImports: ['ResourceCore'],
    },
    ...sorted.map((r) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: handWritten.get(r.name) ?? `./resources/${r.name}.gen.js`,
      namedImports: [resourceClassName(r)],
    })),
    ...sorted.map((r) => ({
      kind: StructureKind.ExportDeclaration as const,
      moduleSpecifier: `./resources/${r.name}.gen.js`,
      namedExports: [generatedClassName(r, handWritten.has(r.name))],
    })),
    ...namespaceTypes,
    {
      kind: StructureKind.Class,
      name: 'WebexResources',
      isExported: true,
      docs: ['Every resource of the API, one property each (or a namespace of them). `Webex` extends this.'],
      properties: properties.map((p) => ({
        name: p.name,
        isReadonly: true,
        scope: Scope.Public,
        type: p.type,
        docs: p.docs,
      })),
      ctors: [
        {
          docs: hosts.length
            ? [
                {
                  description:
                    "Builds every resource once: those of the API's own host on `core`, the others on their host's core.",
                  tags: [{ tagName: 'param', text: `hosts The core of each other host: ${hosts.join(', ')}.` }],
                },
              ]
            : ['Builds every resource on one shared core (`createCore()`).'],
          parameters: [
            { name: 'core', type: 'ResourceCore' },
            ...(hosts.length
              ? [{ name: 'hosts', type: `{ ${hosts.map((host) => `readonly ${host}: ResourceCore`).join('; ')} }` }]
              : []),
          ],
          statements: properties.map((p) => `this.${p.name} = ${p.init};`),
        },
      ],
    },
  ];
}
