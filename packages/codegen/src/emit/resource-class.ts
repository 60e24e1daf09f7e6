import type {
  ClassDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  StatementStructures,
} from 'ts-morph';
import { Scope, StructureKind } from '../commonjs.js';
import { factsSourceNote } from '../ir/facts-source.js';
import { pascalCase } from '../ir/names.js';
import type { IrOperation, IrResource, NamedPaging } from '../ir/types.js';
import { escapeComment, propertyKey, stringLiteral, wrapProse } from '../escape.js';
import { docsOf } from './docs.js';
import { referencedNames, typeExpression } from './type-expression.js';

/** Where generated resources import the core's types from (relative to `gen/resources/`). */
const CORE_TYPES_MODULE = '../../core/resource.js';

/** Where generated resources import the client's checks from (relative to `gen/resources/`). */
const CHECKS_MODULE = '../../checks.js';

/** Where generated resources import the class of a stream's events from (relative to `gen/resources/`). */
const EVENT_STREAM_MODULE = '../../streams/event-stream.js';

/** The media type a stream method asks for, by the format of its events. */
const STREAM_MEDIA_TYPES = { sse: 'text/event-stream' } as const;

/** The class `webex.teamMemberships` is: `['teamMemberships']` → `TeamMembershipsResource`, `['scim', 'users']` → `ScimUsersResource`. */
export function resourceClassName(resource: IrResource): string {
  return `${pascalCase(resource.property.join(' '))}Resource`;
}

/**
 * The generated class of a resource: its resource class, or `…ResourceBase` when a hand-written class of that name
 * extends it (`MessagesResource` over `MessagesResourceBase`), so that every class `webex` holds has one kind of name.
 */
export function generatedClassName(resource: IrResource, extendedByHand: boolean): string {
  return extendedByHand ? `${resourceClassName(resource)}Base` : resourceClassName(resource);
}

/** `webex.teamMemberships`, `webex.scim.users`. */
function resourcePath(resource: IrResource): string {
  return `webex.${resource.property.join('.')}`;
}

/** Statements of one resource module: imports, then the resource class (its base, when `extendedByHand`). */
export function emitResourceFile(
  resource: IrResource,
  modelsPackage: string,
  extendedByHand = false,
): StatementStructures[] {
  const models = new Set<string>();
  const factories = new Set<string>();
  const checks = new Set<string>();
  let streams = false;
  for (const op of resource.operations) {
    for (const p of op.pathParameters) referencedNames(p.type, models);
    if (op.query) models.add(op.query.typeName);
    if (op.body) referencedNames(op.body.type, models);
    if (op.result.kind === 'json') referencedNames(op.result.type, models);
    if (op.result.kind === 'list') {
      referencedNames(op.result.item, models);
      factories.add(pagingArguments(op.result.paging).factory);
    }
    if (op.result.kind === 'stream') {
      referencedNames(op.result.item, models);
      streams = true;
    }
    if (op.check) checks.add(op.check);
  }
  const statements: StatementStructures[] = [];
  if (models.size) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: modelsPackage,
      namedImports: [...models].sort(),
    });
  }
  if (factories.size) {
    // Each list names its strategy's factory, so a bundle carries only the strategies of the lists it calls.
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@webex-ts/paginate',
      namedImports: [{ name: 'Paginated', isTypeOnly: true }, ...[...factories].sort()],
    });
  }
  statements.push({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: CORE_TYPES_MODULE,
    namedImports: ['RequestOptions', 'ResourceCore'],
  });
  if (checks.size) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: CHECKS_MODULE,
      namedImports: [...checks].sort(),
    });
  }
  if (streams) {
    // Imported only where a resource streams, so a bundle without streams carries no event reader.
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: EVENT_STREAM_MODULE,
      namedImports: ['EventStream'],
    });
  }
  statements.push(emitResourceClass(resource, extendedByHand));
  return statements;
}

