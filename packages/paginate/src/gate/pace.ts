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
 * The pace a `RequestGate` keeps, learned from how its requests were answered; it decides nothing about who goes
 * when (that is the gate's line).
 *
 * A 429 says the server's allowance was used up when the request arrived.
 * Between two such moments the server let through exactly what it allows in
 * that time (a token bucket refilled at its rate, whatever its burst), so the
 * rate is the successes sent between two 429s over the time between them, and
 * the pace is that rate less 5%. Both 429s must be for requests sent at
 * the pace once the burst's answers were all back: when a request sent in a
 * crowd reached the server is not known well enough. On the first 429 there
 * is only a guess: the rate that was succeeding over the last
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
 * have filled up meanwhile).
 */
export class PaceLearner {
  /** Until when everyone waits (a 429 before anything succeeded). */
  #pausedUntilMs = 0;
  /** Ms between request starts; 0 while not pacing. */
  #interval = 0;
  #pacedSince = Number.NEGATIVE_INFINITY;
  #lastSpeedUp = 0;
  /** The pace measured at the last 429, and until when speeding up stops there. */
  #measuredPace = 0;
  #measuredUntil = 0;
  /** Whether the current pace was measured between two 429s (not a guess). */
  #measured = false;
  /** Successes answered since the first 429: with the time since, a first estimate of the rate. */
  #answeredSinceFirst = 0;
  /**
   * When the paced request that met the first 429 of the current measurement was sent (undefined before one did), and
   * the successes sent since.
   */
  #anchorAt: number | undefined;
  #sinceAnchor = 0;
  /**
   * Requests sent before the first 429 and not back yet (the burst), and when the last of them came back: a request
   * sent while they were still being answered reached the server later than it was sent, by how much is unknown.
   */
  #crowd = 0;
  #crowdBackAt = Number.POSITIVE_INFINITY;
  /** When the first 429 came. */
  #firstLimitedAt = Number.POSITIVE_INFINITY;
  /** When the request that met the latest counted 429 was sent, and when the latest 429 came. */
  #lastLimitedSent = Number.NEGATIVE_INFINITY;
  #lastLimitedAt = Number.NEGATIVE_INFINITY;
  /**
   * When the successes of the last window were sent, roughly oldest first, until the first 429. Send times, not
   * completion times: when the client is busy, answers are read late and in bunches, and would count as a faster rate
   * than the server allowed.
   */
  readonly #successes: number[] = [];

  /** The window over which the rate that worked is measured. */
  readonly #windowMs: number;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Ms between request starts (0 when not pacing). */
  get intervalMs(): number {
    return this.#interval;
  }

  /** Until when nobody may start (0 when there was no such pause). */
  get pausedUntil(): number {
    return this.#pausedUntilMs;
  }

