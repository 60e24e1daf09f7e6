import { describe, expect, it, vi } from 'vitest';
import { RequestGate } from '../src/index.js';

describe('RequestGate', () => {
  it('learns the pace from the successes before the first 429, then slows on later ones', () => {
    let clock = 0;
    const gate = new RequestGate({ now: () => clock });
    for (let i = 0; i < 100; i++) gate.release(0, 200, undefined);
    expect(gate.pace).toBe(0);
    clock = 50;
    gate.release(10, 429, 1000);
    expect(gate.pace).toBeCloseTo(12.5); // 100 successes in the last second: one per 10 ms, plus a 25% margin
    gate.release(20, 429, 1000); // sent before the pace was set: already accounted for
    expect(gate.pace).toBeCloseTo(12.5);
    clock = 200;
    gate.release(60, 429, 1000); // the pace was tried for less than a quarter window: the burst's debt, not the pace
    expect(gate.pace).toBeCloseTo(12.5);
    for (let i = 0; i < 20; i++) gate.release(300, 200, undefined);
    clock = 550;
    gate.release(540, 429, 1000); // tried for 500 ms, 20 got through meanwhile: one per 25 ms, plus 5%
    expect(gate.pace).toBeCloseTo(26.25);
    clock = 700;
    gate.release(600, 429, 1000); // again within a quarter window of the change: ignored
    expect(gate.pace).toBeCloseTo(26.25);
    clock = 1000;
    gate.release(900, 429, 1000); // nothing got through since: slower by a fifth
    expect(gate.pace).toBeCloseTo(32.8125);
  });

  it('speeds up no further than a measured pace for 30 windows, then probes again', () => {
    let clock = 0;
    const gate = new RequestGate({ now: () => clock });
    for (let i = 0; i < 100; i++) gate.release(0, 200, undefined);
    clock = 50;
    gate.release(10, 429, 1000); // first guess: 12.5 ms
    for (let i = 0; i < 25; i++) gate.release(100, 200, undefined);
    clock = 550;
    gate.release(540, 429, 1000); // 25 through in 500 ms: one per 20 ms, plus 5%
    expect(gate.pace).toBeCloseTo(21);
    for (let window = 1; window <= 29; window++) {
      clock = 550 + window * 1000;
      gate.release(clock - 5, 200, undefined);
    }
    expect(gate.pace).toBeCloseTo(21); // held at the measured pace
    clock = 550 + 31 * 1000;
    gate.release(clock - 5, 200, undefined);
    expect(gate.pace).toBeCloseTo(21 * 0.95); // the hold is over: probing again
  });

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
      await vi.advanceTimersByTimeAsync(300);
      expect(started).toEqual([0]);
      gate.release(Date.now(), 429, 1000); // tried for 300 ms, still turned away: the pace slows to 1312.5 ms
      await vi.advanceTimersByTimeAsync(3000);
      await Promise.all(line);
      expect(started).toEqual([0, 1250, 2562]); // the third went at the new pace (1312.5 ms), not at 2500
    } finally {
      vi.useRealTimers();
    }
  });

  it('speeds up by 5% per window once five windows went by without a 429', () => {
    let clock = 0;
    const gate = new RequestGate({ now: () => clock });
    gate.release(0, 200, undefined);
    gate.release(0, 429, 1000);
    expect(gate.pace).toBe(1250);
    clock = 4500;
    gate.release(4400, 200, undefined);
    expect(gate.pace).toBe(1250); // four and a half quiet windows: not yet
    clock = 5000;
    gate.release(4900, 200, undefined);
    expect(gate.pace).toBeCloseTo(1187.5);
    clock = 5500;
    gate.release(5400, 200, undefined);
    expect(gate.pace).toBeCloseTo(1187.5); // at most once per window
    clock = 6000;
    gate.release(5900, 200, undefined);
    expect(gate.pace).toBeCloseTo(1128.125);
  });

  it('holds everyone back after a 429 when nothing had succeeded', async () => {
    const gate = new RequestGate();
    gate.release(performance.now(), 429, 120);
    const started = performance.now();
    await gate.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('ignores 429s when not adaptive', () => {
    const gate = new RequestGate({ adaptive: false });
    gate.release(0, 200, undefined);
    gate.release(0, 429, 1000);
    expect(gate.pace).toBe(0);
  });

  it('caps concurrency and lets the next waiter in on release', async () => {
    const gate = new RequestGate({ maxConcurrency: 2 });
    await gate.acquire();
    await gate.acquire();
    let third = false;
    const waiting = gate.acquire().then(() => (third = true));
    await new Promise((r) => setTimeout(r, 10));
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

  it('starts slowly: 16 in flight, twice as many after a window without a 429', async () => {
    let clock = 0;
    const gate = new RequestGate({ now: () => clock, windowMs: 1000 });
    for (let i = 0; i < 16; i++) expect(gate.tryAcquire()).toBe(0);
    expect(gate.tryAcquire()).toBeUndefined();
    clock = 1000;
    for (let i = 0; i < 16; i++) expect(gate.tryAcquire()).toBe(1000);
    expect(gate.tryAcquire()).toBeUndefined();
  });
});
