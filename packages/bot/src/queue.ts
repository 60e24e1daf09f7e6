// Per-room ordering: the events of one room run one after another, rooms run side by side, and the waiting is bounded.
import { BotUnavailableError } from './errors.js';

/** How many events may wait or run at once. */
export interface QueueLimits {
  /** In one room; default 100. */
  perRoom?: number;
  /** In all rooms together; default 1000. */
  total?: number;
}

const DEFAULT_PER_ROOM = 100;
const DEFAULT_TOTAL = 1000;

interface Lane {
  /** Settles when the last task queued in this room has. */
  tail: Promise<void>;
  size: number;
}

/** Serial lanes keyed by room: `run(roomId, task)` starts `task` once the room's earlier tasks have settled. */
export class RoomQueues {
  readonly #lanes = new Map<string, Lane>();
  readonly #perRoom: number;
  readonly #total: number;
  #size = 0;
  #waiters: (() => void)[] = [];

  constructor(limits: QueueLimits = {}) {
    this.#perRoom = whole('queue.perRoom', limits.perRoom ?? DEFAULT_PER_ROOM);
    this.#total = whole('queue.total', limits.total ?? DEFAULT_TOTAL);
  }

  /** Events waiting or running. */
  get size(): number {
    return this.#size;
  }

  /** Runs `task` after the room's earlier tasks; rejects with `BotUnavailableError('busy')` when a limit is reached. */
  run<T>(room: string, task: () => Promise<T>): Promise<T> {
    const lane = this.#lanes.get(room) ?? { tail: Promise.resolve(), size: 0 };
    if (lane.size >= this.#perRoom || this.#size >= this.#total) {
      const full = lane.size >= this.#perRoom ? `${this.#perRoom} events of this room` : `${this.#total} events`;
      return Promise.reject(
        new BotUnavailableError(
          'busy',
          `the bot's queue is full (${full} waiting or running); the event was not handled`,
        ),
      );
    }
    lane.size++;
    this.#size++;
    this.#lanes.set(room, lane);
    const result = lane.tail.then(task).finally(() => {
      lane.size--;
      this.#size--;
      if (lane.size === 0 && this.#lanes.get(room) === lane) this.#lanes.delete(room);
      if (this.#size === 0) for (const resolve of this.#waiters.splice(0)) resolve();
    });
    // The next task waits for this one to settle, whichever way.
    lane.tail = result.then(
      () => {},
      () => {},
    );
    return result;
  }

  /** Resolves when nothing waits or runs. */
  idle(): Promise<void> {
    return this.#size === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }
}

function whole(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`createBot: ${name} should be a whole number of events >= 1, got ${String(value)}`);
  return value;
}
