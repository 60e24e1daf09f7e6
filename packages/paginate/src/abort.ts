/** The callbacks waiting on one signal, and the one listener that calls them. */
interface Watchers {
  readonly callbacks: Set<(reason: unknown) => void>;
  readonly fire: () => void;
}

const watchersOf = new WeakMap<AbortSignal, Watchers>();

/**
 * Calls `callback` with the signal's reason when `signal` aborts (at once if it already has); the function returned
 * stops that, and is safe to call more than once. Give each call its own callback.
 *
 * However many attempts, waits and listings wait on one signal, this package puts one listener on it, and none once
 * they are all done. A listener each would pass Node's limit (ten: a `MaxListenersExceededWarning`) with as many
 * calls at once under one signal; `AbortSignal.any` would leave an entry per call on a long-lived signal, freed only
 * by the major garbage collections if at all (nodejs/node#54614), at several microseconds a call.
 */
export function whenAborted(signal: AbortSignal, callback: (reason: unknown) => void): () => void {
  if (signal.aborted) {
    callback(signal.reason);
    return stopNothing;
  }
  let watchers = watchersOf.get(signal);
  if (watchers === undefined) {
    const callbacks = new Set<(reason: unknown) => void>();
    const fire = () => {
      const waiting = [...callbacks];
      callbacks.clear();
      signal.removeEventListener('abort', fire);
      for (const waiter of waiting) waiter(signal.reason);
    };
    watchers = { callbacks, fire };
    watchersOf.set(signal, watchers);
  }
  const { callbacks, fire } = watchers;
  if (callbacks.size === 0) signal.addEventListener('abort', fire);
  callbacks.add(callback);
  return () => {
    if (callbacks.delete(callback) && callbacks.size === 0) signal.removeEventListener('abort', fire);
  };
}

const stopNothing = () => {};

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = whenAborted(signal, reject);
    void promise.then(resolve, reject).finally(stop);
  });
}
