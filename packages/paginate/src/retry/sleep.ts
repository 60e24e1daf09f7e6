import { whenAborted } from '../abort.js';

/** Waits `ms` milliseconds; rejects at once with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let stopWatching: (() => void) | undefined;
    const timer = setTimeout(() => {
      stopWatching?.();
      resolve();
    }, ms);
    if (signal) {
      stopWatching = whenAborted(signal, (reason) => {
        clearTimeout(timer);
        reject(reason);
      });
    }
  });
}
