// `webex.webhooks`: the generated resource, with `ensure` for idempotent registration at start-up.
import type { Webhook } from '@webex-ts/models';
import type { RequestOptions } from '../core/resource.js';
import { WebhooksResourceBase } from '../gen/resources/webhooks.gen.js';
import { ensureWebhook, type WebhookSpec } from './ensure.js';

/** `webex.webhooks`: the generated methods, and `ensure` for idempotent registration at start-up. */
export class WebhooksResource extends WebhooksResourceBase {
  /**
   * Creates the webhook named `spec.name`, or updates the existing one to match (see {@link ensureWebhook}).
   * `await webex.webhooks.ensure({ name: 'bot messages', targetUrl, resource: 'messages', event: 'created', secret })`
   */
  ensure(spec: WebhookSpec, options?: RequestOptions): Promise<Webhook> {
    return ensureWebhook({ webhooks: this }, spec, options);
  }
}
