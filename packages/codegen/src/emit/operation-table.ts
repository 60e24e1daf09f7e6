import type { CodeBlockWriter, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../commonjs.js';
import { propertyKey, stringLiteral } from '../escape.js';
import type { SdkPagingConfig } from '../load/openapi.js';
import { EVENT_STREAM } from '../ir/stream.js';
import type { IrOperation, IrParameter, IrResource, IrSimpleType } from '../ir/types.js';

/** Where the operation table imports the type it satisfies from (relative to `gen/`). */
const INFO_TYPES_MODULE = '../core/operation-info.js';

/** Set apart from the statement before it: ts-morph keeps a blank line only around blocks. */
const blankLine = (writer: CodeBlockWriter) => writer.blankLine();

/** One parameter of an operation-table entry. */
interface ParameterEntry {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  type: IrSimpleType;
  commaSeparated?: true;
}

/** One operation as the table holds it: the data of the client's `OperationInfo`, made from the IR. */
export interface OperationEntry {
  method: IrOperation['httpMethod'];
  path: string;
  area?: string;
  document: string;
  server?: string;
  host?: string;
  parameters: ParameterEntry[];
  body?: { contentType: string; required: boolean; partTypes?: Record<string, string> };
  answer?: { contentType: string };
  paging?: SdkPagingConfig;
  stream?: 'sse';
  check?: string;
}

/** The folder of `specs/` a spec file is in (`messaging/rooms` → `messaging`); none for a file at the top. */
export function areaOf(source: string): string | undefined {
  const at = source.indexOf('/');
  return at === -1 ? undefined : source.slice(0, at);
}

/** The table's entry for one operation of a resource; fields that do not apply are left out. */
export function operationEntry(op: IrOperation, resource: IrResource): OperationEntry {
  const parameter =
    (place: ParameterEntry['in']) =>
    (p: IrParameter): ParameterEntry => ({
      name: p.name,
      in: place,
      required: place === 'path' || p.required,
      type: p.simpleType,
      ...(p.commaSeparated ? { commaSeparated: true as const } : {}),
    });
  const area = areaOf(resource.source);
  const answer = {
    void: undefined,
    text: 'text/plain',
    json: 'application/json',
    list: 'application/json',
    stream: EVENT_STREAM,
  }[op.result.kind];
  return {
    method: op.httpMethod,
    path: op.path,
    ...(area !== undefined ? { area } : {}),
    document: resource.source,
    ...(op.server !== undefined ? { server: op.server } : {}),
    ...(op.host !== undefined ? { host: op.host } : {}),
    parameters: [
      ...op.pathParameters.map(parameter('path')),
      ...(op.query?.parameters ?? []).map(parameter('query')),
      ...op.headerParameters.map(parameter('header')),
    ],
    ...(op.body
      ? {
          body: {
            contentType: op.body.contentType ?? 'application/json',
            required: op.body.required,
            ...(op.body.partTypes ? { partTypes: op.body.partTypes } : {}),
          },
        }
      : {}),
    ...(answer !== undefined ? { answer: { contentType: answer } } : {}),
    ...(op.result.kind === 'list' ? { paging: op.result.paging } : {}),
    ...(op.result.kind === 'stream' ? { stream: op.result.format } : {}),
    ...(op.check !== undefined ? { check: op.check } : {}),
  };
}

/** Plain data (strings, booleans, arrays, objects) as a TypeScript expression; undefined fields are left out. */
export function dataLiteral(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(dataLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, field]) => field !== undefined);
    return fields.length
      ? `{ ${fields.map(([key, field]) => `${propertyKey(key)}: ${dataLiteral(field)}`).join(', ')} }`
      : '{}';
  }
  throw new Error(`dataLiteral: expected a string, number, boolean, array or object (got ${String(value)})`);
}

/** Where the table imports the names from (relative to `gen/`). */
const NAMES_MODULE = './operation-names.gen.js';

/** The operations' labels (`rooms.list`), sorted: the keys of the table and the members of `OperationName`. */
function sortedLabels(resources: IrResource[]): string[] {
  return resources.flatMap((resource) => resource.operations.map((op) => op.label)).sort((a, b) => (a < b ? -1 : 1));
}

/**
 * `operation-names.gen.ts`: `OperationName`, the union of the table's keys, in a file of its own. Every client
 * declaration refers to the names; only the `operations` subpath loads the table (hundreds of KB of declarations).
 */
export function emitOperationNames(resources: IrResource[]): StatementStructures[] {
  const labels = sortedLabels(resources);
  return [
    {
      kind: StructureKind.TypeAlias,
      name: 'OperationName',
      isExported: true,
      docs: ['The name of every generated method, as `resource.method` (`rooms.list`, `scim.users.get`).'],
      type: labels.length ? labels.map(stringLiteral).join(' | ') : 'never',
    },
  ];
}

/**
 * `operations.gen.ts`: every operation as data, keyed by its name (`rooms.list`), sorted by name, checked against
 * the hand-written `OperationInfo` and against `OperationName` (no name missing, none extra).
 */
export function emitOperationTable(resources: IrResource[]): StatementStructures[] {
  const entries = resources
    .flatMap((resource) => resource.operations.map((op) => [op.label, operationEntry(op, resource)] as const))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  // One entry a line: the formatter breaks the long ones and keeps the short ones whole.
  const table = entries.length
    ? `{\n${entries.map(([label, entry]) => `${stringLiteral(label)}: ${dataLiteral(entry)},`).join('\n')}\n}`
    : '{}';
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: INFO_TYPES_MODULE,
      namedImports: ['OperationInfo'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: NAMES_MODULE,
      namedImports: ['OperationName'],
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: NAMES_MODULE,
      namedExports: ['OperationName'],
    },
    {
      kind: StructureKind.VariableStatement,
      leadingTrivia: blankLine,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['Every generated method by name (`rooms.list`): HTTP method, path, parameters, body, answer and paging.'],
      declarations: [
        {
          name: 'operations',
          // Annotated, not inferred: the literal type of ~1,800 entries is more than TypeScript writes into a
          // declaration file (TS7056), and callers read entries as `OperationInfo` anyway.
          type: '{ readonly [name in OperationName]: OperationInfo }',
          initializer: table,
        },
      ],
    },
  ];
}
