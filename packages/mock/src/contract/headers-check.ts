// The response headers the client reads (Link, Retry-After, TrackingID): missing when the spec declares them, or malformed.
import type { ResponseObject } from './spec.js';
import type { SchemaIssue } from './issue.js';

const CLIENT_HEADERS = ['Link', 'Retry-After', 'TrackingID'] as const;

/** Issues with the headers the client depends on; other headers, declared or not, are not checked. */
export function checkHeaders(declared: ResponseObject | undefined, headers: Headers): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const declaredNames = new Set(Object.keys(declared?.headers ?? {}).map((name) => name.toLowerCase()));
  for (const name of CLIENT_HEADERS) {
    const value = headers.get(name);
    const pointer = `/${name}`;
    if (value === null) {
      // A missing Link only means the last page; the other two the client needs whenever the spec promises them.
      if (name !== 'Link' && declaredNames.has(name.toLowerCase()))
        issues.push({
          pointer,
          rule: 'header',
          message: `missing ${name} header, which the spec declares for this answer`,
        });
      continue;
    }
    const problem =
      name === 'Link'
        ? linkProblem(value)
        : name === 'Retry-After'
          ? retryAfterProblem(value)
          : value.trim()
            ? undefined
            : 'is empty';
    if (problem) issues.push({ pointer, rule: 'header', message: `malformed ${name} header: ${problem}` });
  }
  return issues;
}

function linkProblem(value: string): string | undefined {
  for (const part of value.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>\s*((?:;\s*[^;]+)*)$/.exec(part);
    if (!match) return 'expected <url>; rel="next" (RFC 8288)';
    if (!URL.canParse(match[1]!)) return 'the link target is not an absolute URL';
    if (!/;\s*rel\s*=/i.test(match[2] ?? '')) return 'a link without rel=';
  }
  return undefined;
}

function retryAfterProblem(value: string): string | undefined {
  if (/^\s*\d+\s*$/.test(value)) return undefined;
  if (/[a-z]/i.test(value) && !Number.isNaN(Date.parse(value))) return undefined;
  return 'expected whole seconds or an HTTP date';
}
