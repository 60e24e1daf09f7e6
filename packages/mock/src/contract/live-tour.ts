// The live contract check: a read-only tour of the real API through the validating proxy, one line per operation.
import { writeFileSync } from 'node:fs';
import { hostOfOperation, hostOfUpstream } from './hosts.js';
import { startProxy } from './proxy.js';
import { redactUpstream } from './redact.js';
import { loadSpec, type Operation } from './spec.js';
import { formatViolation, type ContractViolation } from './violation.js';

/** Options of `runTour`. */
export interface TourOptions {
  /** The access token; sent only to the upstream, never printed or written. */
  token: string;
  /** Default `https://webexapis.com/v1`. */
  upstream?: string;
  /** Spec to check against. Default: the client's bundled spec. */
  spec?: string;
  /** Where progress and the table go. Default: nowhere. */
  log?: (line: string) => void;
  /** Write the steps and violations here as JSON. */
  report?: string;
  /** Give each request this long. Default 30 000 ms. */
  timeoutMs?: number;
}

/** What happened to one operation. */
export interface TourStep {
  operation: string;
  method: string;
  /** Path and query sent (only ids from earlier answers; nothing secret). */
  path: string;
  status?: number;
  outcome: 'ok' | 'violations' | 'skipped';
  note?: string;
  violations: ContractViolation[];
}

/** The whole tour. */
export interface TourResult {
  upstream: string;
  steps: TourStep[];
  violations: ContractViolation[];
}

const DEFAULT_UPSTREAM = 'https://webexapis.com/v1';

/**
 * Runs every GET list operation that needs no path parameter (filling required
 * query parameters from earlier answers, e.g. `roomId` from `rooms.list`), then
 * the resource's `get` of the first item a list returned. 401/403/404 are
 * skipped with a note: the token lacks the scope or the data.
 */
