// Waiting on a caller's signal: one listener of ours per signal while anything waits on it, none after.
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { whenAborted } from '../src/abort.js';
import { RequestGate, sleep } from '../src/index.js';

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('whenAborted', () => {
  it('puts one listener on the signal however many wait, and takes it off when the last stops', () => {
    const controller = new AbortController();
    const stops = Array.from({ length: 20 }, () => whenAborted(controller.signal, () => {}));
    expect(abortListeners(controller.signal)).toBe(1);
    for (const stop of stops.slice(1)) stop();
    expect(abortListeners(controller.signal)).toBe(1);
    stops[0]!();
    expect(abortListeners(controller.signal)).toBe(0);
    // Waiting again after all stopped puts it back.
    const again = whenAborted(controller.signal, () => {});
    expect(abortListeners(controller.signal)).toBe(1);
    again();
    again();
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('calls each waiter once with the reason, the stopped ones not at all, and leaves nothing', () => {
    const controller = new AbortController();
    const heard: string[] = [];
    whenAborted(controller.signal, (reason) => heard.push(`a ${String(reason)}`));
    const stopB = whenAborted(controller.signal, () => heard.push('b'));
    whenAborted(controller.signal, (reason) => heard.push(`c ${String(reason)}`));
    stopB();
    controller.abort('why');
    controller.abort('again');
    expect(heard).toEqual(['a why', 'c why']);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('calls back at once for a signal already aborted', () => {
    const heard: unknown[] = [];
    const stop = whenAborted(AbortSignal.abort('early'), (reason) => heard.push(reason));
    expect(heard).toEqual(['early']);
    stop();
  });
});

describe('waits under one signal', () => {
  it('sleeps share its listener, end with its reason, and leave none behind', async () => {
    const controller = new AbortController();
    const sleeps = Array.from({ length: 20 }, () => sleep(60_000, controller.signal));
    expect(abortListeners(controller.signal)).toBe(1);
    const reason = new Error('stop waiting');
    controller.abort(reason);
    for (const slept of sleeps) await expect(slept).rejects.toBe(reason);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('a sleep that ends takes its share off', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const slept = sleep(1_000, controller.signal);
      expect(abortListeners(controller.signal)).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      await slept;
      expect(abortListeners(controller.signal)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('requests waiting in the gate’s line share its listener too', async () => {
    const gate = new RequestGate({ maxConcurrency: 1 });
    const first = await gate.acquire();
    const controller = new AbortController();
    const waiting = Array.from({ length: 15 }, () => gate.acquire(controller.signal));
    expect(abortListeners(controller.signal)).toBe(1);
    gate.release(first, 200, undefined);
    // The first in line gets the slot and stops waiting on the signal; the rest still share one listener.
    await waiting[0];
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort(new Error('gave up'));
    for (const wait of waiting.slice(1)) await expect(wait).rejects.toThrow('gave up');
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
