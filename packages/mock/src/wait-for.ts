// Waiting for something a server records: each record calls `notify`, which re-runs the pending checks.

/** What `waitFor` takes besides the check: how long to wait, and what to call the awaited thing in the error. */
export interface WaitOptions {
  timeoutMs?: number;
  what?: string;
}

/** Checks that wait for the next record; `notify` re-runs them all after each one. */
export class Waiters {
  readonly #pending = new Set<() => void>();

  constructor(private readonly owner: string) {}

  notify(): void {
    for (const waiter of [...this.#pending]) waiter();
  }

  /** Resolves with the first truthy value of `check`, run now and after each record; rejects at the timeout. */
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        this.#pending.delete(attempt);
      };
      const attempt = () => {
        try {
          const value = check();
          if (value) {
            finish();
            resolve(value);
          }
        } catch (error) {
          finish();
          reject(error);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(`${this.owner}.waitFor: ${options.what ?? 'the condition'} did not happen within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.#pending.add(attempt);
      attempt();
    });
  }
}
