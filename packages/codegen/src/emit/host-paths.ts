import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../commonjs.js';
import { propertyKey, stringLiteral } from '../escape.js';
import type { IrResource } from '../ir/types.js';

/**
 * `host-paths.gen.ts`: the path templates of each host other than the API's own, sorted, for `createHttp`, which
 * sends a path to the core of its host. Small beside the operation table, so that `@webex-ts/client/http` carries
 * the routes without the table.
 */
export function emitHostPaths(resources: IrResource[]): StatementStructures[] {
  const byHost = new Map<string, Set<string>>();
  for (const resource of resources) {
    for (const op of resource.operations) {
      if (op.host === undefined) continue;
      const paths = byHost.get(op.host) ?? new Set<string>();
      byHost.set(op.host, paths.add(op.path));
    }
  }
  const hosts = [...byHost.keys()].sort();
  const table = hosts.length
    ? `{\n${hosts
        .map((host) => `${propertyKey(host)}: [\n${[...byHost.get(host)!].sort().map(stringLiteral).join(',\n')},\n],`)
        .join('\n')}\n}`
    : '{}';
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../core/operation-info.js',
      namedImports: ['HostName'],
    },
    {
      kind: StructureKind.VariableStatement,
      leadingTrivia: (writer) => writer.blankLine(),
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["The path templates each host other than the API's own serves (`/organization/{orgid}/v2/skill`)."],
      declarations: [
        { name: 'hostPaths', type: 'Readonly<Partial<Record<HostName, readonly string[]>>>', initializer: table },
      ],
    },
  ];
}
