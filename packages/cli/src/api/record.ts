// Learns each generated method's operation name, HTTP method and path by calling it on a core that only records.
import { WebexResources, type PagingConfig, type ResourceCore } from '@webex-ts/client';

/** One generated method, as it calls the core. */
export interface RecordedCall {
  /** `rooms.list`, `scim.users.get`. */
  name: string;
  /** How it calls the core: one JSON answer, one text answer, or a listing. */
  kind: 'send' | 'sendText' | 'list';
  /** Lower case, as the spec spells it. */
  method: string;
  /** The spec's path template: `/rooms/{roomId}`. */
  path: string;
  /** Fixed headers the method sends, such as a JSON Patch content type. */
  headers?: Record<string, string>;
  paging?: PagingConfig;
}

interface Input {
  headers?: Record<string, string>;
}

/**
 * Every method of every generated resource. Generated methods only forward
 * their arguments to the core, so calling each once with placeholders on a
 * recording core reveals the call without sending anything.
 */
export function recordCalls(): RecordedCall[] {
  const calls: RecordedCall[] = [];
  const headersOf = (input: unknown) => (input as Input | undefined)?.headers;
  const core = {
    send(name: string, method: string, path: string, input: unknown) {
      calls.push({ name, kind: 'send', method, path, headers: headersOf(input) });
      return Promise.resolve(undefined);
    },
    sendText(name: string, method: string, path: string, input: unknown) {
      calls.push({ name, kind: 'sendText', method, path, headers: headersOf(input) });
      return Promise.resolve('');
    },
    list(name: string, path: string, input: unknown, _options: unknown, paging?: PagingConfig) {
      calls.push({ name, kind: 'list', method: 'get', path, headers: headersOf(input), paging });
      return {};
    },
  };
  walk(new WebexResources(core as unknown as ResourceCore), 0);
  return calls;
}

/** Calls the methods of each resource, going one level into namespaces such as `scim`. */
function walk(container: object, depth: number): void {
  for (const value of Object.values(container)) {
    if (!value || typeof value !== 'object') continue;
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype === Object.prototype) {
      if (depth === 0) walk(value as object, depth + 1);
      continue;
    }
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const method = (value as Record<string, unknown>)[key];
      if (key === 'constructor' || typeof method !== 'function') continue;
      const placeholders = Array.from({ length: method.length }, (_, index) => `{${index}}`);
      try {
        void method.apply(value, placeholders);
      } catch {
        // A method that does more than forward is not a generated one: it records nothing.
      }
    }
  }
}
