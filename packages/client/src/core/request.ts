// Builds the request of one operation from its path template, parameters and body.
import type { PlainRequest } from '@webex-ts/paginate';
import type { CallInput } from './resource.js';

/** A body fetch sends as it is (`BodyInit`, spelled so that apps compiled without the DOM library can read it). */
type RawBody = NonNullable<RequestInit['body']>;

const RAW_BODY = (body: unknown): body is RawBody =>
  body instanceof FormData ||
  body instanceof URLSearchParams ||
  body instanceof Blob ||
  body instanceof ArrayBuffer ||
  typeof body === 'string';

/**
 * `a=1&a=2` for arrays, `o[k]=v` for objects: the query styles the spec uses (form, deepObject), both exploded; an
 * array named in `commaSeparated` goes as one value, `a=1,2` (form, not exploded): each item encoded, the commas
 * between them not, as openapi-fetch writes it.
 */
function queryString(query: object | undefined, commaSeparated: readonly string[] = []): string {
  if (!query) return '';
  const parts: string[] = [];
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  };
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value) && commaSeparated.includes(name)) {
      const items = value.filter((item) => item !== undefined && item !== null);
      if (items.length)
        parts.push(`${encodeURIComponent(name)}=${items.map((item) => encodeURIComponent(String(item))).join(',')}`);
    } else if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) add(`${name}[${key}]`, inner);
    else add(name, value);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Path templates split once into literal text (even places) and parameter names (odd places). */
const templates = new Map<string, string[]>();

/** `/rooms/{roomId}` with `roomId` filled in, each value URL-encoded. */
function fillPath(template: string, values: Record<string, unknown> | undefined): string {
  if (!values) return template;
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{([^}]+)\}/);
    // The templates are the spec's paths: a few hundred. The cap only guards against paths built at run time.
    if (templates.size < 2000) templates.set(template, parts);
  }
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    path += (name in values ? encodeURIComponent(String(values[name])) : `{${name}}`) + parts[i + 1];
  }
  return path;
}

/**
 * The request for a method and path under `baseUrl`; JSON bodies are serialised, others sent as they are. A plain
 * request, not a `Request`: fetch builds that itself, once per attempt.
 */
export function buildRequest(
  baseUrl: string,
  method: string,
  path: string,
  parts: CallInput,
  extraHeaders?: Record<string, string>,
): PlainRequest {
  const url =
    baseUrl + fillPath(path, parts.params?.path) + queryString(parts.params?.query, parts.commaSeparatedQuery);
  const headers: Record<string, string> = {};
  if (parts.headers) copyHeaders(parts.headers, headers);
  if (extraHeaders) copyHeaders(extraHeaders, headers);
  let body: RawBody | undefined;
  if (parts.body !== undefined) {
    const type = headers['content-type'] ?? '';
    if (RAW_BODY(parts.body)) {
      body = parts.body;
    } else if (type.startsWith('multipart/form-data') && typeof parts.body === 'object' && parts.body !== null) {
      body = formData(parts.body, parts.partTypes);
      // fetch writes the header itself, with the boundary.
      delete headers['content-type'];
    } else if (
      type.startsWith('application/x-www-form-urlencoded') &&
      typeof parts.body === 'object' &&
      parts.body !== null
    ) {
      body = new URLSearchParams(
        Object.entries(parts.body)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, String(v)]),
      );
    } else {
      body = JSON.stringify(parts.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  return { url, method: method.toUpperCase(), headers, body: body ?? null };
}

function copyHeaders(from: Record<string, string>, to: Record<string, string>): void {
  for (const name in from) to[name.toLowerCase()] = from[name]!;
}

/**
 * A multipart body from a plain object: Blobs as files, arrays as repeated fields, other values as text. A part named
 * in `partTypes` goes with that content type (a JSON part: an object as its JSON, a string as it is), which servers
 * that read the part as a typed value need: a plain text field is `text/plain` to them.
 */
function formData(fields: object, partTypes: Readonly<Record<string, string>> = {}): FormData {
  const form = new FormData();
  const append = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const type = Object.hasOwn(partTypes, name) ? partTypes[name] : undefined;
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
    else if (type !== undefined) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      form.append(name, new Blob([text], { type }), name);
    } else form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  };
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) append(name, item);
    else append(name, value);
  }
  return form;
}
