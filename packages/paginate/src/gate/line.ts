import { whenAborted } from '../abort.js';

/** Joins `line` until someone calls the entry (it is removed first); leaves the line at once when `signal` aborts. */
export function waitInLine(line: (() => void)[], signal: AbortSignal | undefined, joined?: () => void): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    let stopWatching: (() => void) | undefined;
    const wake = () => {
      stopWatching?.();
      resolve();
    };
    if (signal) {
      stopWatching = whenAborted(signal, (reason) => {
        const index = line.indexOf(wake);
        if (index !== -1) line.splice(index, 1);
        reject(reason);
      });
    }
    line.push(wake);
    joined?.();
  });
}
