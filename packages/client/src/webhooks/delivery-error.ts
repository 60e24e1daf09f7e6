// Why a delivery was refused before `onEvent`, and the status each refusal is answered with.
import { WebexError } from '../errors/classes.js';

/** Why the receiver refused a delivery before `onEvent`: the `outcome` of a {@link WebhookDeliveryError}. */
export type RefusedOutcome = 'unsigned' | 'bad-signature' | 'bad-payload' | 'too-large' | 'timeout';

const REFUSED_STATUS: Record<RefusedOutcome, number> = {
  unsigned: 401,
  'bad-signature': 403,
  'bad-payload': 400,
  'too-large': 413,
  timeout: 408,
};

/**
 * A delivery the receiver refused, as `onError` hears of it: `outcome` says why, `status` is the answer given, and
 * the message is the reason sent with it. A `bad-payload` refusal has the `WebhookPayloadError` as its `cause`.
 */
export class WebhookDeliveryError extends WebexError {
  override name = 'WebhookDeliveryError';
  /** The status the receiver answered with. */
  readonly status: number;

  constructor(
    readonly outcome: RefusedOutcome,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = REFUSED_STATUS[outcome];
  }
}
