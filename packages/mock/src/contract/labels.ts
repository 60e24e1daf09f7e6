// `method path` → `resource.method`, read from the client itself so the proxy names operations exactly as the SDK does.
import * as client from '@webex-ts/client';

type Recorded = Map<string, string>;

/**
 * Every generated resource class calls its core with the operation's label,
 * HTTP method and path template as its first arguments. Calling each method
 * once on a core that only records those gives the exact table, with no copy
 * of the generator's naming rules to drift.
 */
export function operationLabels(): Recorded {
  const labels: Recorded = new Map();
  const record = (label: unknown, method: unknown, path: unknown) => {
    if (typeof label === 'string' && typeof method === 'string' && typeof path === 'string')
      labels.set(`${method.toLowerCase()} ${path}`, label);
  };
  const core = {
    send: (label: unknown, method: unknown, path: unknown) => {
      record(label, method, path);
      return Promise.resolve(undefined);
    },
    sendText: (label: unknown, method: unknown, path: unknown) => {
      record(label, method, path);
      return Promise.resolve('');
    },
    list: (label: unknown, path: unknown) => {
      record(label, 'get', path);
      return emptyListing();
    },
  };
  for (const [name, value] of Object.entries(client)) {
    if (!name.endsWith('Resource') || typeof value !== 'function') continue;
    let instance: Record<string, unknown>;
    try {
      instance = new (value as unknown as new (core: unknown) => Record<string, unknown>)(core);
    } catch {
      continue;
    }
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(instance))) {
      const fn = instance[method];
      if (method === 'constructor' || typeof fn !== 'function') continue;
      try {
        const result: unknown = fn.call(instance);
        if (result instanceof Promise) result.catch(() => undefined);
      } catch {
        // A hand-written method that checks its input first: the fallback label covers it.
      }
    }
  }
  return labels;
}

function emptyListing() {
  return { [Symbol.asyncIterator]: async function* () {} };
}
