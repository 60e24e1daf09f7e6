import { SpecError } from '../load/bundle.js';
import type { OpenApiDocument, SdkPaging, SdkPagingConfig } from '../load/openapi.js';
import { hasArrayField, hasField, isArrayAnswer, successAnswer } from './classify.js';
import { operationPlace, type SpecOperation } from './spec-operations.js';
import type { NamedPaging } from './types.js';

/**
 * The names each paging strategy pages by, where `x-sdk-paging` does not give them. Page-number paging has no default
 * items field: without one, the answer is the array itself.
 */
const PAGING_DEFAULTS = {
  link: { items: 'items' },
  offset: { offset: 'offset', limit: 'max', items: 'items' },
  scim: { startIndex: 'startIndex', count: 'count', total: 'totalResults', items: 'Resources' },
  page: { page: 'page', pageSize: 'pageSize', totalPages: 'meta.totalPages', totalRecords: 'meta.totalRecords' },
} as const satisfies { [C in SdkPagingConfig as C['strategy']]: Omit<NamedPagingOf<C>, 'strategy'> };

/** A strategy's config with its names given: all of them, but the items field of page-number paging. */
type NamedPagingOf<C> = C extends { strategy: 'page'; items?: string }
  ? Required<Omit<C, 'items'>> & { items?: string }
  : Required<C>;

/** The settings each strategy takes. */
const SETTINGS: { [S in SdkPagingConfig['strategy']]: readonly string[] } = {
  link: Object.keys(PAGING_DEFAULTS.link),
  offset: Object.keys(PAGING_DEFAULTS.offset),
  scim: Object.keys(PAGING_DEFAULTS.scim),
  page: ['page', 'pageSize', 'items', 'totalPages', 'totalRecords'],
};

/** The settings that name a page-size parameter: left out, the operation may lack it (the server picks the size). */
const PAGE_SIZE_SETTINGS = new Set(['limit', 'count', 'pageSize']);

/**
 * An operation's `x-sdk-paging`, checked: `none`; a strategy with every name it pages by (those it leaves out take
 * the strategy's defaults), each query parameter declared and the items an array of the answer; undefined when the
 * operation does not say. Anything else is a SpecError naming the spec file, the operation and what to write.
 */
export function readPaging(doc: OpenApiDocument, op: SpecOperation): NamedPaging | 'none' | undefined {
  const raw: unknown = op.operation['x-sdk-paging'];
  if (raw === undefined) return undefined;
  const fail = (problem: string) => new SpecError(`${operationPlace(op)}: x-sdk-paging ${problem}`);
  checkWritten(raw, fail);
  if (raw === 'none') return raw;
  if (op.httpMethod !== 'get')
    throw fail(`is for GET operations, which list (this is a ${op.httpMethod.toUpperCase()})`);
  const config: SdkPagingConfig = typeof raw === 'string' ? { strategy: raw } : raw;
  const paging = withDefaults(config);
  const query = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const [setting, name] of pagingParameters(paging)) {
    if (!query.has(name) && !(PAGE_SIZE_SETTINGS.has(setting) && !(setting in config))) {
      throw fail(`names the query parameter "${name}" (${setting}), which the operation does not declare`);
    }
  }
  const answer = successAnswer(doc, op.operation);
  if (paging.items === undefined) {
    if (answer.kind !== 'json' || !isArrayAnswer(doc, answer.schema)) {
      throw fail(
        'names no items field, so the answer must be an array; name the field that holds the items (items: data)',
      );
    }
    return paging;
  }
  if (answer.kind !== 'json' || !hasArrayField(doc, answer.schema, paging.items)) {
    throw fail(`names the items field "${paging.items}", which is not an array in the answer`);
  }
  if (paging.strategy === 'page') {
    for (const setting of ['totalPages', 'totalRecords'] as const) {
      const path = config.strategy === 'page' ? config[setting] : undefined;
      if (path !== undefined && !hasField(doc, answer.schema, path)) {
        throw fail(`names the total "${path}" (${setting}), which is not a field of the answer`);
      }
    }
  }
  return paging;
}

/** `x-sdk-paging` as written: `none`, a strategy, or a strategy with names (strings) it pages by. */
function checkWritten(raw: unknown, fail: (problem: string) => SpecError): asserts raw is SdkPaging {
  if (raw === 'none') return;
  const config = typeof raw === 'string' ? { strategy: raw } : raw;
  if (!isRecord(config) || !isPagingStrategy(config.strategy)) {
    throw fail(`must be link, offset, scim, page or none (got ${JSON.stringify(raw)})`);
  }
  const { strategy, ...given } = config;
  for (const [key, value] of Object.entries(given)) {
    if (!SETTINGS[strategy].includes(key)) throw fail(`has no setting "${key}" for ${strategy} paging`);
    if (typeof value !== 'string') throw fail(`${key} must be a name (got ${JSON.stringify(value)})`);
  }
}

/** A paging config with every name it leaves out taken from its strategy's defaults. */
function withDefaults(config: SdkPagingConfig): NamedPaging {
  // The strategy first, then the names in the defaults' order: the order the operation table and methods print.
  switch (config.strategy) {
    case 'link': {
      const { strategy, ...names } = config;
      return { strategy, ...PAGING_DEFAULTS.link, ...names };
    }
    case 'offset': {
      const { strategy, ...names } = config;
      return { strategy, ...PAGING_DEFAULTS.offset, ...names };
    }
    case 'scim': {
      const { strategy, ...names } = config;
      return { strategy, ...PAGING_DEFAULTS.scim, ...names };
    }
    case 'page': {
      const { strategy, items, ...names } = config;
      const { page, pageSize, totalPages, totalRecords } = { ...PAGING_DEFAULTS.page, ...names };
      return { strategy, page, pageSize, ...(items !== undefined ? { items } : {}), totalPages, totalRecords };
    }
  }
}

/** The query parameters a paging names, each with the setting that names it. */
function pagingParameters(paging: NamedPaging): [setting: string, name: string][] {
  switch (paging.strategy) {
    case 'link':
      return [];
    case 'offset':
      return [
        ['offset', paging.offset],
        ['limit', paging.limit],
      ];
    case 'scim':
      return [
        ['startIndex', paging.startIndex],
        ['count', paging.count],
      ];
    case 'page':
      return [
        ['page', paging.page],
        ['pageSize', paging.pageSize],
      ];
  }
}

function isPagingStrategy(value: unknown): value is SdkPagingConfig['strategy'] {
  return typeof value === 'string' && Object.hasOwn(PAGING_DEFAULTS, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
