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
/** The first guess leaves this much room below the rate that was succeeding, which may include a burst the server will not allow again. */
const PACE_MARGIN = 1.25;
/** Room left below a rate measured between two 429s. */
const MEASURED_MARGIN = 1.05;
/**
 * Speed-up, each quarter window without a 429 while requests wait for their turn, of a pace not measured yet: the
 * first pace is a guess, and one under the server's rate would otherwise never be measured.
 */
const PROBE_UP = 1.25;
/** While the rate is measured, the pace is this much over a first estimate of it, so that the measuring 429 comes soon. */
const ESTIMATE_OVER = 1.1;
/**
 * Windows without a 429 before a measured pace speeds up: a 429 costs the request that meets it its whole
 * `Retry-After` (Webex often says 60 s), so the limit is probed rarely.
 */
const QUIET_WINDOWS = 5;
/** How long, in windows, speeding up stops at a measured pace: probing past it soon would only meet the limit again. */
const MEASURED_HOLD_WINDOWS = 30;
/** Slow-down when nothing got through to measure the allowed rate by. */
const SLOW_DOWN = 1.25;
/**
 * How late the pacer may be and still let the turns it missed go at once. Timers fire late (a busy event loop runs
 * them after other work, and Node counts in whole milliseconds); a pace counted from when each timer actually fired
 * would lose that lateness on every turn: 5-10% of a 10 ms pace with a server on the same event loop.
 */
const MAX_LATENESS_MS = 50;

/**
 * Shared by every request of one client: limits concurrency and, once the
 * server starts answering 429, slows everyone down together instead of each
 * request retrying on its own.
 *
 * A 429 says the server's allowance was used up when the request arrived.
 * Between two such moments the server let through exactly what it allows in
 * that time (a token bucket refilled at its rate, whatever its burst), so the
 * rate is the successes sent between two 429s over the time between them, and
 * the gate paces at that rate less 5%. Both 429s must be for requests sent at
 * the pace once the burst's answers were all back: when a request sent in a
 * crowd reached the server is not known well enough. On the first 429 the
 * gate has only a guess: the rate that was succeeding over the last
 * `windowMs`, burst included, less 25% (when nothing had succeeded, everyone
 * pauses for `Retry-After` first). Until the rate is measured, a pace that
 * meets no 429 for a quarter window while requests wait for it speeds up by
 * 25%. The 429 that starts the measurement gives a first estimate (what was
 * answered since the first 429, over the time since), and the pace is set 10%
 * over it, so that the 429 that measures comes soon and few others do.
 * Each later 429 sent at least a quarter window after that one measures
 * again, over the longer span. A measured pace speeds up only after five
 * windows without a 429, by 5% per window, and not past the measurement for
 * 30 windows: a 429 costs the request that meets it its whole `Retry-After`,
 * so the limit is probed rarely. A 429 more than five windows after the one
 * before slows the pace by 5% and starts a new measurement (the allowance may
 * have filled up meanwhile). The pace keeps time: a turn is due one interval
 * after the turn before, so a timer that fires late does not slow it down.
 * At start-up at most 16 requests are in flight, twice as many after each
 * window without a 429 in which that limit held requests back, so that a
 * burst of calls does not meet the limit all at once. The request that got
 * the 429 itself waits its `Retry-After` in the retry loop.
 */
