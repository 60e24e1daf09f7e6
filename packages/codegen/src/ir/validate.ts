import { basename } from 'node:path';
import { type Bundle, openApiDocument, SpecError } from '../load/bundle.js';
import type { OpenApiDocument, SchemaObject } from '../load/openapi.js';
import { camelCase } from './names.js';
import { readPaging } from './paging.js';
import { type NamedStream, readStream } from './stream.js';
import { readFactsSource } from './facts-source.js';
import type { IrFactsSource, NamedPaging } from './types.js';
import { checkOwnServer, checkRootHosts, hostOfFile } from './hosts.js';
import { checkSchemas, type NameOverride } from './schema-rules.js';
import { operationPlace, type SpecOperation, specOperations } from './spec-operations.js';

/** A resource: the operations of one spec file, reached at one property of `Webex`. */
interface CheckedResource {
  /** The spec file's name: `team-memberships`, `scim-users`. */
  name: string;
  /** Where it is reached on `Webex`: `['teamMemberships']`, `['scim', 'users']` (from `x-sdk-resource`). */
  property: string[];
  /** The spec file: `messaging/team-memberships`. */
  source: string;
  /** The host it is served from (`x-sdk-host`); none for the root's server. */
  host?: string;
}

/** A schema of `components/schemas`: its name, the spec file it comes from, the schema. */
interface ComponentSchema {
  name: string;
  source: string;
  schema: SchemaObject;
}

/** An operation the client makes a method for, with its `x-sdk-*` settings read and checked. */
export interface CheckedOperation extends SpecOperation {
  operationId: string;
  /** From `x-sdk-method`. */
  method: string;
  /** `teamMemberships.create`, `scim.users.list`. */
  label: string;
  resource: CheckedResource;
  /** From `x-sdk-paging`; undefined when it says nothing. */
  paging: NamedPaging | 'none' | undefined;
  /** From the `x-sdk-stream` of its `text/event-stream` answer; undefined when it does not stream. */
  stream: NamedStream | undefined;
  /** From `x-facts-source`; undefined when its facts are Cisco's document's. */
  factsSource: IrFactsSource | undefined;
  /** From `x-sdk-check`: the name of the client's check function; undefined when it has none. */
  check: string | undefined;
}

/** The specs, checked against every rule of specs/README.md the generator can check: what naming and building read. */
export interface CheckedSpec {
  document: OpenApiDocument;
  /** The component schemas, sorted by name, each with its spec file. */
  components: ComponentSchema[];
  /** Every operation but the hidden ones (`x-sdk-hidden`, wrapped by hand), path by path. */
  operations: CheckedOperation[];
  /** In the order of their first operation. */
  resources: CheckedResource[];
  /** The names spec authors gave inline schemas (`x-sdk-name`). */
  nameOverrides: ReadonlyMap<SchemaObject, NameOverride>;
}

const SETTINGS = {
  file: ['x-sdk-resource', 'x-sdk-host', 'x-sdk-open-enums'],
  operation: ['x-sdk-method', 'x-sdk-paging', 'x-sdk-hidden', 'x-sdk-check'],
};
const CAMEL_NAME = /^[a-z][A-Za-z0-9]*$/;
/** The name of a check function of the client's checks module: `checkMessageCreate`. */
const CHECK_NAME = /^check[A-Z][A-Za-z0-9]*$/;
/** A dotted path of camelCase names, any depth: `rooms`, `scim.users`, `calling.people.callForwarding`. */
const PROPERTY = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/**
 * The first stage: checks the `x-sdk-*` settings and the rules the generator enforces, each refused with a
 * SpecError that names the spec file, the operation or schema, the setting and what to write instead.
 */
export function validateSpecs(bundle: Bundle): CheckedSpec {
  const document = openApiDocument(bundle);
  for (const [source, settings] of bundle.fileSettings) checkSettings(settings, SETTINGS.file, `${source}.yaml`);
  checkRootHosts(bundle);
  const all = specOperations(bundle, document);
  checkOperationIds(all);
  const resources = new Map<string, CheckedResource>();
  const operations: CheckedOperation[] = [];
  const byLabel = new Map<string, CheckedOperation>();
  for (const op of all) {
    checkSettings(op.operation, SETTINGS.operation, operationPlace(op));
    const hidden: unknown = op.operation['x-sdk-hidden'];
    if (hidden !== undefined && typeof hidden !== 'boolean') {
      throw new SpecError(`${operationPlace(op)}: x-sdk-hidden must be true or false (got ${JSON.stringify(hidden)})`);
    }
    // Hidden operations are typed for `createHttp(webex)` (`@webex-ts/client/http`) but wrapped by hand in the client.
    checkOwnServer(op, bundle.fileServers.get(op.source));
    const factsSource = readFactsSource(op.operation, operationPlace(op));
    if (hidden === true) continue;
    const resource = resourceOf(op, bundle, resources);
    const method: unknown = op.operation['x-sdk-method'];
    if (typeof method !== 'string' || !CAMEL_NAME.test(method)) {
      throw new SpecError(
        `${operationPlace(op)}: x-sdk-method must name the method in camelCase (got ${JSON.stringify(method)})`,
      );
    }
    const label = [...resource.property, method].join('.');
    const twin = byLabel.get(label);
    if (twin) {
      throw new SpecError(
        `${operationPlace(op)}: x-sdk-method ${method} is also the method of ${twin.operationId} (webex.${label}); a method name is unique within its resource`,
      );
    }
    const checked: CheckedOperation = {
      ...op,
      // checkOperationIds has made sure of it.
      operationId: op.operation.operationId!,
      method,
      label,
      resource,
      factsSource,
      check: readCheck(op),
      // The stream first: a stream that also says how it pages is told so, not that it has no array to page.
      ...streamAndPaging(document, op),
    };
    operations.push(checked);
    byLabel.set(label, checked);
  }
  checkProperties([...resources.values()], byLabel);
  const schemas = document.components?.schemas ?? {};
  const components = Object.keys(schemas)
    .sort()
    .map((name) => ({
      name,
      source: bundle.componentSources.get(`schemas/${name}`) ?? 'webex',
      schema: schemas[name]!,
    }));
  const nameOverrides = checkSchemas(document, components, operations);
  return {
    document,
    components,
    operations,
    resources: [...resources.values()],
    nameOverrides,
  };
}