  /** A request sent at `sentAt` came back (whatever its answer, or none). */
  returned(sentAt: number, now: number): void {
    if (this.#crowd > 0 && sentAt < this.#firstLimitedAt && --this.#crowd === 0) this.#crowdBackAt = now;
  }

  /** A request sent at `sentAt` succeeded; `someoneWaits` says whether requests are waiting for their turn. */
  succeeded(sentAt: number, now: number, someoneWaits: boolean): void {
    if (this.#interval === 0) {
      // Kept only for the first guess.
      this.#successes.push(sentAt);
      while (this.#successes.length && this.#successes[0]! < now - this.#windowMs) this.#successes.shift();
      return;
    }
    this.#answeredSinceFirst++;
    if (this.#anchorAt !== undefined && sentAt > this.#anchorAt) this.#sinceAnchor++;
    this.#maybeSpeedUp(now, someoneWaits);
  }

  #maybeSpeedUp(now: number, someoneWaits: boolean): void {
    if (!this.#measured) {
      // Not measured yet: a guessed pace that keeps a line waiting and meets no 429 may be under the rate.
      const quarter = this.#windowMs / 4;
      if (!someoneWaits || now - this.#lastLimitedAt < quarter || now - this.#lastSpeedUp < quarter) return;
      this.#interval /= PROBE_UP;
      this.#lastSpeedUp = now;
      return;
    }
    const quiet = now - this.#pacedSince >= QUIET_WINDOWS * this.#windowMs;
    if (quiet && now - this.#lastSpeedUp >= this.#windowMs) {
      const faster = this.#interval * 0.95;
      this.#interval = now < this.#measuredUntil ? Math.max(faster, this.#measuredPace) : faster;
      this.#lastSpeedUp = now;
    }
  }

  /**
   * A request sent at `sentAt` met a 429; `inFlight` others are still out. True when the pace was set anew: the
   * gate's next turn is then no earlier than now.
   */
  rateLimited(sentAt: number, now: number, retryAfterMs: number, inFlight: number): boolean {
    this.#lastLimitedAt = now;
    if (this.#interval === 0) {
      const recent = this.#successes.filter((t) => t >= now - this.#windowMs).length;
      if (recent > 0) {
        // A little under the rate that was succeeding (burst included): a guess, until two 429s measure the rate.
        this.#interval = (this.#windowMs / recent) * PACE_MARGIN;
      } else {
        // Rate-limited before anything succeeded: nothing to learn from, so everyone waits.
        this.#interval = this.#windowMs;
        this.#pausedUntilMs = Math.max(this.#pausedUntilMs, now + retryAfterMs);
      }
      this.#firstLimitedAt = now;
      this.#crowd = Math.max(0, inFlight);
      if (this.#crowd === 0) this.#crowdBackAt = now;
      return this.#paceChanged(now);
    }
    // Sent with the burst, or while its answers were still coming: when it reached the server is not known well enough.
    if (this.#anchorAt === undefined && !(sentAt >= this.#crowdBackAt)) return false;
    const previous = this.#lastLimitedSent;
    this.#lastLimitedSent = Math.max(previous, sentAt);
    if (this.#anchorAt === undefined || sentAt - previous > QUIET_WINDOWS * this.#windowMs) {
      // The first 429 of a measurement. After a long quiet spell it also says the pace is a little too fast; and the
      // server's allowance may have filled up meanwhile, so what got through since the one before says nothing.
      let changed = false;
      if (this.#anchorAt !== undefined) {
        this.#interval *= MEASURED_MARGIN;
        changed = this.#paceChanged(now);
      } else if (now - this.#firstLimitedAt >= this.#windowMs / 4 && this.#answeredSinceFirst > 0) {
        // The allowance was spent at the first 429 and again now: what was answered since, over the time since, is
        // close to the rate. Just over it until measured, so that the 429 that measures comes soon, and few others.
        this.#interval = (now - this.#firstLimitedAt) / this.#answeredSinceFirst / ESTIMATE_OVER;
        changed = this.#paceChanged(now);
      }
      this.#anchorAt = sentAt;
      this.#sinceAnchor = 0;
      return changed;
    }
    if (sentAt <= this.#anchorAt) return false;
    // Both 429s met an exhausted allowance, so what got through in between is what the server allows in that time.
    // Less than a quarter window is too little to tell.
    const span = sentAt - this.#anchorAt;
    if (span < this.#windowMs / 4) return false;
    if (this.#sinceAnchor > 0) {
      this.#interval = (span / this.#sinceAnchor) * MEASURED_MARGIN;
      this.#measured = true;
      this.#measuredPace = this.#interval;
      this.#measuredUntil = now + MEASURED_HOLD_WINDOWS * this.#windowMs;
    } else if (now - this.#pacedSince >= this.#windowMs / 4) {
      // Nothing got through at all: slower, at most once per quarter window.
      this.#interval *= SLOW_DOWN;
    } else {
      return false;
    }
    return this.#paceChanged(now);
  }

  #paceChanged(now: number): true {
    this.#pacedSince = now;
    this.#lastSpeedUp = now;
    return true;
  }
}
