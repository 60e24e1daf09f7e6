// A contract violation as the proxy reports it, and how it reads in a terminal.
import type { ContractRule } from './issue.js';

/** One way a request or answer broke the spec. Carries no header values, bodies or credentials. */
export interface ContractViolation {
  /** The client's method name (`rooms.get`); `(unknown)` when the spec has no such operation. */
  operation: string;
  method: string;
  /** Path and query as sent, secret-looking query values redacted. */
  path: string;
  /** The upstream's status; undefined when it could not be reached. */
  status: number | undefined;
  where: 'request' | 'response';
  /** Which part of the message: `body`, `query`, `path`, `header` or `status`. */
  part: 'body' | 'query' | 'path' | 'header' | 'status';
  /** RFC 6901 pointer inside that part (`/items/0/title`, `/max`, `/TrackingID`); `''` for the whole. */
  pointer: string;
  rule: ContractRule;
  /** What the spec expected and what came, e.g. `expected string, got integer`. */
  message: string;
}

/** One line: `rooms.get GET /rooms/x → 200: response body /title [type] expected string, got integer`. */
export function formatViolation(v: ContractViolation): string {
  const at = v.part === 'status' ? 'status' : `${v.part} ${v.pointer || '(whole)'}`;
  return `${v.operation} ${v.method} ${v.path} → ${v.status ?? 'no answer'}: ${v.where} ${at} [${v.rule}] ${v.message}`;
}

/** A summary for the end of a run: counts per operation and per rule, then every violation. */
export function summarize(violations: ContractViolation[], requests: number): string {
  if (violations.length === 0) return `${requests} request(s) checked, no contract violations.`;
  const byOperation = countBy(violations, (v) => v.operation);
  const byRule = countBy(violations, (v) => v.rule);
  return [
    `${requests} request(s) checked, ${violations.length} contract violation(s) in ${byOperation.size} operation(s):`,
    ...[...byOperation].map(([operation, n]) => `  ${operation}: ${n}`),
    `by rule: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}`,
    ...violations.map((v) => `  - ${formatViolation(v)}`),
  ].join('\n');
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
