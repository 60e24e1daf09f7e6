/** The generator's intermediate representation: what emitters see instead of raw OpenAPI. */
import type { SdkPagingConfig } from '../load/openapi.js';

/** A TypeScript-shaped type taken from a JSON schema. */
export type IrType =
  | { kind: 'ref'; name: string }
  /** `Blob`: a binary string a request sends (`format: binary`), a file part of a multipart form. */
  | { kind: 'primitive'; type: 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'unknown' | 'Blob' }
  /** `open`: the known values or any other string (`'a' | 'b' | (string & {})`), from `x-sdk-open-enum`. */
  | { kind: 'enum'; values: (string | number | boolean)[]; open?: true }
  | { kind: 'array'; items: IrType }
  | { kind: 'object'; properties: IrProperty[]; additionalProperties?: IrType }
  | { kind: 'union'; members: IrType[] }
  | { kind: 'intersection'; members: IrType[] };

/** Documentation carried from the spec to JSDoc. */
export interface IrDocs {
  description?: string;
  deprecated?: boolean;
  format?: string;
}

/** One property of an object schema. */
export interface IrProperty extends IrDocs {
  name: string;
  type: IrType;
  required: boolean;
}

/** A named type: a component schema, an inline schema given a name, or a query-parameter set. */
export interface IrNamedType extends IrDocs {
  name: string;
  /** Spec file it comes from, e.g. `rooms` or `components/common`. */
  source: string;
  type: IrType;
  /**
   * An inline schema's name before names dropped repeated words, when it differs and no other type has it: kept as
   * a deprecated alias until the next major version.
   */
  formerName?: string;
}

/** A JSON type in one word (`integer`, `string`), as a command line or a query string deals in. */
export type IrScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'object';

/** A parameter's JSON type as a simple string: a scalar, or an array of one (`string[]`). */
export type IrSimpleType = IrScalarType | `${IrScalarType}[]`;

/** One path, query or header parameter. */
export interface IrParameter extends IrDocs {
  name: string;
  type: IrType;
  /** Its schema's JSON type, `string` when the schema names none (an `anyOf`, say). */
  simpleType: IrSimpleType;
  required: boolean;
  /** A query array sent as one comma-separated value (`style: form, explode: false`), not as repeated parameters. */
  commaSeparated?: true;
}

/**
 * A list's paging: its `x-sdk-paging` with every name given (the strategy's defaults filled in). Derived from the
 * spec's own type, `SdkPagingConfig`, which is the shape of `@webex-ts/paginate`'s `PagingConfig`, the one paging
 * type the generated table and resources are checked against (test/ir/paging-type.test.ts keeps the two the same;
 * the generator does not depend on the runtime packages, so it cannot import it).
 */
export type NamedPaging = SdkPagingConfig extends infer Config
  ? Config extends { strategy: 'page' }
    ? // Page-number paging without an items field reads the answer as the array itself.
      Required<Omit<Config, 'items'>> & { items?: string }
    : Config extends unknown
      ? Required<Config>
      : never
  : never;

/** The one source an operation's facts come from, where Cisco's own document does not confirm them (`x-facts-source`). */
export type IrFactsSource = 'wxc_sdk' | 'partner-2025';

/** One API operation as the client exposes it. */
export interface IrOperation extends IrDocs {
  operationId: string;
  /** Where the method is reached on `Webex`, e.g. `teamMemberships.create` or `scim.users.list`. */
  label: string;
  /** Method name on the resource, from `x-sdk-method`. */
  method: string;
  httpMethod: 'get' | 'put' | 'post' | 'delete' | 'patch';
  path: string;
  /** The server the operation, its path or its spec file declares (`servers[0].url`); none means the API's default. */
  server?: string;
  /** The host its spec file names (`x-sdk-host`, one of the root's `x-sdk-hosts`); none means the API's default. */
  host?: string;
  summary?: string;
  /** From `x-facts-source`: its facts rest on this source alone. */
  factsSource?: IrFactsSource;
  /** From `x-sdk-check`: the client's function that checks a rule beyond the spec before sending (`checkMessageCreate`). */
  check?: string;
  pathParameters: IrParameter[];
  /** Header parameters: not arguments of the generated method, but in the operation table. */
  headerParameters: IrParameter[];
  /** Name of the generated interface for the query parameters, when there are any. */
  query?: { typeName: string; required: boolean; parameters: IrParameter[] };
  /**
   * The request body; `contentType` is set when it is not plain JSON, and `partTypes` are the content types a
   * multipart body's spec gives its parts (`encoding`), by part name.
   */
  body?: { type: IrType; required: boolean; contentType?: string; partTypes?: Record<string, string> };
  /** What a successful call resolves to. */
  result:
    | { kind: 'void' }
    | { kind: 'json'; type: IrType }
    | { kind: 'text'; type: IrType }
    | { kind: 'list'; item: IrType; paging: NamedPaging }
    /** Server-sent events read as they come, each event's data one `item`: the method returns an `EventStream`. */
    | { kind: 'stream'; item: IrType; format: 'sse' };
}

/** A group of operations in one spec file, e.g. `rooms`. */
export interface IrResource {
  /** The spec file's name: `team-memberships`, `scim-users`. */
  name: string;
  /** Where it is reached on `Webex`: `['teamMemberships']`, `['scim', 'users']` (from `x-sdk-resource`). */
  property: string[];
  /** The spec file, relative to the specs folder, without extension: `messaging/rooms`. */
  source: string;
  /** The host its operations are served from (`x-sdk-host`); none means the API's default. */
  host?: string;
  /** The Webex tags its operations come from. */
  tags: string[];
  description?: string;
  operations: IrOperation[];
}

/** Everything the emitters need. */
export interface IrModel {
  types: IrNamedType[];
  resources: IrResource[];
}
