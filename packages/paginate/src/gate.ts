import { sleep } from './sleep.js';

/** Settings of a `RequestGate`. */
export interface GateOptions {
  /** Most attempts in flight at once. Default: unlimited. */
  maxConcurrency?: number;
  /** Learn a pace from 429s and keep to it. Default true. */
  adaptive?: boolean;
  /** The window over which the rate that worked is measured, in ms. Default 1000. */
  windowMs?: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

/**
 * Shared by every request of one client: limits concurrency and, once the
 * server starts answering 429, slows everyone down together instead of each
 * request retrying on its own.
 *
 * On the first 429 it paces requests at the rate that was succeeding just
 * before (measured over `windowMs`). A 429 for a request sent after that
 * means the pace is still too fast: everyone pauses for `Retry-After` and the
 * pace halves. Each window without a 429 speeds the pace up a little.
 */
export class RequestGate {
  private readonly maxConcurrency: number;
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
  /** Completion times of recent successes, oldest first. */
  private readonly successes: number[] = [];

  constructor(options: GateOptions = {}) {
    this.maxConcurrency = options.maxConcurrency ?? Infinity;
    this.adaptive = options.adaptive ?? true;
    this.windowMs = options.windowMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Current pace: ms between request starts (0 when not pacing). */
  get pace(): number {
    return this.intervalMs;
  }

  /** Waits for the pause, the pace and a free slot; resolves to the time the attempt may start. */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      const now = this.now();
      const slot = Math.max(now, this.pausedUntil, this.nextSlotAt);
      if (slot > now) {
        // Reserve the slot so that waiters spread out along the pace instead of waking together.
        if (this.intervalMs > 0) this.nextSlotAt = slot + this.intervalMs;
        await sleep(slot - now, signal);
        if (this.now() + 1 < this.pausedUntil) continue;
      } else if (this.intervalMs > 0) {
        this.nextSlotAt = now + this.intervalMs;
      }
      if (this.inFlight < this.maxConcurrency) break;
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = this.waiting.indexOf(wake);
          if (index !== -1) this.waiting.splice(index, 1);
          reject(signal!.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(wake);
      });
      if (this.inFlight < this.maxConcurrency && this.now() >= this.pausedUntil) break;
    }
    this.inFlight++;
    return this.now();
  }

  /** Frees the slot taken by `acquire` and learns from how the attempt ended. */
  release(sentAt: number, status: number | undefined, retryAfterMs: number | undefined): void {
    this.inFlight--;
    this.waiting.shift()?.();
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
      this.intervalMs = this.windowMs / recent;
    } else {
      this.intervalMs = Math.max(this.intervalMs * 2, this.windowMs / Math.max(recent, 1));
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    }
    this.pacedSince = now;
    this.lastSpeedUp = now;
    this.nextSlotAt = Math.max(this.nextSlotAt, now);
  }
}