/** The check function `x-sdk-check` names, refused unless it reads like one (`checkMessageCreate`). */
function readCheck(op: SpecOperation): string | undefined {
  const check: unknown = op.operation['x-sdk-check'];
  if (check === undefined) return undefined;
  if (typeof check !== 'string' || !CHECK_NAME.test(check)) {
    throw new SpecError(
      `${operationPlace(op)}: x-sdk-check must name a check function of the client, checkSomething (got ${JSON.stringify(check)})`,
    );
  }
  return check;
}

/** An operation's checked stream answer and paging. */
function streamAndPaging(
  document: CheckedSpec['document'],
  op: SpecOperation,
): Pick<CheckedOperation, 'stream' | 'paging'> {
  const stream = readStream(document, op);
  return { stream, paging: stream ? undefined : readPaging(document, op) };
}

/** Only the `x-sdk-*` settings the generator reads: one it does not know would be silently ignored. */
function checkSettings(node: object, known: string[], place: string): void {
  for (const key of Object.keys(node)) {
    if (key.startsWith('x-sdk-') && !known.includes(key)) {
      throw new SpecError(`${place}: ${key} is not a setting the generator knows here (those are ${known.join(', ')})`);
    }
  }
}

/** Every operation has an operationId, unique in the API (hidden ones too: the `paths` types of `@webex-ts/client/http` are keyed by it). */
function checkOperationIds(operations: SpecOperation[]): void {
  const seen = new Map<string, SpecOperation>();
  for (const op of operations) {
    const id = op.operation.operationId;
    if (typeof id !== 'string' || id === '') {
      throw new SpecError(`${operationPlace(op)}: no operationId; every operation needs one, unique in the API`);
    }
    const known = seen.get(id);
    if (known) {
      throw new SpecError(`${operationPlace(op)}: operationId ${id} is also used by ${operationPlace(known)}`);
    }
    seen.set(id, op);
  }
}

/** The resource of an operation's spec file, made on its first operation. */
function resourceOf(op: SpecOperation, bundle: Bundle, resources: Map<string, CheckedResource>): CheckedResource {
  const name = basename(op.source);
  const known = resources.get(name);
  if (known) {
    if (known.source !== op.source) {
      const [first, second] = [known.source, op.source].sort();
      throw new SpecError(`${first}.yaml and ${second}.yaml have the same name: a resource's file name must be unique`);
    }
    return known;
  }
  const configured = bundle.fileSettings.get(op.source)?.['x-sdk-resource'];
  if (configured !== undefined && (typeof configured !== 'string' || !PROPERTY.test(configured))) {
    throw new SpecError(
      `${op.source}.yaml: x-sdk-resource must be a camelCase name, or a dotted path of them (namespace.name, calling.people.name) (got ${JSON.stringify(configured)})`,
    );
  }
  const property = typeof configured === 'string' ? configured.split('.') : [camelCase(name)];
  const host = hostOfFile(op.source, bundle);
  const resource = { name, property, source: op.source, ...(host !== undefined ? { host } : {}) };
  resources.set(name, resource);
  return resource;
}

/**
 * A property on `Webex`, at any depth, is one resource at most; every prefix of a resource's path (`calling`,
 * `calling.people` of `calling.people.callForwarding`) is a namespace, which may be a resource too
 * (`calling.virtualLines` has its own methods and `calling.virtualLines.callForwarding` under it). A resource's
 * sub-resource never has the name of one of its methods.
 */
function checkProperties(resources: CheckedResource[], methods: ReadonlyMap<string, CheckedOperation>): void {
  const owners = new Map<string, { kind: 'resource' | 'namespace'; source: string }>();
  for (const resource of resources) {
    const { property, source } = resource;
    for (let depth = 1; depth <= property.length; depth++) {
      const key = property.slice(0, depth).join('.');
      const kind = depth === property.length ? 'resource' : 'namespace';
      const method = methods.get(key);
      if (method) {
        throw new SpecError(
          `webex.${key} is both a method of ${method.resource.source}.yaml (${method.operationId}) and the ${kind} of ${source}.yaml; rename one of them`,
        );
      }
      const known = owners.get(key);
      if (known && kind === 'resource' && known.kind === 'resource') {
        throw new SpecError(
          `webex.${key} is the resource of both ${known.source}.yaml and ${source}.yaml; give one of them another x-sdk-resource`,
        );
      }
      if (!known || kind === 'resource') owners.set(key, { kind, source });
    }
  }
}
