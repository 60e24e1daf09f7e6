import { describe, expect, it } from 'vitest';
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
    clock = 100;
    gate.release(60, 429, 1000); // within the same window: the pace was just set
    expect(gate.pace).toBeCloseTo(12.5);
    clock = 1100;
    gate.release(1090, 429, 1000); // a window later, still too fast: slower by a fifth
    expect(gate.pace).toBeCloseTo(15.625);
  });

  it('speeds up by 5% per window without a 429', () => {
    let clock = 0;
    const gate = new RequestGate({ now: () => clock });
    gate.release(0, 200, undefined);
    gate.release(0, 429, 1000);
    expect(gate.pace).toBe(1250);
    clock = 1500;
    gate.release(1400, 200, undefined);
    expect(gate.pace).toBeCloseTo(1187.5);
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
