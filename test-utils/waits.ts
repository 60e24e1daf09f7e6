// Waiting for what a test is about (an event arrived, a line was printed, a file was written), never for a span of
// time. Real time only bounds a failure: a wait that never ends rejects with what it waited for, well before the
// test's own timeout, so the report names the missing event instead of "test timed out".
import type { ChildProcess } from 'node:child_process';

// Real timers, taken when the module loads: a test that fakes the clock (fake-clock.ts) still gets its safety net.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetImmediate = globalThis.setImmediate;
const realNow = Date.now;

/** How long a wait may take before it counts as never: generous, since only a failure ever reaches it. */
const NEVER_MS = 15_000;

/** What a wait takes besides its check: the name of the awaited thing (for the error) and the real-time bound. */
export interface WaitOptions {
  what?: string;
  ms?: number;
}

function late(options: WaitOptions): Error {
  return new Error(`${options.what ?? 'the condition'} did not happen within ${options.ms ?? NEVER_MS} ms`);
}

/**
 * Something that changes (a list a listener fills, output that grows): whoever changes it calls `changed()`, and
 * `until(check)` settles on the first truthy value of `check`, tried at once and after each change. Nothing polls.
 */
export class Changes {
  readonly #waiting = new Set<() => void>();

  /** Re-runs every pending check. */
  changed(): void {
    for (const check of [...this.#waiting]) check();
  }

  until<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const end = () => {
        realClearTimeout(timer);
        this.#waiting.delete(attempt);
      };
      const attempt = () => {
        let value: T | undefined | null | false;
        try {
          value = check();
        } catch (error) {
          end();
          reject(error);
          return;
        }
        if (!value) return;
        end();
        resolve(value);
      };
      const timer = realSetTimeout(() => {
        end();
        reject(late(options));
      }, options.ms ?? NEVER_MS);
      this.#waiting.add(attempt);
      attempt();
    });
  }
}

/** An array that tells its `Changes` of each push: for what a listener or a loop collects. */
export function watchedList<T>(): { items: T[]; changes: Changes; until: Changes['until'] } {
  const changes = new Changes();
  const items: T[] = [];
  const push = items.push.bind(items);
  // On this one array, and not enumerable: the listener calls `push` as on any array, and `toEqual` sees an array.
  Object.defineProperty(items, 'push', {
    value: (...added: T[]) => {
      const length = push(...added);
      changes.changed();
      return length;
    },
  });
  return { items, changes, until: (check, options) => changes.until(check, options) };
}

/**
 * For state that has no change event (a getter such as `bot.pending`): settles once `check` holds, trying it after
 * each turn of the event loop, I/O included, rather than every so many ms.
 */
export async function untilTurn<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
  const giveUp = realNow() + (options.ms ?? NEVER_MS);
  for (;;) {
    const value = check();
    if (value) return value;
    if (realNow() > giveUp) throw late(options);
    await new Promise<void>((resolve) => realSetImmediate(resolve));
  }
}

/** The output of a child process as it comes (stdout and stderr together), and its exit. */
export interface ChildOutput {
  output(): string;
  /** Settles once the output holds `text`; rejects with the output so far if the process ends first. */
  printed(text: string, options?: WaitOptions): Promise<void>;
  /** The exit code (null after a signal), once the output has ended too. */
  exited: Promise<number | null>;
}

/** Gathers a spawned process's output (spawn it with `stdio` pipes for stdout and stderr). */
export function watchOutput(child: ChildProcess): ChildOutput {
  let out = '';
  let ended = false;
  const changes = new Changes();
  const take = (chunk: Buffer | string) => {
    out += chunk;
    changes.changed();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  // 'close', not 'exit': output may still be on its way when the process exits.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      ended = true;
      changes.changed();
      resolve(code);
    }),
  );
  return {
    output: () => out,
    exited,
    printed: async (text, options = {}) => {
      try {
        await changes.until(() => out.includes(text) || ended, { what: `the process printing "${text}"`, ...options });
      } catch (error) {
        throw new Error(`${(error as Error).message}; it printed:\n${out}`);
      }
      if (!out.includes(text)) throw new Error(`the process ended without printing "${text}":\n${out}`);
    },
  };
}
