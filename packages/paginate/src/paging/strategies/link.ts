import { relativeToBase } from '../base-url.js';
import { nextLink } from '../link-header.js';
import type { PageRequest, PagingStrategy } from '../strategy.js';
import { itemsAt } from './fields.js';

/** Options of `linkPaging`. */
export interface LinkPagingOptions {
  /** The body field holding the items. Default `items`. */
  items?: string;
  /** Next links must stay under it (same origin and path prefix), else `ForeignLinkError`. */
  baseUrl?: string;
  /** The caller's query: a parameter a next link gives as `null` is sent with the caller's value instead (see below). */
  query?: Record<string, unknown>;
}

/**
 * Paging by RFC 8288 `Link: <…>; rel="next"`, followed as given, with one repair: a query parameter whose value is
 * the literal `null` or `undefined` (a server that wrote out a value it did not have, as in Webex's
 * `…?cursor=abc&max=null`) gets the value the caller gave it, or is left out when the caller gave none, so the next
 * page keeps the caller's page size instead of an invalid one.
 */
export function linkPaging(options: LinkPagingOptions = {}): PagingStrategy {
  const field = options.items ?? 'items';
  const nextFromHeaders = (response: Response): PageRequest | undefined => {
    // An empty URL (a hand-made Response) is no base; a relative link then reads as no link.
    const link = nextLink(response.headers.get('link'), response.url || undefined);
    if (link === undefined) return undefined;
    const url = withCallerValues(link, options.query);
    if (options.baseUrl !== undefined) relativeToBase(url, options.baseUrl);
    return { kind: 'url', url };
  };
  return {
    items: (body) => itemsAt(body, field),
    next: ({ response }) => nextFromHeaders(response),
    nextFromHeaders,
  };
}

const UNSET = /^(?:null|undefined)$/;

/**
 * The link with each `name=null` (or `name=undefined`) replaced by the caller's value of `name`, or dropped when the
 * caller gave none. Every other parameter is kept byte for byte, in its place.
 */
function withCallerValues(link: string, query: Record<string, unknown> | undefined): string {
  const start = link.indexOf('?');
  // Nearly every link has nothing to repair: found without splitting it up.
  if (start === -1 || !/=(?:null|undefined)(?:&|#|$)/.test(link)) return link;
  const end = link.indexOf('#', start);
  const search = link.slice(start + 1, end === -1 ? undefined : end);
  const parts: string[] = [];
  for (const part of search.split('&')) {
    const equals = part.indexOf('=');
    if (equals === -1 || !UNSET.test(part.slice(equals + 1))) {
      parts.push(part);
      continue;
    }
    const name = decodeQueryName(part.slice(0, equals));
    const given = query?.[name];
    for (const value of Array.isArray(given) ? given : [given]) {
      if (value === undefined || value === null) continue;
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  const rebuilt = parts.length ? `?${parts.join('&')}` : '';
  return link.slice(0, start) + rebuilt + (end === -1 ? '' : link.slice(end));
}

function decodeQueryName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
