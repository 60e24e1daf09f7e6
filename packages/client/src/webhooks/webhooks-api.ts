import type { Webhook } from '@webex-ts/models';
import { WebhooksResource } from '../gen/resources/webhooks.gen.js';
import type { RequestOptions } from '../config/options.js';
import { ensureWebhook, type WebhookSpec } from './ensure.js';

/** `webex.webhooks`, with `ensure` for idempotent registration at start-up. */
export class WebhooksApi extends WebhooksResource {
  /**
   * Creates the webhook named `spec.name`, or updates the existing one to match (see {@link ensureWebhook}).
   * `await webex.webhooks.ensure({ name: 'bot messages', targetUrl, resource: 'messages', event: 'created', secret })`
   */
  ensure(spec: WebhookSpec, options?: RequestOptions): Promise<Webhook> {
    return ensureWebhook({ webhooks: this }, spec, options);
  }
}