export async function runTour(options: TourOptions): Promise<TourResult> {
  const upstream = options.upstream ?? DEFAULT_UPSTREAM;
  const spec = loadSpec(options.spec);
  const log = options.log ?? (() => undefined);
  const proxy = await startProxy({ upstream, spec: options.spec });
  const steps: TourStep[] = [];
  const known = new Map<string, string>(timeWindow());
  const firstItems = new Map<string, Record<string, unknown>>();
  try {
    const call = async (operation: Operation, path: string): Promise<TourStep> => {
      const before = proxy.violations().length;
      const step: TourStep = { operation: operation.label, method: 'GET', path, outcome: 'ok', violations: [] };
      let body: unknown;
      try {
        const response = await getWithOneRetry(`${proxy.url}${path}`, options.token, options.timeoutMs ?? 30_000);
        step.status = response.status;
        const text = await response.text();
        body = safeJson(text);
      } catch (error) {
        step.outcome = 'skipped';
        step.note = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      step.violations = proxy.violations().slice(before);
      const skipNote = step.status === undefined ? undefined : SKIPPED[step.status];
      if (skipNote) {
        step.outcome = 'skipped';
        step.note = `${step.status}: ${skipNote}`;
      } else if (step.status !== undefined) {
        if (step.violations.length) step.outcome = 'violations';
        if (step.status >= 300) step.note = `answered ${step.status}`;
      }
      if (step.status !== undefined && step.status < 300) harvest(operation, body);
      steps.push(step);
      log(
        `${pad(step.operation, 44)} ${pad(String(step.status ?? '-'), 4)} ${step.outcome}${step.note ? ` (${step.note})` : ''}`,
      );
      return step;
    };

    const harvest = (operation: Operation, body: unknown) => {
      const item = firstItem(body);
      if (!item) return;
      const resource = resourceOf(operation.label);
      if (!firstItems.has(resource)) firstItems.set(resource, item);
      const noun = singular(operation.template.split('/').filter(Boolean).pop() ?? '');
      if (typeof item.id === 'string') {
        known.set(`${noun}Id`, item.id);
        if (noun === 'organization') known.set('orgId', item.id);
      }
      for (const [key, value] of Object.entries(item)) {
        if (typeof value === 'string' && /(Id|Url)$/.test(key) && !known.has(key)) known.set(key, value);
      }
    };

    // Lists first, in passes: a list that needs a roomId waits until rooms.list gave one. Only the upstream's own
    // host's: a Contact Center list is not webexapis.com's to answer, nor the other way round.
    const host = hostOfUpstream(upstream);
    let pending = spec.operations.filter(
      (op) =>
        op.method === 'GET' &&
        !op.hidden &&
        !op.template.includes('{') &&
        /^list/.test(op.sdkMethod) &&
        hostOfOperation(op.label) === host,
    );
    for (let progress = true; progress && pending.length; ) {
      progress = false;
      const waiting: Operation[] = [];
      for (const operation of pending) {
        const query = requiredQuery(spec, operation, known);
        if (query === undefined) {
          waiting.push(operation);
          continue;
        }
        progress = true;
        await call(operation, `${operation.template}${query}`);
      }
      pending = waiting;
    }
    for (const operation of pending) {
      const missing = operation.parameters
        .filter((p) => p.in === 'query' && p.required && !known.has(p.name))
        .map((p) => p.name);
      steps.push({
        operation: operation.label,
        method: 'GET',
        path: operation.template,
        outcome: 'skipped',
        note: `needs ${missing.join(', ')}, which no earlier answer gave`,
        violations: [],
      });
      log(`${pad(operation.label, 44)} -    skipped (needs ${missing.join(', ')})`);
    }

    // Then each resource's get, with the id of the first item its list returned.
    for (const [resource, item] of firstItems) {
      const operation = spec.byLabel(`${resource}.get`);
      if (operation?.method !== 'GET') continue;
      const params = [...operation.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      if (params.length !== 1 || typeof item.id !== 'string') continue;
      const query = requiredQuery(spec, operation, known);
      if (query === undefined) continue;
      await call(operation, `${operation.template.replace(`{${params[0]}}`, encodeURIComponent(item.id))}${query}`);
    }
  } finally {
    await proxy.stop();
  }

  const result: TourResult = {
    upstream: redactUpstream(upstream),
    steps,
    violations: steps.flatMap((s) => s.violations),
  };
  printTable(result, log);
  if (options.report)
    writeFileSync(options.report, `${JSON.stringify({ ...result, finishedAt: new Date().toISOString() }, null, 2)}\n`);
  return result;
}

const SKIPPED: Record<number, string> = {
  401: 'the token was rejected (expired or wrong)',
  403: 'the token lacks the scope or role for this',
  404: 'no data for this token (or not available to it)',
};

function printTable(result: TourResult, log: (line: string) => void): void {
  const count = (outcome: TourStep['outcome']) => result.steps.filter((s) => s.outcome === outcome).length;
  log('');
  log(`${pad('operation', 44)} ${pad('status', 6)} result`);
  for (const step of result.steps) {
    const found = step.violations.length ? `${step.violations.length} violation(s)` : '';
    const result = step.outcome === 'violations' ? found : step.outcome + (found ? `, ${found}` : '');
    log(
      `${pad(step.operation, 44)} ${pad(String(step.status ?? '-'), 6)} ${result}${step.note ? ` — ${step.note}` : ''}`,
    );
  }
  log('');
  log(
    `${count('ok')} ok, ${count('violations')} with violations, ${count('skipped')} skipped; ${result.violations.length} violation(s) against ${result.upstream}`,
  );
  for (const violation of result.violations) log(`  - ${formatViolation(violation)}`);
}

/** `?name=value` for every required query parameter, or undefined when one is unknown. */
function requiredQuery(
  spec: ReturnType<typeof loadSpec>,
  operation: Operation,
  known: Map<string, string>,
): string | undefined {
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || !parameter.required) continue;
    const value = known.get(parameter.name) ?? firstEnumValue(spec, parameter.schema);
    if (value === undefined) return undefined;
    query.set(parameter.name, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function firstEnumValue(
  spec: ReturnType<typeof loadSpec>,
  schema: Parameters<ReturnType<typeof loadSpec>['resolve']>[0],
): string | undefined {
  const resolved = schema ? spec.resolve(schema as { enum?: unknown[] }) : undefined;
  const first = resolved?.enum?.[0];
  return typeof first === 'string' ? first : undefined;
}

// Reports and audits need a window: the last week.
function timeWindow(): [string, string][] {
  const now = new Date();
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString();
  const end = now.toISOString();
  return [
    ['from', weekAgo],
    ['to', end],
    ['startTime', weekAgo],
    ['endTime', end],
  ];
}

async function getWithOneRetry(url: string, token: string, timeoutMs: number): Promise<Response> {
  const get = () =>
    fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  const response = await get();
  if (response.status !== 429) return response;
  // One polite wait on a rate limit: a tour of ~100 calls should not hit it twice.
  const seconds = Math.min(Number(response.headers.get('retry-after')) || 5, 60);
  await response.body?.cancel();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return get();
}

function firstItem(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const list = Array.isArray(record.items)
    ? record.items
    : Array.isArray(record.Resources)
      ? record.Resources
      : Object.values(record).find(Array.isArray);
  const first: unknown = list?.[0];
  return first && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : undefined;
}

function resourceOf(label: string): string {
  return label.slice(0, label.lastIndexOf('.'));
}

function singular(word: string): string {
  if (word === 'people') return 'person';
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, '');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