export class RequestGate {
  private readonly maxConcurrency: number;
  /** In-flight limit while starting up: doubles every window without a 429 in which it held requests back. */
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
  /** When the next turn at the pace is due: turns follow one another by `intervalMs`, not the timer's firing. */
  private nextSlotAt = 0;
  private pacedSince = Number.NEGATIVE_INFINITY;
  private lastSpeedUp = 0;
  /** The pace measured at the last 429, and until when speeding up stops there. */
  private measuredPace = 0;
  private measuredUntil = 0;
  /** Whether the current pace was measured between two 429s (not a guess). */
  private measured = false;
  /** Successes answered since the first 429: with the time since, a first estimate of the rate. */
  private answeredSinceFirst = 0;
  /**
   * When the paced request that met the first 429 of the current measurement was sent (undefined before one did), and
   * the successes sent since.
   */
  private anchorAt: number | undefined;
  private sinceAnchor = 0;
  /**
   * Requests sent before the first 429 and not back yet (the burst), and when the last of them came back: a request
   * sent while they were still being answered reached the server later than it was sent, by how much is unknown.
   */
  private crowd = 0;
  private crowdBackAt = Number.POSITIVE_INFINITY;
  /** When the first 429 came. */
  private firstLimitedAt = Number.POSITIVE_INFINITY;
  /** When the request that met the latest counted 429 was sent, and when the latest 429 came. */
  private lastLimitedSent = Number.NEGATIVE_INFINITY;
  private lastLimitedAt = Number.NEGATIVE_INFINITY;
  /** When the slow-start limit last grew (undefined before the first request), and whether it held anyone back since. */
  private lastGrowth: number | undefined;
  private limitReached = false;
  /**
   * When the successes of the last window were sent, roughly oldest first, until the first 429. Send times, not
   * completion times: when the client is busy, answers are read late and in bunches, and would count as a faster rate
   * than the server allowed.
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
    if (this.inFlight >= this.limit()) {
      this.limitReached = true;
      return undefined;
    }
    if (this.intervalMs > 0) return undefined;
    const now = this.now();
    if (now < this.pausedUntil) return undefined;
    this.inFlight++;
    return now;
  }

  /** Waits for a free slot, the pause and the pace; resolves to the time the attempt starts. */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      while (this.inFlight >= this.limit()) {
        this.limitReached = true;
        await waitInLine(this.waiting, signal);
      }
      if (this.intervalMs > 0 || this.now() + 1 < this.pausedUntil) {
        await waitInLine(this.paced, signal, () => this.joinPaced());
      }
      // While in line a new pause may have begun, or others may have filled the slots.
      if (this.now() + 1 >= this.pausedUntil && this.inFlight < this.limit()) break;
    }
    this.inFlight++;
    return this.now();
  }

  /** Someone joined the paced line. Turns nobody was waiting for are not saved up: the next is no earlier than now. */
  private joinPaced(): void {
    if (this.pacer === undefined) this.nextSlotAt = Math.max(this.nextSlotAt, this.now());
    this.schedulePacer();
  }

  /**
   * Lets the paced line through at the pace. Each turn is due `intervalMs` after the one before, not after the timer
   * fired: when it fires late, the turns it missed go at once (up to `MAX_LATENESS_MS` of them). The gap is read when
   * each one goes, not fixed when it joined the line, so a pace that changes applies at once to everyone still waiting.
   */
  private schedulePacer(): void {
    if (this.pacer !== undefined || !this.paced.length) return;
    const delay = Math.max(this.nextSlotAt, this.pausedUntil) - this.now();
    this.pacer = setTimeout(
      () => {
        this.pacer = undefined;
        const now = this.now();
        if (now + 1 >= this.pausedUntil) {
          let slot = Math.max(this.nextSlotAt, this.pausedUntil, now - MAX_LATENESS_MS);
          do {
            slot += this.intervalMs;
            this.paced.shift()?.();
          } while (this.paced.length && slot <= now);
          this.nextSlotAt = slot;
        }
        this.schedulePacer();
      },
      Math.max(0, delay),
    );
  }

  private limit(): number {
    if (this.startWindow !== Infinity) {
      // Windows count from the first request, not from when the process started.
      const now = this.now();
      this.lastGrowth ??= now;
      if (now - this.lastGrowth >= this.windowMs) {
        // A window went by without a 429: allow twice as many in flight, up to no limit at all. Only if the limit held
        // requests back: a window in which it did not tells nothing about sending more at once.
        if (this.limitReached)
          this.startWindow = this.startWindow >= MAX_START_WINDOW ? Infinity : this.startWindow * 2;
        this.lastGrowth = now;
        this.limitReached = false;
      }
    }
    return Math.min(this.maxConcurrency, this.startWindow);
  }

  /** Frees the slot taken by `acquire` and learns from how the attempt ended. */
  release(sentAt: number, status: number | undefined, retryAfterMs: number | undefined): void {
    this.inFlight--;
    // Wake as many waiters as there are free slots (the slow-start window may just have grown).
    for (let free = this.limit() - this.inFlight; free > 0 && this.waiting.length; free--) this.waiting.shift()!();
    if (!this.adaptive) return;
    const now = this.now();
    if (this.crowd > 0 && sentAt < this.firstLimitedAt && --this.crowd === 0) this.crowdBackAt = now;
    if (status === undefined) return;
    if (status === 429) {
      this.onRateLimited(sentAt, now, retryAfterMs ?? 1000);
    } else if (status < 400) {
      if (this.intervalMs === 0) {
        // Kept only for the first guess.
        this.successes.push(sentAt);
        while (this.successes.length && this.successes[0]! < now - this.windowMs) this.successes.shift();
      } else {
        this.answeredSinceFirst++;
        if (this.anchorAt !== undefined && sentAt > this.anchorAt) this.sinceAnchor++;
        this.maybeSpeedUp(now);
      }
    }
  }

  private maybeSpeedUp(now: number): void {
    if (!this.measured) {
      // Not measured yet: a guessed pace that keeps a line waiting and meets no 429 may be under the rate.
      const quarter = this.windowMs / 4;
      if (!this.paced.length || now - this.lastLimitedAt < quarter || now - this.lastSpeedUp < quarter) return;
      this.intervalMs /= PROBE_UP;
      this.lastSpeedUp = now;
      return;
    }
    const quiet = now - this.pacedSince >= QUIET_WINDOWS * this.windowMs;
    if (quiet && now - this.lastSpeedUp >= this.windowMs) {
      const faster = this.intervalMs * 0.95;
      this.intervalMs = now < this.measuredUntil ? Math.max(faster, this.measuredPace) : faster;
      this.lastSpeedUp = now;
    }
  }

  private onRateLimited(sentAt: number, now: number, retryAfterMs: number): void {
    this.lastLimitedAt = now;
    this.lastGrowth = now; // no slow-start growth right after a 429
    if (this.intervalMs === 0) {
      const recent = this.successes.filter((t) => t >= now - this.windowMs).length;
      if (recent > 0) {
        // A little under the rate that was succeeding (burst included): a guess, until two 429s measure the rate.
        this.intervalMs = (this.windowMs / recent) * PACE_MARGIN;
      } else {
        // Rate-limited before anything succeeded: nothing to learn from, so everyone waits.
        this.intervalMs = this.windowMs;
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
      }
      this.firstLimitedAt = now;
      this.crowd = Math.max(0, this.inFlight);
      if (this.crowd === 0) this.crowdBackAt = now;
      this.paceChanged(now);
      return;
    }
    // Sent with the burst, or while its answers were still coming: when it reached the server is not known well enough.
    if (this.anchorAt === undefined && !(sentAt >= this.crowdBackAt)) return;
    const previous = this.lastLimitedSent;
    this.lastLimitedSent = Math.max(previous, sentAt);
    if (this.anchorAt === undefined || sentAt - previous > QUIET_WINDOWS * this.windowMs) {
      // The first 429 of a measurement. After a long quiet spell it also says the pace is a little too fast; and the
      // server's allowance may have filled up meanwhile, so what got through since the one before says nothing.
      if (this.anchorAt !== undefined) {
        this.intervalMs *= MEASURED_MARGIN;
        this.paceChanged(now);
      } else if (now - this.firstLimitedAt >= this.windowMs / 4 && this.answeredSinceFirst > 0) {
        // The allowance was spent at the first 429 and again now: what was answered since, over the time since, is
        // close to the rate. Just over it until measured, so that the 429 that measures comes soon, and few others.
        this.intervalMs = (now - this.firstLimitedAt) / this.answeredSinceFirst / ESTIMATE_OVER;
        this.paceChanged(now);
      }
      this.anchorAt = sentAt;
      this.sinceAnchor = 0;
      return;
    }
    if (sentAt <= this.anchorAt) return;
    // Both 429s met an exhausted allowance, so what got through in between is what the server allows in that time.
    // Less than a quarter window is too little to tell.
    const span = sentAt - this.anchorAt;
    if (span < this.windowMs / 4) return;
    if (this.sinceAnchor > 0) {
      this.intervalMs = (span / this.sinceAnchor) * MEASURED_MARGIN;
      this.measured = true;
      this.measuredPace = this.intervalMs;
      this.measuredUntil = now + MEASURED_HOLD_WINDOWS * this.windowMs;
    } else if (now - this.pacedSince >= this.windowMs / 4) {
      // Nothing got through at all: slower, at most once per quarter window.
      this.intervalMs *= SLOW_DOWN;
    } else {
      return;
    }
    this.paceChanged(now);
  }

  private paceChanged(now: number): void {
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