/** The class holding one resource's methods, e.g. `RoomsResource` with `list`, `create`, `get`… */
function emitResourceClass(resource: IrResource, extendedByHand: boolean): ClassDeclarationStructure {
  const tags = resource.tags.length
    ? [`Webex API tag${resource.tags.length > 1 ? 's' : ''}: ${resource.tags.join(', ')}.`]
    : [];
  const reached = extendedByHand
    ? `The generated methods of \`${resourcePath(resource)}\`, which is a \`${resourceClassName(resource)}\`: this class and what is written by hand over it.`
    : `Reached as \`${resourcePath(resource)}\`.`;
  return {
    kind: StructureKind.Class,
    name: generatedClassName(resource, extendedByHand),
    isExported: true,
    docs: docsOf({ description: resource.description ?? `The ${resource.property.join('.')} API.` }, [
      reached,
      ...tags,
    ]),
    ctors: [
      {
        docs: [
          {
            description:
              resource.host === undefined
                ? 'Built on a core from `new Webex()` or `createCore()`.'
                : `Built on the core of its host, ${resource.host}: from \`new Webex()\` or \`create${pascalCase(resource.host)}Core()\`.`,
          },
        ],
        parameters: [{ name: 'core', type: 'ResourceCore', scope: Scope.Protected, isReadonly: true }],
      },
    ],
    methods: resource.operations.map(emitOperationMethod),
  };
}

/**
 * The paging arguments of `core.list`: the strategy's factory (`offsetPaging`), and the names it pages by, unless
 * they are the factory's own defaults (Link paging over `items`).
 */
function pagingArguments(paging: NamedPaging): { factory: string; names?: string } {
  const { strategy, ...names } = paging;
  const factory = `${strategy}Paging`;
  if (strategy === 'link' && paging.items === 'items') return { factory };
  const entries = Object.entries(names)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${stringLiteral(value as string)}`);
  return { factory, names: `{ ${entries.join(', ')} }` };
}

/** How a list's doc comment says it pages. */
function pagingWords(paging: NamedPaging): string {
  if (paging.strategy === 'link') return 'the `Link` header';
  if (paging.strategy === 'page') return 'page numbers, from 0';
  return `${paging.strategy} paging`;
}

/**
 * The last parameter: the per-call options, whose `headers` name the operation's header parameters (typed as the
 * strings headers are, each optional unless the spec requires it; a required one makes `options` required too).
 */
function optionsParameter(op: IrOperation): OptionalKind<ParameterDeclarationStructure> {
  if (op.headerParameters.length === 0) return { name: 'options', type: 'RequestOptions', hasQuestionToken: true };
  const required = op.headerParameters.some((p) => p.required);
  const fields = op.headerParameters.map((p) => `${propertyKey(p.name)}${p.required ? '' : '?'}: string`).join('; ');
  return {
    name: 'options',
    type: `RequestOptions & { headers${required ? '' : '?'}: { ${fields} } & Record<string, string> }`,
    hasQuestionToken: !required,
  };
}

/** Names the header parameters `options.headers` takes, with their descriptions. */
function headerParametersNote(op: IrOperation): string {
  if (op.headerParameters.length === 0) return '';
  const each = op.headerParameters.map((p) => {
    const what = p.description
      ? `: ${escapeComment(p.description.replace(/\s+/g, ' ').trim().replace(/[.;]$/, ''))}`
      : '';
    return `\`${p.name}\`${p.required ? ' (required)' : ''}${what}`;
  });
  return ` The operation's header parameters go in \`headers\`: ${each.join('; ')}.`;
}

