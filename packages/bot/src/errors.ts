// The one error the bot raises about itself: an event it could not take. Handler errors are the handlers' own.

/** Why an event was not handled: the bot was not running, its queue was full, or `stop()` gave up waiting for it. */
export type UnavailableReason = 'stopped' | 'busy' | 'abandoned';

/**
 * An event the bot did not handle. `deliver` rejects with it, after the bot has told `onError`; a transport that
 * sees it leaves the event unacknowledged (the webhook transport answers 500) so that it may be delivered again.
 */
export class BotUnavailableError extends Error {
  override name = 'BotUnavailableError';

  constructor(
    /** Why the event was not handled. */
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
  }
}
