// Deliveries already taken, so that Webex's redeliveries are answered without being handled twice.
/** The most recent keys, oldest dropped first: a bounded memory of deliveries already taken. */
export class RecentKeys {
  readonly #keys = new Map<string, true>();

  constructor(private readonly capacity: number) {}

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    if (this.capacity === 0) return true;
    if (this.#keys.has(key)) return false;
    this.#keys.set(key, true);
    if (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.keys().next().value!);
    return true;
  }

  delete(key: string): void {
    this.#keys.delete(key);
  }
}
