import { waitInLine } from './line.js';
import { PaceLearner } from './pace.js';

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

/** In-flight limit at start-up, before the first window without a 429 in which it held requests back. */
const INITIAL_WINDOW = 16;
/** Past this the slow-start limit is dropped. */
const MAX_START_WINDOW = 1024;
/**
 * How late the pacer may be and still let the turns it missed go at once. Timers fire late (a busy event loop runs
 * them after other work, and Node counts in whole milliseconds); a pace counted from when each timer actually fired
 * would lose that lateness on every turn: 5-10% of a 10 ms pace with a server on the same event loop.
 */
const MAX_LATENESS_MS = 50;

/**
 * Shared by every request of one client: limits concurrency and, once the
 * server starts answering 429, slows everyone down together instead of each
 * request retrying on its own, at the pace a `PaceLearner` learns from the
 * answers (see pace.ts). The pace keeps time: a turn is due one interval
 * after the turn before, so a timer that fires late does not slow it down.
 * At start-up at most 16 requests are in flight, twice as many after each
 * window without a 429 in which that limit held requests back, so that a
 * burst of calls does not meet the limit all at once. The request that got
 * the 429 itself waits its `Retry-After` in the retry loop.
 */
export class RequestGate {
  readonly #maxConcurrency: number;
  /** In-flight limit while starting up: doubles every window without a 429 in which it held requests back. */
  #startWindow: number;
  readonly #adaptive: boolean;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #learned: PaceLearner;
  #inFlight = 0;
  /** Waiting for a free slot. */
  readonly #waiting: (() => void)[] = [];
  /** Waiting for their turn at the pace (or for a pause to end). */
  readonly #paced: (() => void)[] = [];
  #pacer: ReturnType<typeof setTimeout> | undefined;
  /** When the next turn at the pace is due: turns follow one another by the pace, not the timer's firing. */
  #nextSlotAt = 0;
  /** When the slow-start limit last grew (undefined before the first request), and whether it held anyone back since. */
  #lastGrowth: number | undefined;
  #limitReached = false;

  constructor(options: GateOptions = {}) {
    this.#maxConcurrency = options.maxConcurrency ?? Infinity;
    this.#adaptive = options.adaptive ?? true;
    this.#startWindow = this.#adaptive ? INITIAL_WINDOW : Infinity;
    this.#windowMs = options.windowMs ?? 1000;
    this.#now = options.now ?? (() => performance.now());
    this.#learned = new PaceLearner(this.#windowMs);
  }

  /** Current pace: ms between request starts (0 when not pacing). */
  get pace(): number {
    return this.#learned.intervalMs;
  }

  /** Takes a slot at once when nothing holds requests back (the common case); undefined when the caller must wait. */
  tryAcquire(): number | undefined {
    if (this.#inFlight >= this.#limit()) {
      this.#limitReached = true;
      return undefined;
    }
    if (this.#learned.intervalMs > 0) return undefined;
    const now = this.#now();
    if (now < this.#learned.pausedUntil) return undefined;
    this.#inFlight++;
    return now;
  }

  /** Waits for a free slot, the pause and the pace; resolves to the time the attempt starts. */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      while (this.#inFlight >= this.#limit()) {
        this.#limitReached = true;
        await waitInLine(this.#waiting, signal);
      }
      if (this.#learned.intervalMs > 0 || this.#now() + 1 < this.#learned.pausedUntil) {
        await waitInLine(this.#paced, signal, () => this.#joinPaced());
      }
      // While in line a new pause may have begun, or others may have filled the slots.
      if (this.#now() + 1 >= this.#learned.pausedUntil && this.#inFlight < this.#limit()) break;
    }
    this.#inFlight++;
    return this.#now();
  }

  /** Someone joined the paced line. Turns nobody was waiting for are not saved up: the next is no earlier than now. */
  #joinPaced(): void {
    if (this.#pacer === undefined) this.#nextSlotAt = Math.max(this.#nextSlotAt, this.#now());
    this.#schedulePacer();
  }

  /**
   * Lets the paced line through at the pace. Each turn is due one interval after the one before, not after the timer
   * fired: when it fires late, the turns it missed go at once (up to `MAX_LATENESS_MS` of them). The gap is read when
   * each one goes, not fixed when it joined the line, so a pace that changes applies at once to everyone still waiting.
   */
  #schedulePacer(): void {
    if (this.#pacer !== undefined || !this.#paced.length) return;
    const delay = Math.max(this.#nextSlotAt, this.#learned.pausedUntil) - this.#now();
    this.#pacer = setTimeout(
      () => {
        this.#pacer = undefined;
        const now = this.#now();
        const pausedUntil = this.#learned.pausedUntil;
        if (now + 1 >= pausedUntil) {
          let slot = Math.max(this.#nextSlotAt, pausedUntil, now - MAX_LATENESS_MS);
          do {
            slot += this.#learned.intervalMs;
            this.#paced.shift()?.();
          } while (this.#paced.length && slot <= now);
          this.#nextSlotAt = slot;
        }
        this.#schedulePacer();
      },
      Math.max(0, delay),
    );
  }

  #limit(): number {
    if (this.#startWindow !== Infinity) {
      // Windows count from the first request, not from when the process started.
      const now = this.#now();
      this.#lastGrowth ??= now;
      if (now - this.#lastGrowth >= this.#windowMs) {
        // A window went by without a 429: allow twice as many in flight, up to no limit at all. Only if the limit held
        // requests back: a window in which it did not tells nothing about sending more at once.
        if (this.#limitReached)
          this.#startWindow = this.#startWindow >= MAX_START_WINDOW ? Infinity : this.#startWindow * 2;
        this.#lastGrowth = now;
        this.#limitReached = false;
      }
    }
    return Math.min(this.#maxConcurrency, this.#startWindow);
  }

  /** Frees the slot taken by `acquire` and learns from how the attempt ended. */
  release(sentAt: number, status: number | undefined, retryAfterMs: number | undefined): void {
    this.#inFlight--;
    // Wake as many waiters as there are free slots (the slow-start window may just have grown).
    for (let free = this.#limit() - this.#inFlight; free > 0 && this.#waiting.length; free--) this.#waiting.shift()!();
    if (!this.#adaptive) return;
    const now = this.#now();
    this.#learned.returned(sentAt, now);
    if (status === 429) {
      this.#lastGrowth = now; // no slow-start growth right after a 429
      if (this.#learned.rateLimited(sentAt, now, retryAfterMs ?? 1000, this.#inFlight)) {
        this.#nextSlotAt = Math.max(this.#nextSlotAt, now);
      }
    } else if (status !== undefined && status < 400) {
      this.#learned.succeeded(sentAt, now, this.#paced.length > 0);
    }
  }
}
