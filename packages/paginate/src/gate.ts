import { sleep } from './sleep.js';

/** Settings of a `RequestGate`. */
export interface GateOptions {
  /** Most attempts in flight at once. Default: unlimited (after a short slow start when adaptive). */
  maxConcurrency?: number;
  /** Learn a pace from 429s and keep to it. Default true. */
  adaptive?: boolean;
  /** The window over which the rate that worked is measured, in ms. Default 1000. */
  windowMs?: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

/** In-flight limit at start-up, before the first window without a 429. */
const INITIAL_WINDOW = 16;
/** Past this the slow-start limit is dropped. */
const MAX_START_WINDOW = 1024;
/** The learned pace leaves this much room below the rate that was succeeding, which may include a burst the server will not allow again. */
const PACE_MARGIN = 1.25;

/**
 * Shared by every request of one client: limits concurrency and, once the
 * server starts answering 429, slows everyone down together instead of each
 * request retrying on its own.
 *
 * On the first 429 it paces requests at the rate that was succeeding just
 * before (measured over `windowMs`); when nothing had succeeded yet, everyone
 * pauses for `Retry-After` first. A 429 for a request sent after the pace was
 * set means it is still too fast: the pace slows by a fifth (once per window). Each
 * window without a 429 speeds it up by 5%. At start-up at most 16 requests are in flight, twice
 * as many after each window without a 429, so that a burst of calls does not
 * meet the limit all at once. The request that got the 429 itself waits
 * its `Retry-After` in the retry loop.
 */
export class RequestGate {
  private readonly maxConcurrency: number;
  /** In-flight limit while starting up: doubles every window without a 429 until it stops mattering. */
  private startWindow: number;
  private readonly adaptive: boolean;
  private readonly windowMs: number;
  private readonly now: () => number;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;
  private intervalMs = 0;
  private nextSlotAt = 0;
  private pacedSince = Number.NEGATIVE_INFINITY;
  private lastSpeedUp = 0;
  private lastGrowth = 0;
  /** Completion times of recent successes, oldest first. */
  private readonly successes: number[] = [];

  constructor(options: GateOptions = {}) {
    this.maxConcurrency = options.maxConcurrency ?? Infinity;
    this.adaptive = options.adaptive ?? true;
    this.startWindow = this.adaptive ? INITIAL_WINDOW : Infinity;
    this.windowMs = options.windowMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Current pace: ms between request starts (0 when not pacing). */
  get pace(): number {
    return this.intervalMs;
  }

  /** Takes a slot at once when nothing holds requests back (the common case); undefined when the caller must wait. */
  tryAcquire(): number | undefined {
    if (this.inFlight >= this.limit() || this.intervalMs > 0) return undefined;
    const now = this.now();
    if (now < this.pausedUntil) return undefined;
    this.inFlight++;
    return now;
  }

  /** Waits for a free slot, the pause and the pace; resolves to the time the attempt starts. */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      while (this.inFlight >= this.limit()) await this.queue(signal);
      const now = this.now();
      const slot = Math.max(now, this.pausedUntil, this.nextSlotAt);
      // Reserve the slot so that waiters spread out along the pace instead of waking together.
      if (this.intervalMs > 0) this.nextSlotAt = slot + this.intervalMs;
      if (slot > now) await sleep(slot - now, signal);
      // While asleep a new pause may have begun, or others may have filled the slots.
      if (this.now() + 1 >= this.pausedUntil && this.inFlight < this.limit()) break;
    }
    this.inFlight++;
    return this.now();
  }

  private limit(): number {
    if (this.startWindow !== Infinity && this.now() - this.lastGrowth >= this.windowMs) {
      // A window went by without a 429: allow twice as many in flight, up to no limit at all.
      this.startWindow = this.startWindow >= MAX_START_WINDOW ? Infinity : this.startWindow * 2;
      this.lastGrowth = this.now();
    }
    return Math.min(this.maxConcurrency, this.startWindow);
  }

  private queue(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        const index = this.waiting.indexOf(wake);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(signal!.reason);
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(wake);
    });
  }

  /** Frees the slot taken by `acquire` and learns from how the attempt ended. */
  release(sentAt: number, status: number | undefined, retryAfterMs: number | undefined): void {
    this.inFlight--;
    // Wake as many waiters as there are free slots (the slow-start window may just have grown).
    for (let free = this.limit() - this.inFlight; free > 0 && this.waiting.length; free--) this.waiting.shift()!();
    if (!this.adaptive || status === undefined) return;
    const now = this.now();
    if (status === 429) {
      this.onRateLimited(sentAt, now, retryAfterMs ?? 1000);
    } else if (status < 400) {
      this.successes.push(now);
      while (this.successes.length && this.successes[0]! < now - this.windowMs) this.successes.shift();
      if (this.intervalMs > 0 && now - this.lastSpeedUp >= this.windowMs && now - this.pacedSince >= this.windowMs) {
        this.intervalMs *= 0.95;
        this.lastSpeedUp = now;
      }
    }
  }

  private onRateLimited(sentAt: number, now: number, retryAfterMs: number): void {
    if (sentAt < this.pacedSince) return; // sent before the current pace was set: already accounted for
    const recent = this.successes.filter((t) => t >= now - this.windowMs).length;
    if (this.intervalMs === 0 && recent > 0) {
      // A little under the rate that worked, so that jitter does not run into the limit.
      this.intervalMs = (this.windowMs / recent) * PACE_MARGIN;
    } else if (this.intervalMs === 0) {
      // Rate-limited before anything succeeded: nothing to learn from, so everyone waits.
      this.intervalMs = this.windowMs;
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    } else if (now - this.pacedSince >= this.windowMs) {
      // At most one slow-down per window: the 429s of one window all tell the same thing.
      this.intervalMs *= 1.25;
    } else {
      return;
    }
    this.lastGrowth = now; // no slow-start growth right after a 429
    this.pacedSince = now;
    this.lastSpeedUp = now;
    this.nextSlotAt = Math.max(this.nextSlotAt, now);
  }
}
