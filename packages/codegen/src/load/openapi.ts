/**
 * The OpenAPI 3.1 documents the generator reads, as types: the part of the specification our
 * specs use, and our `x-sdk-*` extensions (specs/README.md).
 *
 * Nothing checks a document against these types as it is read (see `openApiDocument` in
 * bundle.ts): they say what the generator expects. The extensions a spec author writes by hand,
 * which the generator checks and refuses with a SpecError naming the fix, are `unknown` here and
 * narrowed where they are read; so are values JSON Schema lets be anything (`enum`, `const`).
 */

/** A JSON Schema type; 3.1 lists several for a value that may also be null (`[string, 'null']`). */
type SchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** A `$ref` standing in for a node, in the bundle always local: `#/components/parameters/max`. */
export interface Reference {
  $ref: string;
  summary?: string;
  description?: string;
}

/** A node given in place or as a `$ref` to it. */
export type MaybeRef<T> = T | Reference;

/** A root spec file as written, and the bundle made from it and the resource files. */
export interface OpenApiDocument {
  openapi: string;
  info: Info;
  servers?: Server[];
  security?: SecurityRequirement[];
  tags?: Tag[];
  /** Keyed by path template, `/rooms/{roomId}`; in the bundle sorted, each operation with the file it came from. */
  paths?: Record<string, MaybeRef<PathItem>>;
  components?: Components;
  /**
   * Root spec only: the error responses every operation may give, by status. The bundle adds each
   * to every operation that does not declare that status, and leaves this out.
   */
  'x-standard-responses'?: Record<string, MaybeRef<Response>>;
  /**
   * Root spec only: for hosts besides the root's server, by the name resource files give in `x-sdk-host`
   * (`contactCenter`), the error responses their operations give where they differ from the root's standard ones.
   * The bundle reads it and leaves it out.
   */
  'x-sdk-hosts'?: Record<string, { 'x-standard-responses'?: Record<string, MaybeRef<Response>> }>;
}

interface Info {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  license?: { name: string; identifier?: string; url?: string };
}

interface Server {
  url: string;
  description?: string;
  /** The values of each `{name}` in `url`: a default, and the values allowed. */
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

/** Scheme name → the scopes it needs. */
type SecurityRequirement = Record<string, string[]>;

interface Tag {
  name: string;
  description?: string;
}

interface Components {
  schemas?: Record<string, SchemaObject>;
  parameters?: Record<string, MaybeRef<Parameter>>;
  responses?: Record<string, MaybeRef<Response>>;
  requestBodies?: Record<string, MaybeRef<RequestBody>>;
  headers?: Record<string, MaybeRef<Header>>;
  securitySchemes?: Record<string, MaybeRef<SecurityScheme>>;
  pathItems?: Record<string, MaybeRef<PathItem>>;
}

interface SecurityScheme {
  type: 'apiKey' | 'http' | 'mutualTLS' | 'oauth2' | 'openIdConnect';
  description?: string;
  name?: string;
  in?: 'query' | 'header' | 'cookie';
  scheme?: string;
  bearerFormat?: string;
}

/** The operations on one path, and the parameters they share. */
interface PathItem {
  summary?: string;
  description?: string;
  /** Where its operations are served, when not at the document's server. */
  servers?: Server[];
  parameters?: MaybeRef<Parameter>[];
  get?: Operation;
  put?: Operation;
  post?: Operation;
  delete?: Operation;
  patch?: Operation;
  options?: Operation;
  head?: Operation;
  trace?: Operation;
}

/** One operation, with the `x-sdk-*` settings that make it a method of the client. */
export interface Operation {
  /** Unique across all spec files; the IR builder refuses an operation without one. */
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  /** Where it is served, when not at its path's or document's server. */
  servers?: Server[];
  /** Its own parameters; one with the same `in` and `name` as a path-level one replaces it. */
  parameters?: MaybeRef<Parameter>[];
  requestBody?: MaybeRef<RequestBody>;
  /** By status code (`'200'`, `'404'`). */
  responses?: Record<string, MaybeRef<Response>>;
  security?: SecurityRequirement[];
  /** The method's name on its resource, camelCase (`list`, `listFloors`); required, checked by the IR builder. */
  'x-sdk-method'?: unknown;
  /** How a GET list pages, an {@link SdkPaging}; checked by the IR builder. */
  'x-sdk-paging'?: unknown;
  /** `true`: typed for `webex.http` but wrapped by hand in the client, so the generator makes no method for it. */
  'x-sdk-hidden'?: boolean;
  /** The client's check of a rule the spec cannot express (`checkMessageCreate`, in packages/client/src/checks.ts). */
  'x-sdk-check'?: unknown;
  /** `wxc_sdk` or `partner-2025`: the one source its facts come from, not Cisco's document; checked by the IR builder. */
  'x-facts-source'?: unknown;
  /** Drafted by `webex-codegen upstream`, not yet curated. */
  'x-draft'?: boolean;
  /** What a curator of a drafted operation should review. */
  'x-curation'?: string;
}

/** A path, query or header parameter. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: SchemaObject;
  style?: string;
  explode?: boolean;
  example?: unknown;
}

interface Header {
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: SchemaObject;
  example?: unknown;
}

interface RequestBody {
  description?: string;
  /** By media type; the generator takes `application/json` when there, else the first. */
  content?: Record<string, MediaType>;
  required?: boolean;
}

