// A bounded memory of recent keys (activity and message UUIDs), oldest forgotten first: repeats after a reconnect
// or a backfill are delivered once, and memory stays flat however long the bot runs.

/** Where an event is: being fetched or handled, or handled (its frame may be acked again). */
export type KeyState = 'pending' | 'done';

/** The most recent keys and their state. */
export class RecentKeys {
  readonly #keys = new Map<string, KeyState>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#keys.size;
  }

  get(key: string): KeyState | undefined {
    return this.#keys.get(key);
  }

  /** Claims a key not seen yet (state `pending`); false when it is known already. */
  claim(key: string): boolean {
    if (this.#keys.has(key)) return false;
    this.#keys.set(key, 'pending');
    if (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.keys().next().value!);
    return true;
  }

  /** Marks a claimed key handled. A key forgotten meanwhile stays forgotten. */
  done(key: string): void {
    if (this.#keys.has(key)) this.#keys.set(key, 'done');
  }

  /** Forgets a key, so that the event may come again and be handled (after a failure). */
  forget(key: string): void {
    this.#keys.delete(key);
  }
}
