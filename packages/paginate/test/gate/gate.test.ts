import { describe, expect, it, vi } from 'vitest';
import { RequestGate } from '../../src/index.js';
import { ioTurns } from '../waits.js';

/** A gate on a clock the test moves; timers are vitest's fake ones where a test lets the paced line move. */
function gateAt(start = 0) {
  const clock = { now: start };
  const gate = new RequestGate({ now: () => clock.now });
  return { gate, clock };
}

/** `count` successes, all sent at `sentAt`. */
function succeed(gate: RequestGate, count: number, sentAt: number) {
  for (let i = 0; i < count; i++) gate.release(sentAt, 200, undefined);
}

describe('RequestGate: learning the pace', () => {
  it('first guesses a pace a little under the rate that was succeeding, and ignores the burst still in flight', () => {
    const { gate, clock } = gateAt();
    succeed(gate, 100, 0);
    expect(gate.pace).toBe(0);
    clock.now = 50;
    gate.release(10, 429, 1000);
    expect(gate.pace).toBeCloseTo(12.5); // 100 successes in the last second: one per 10 ms, plus 25%
    clock.now = 400;
    gate.release(20, 429, 1000); // sent with the burst, before the pace: when it reached the server is unknown
    expect(gate.pace).toBeCloseTo(12.5);
  });

  it.each([
    // [what, successes sent between the two 429s, second 429 sent at, pace after (ms)]
    ['one per 10 ms over 250 ms, plus 5%', 25, 350, 10.5],
    ['one per 10 ms over 600 ms, plus 5%: faster than the guess', 60, 700, 10.5],
    ['one per 20 ms over 400 ms, plus 5%', 20, 500, 21],
    ['less than a quarter window after the first: too little to tell', 10, 340, 12.5],
  ])('measures the rate between two paced 429s: %s', (_, between, secondAt, pace) => {
    const { gate, clock } = gateAt();
    succeed(gate, 100, 0);
    clock.now = 50;
    gate.release(10, 429, 1000); // the guess: 12.5 ms
    clock.now = 101;
    gate.release(100, 429, 1000); // the first paced 429 starts the measurement
    expect(gate.pace).toBeCloseTo(12.5);
    succeed(gate, between, 200);
    clock.now = secondAt + 1;
    gate.release(secondAt, 429, 1000);
    expect(gate.pace).toBeCloseTo(pace);
  });

  it('measures again over the longer span at each later 429, and slows when nothing got through', () => {
    const { gate, clock } = gateAt();
    succeed(gate, 100, 0);
    clock.now = 50;
    gate.release(10, 429, 1000);
    clock.now = 100;
    gate.release(100, 429, 1000); // starts the measurement
    succeed(gate, 24, 150);
    clock.now = 400;
    gate.release(400, 429, 1000); // 24 in 300 ms
    expect(gate.pace).toBeCloseTo(13.125);
    succeed(gate, 36, 500);
    clock.now = 900;
    gate.release(900, 429, 1000); // 60 in 800 ms: the longer span counts
    expect(gate.pace).toBeCloseTo(14);

    const quiet = gateAt();
    succeed(quiet.gate, 1, 0);
    quiet.gate.release(0, 429, 1000); // one success: 1250 ms
    quiet.clock.now = 100;
    quiet.gate.release(100, 429, 1000); // starts the measurement
    quiet.clock.now = 400;
    quiet.gate.release(400, 429, 1000); // nothing got through in 300 ms: slower by a quarter
    expect(quiet.gate.pace).toBeCloseTo(1562.5);
    quiet.clock.now = 500;
    quiet.gate.release(500, 429, 1000); // at most once per quarter window
    expect(quiet.gate.pace).toBeCloseTo(1562.5);
  });

  it('a 429 after a long quiet spell slows by 5% and measures afresh from there', () => {
    const { gate, clock } = gateAt();
    succeed(gate, 100, 0);
    gate.release(0, 429, 1000);
    clock.now = 100;
    gate.release(100, 429, 1000);
    succeed(gate, 30, 200);
    clock.now = 400;
    gate.release(400, 429, 1000); // 30 in 300 ms: 10.5 ms
    expect(gate.pace).toBeCloseTo(10.5);
    succeed(gate, 600, 3000); // the server's allowance may fill up meanwhile: these say nothing
    clock.now = 6000;
    gate.release(6000, 429, 1000);
    expect(gate.pace).toBeCloseTo(11.025);
    succeed(gate, 25, 6100);
    clock.now = 6300;
    gate.release(6300, 429, 1000); // 25 in 300 ms since the new start
    expect(gate.pace).toBeCloseTo(12.6);
  });

  it('speeds up past a measured pace only after five windows without a 429, and not past it for 30', () => {
    const { gate, clock } = gateAt();
    succeed(gate, 100, 0);
    gate.release(0, 429, 1000);
    clock.now = 100;
    gate.release(100, 429, 1000);
    succeed(gate, 20, 200);
    clock.now = 500;
    gate.release(500, 429, 1000); // 20 in 400 ms: 21 ms
    expect(gate.pace).toBeCloseTo(21);
    for (let window = 1; window <= 29; window++) {
      clock.now = 500 + window * 1000;
      gate.release(clock.now - 5, 200, undefined);
    }
    expect(gate.pace).toBeCloseTo(21); // held at the measured pace
    clock.now = 500 + 31 * 1000;
    gate.release(clock.now - 5, 200, undefined);
    expect(gate.pace).toBeCloseTo(21 * 0.95); // the hold is over: probing again, 5% per window
    clock.now += 500;
    gate.release(clock.now - 5, 200, undefined);
    expect(gate.pace).toBeCloseTo(21 * 0.95);
  });

  it('raises a guessed pace by a quarter each quarter window without a 429 while a line waits for it', async () => {
    vi.useFakeTimers();
    try {
      const { gate, clock } = gateAt();
      succeed(gate, 100, 0);
      clock.now = 10;
      gate.release(0, 429, 1000); // guess: 12.5 ms
      clock.now = 200;
      succeed(gate, 1, 190); // nobody waits: the pace holds
      expect(gate.pace).toBeCloseTo(12.5);
      const line = [gate.acquire(), gate.acquire()];
      clock.now = 260;
      succeed(gate, 1, 250); // a line, and a quarter window without a 429
      expect(gate.pace).toBeCloseTo(10);
      clock.now = 400;
      succeed(gate, 1, 390); // at most once per quarter window
      expect(gate.pace).toBeCloseTo(10);
      succeed(gate, 37, 400);
      clock.now = 410;
      gate.release(400, 429, 1000); // starts the measurement: 40 answered in 400 ms since the first, so 10% over that
      expect(gate.pace).toBeCloseTo(10 / 1.1);
      clock.now = 600;
      succeed(gate, 1, 590);
      expect(gate.pace).toBeCloseTo(10 / 1.1); // not within a quarter window of a 429
      await vi.advanceTimersByTimeAsync(100);
      await Promise.all(line);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts measuring only with a request sent once the burst in flight at the first 429 is all back', () => {
    const { gate, clock } = gateAt();
    const burst = Array.from({ length: 16 }, () => gate.tryAcquire()!);
    for (const sentAt of burst.slice(0, 12)) gate.release(sentAt, 200, undefined);
    clock.now = 40;
    gate.release(0, 429, 1000); // the first: 12 successes, a guess of 104 ms; 3 of the burst still out
    expect(gate.pace).toBeCloseTo(1250 / 12);
    clock.now = 60;
    gate.release(50, 429, 1000); // sent at the pace, but while the burst was still being answered
    gate.release(0, 429, 1000);
    gate.release(0, 429, 1000);
    clock.now = 70;
    gate.release(0, 429, 1000); // the last of the burst is back
    clock.now = 101;
    gate.release(100, 429, 1000); // the first of a measurement
    succeed(gate, 30, 200);
    clock.now = 400;
    gate.release(400, 429, 1000); // 30 in 300 ms, measured from the one sent at 100, not at 50
    expect(gate.pace).toBeCloseTo(10.5);
  });

  it('holds everyone back after a 429 when nothing had succeeded', async () => {
    vi.useFakeTimers();
    try {
      const gate = new RequestGate({ now: () => Date.now() });
      const t0 = Date.now();
      gate.release(t0, 429, 120);
      let startedAt: number | undefined;
      const waiting = gate.acquire().then((at) => (startedAt = at - t0));
      await vi.advanceTimersByTimeAsync(118);
      expect(startedAt).toBeUndefined();
      await vi.advanceTimersByTimeAsync(2);
      await waiting;
      // Let through within the last millisecond of the pause (the pacer's 1 ms tolerance for timers that fire early).
      expect(startedAt).toBeGreaterThanOrEqual(119);
      expect(startedAt).toBeLessThanOrEqual(120);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores 429s when not adaptive', () => {
    const gate = new RequestGate({ adaptive: false });
    gate.release(0, 200, undefined);
    gate.release(0, 429, 1000);
    expect(gate.pace).toBe(0);
  });
});

describe('RequestGate: the paced line', () => {
  it('a pace that changes applies to those already waiting in line', async () => {
    vi.useFakeTimers();
    try {
      const gate = new RequestGate({ now: () => Date.now() });
      const started: number[] = [];
      const t0 = Date.now();
      gate.release(t0, 200, undefined);
      gate.release(t0, 429, 1000); // one success in the last second: a pace of 1250 ms
      const line = [1, 2, 3].map(() =>
        gate.acquire().then((at) => {
          started.push(at - t0);
          gate.release(at, 200, undefined);
        }),
      );
      await vi.advanceTimersByTimeAsync(100);
      gate.release(Date.now(), 429, 1000); // starts a measurement
      await vi.advanceTimersByTimeAsync(300);
      expect(started).toEqual([0]);
      gate.release(Date.now(), 429, 1000); // nothing got through in 300 ms: 1562.5 ms
      await vi.advanceTimersByTimeAsync(3000);
      await Promise.all(line);
      expect(started).toEqual([0, 1250, 2812]); // the third went at the new pace (2812.5), not at 2500
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the pace when its timer fires late: the turns it missed go at once, up to 50 ms of them', async () => {
    vi.useFakeTimers();
    try {
      let lag = 0;
      const gate = new RequestGate({ now: () => Date.now() + lag });
      const t0 = Date.now();
      succeed(gate, 125, t0);
      gate.release(t0, 429, 1000); // 10 ms
      const started: number[] = [];
      const line = Array.from({ length: 12 }, () => gate.acquire().then((at) => started.push(at - t0)));
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual([0]);
      lag = 25; // the timer for the turn due at 10 runs at 35: the turns due at 10, 20 and 30 go
      await vi.advanceTimersByTimeAsync(10);
      expect(started).toEqual([0, 35, 35, 35]);
      lag = 125; // the one due at 40 runs at 140: the turns of the last 50 ms go (90 to 140), not all since 40
      await vi.advanceTimersByTimeAsync(5);
      expect(started.slice(4)).toEqual([140, 140, 140, 140, 140, 140]);
      await vi.advanceTimersByTimeAsync(20);
      await Promise.all(line);
      expect(started.slice(10)).toEqual([150, 160]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not save up turns while nobody waits', async () => {
    vi.useFakeTimers();
    try {
      const gate = new RequestGate({ now: () => Date.now() });
      const t0 = Date.now();
      succeed(gate, 125, t0);
      gate.release(t0, 429, 1000); // 10 ms
      await vi.advanceTimersByTimeAsync(1000);
      const started: number[] = [];
      const line = [1, 2, 3].map(() => gate.acquire().then((at) => started.push(at - t0)));
      await vi.advanceTimersByTimeAsync(30);
      await Promise.all(line);
      expect(started).toEqual([1000, 1010, 1020]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('RequestGate: concurrency', () => {
  it('caps concurrency and lets the next waiter in on release', async () => {
    const gate = new RequestGate({ maxConcurrency: 2 });
    await gate.acquire();
    await gate.acquire();
    let third = false;
    const waiting = gate.acquire().then(() => (third = true));
    await ioTurns();
    expect(third).toBe(false);
    gate.release(0, 200, undefined);
    await waiting;
    expect(third).toBe(true);
  });

  it('a queued acquire ends at once when its signal aborts', async () => {
    const gate = new RequestGate({ maxConcurrency: 1 });
    await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
  });

  it('starts slowly: 16 in flight, twice as many after a window in which the limit held requests back', () => {
    const { gate, clock } = gateAt(5000); // windows count from the first request, not from the clock's origin
    for (let i = 0; i < 16; i++) expect(gate.tryAcquire()).toBe(5000);
    expect(gate.tryAcquire()).toBeUndefined();
    clock.now = 6000;
    for (let i = 0; i < 16; i++) expect(gate.tryAcquire()).toBe(6000);
    expect(gate.tryAcquire()).toBeUndefined();
  });

  it('does not grow the slow-start limit over windows in which it held nobody back', () => {
    const { gate, clock } = gateAt();
    for (let window = 0; window < 5; window++) {
      clock.now = window * 1000;
      expect(gate.tryAcquire()).toBe(clock.now);
      gate.release(clock.now, 200, undefined);
    }
    for (let i = 0; i < 16; i++) expect(gate.tryAcquire()).toBe(4000);
    expect(gate.tryAcquire()).toBeUndefined();
  });
});