interface Response {
  description: string;
  headers?: Record<string, MaybeRef<Header>>;
  /** By media type; none for an answer without a body (204). */
  content?: Record<string, MediaType>;
}

interface MediaType {
  schema?: SchemaObject;
  /** A multipart body's parts, by name: `contentType` is the part's own (`application/json` for a JSON part). */
  encoding?: Record<string, { contentType?: string }>;
  example?: unknown;
  examples?: Record<string, MaybeRef<{ summary?: string; description?: string; value?: unknown }>>;
  /**
   * On a `text/event-stream` success answer: how its events are read, an {@link SdkStream}. Checked by the IR
   * builder; `schema` is then the text of the body (`type: string`), and `item` the type of each event's data.
   */
  'x-sdk-stream'?: unknown;
}

/**
 * A JSON Schema (2020-12, as OpenAPI 3.1 uses it). A `$ref` is one of its keywords, so a schema
 * may be a ref with others beside it (a description, say): the generator takes it as the ref,
 * and reads the docs beside it for the property it types.
 */
export interface SchemaObject {
  $ref?: string;
  type?: SchemaType | SchemaType[];
  format?: string;
  title?: string;
  description?: string;
  deprecated?: boolean;
  /** OpenAPI 3.0's way to allow null, still honoured; 3.1 lists `'null'` in `type`. */
  nullable?: boolean;
  /** Any JSON values; the IR builder takes strings, numbers and booleans, drops null and refuses the rest. */
  enum?: unknown[];
  /** Any JSON value; the IR builder takes a string, number, boolean or null and refuses the rest. */
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  /** `true`, or left out on an object without properties: any further keys, of unknown type. */
  additionalProperties?: boolean | SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  /**
   * The name of the type for this inline schema (PascalCase), where the generator would name it after its parent and
   * property; checked by the IR builder. A component schema is named by its key.
   */
  'x-sdk-name'?: unknown;
  /**
   * `true`: an enum of strings that is open, its type the known values or any other string. The bundle writes it on
   * every enum of a file with `x-sdk-open-enums: true`; checked by the IR builder.
   */
  'x-sdk-open-enum'?: unknown;
  /** `wxc_sdk` or `partner-2025`: a field known from that one source only; checked by the IR builder. */
  'x-facts-source'?: unknown;
  /**
   * Why each field of `required` (in an answer) is required, by field name; for reviewers of the
   * specs, not read by the generator.
   */
  'x-required-because'?: Record<string, string>;
}

/**
 * `x-sdk-paging` as a spec writes it: `none` (the answer is returned whole), a strategy with its
 * default names, or a strategy with some of its names given.
 */
export type SdkPaging = 'none' | SdkPagingConfig['strategy'] | SdkPagingConfig;

/**
 * A paging strategy and the names it pages by; a name left out takes the strategy's default.
 * - `link`: the `Link: <…>; rel="next"` header; the answer's array is `items`.
 * - `offset`: the query's page offset `offset` and page size `limit` (default `offset`, `max`).
 * - `scim`: SCIM's 1-based `startIndex`, page size `count` and the answer's `total`
 *   (default `startIndex`, `count`, `totalResults`; the array is `Resources`).
 * - `page`: a 0-based page number `page` and page size `pageSize`; the answer is the array itself, or an envelope
 *   whose array is `items`, with the dotted paths of its totals (default `meta.totalPages`, `meta.totalRecords`).
 */
export type SdkPagingConfig =
  | { strategy: 'link'; items?: string }
  | { strategy: 'offset'; offset?: string; limit?: string; items?: string }
  | { strategy: 'scim'; startIndex?: string; count?: string; total?: string; items?: string }
  | { strategy: 'page'; page?: string; pageSize?: string; items?: string; totalPages?: string; totalRecords?: string };

/**
 * `x-sdk-stream` as a spec writes it on a `text/event-stream` answer: the events are server-sent events (`sse`) whose
 * `data` is one JSON value of the schema `item` names (a `$ref` to a component schema).
 */
export interface SdkStream {
  format: 'sse';
  item: SchemaObject;
}
