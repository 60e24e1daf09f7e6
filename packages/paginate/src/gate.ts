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
/** Room left below a rate measured while the server was turning requests away (no burst in it). */
const MEASURED_MARGIN = 1.05;
/**
 * Windows without a 429 before the pace speeds up: a 429 costs the request that meets it its whole `Retry-After`
 * (Webex often says 60 s), so the limit is probed rarely.
 */
const QUIET_WINDOWS = 5;
/** How long, in windows, speeding up stops at a measured pace: probing past it soon would only meet the limit again. */
const MEASURED_HOLD_WINDOWS = 30;
/** Slow-down when nothing got through to measure the allowed rate by. */
const SLOW_DOWN = 1.25;

/**
 * Shared by every request of one client: limits concurrency and, once the
 * server starts answering 429, slows everyone down together instead of each
 * request retrying on its own.
 *
 * On the first 429 it paces requests at the rate that was succeeding just
 * before (measured over `windowMs`, with a 25% margin since that rate may
 * include a burst); when nothing had succeeded yet, everyone pauses for
 * `Retry-After` first. A 429 for a request sent once a pace had been tried for
 * a quarter window means it is still too fast: the pace becomes the rate the
 * server let through meanwhile, plus 5% (at most once per quarter window).
 * After five windows without a 429, each further window speeds it up by 5%,
 * but not past a measured pace for 30 windows: a 429 costs the request that
 * meets it its `Retry-After`, so the limit is probed rarely. At start-up at most 16
 * requests are in flight, twice as many after each window without a 429, so
 * that a burst of calls does not meet the limit all at once. The request that
 * got the 429 itself waits its `Retry-After` in the retry loop.
 */
export class RequestGate {
  private readonly maxConcurrency: number;
  /** In-flight limit while starting up: doubles every window without a 429 until it stops mattering. */
  private startWindow: number;
  private readonly adaptive: boolean;
  private readonly windowMs: number;
  private readonly now: () => number;
  private inFlight = 0;
  /** Waiting for a free slot. */
  private readonly waiting: (() => void)[] = [];
  /** Waiting for their turn at the pace (or for a pause to end). */
  private readonly paced: (() => void)[] = [];
  private pacer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil = 0;
  private intervalMs = 0;
  private nextSlotAt = 0;
  private pacedSince = Number.NEGATIVE_INFINITY;
  private lastSpeedUp = 0;
  /** The pace measured at the last 429, and until when speeding up stops there. */
  private measuredPace = 0;
  private measuredUntil = 0;
  private lastGrowth = 0;
  /**
   * When recent successes were sent, roughly oldest first. Send times, not completion times: when the client is
   * busy, answers are read late and in bunches, and would count as a faster rate than the server allowed.
   */
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
      while (this.inFlight >= this.limit()) await waitInLine(this.waiting, signal);
      if (this.intervalMs > 0 || this.now() + 1 < this.pausedUntil) {
        await waitInLine(this.paced, signal, () => this.schedulePacer());
      }
      // While in line a new pause may have begun, or others may have filled the slots.
      if (this.now() + 1 >= this.pausedUntil && this.inFlight < this.limit()) break;
    }
    this.inFlight++;
    return this.now();
  }

  /**
   * Lets the paced line through one at a time. The gap is read when each one goes, not fixed when it joined the
   * line, so a pace that changes applies at once to everyone still waiting.
   */
  private schedulePacer(): void {
    if (this.pacer !== undefined || !this.paced.length) return;
    const delay = Math.max(this.nextSlotAt, this.pausedUntil) - this.now();
    this.pacer = setTimeout(
      () => {
        this.pacer = undefined;
        const now = this.now();
        if (now + 1 >= this.pausedUntil) {
          this.nextSlotAt = now + this.intervalMs;
          this.paced.shift()?.();
        }
        this.schedulePacer();
      },
      Math.max(0, delay),
    );
  }

  private limit(): number {
    if (this.startWindow !== Infinity && this.now() - this.lastGrowth >= this.windowMs) {
      // A window went by without a 429: allow twice as many in flight, up to no limit at all.
      this.startWindow = this.startWindow >= MAX_START_WINDOW ? Infinity : this.startWindow * 2;
      this.lastGrowth = this.now();
    }
    return Math.min(this.maxConcurrency, this.startWindow);
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
      this.successes.push(sentAt);
      while (this.successes.length && this.successes[0]! < now - this.windowMs) this.successes.shift();
      const quiet = now - this.pacedSince >= QUIET_WINDOWS * this.windowMs;
      if (this.intervalMs > 0 && quiet && now - this.lastSpeedUp >= this.windowMs) {
        const faster = this.intervalMs * 0.95;
        this.intervalMs = now < this.measuredUntil ? Math.max(faster, this.measuredPace) : faster;
        this.lastSpeedUp = now;
      }
    }
  }

  private onRateLimited(sentAt: number, now: number, retryAfterMs: number): void {
    if (sentAt < this.pacedSince) return; // sent before the current pace was set: already accounted for
    if (this.intervalMs === 0) {
      const recent = this.successes.filter((t) => t >= now - this.windowMs).length;
      if (recent > 0) {
        // A little under the rate that worked, so that jitter does not run into the limit.
        this.intervalMs = (this.windowMs / recent) * PACE_MARGIN;
      } else {
        // Rate-limited before anything succeeded: nothing to learn from, so everyone waits.
        this.intervalMs = this.windowMs;
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
      }
    } else {
      // Right after a change the server is still paying for what came before (a burst drains the bucket):
      // only a pace tried for a while tells whether it is too fast.
      const tried = Math.min(now - this.pacedSince, this.windowMs);
      if (tried < this.windowMs / 4) return;
      // While some requests are turned away, those that get through show the rate the server allows.
      const accepted = this.successes.filter((t) => t >= now - tried).length;
      const allowed = accepted > 0 ? (tried / accepted) * MEASURED_MARGIN : this.intervalMs * SLOW_DOWN;
      // Never faster than before: the 429 says the current pace is too fast.
      this.intervalMs = Math.max(allowed, this.intervalMs * MEASURED_MARGIN);
      this.measuredPace = this.intervalMs;
      this.measuredUntil = now + MEASURED_HOLD_WINDOWS * this.windowMs;
    }
    this.lastGrowth = now; // no slow-start growth right after a 429
    this.pacedSince = now;
    this.lastSpeedUp = now;
    this.nextSlotAt = Math.max(this.nextSlotAt, now);
  }
}

/** Joins `line` until someone calls the entry (it is removed first); leaves the line at once when `signal` aborts. */
function waitInLine(line: (() => void)[], signal: AbortSignal | undefined, joined?: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      const index = line.indexOf(wake);
      if (index !== -1) line.splice(index, 1);
      reject(signal!.reason);
    };
    const wake = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    line.push(wake);
    joined?.();
  });
}