/** A multipart body's part content types as an object literal: `{ audioFileInfo: 'application/json' }`. */
function partTypesLiteral(partTypes: Record<string, string>): string {
  return `{ ${Object.entries(partTypes)
    .map(([name, type]) => `${propertyKey(name)}: ${stringLiteral(type)}`)
    .join(', ')} }`;
}
/** One method: positional path parameters, then the body, then the query, then per-call options. */
export function emitOperationMethod(op: IrOperation): MethodDeclarationStructure {
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
  signature.push(optionsParameter(op));

  const params = [
    op.pathParameters.length ? `path: { ${op.pathParameters.map((p) => p.name).join(', ')} }` : undefined,
    op.query ? 'query' : undefined,
  ].filter(Boolean);
  const headers = [
    op.body?.contentType ? `'Content-Type': ${stringLiteral(op.body.contentType)}` : undefined,
    op.result.kind === 'stream' ? `Accept: ${stringLiteral(STREAM_MEDIA_TYPES[op.result.format])}` : undefined,
  ].filter(Boolean);
  const commaSeparated = (op.query?.parameters ?? []).filter((p) => p.commaSeparated).map((p) => stringLiteral(p.name));
  const input = [
    params.length ? `params: { ${params.join(', ')} }` : undefined,
    op.body ? 'body' : undefined,
    headers.length ? `headers: { ${headers.join(', ')} }` : undefined,
    commaSeparated.length ? `commaSeparatedQuery: [${commaSeparated.join(', ')}]` : undefined,
    op.body?.partTypes ? `partTypes: ${partTypesLiteral(op.body.partTypes)}` : undefined,
    op.check ? `check: ${op.check}` : undefined,
  ].filter(Boolean);
  const call = [
    stringLiteral(op.label),
    stringLiteral(op.httpMethod),
    stringLiteral(op.path),
    input.length ? `{ ${input.join(', ')} }` : '{}',
    'options',
  ];

  // The answer's type goes to the core by name: the model the spec gives, which the core does not derive again.
  let returnType: string;
  let statement: string;
  if (op.result.kind === 'list') {
    const item = typeExpression(op.result.item);
    returnType = `Paginated<${item}>`;
    const paging = pagingArguments(op.result.paging);
    const args = [...call.filter((_, i) => i !== 1), paging.factory, ...(paging.names ? [paging.names] : [])];
    statement = `return this.core.list<${item}>(${args.join(', ')});`;
  } else if (op.result.kind === 'stream') {
    const item = typeExpression(op.result.item);
    returnType = `EventStream<${item}>`;
    statement = `return new EventStream<${item}>(this.core, ${call.join(', ')});`;
  } else if (op.result.kind === 'text') {
    const numeric = typeExpression(op.result.type) === 'number';
    returnType = `Promise<${numeric ? 'number' : 'string'}>`;
    statement = `return this.core.callText(${call.join(', ')})${numeric ? '.then(Number)' : ''};`;
  } else {
    const answer = op.result.kind === 'json' ? typeExpression(op.result.type) : 'void';
    returnType = `Promise<${answer}>`;
    statement = `return this.core.call<${answer}>(${call.join(', ')});`;
  }

  const description = [op.summary, op.description].filter(Boolean).join('\n\n');
  const paramDocs = parameters.map((p) => {
    const source = op.pathParameters.find((pp) => pp.name === p.name);
    const text = source?.description ?? (p.name === 'body' ? 'What to send.' : 'Query parameters.');
    return { tagName: 'param', text: wrapProse(`${p.name} ${escapeComment(text)}`) };
  });
  const paging =
    op.result.kind === 'list'
      ? [`Pages with ${pagingWords(op.result.paging)}; iterate with \`for await\`.`]
      : op.result.kind === 'stream'
        ? [
            'Streams server-sent events as they come, one item per event; iterate with `for await`, and `break` (or the `signal`) to close the connection.',
          ]
        : [];
  return {
    kind: StructureKind.Method,
    name: op.method,
    docs: [
      {
        description: wrapProse(
          [
            escapeComment(description),
            `\`${op.httpMethod.toUpperCase()} ${op.path}\``,
            ...paging,
            ...(op.factsSource ? [factsSourceNote(op.factsSource)] : []),
          ]
            .filter(Boolean)
            .join('\n\n'),
        ),
        tags: [
          ...paramDocs,
          {
            tagName: 'param',
            text: wrapProse(
              `options Per-call options: \`signal\`, \`timeout\`, \`deadline\`, \`headers\`, \`trackingId\`, \`retryNonIdempotent\`.${headerParametersNote(op)}`,
            ),
          },
          ...(op.deprecated ? [{ tagName: 'deprecated' }] : []),
        ],
      },
    ],
    parameters: signature,
    returnType,
    statements: [statement],
  };
}
