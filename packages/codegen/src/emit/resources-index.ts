import type {
  ExportDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  StatementStructures,
} from 'ts-morph';
import { Scope, StructureKind } from '../commonjs.js';
import { escapeComment, wrapProse } from '../escape.js';
import { pascalCase } from '../ir/names.js';
import type { IrResource } from '../ir/types.js';
import { generatedClassName, resourceClassName } from './resource-class.js';

const byProperty = (a: IrResource, b: IrResource) => (a.property.join('.') < b.property.join('.') ? -1 : 1);
const describe = (r: IrResource) => wrapProse(escapeComment(r.description ?? `The ${r.property.join('.')} API.`));

/**
 * A namespace on `Webex` (`calling`, `calling.people`): its path and what is under it, by property name. A namespace
 * may be a resource too (`calling.virtualLines`, with `calling.virtualLines.callForwarding` under it): its methods
 * and its sub-resources are on one object.
 */
interface NamespaceNode {
  path: string[];
  members: Map<string, IrResource | NamespaceNode>;
  resource?: IrResource;
}

const isNamespace = (member: IrResource | NamespaceNode): member is NamespaceNode => 'members' in member;

/** `['calling', 'people']` → `CallingPeopleNamespace`: the type of a namespace property. */
function namespaceTypeName(path: string[]): string {
  return `${pascalCase(path.join(' '))}Namespace`;
}

/**
 * The resources as a tree of namespaces, the root being `Webex` itself. Validation has made sure no two resources
 * share a path; a resource whose path is also a namespace becomes that namespace's own resource.
 */
function namespaceTree(resources: IrResource[]): NamespaceNode {
  const root: NamespaceNode = { path: [], members: new Map() };
  const nodeAt = (path: string[]): NamespaceNode => {
    let node = root;
    for (const [depth, name] of path.entries()) {
      let child = node.members.get(name);
      if (child === undefined || !isNamespace(child)) {
        const namespace: NamespaceNode = { path: path.slice(0, depth + 1), members: new Map() };
        if (child !== undefined) namespace.resource = child;
        node.members.set(name, namespace);
        child = namespace;
      }
      node = child;
    }
    return node;
  };
  for (const resource of resources) {
    const parent = nodeAt(resource.property.slice(0, -1));
    const name = resource.property.at(-1)!;
    const existing = parent.members.get(name);
    if (existing !== undefined && isNamespace(existing)) existing.resource = resource;
    else parent.members.set(name, resource);
  }
  return root;
}

/** Every namespace below `node`, parents before their children, siblings by name. */
function namespacesUnder(node: NamespaceNode): NamespaceNode[] {
  return sortedMembers(node)
    .map(([, member]) => member)
    .filter(isNamespace)
    .flatMap((child) => [child, ...namespacesUnder(child)]);
}

const sortedMembers = (node: NamespaceNode) => [...node.members].sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * The base class of `Webex`: one property per resource or namespace, each built once, and the generated classes
 * re-exported. A namespace (`webex.scim`, `webex.calling.people`) is an object typed by an interface of its own,
 * one per namespace at any depth. `handWritten` maps a resource (`messages`) to the module, relative to this file,
 * of the hand-written class that extends its generated one (`MessagesResource` over `MessagesResourceBase`): that
 * class is the one built.
 */
export function emitResourcesIndex(
  resources: IrResource[],
  handWritten: ReadonlyMap<string, string> = new Map(),
): StatementStructures[] {
  const sorted = [...resources].sort(byProperty);
  const root = namespaceTree(sorted);
  // A resource served from another host is built on that host's core: its requests can go nowhere else.
  const coreOf = (r: IrResource) => (r.host === undefined ? 'core' : `hosts.${r.host}`);
  const hosts = [...new Set(sorted.flatMap((r) => (r.host === undefined ? [] : [r.host])))].sort();
  const typeOf = (member: IrResource | NamespaceNode) =>
    isNamespace(member) ? namespaceTypeName(member.path) : resourceClassName(member);
  // A namespace is described by what is directly under it (after its own resource's description), a resource by its
  // own description.
  const docsOf = (member: IrResource | NamespaceNode): string => {
    if (!isNamespace(member)) return describe(member);
    const under = `${sortedMembers(member)
      .map(([name]) => `\`${[...member.path, name].join('.')}\``)
      .join(', ')}.`;
    return member.resource ? `${describe(member.resource)}\n\n${wrapProse(`Under it: ${under}`)}` : wrapProse(under);
  };
  const init = (member: IrResource | NamespaceNode): string => {
    if (!isNamespace(member)) return `new ${resourceClassName(member)}(${coreOf(member)})`;
    const children = `{ ${sortedMembers(member)
      .map(([name, child]) => `${name}: ${init(child)}`)
      .join(', ')} }`;
    // A namespace that is a resource too: the resource's object, its sub-resources added as properties.
    return member.resource ? `Object.assign(${init(member.resource)}, ${children})` : children;
  };
  const properties = sortedMembers(root).map(([name, member]) => ({
    name,
    type: typeOf(member),
    docs: [docsOf(member)],
    init: init(member),
  }));

  const namespaceTypes: InterfaceDeclarationStructure[] = namespacesUnder(root).map((node) => ({
    kind: StructureKind.Interface,
    name: namespaceTypeName(node.path),
    isExported: true,
    ...(node.resource ? { extends: [resourceClassName(node.resource)] } : {}),
    docs: [
      node.resource
        ? `\`webex.${node.path.join('.')}\`: its own methods, and the resources under it.`
        : `The resources under \`webex.${node.path.join('.')}\`.`,
    ],
    properties: sortedMembers(node).map(([name, member]) => ({
      name,
      isReadonly: true,
      type: typeOf(member),
      docs: [docsOf(member)],
    })),
  }));

  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../core/resource.js',
      namedImports: ['ResourceCore'],
    },
    ...sorted.map(
      (r): ImportDeclarationStructure => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: handWritten.get(r.name) ?? `./resources/${r.name}.gen.js`,
        namedImports: [resourceClassName(r)],
      }),
    ),
    ...sorted.map(
      (r): ExportDeclarationStructure => ({
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: `./resources/${r.name}.gen.js`,
        namedExports: [generatedClassName(r, handWritten.has(r.name))],
      }),
    ),
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
