import {
  Scope,
  StructureKind,
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
} from 'ts-morph';
import { camelCase, pascalCase } from '../ir/names.js';
import type { IrOperation, IrResource } from '../ir/types.js';
import { docsOf } from './docs.js';
import { referencedNames, typeExpression } from './type-expression.js';

/** `team-memberships` → `TeamMembershipsResource`. */
export function resourceClassName(resource: string): string {
  return `${pascalCase(resource)}Resource`;
}

/** `team-memberships` → `teamMemberships`: the property on `Webex`. */
export function resourceProperty(resource: string): string {
  return camelCase(resource);
}

/** Statements of one resource module: imports, then the resource class. */
export function emitResourceFile(resource: IrResource, modelsPackage: string): StatementStructures[] {
  const models = new Set<string>();
  let usesPaginated = false;
  for (const op of resource.operations) {
    for (const p of op.pathParameters) referencedNames(p.type, models);
    if (op.query) models.add(op.query.typeName);
    if (op.body) referencedNames(op.body.type, models);
    if (op.result.kind === 'json') referencedNames(op.result.type, models);
    if (op.result.kind === 'list') {
      referencedNames(op.result.item, models);
      usesPaginated = true;
    }
  }
  const statements: StatementStructures[] = [];
  if (models.size) {
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: modelsPackage, namedImports: [...models].sort() });
  }
  if (usesPaginated) {
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@webex-ts/paginate', namedImports: ['Paginated'] });
  }
  statements.push({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: '../../core.js',
    namedImports: ['OperationInput', 'RequestOptions', 'ResourceCore'],
  });
  statements.push(emitResourceClass(resource));
  return statements;
}

/** The class holding one resource's methods, e.g. `RoomsResource` with `list`, `create`, `get`… */
export function emitResourceClass(resource: IrResource): ClassDeclarationStructure {
  const property = resourceProperty(resource.name);
  return {
    kind: StructureKind.Class,
    name: resourceClassName(resource.name),
    isExported: true,
    docs: docsOf({ description: resource.description ?? `The ${property} API.` }, [`Reached as \`webex.${property}\`.`]),
    ctors: [
      {
        docs: [{ description: 'Made by `Webex`; not meant to be constructed directly.', tags: [{ tagName: 'internal' }] }],
        parameters: [{ name: 'core', type: 'ResourceCore', scope: Scope.Protected, isReadonly: true }],
      },
    ],
    methods: resource.operations.map((op) => emitOperationMethod(op, property)),
  };
}

/** One method: positional path parameters, then the body, then the query, then per-call options. */
export function emitOperationMethod(op: IrOperation, property: string): OptionalKind<MethodDeclarationStructure> {
  const parameters: { name: string; type: string; required: boolean }[] = [
    ...op.pathParameters.map((p) => ({ name: p.name, type: typeExpression(p.type), required: true })),
    ...(op.body ? [{ name: 'body', type: typeExpression(op.body.type), required: op.body.required }] : []),
    ...(op.query ? [{ name: 'query', type: op.query.typeName, required: op.query.required }] : []),
  ];
  // An optional parameter may not precede a required one: such a parameter takes `| undefined` instead.
  const lastRequired = parameters.map((p) => p.required).lastIndexOf(true);
  const signature: OptionalKind<ParameterDeclarationStructure>[] = parameters.map((p, index) => ({
    name: p.name,
    type: !p.required && index < lastRequired ? `${p.type} | undefined` : p.type,
    hasQuestionToken: !p.required && index > lastRequired,
  }));
  signature.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });

  const label = `${property}.${op.method}`;
  const params = [
    op.pathParameters.length ? `path: { ${op.pathParameters.map((p) => p.name).join(', ')} }` : undefined,
    op.query ? 'query' : undefined,
  ].filter(Boolean);
  const input = [
    params.length ? `params: { ${params.join(', ')} }` : undefined,
    op.body ? 'body' : undefined,
    op.body?.contentType ? `headers: { 'Content-Type': '${op.body.contentType}' }` : undefined,
  ].filter(Boolean);
  // `satisfies` checks the input against the spec's types at compile time and costs nothing at run time.
  const inputExpression = `${input.length ? `{ ${input.join(', ')} }` : '{}'} satisfies OperationInput<'${op.path}', '${op.httpMethod}'>`;
  const target = `'${op.httpMethod.toUpperCase()}', '${op.path}'`;

  let returnType: string;
  let statement: string;
  if (op.result.kind === 'list') {
    const item = typeExpression(op.result.item);
    returnType = `Paginated<${item}>`;
    const paging = op.result.paging === 'link' ? '' : `, '${op.result.paging}'`;
    statement = `return this.core.list<${item}>('${label}', '${op.path}', ${inputExpression}, options${paging});`;
  } else if (op.result.kind === 'text') {
    const numeric = typeExpression(op.result.type) === 'number';
    returnType = `Promise<${numeric ? 'number' : 'string'}>`;
    statement = `return this.core.send<string>('${label}', ${target}, ${inputExpression}, options, 'text')${numeric ? '.then(Number)' : ''};`;
  } else {
    const result = op.result.kind === 'json' ? typeExpression(op.result.type) : 'void';
    returnType = `Promise<${result}>`;
    statement = `return this.core.send<${result}>('${label}', ${target}, ${inputExpression}, options);`;
  }

  const description = [op.summary, op.description].filter(Boolean).join('\n\n');
  const paramDocs = parameters.map((p) => {
    const source = op.pathParameters.find((pp) => pp.name === p.name);
    const text = source?.description ?? (p.name === 'body' ? 'What to send.' : 'Query parameters.');
    return { tagName: 'param', text: `${p.name} ${text}` };
  });
  return {
    kind: StructureKind.Method,
    name: op.method,
    docs: [
      {
        description: [description.replaceAll('*/', '*\\/'), `\`${op.httpMethod.toUpperCase()} ${op.path}\``].filter(Boolean).join('\n\n'),
        tags: [...paramDocs, { tagName: 'param', text: 'options Per-call signal, timeout and headers.' }, ...(op.deprecated ? [{ tagName: 'deprecated' }] : [])],
      },
    ],
    parameters: signature,
    returnType,
    statements: [statement],
  };
}
