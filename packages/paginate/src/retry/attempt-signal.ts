import { whenAborted } from '../abort.js';

/**
 * Ends the caller's link to an attempt whose body was handed over unread, once that body can no longer be read: a
 * caller's abort must still stop it meanwhile, as it would a plain fetch's.
 */
const unreadBodies = new FinalizationRegistry<() => void>((stopFollowing) => stopFollowing());

/**
 * One attempt's signal: aborted with the caller's reason when the caller's signal aborts, or with a `TimeoutError`
 * once the attempt has run `timeoutMs`. Its own controller follows the caller's signal through `whenAborted` (one
 * listener per caller's signal, gone when its attempts are), so the caller's signal never reaches fetch: undici leaves
 * a listener on each signal it is given until the request is garbage-collected, and `AbortSignal.any` an entry per
 * call on a long-lived signal. The timer is cleared when the attempt ends rather than left to run, as
 * `AbortSignal.timeout`'s would, for the whole timeout after every request.
 */
export class AttemptSignal {
  readonly signal: AbortSignal;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #stopFollowing: (() => void) | undefined;

  private constructor(caller: AbortSignal | undefined, timeoutMs: number | undefined) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.#timer = timeoutMs === undefined ? undefined : setTimeout(timeOut, timeoutMs, controller, timeoutMs);
    this.#stopFollowing = caller && whenAborted(caller, (reason) => controller.abort(reason));
  }

  /** The signal for one attempt; undefined when there is neither a caller's signal nor a time limit. */
  static start(caller: AbortSignal | undefined, timeoutMs: number | undefined): AttemptSignal | undefined {
    const limited = timeoutMs && timeoutMs !== Infinity ? timeoutMs : undefined;
    return caller || limited ? new AttemptSignal(caller, limited) : undefined;
  }

  /**
   * The attempt is over: its timer stops, and so does its link to the caller's signal, unless `response` is handed
   * over with its body unread. That link then lasts until the body is garbage-collected.
   */
  end(response?: Response): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    const stopFollowing = this.#stopFollowing;
    if (!stopFollowing) return;
    const unread = response && !response.bodyUsed ? response.body : null;
    if (unread) unreadBodies.register(unread, stopFollowing);
    else stopFollowing();
  }
}

function timeOut(controller: AbortController, timeoutMs: number): void {
  controller.abort(new DOMException(`attempt timed out after ${timeoutMs} ms`, 'TimeoutError'));
}
