import type {
  InterfaceDeclarationStructure,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../commonjs.js';
import { isIdentifier, propertyKey, stringLiteral } from '../escape.js';
import type { IrNamedType, IrProperty, IrType } from '../ir/types.js';
import { docsOf } from './docs.js';
import { indexSignatureType, OPEN_STRING, typeExpression } from './type-expression.js';

/** Said of an open enum's type, where a reader hovers it. */
const OPEN_NOTE =
  'Open: the service may answer (and take) values newer than these, so any other string is allowed too.';

/** Declarations for one named type. */
export type NamedTypeStructure =
  | InterfaceDeclarationStructure
  | TypeAliasDeclarationStructure
  | VariableStatementStructure;

/**
 * The declarations for one named type: an interface for an object, an `as const`
 * object plus a union type for a string enum, a type alias for anything else.
 */
export function emitSchemaObject(named: IrNamedType): NamedTypeStructure[] {
  const declarations = emitDeclarations(named);
  return named.formerName ? [...declarations, ...emitFormerName(named, named.formerName)] : declarations;
}

function emitDeclarations(named: IrNamedType): NamedTypeStructure[] {
  const { type } = named;
  if (type.kind === 'object') return [emitInterface(named, type.properties, [], type.additionalProperties)];
  if (isStringEnum(type)) return emitEnum(named, type.values, type.open === true);
  if (type.kind === 'intersection') {
    const refs = type.members.filter((m) => m.kind === 'ref');
    const objects = type.members.filter((m) => m.kind === 'object');
    if (refs.length + objects.length === type.members.length && objects.length <= 1) {
      const own = objects[0];
      return [emitInterface(named, own?.properties ?? [], refs.map(typeExpression), own?.additionalProperties)];
    }
  }
  return [
    {
      kind: StructureKind.TypeAlias,
      name: named.name,
      isExported: true,
      docs: docsOf(named),
      type: typeExpression(type),
    },
  ];
}

/** An enum of strings only: emitted as an `as const` object beside its union type. */
function isStringEnum(type: IrType): type is { kind: 'enum'; values: string[]; open?: true } {
  return type.kind === 'enum' && type.values.every((v) => typeof v === 'string');
}

/** The name a type had before, as a deprecated alias: the type, and the object of values for an enum. */
function emitFormerName(named: IrNamedType, former: string): NamedTypeStructure[] {
  const docs = [
    {
      description: `The former name of \`${named.name}\`.`,
      tags: [{ tagName: 'deprecated', text: `Use ${named.name}.` }],
    },
  ];
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: former,
    isExported: true,
    docs,
    type: named.name,
  };
  if (!isStringEnum(named.type)) return [alias];
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs,
      declarations: [{ kind: StructureKind.VariableDeclaration, name: former, initializer: named.name }],
    },
    alias,
  ];
}

function emitInterface(
  named: IrNamedType,
  properties: IrProperty[],
  bases: string[],
  additionalProperties: IrType | undefined,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: named.name,
    isExported: true,
    docs: docsOf(named),
    extends: bases,
    properties: properties.map((p) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(p.name),
      hasQuestionToken: !p.required,
      type: typeExpression(p.type),
      docs: docsOf(p),
    })),
    indexSignatures: additionalProperties
      ? [
          {
            kind: StructureKind.IndexSignature,
            keyName: 'key',
            keyType: 'string',
            returnType: indexSignatureType(properties, additionalProperties),
          },
        ]
      : [],
  };
}

/** An enum: the object of its known values, and its type, which an open enum widens to any other string too. */
function emitEnum(named: IrNamedType, values: string[], open: boolean): NamedTypeStructure[] {
  const members = values.map((v) => `${isIdentifier(v) ? v : propertyKey(v)}: ${stringLiteral(v)}`);
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docsOf(named, [
        open
          ? 'Every known value, for iteration and autocompletion.'
          : 'Every value, for iteration and autocompletion.',
      ]),
      declarations: [
        {
          kind: StructureKind.VariableDeclaration,
          name: named.name,
          initializer: `{ ${members.join(', ')} } as const`,
        },
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name: named.name,
      isExported: true,
      docs: docsOf(named, open ? [OPEN_NOTE] : []),
      // The values spelled out: reads better on hover than `(typeof X)[keyof typeof X]`, and the formatter can wrap it.
      type: [...values.map(stringLiteral), ...(open ? [OPEN_STRING] : [])].join(' | '),
    },
  ];
}
