// At most so many REST reads at once: a burst of frames (a replay after a reconnect, a busy room) must not open a
// connection per frame. Waiters start in the order they came, so events keep their order.

/** Runs tasks with at most `slots` at once, first come first served. */
export class Limiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.slots) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
