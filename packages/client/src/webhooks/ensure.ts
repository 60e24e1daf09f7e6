// Start-up registration for a bot: make the named webhook exist exactly as specified, whatever state it was left in.
import type {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  Webhook,
  WebhookEvent,
  WebhookResource,
} from '@webex-ts/models';
import { WebexValidationError } from '../errors/classes.js';
import type { WebhooksResourceBase } from '../gen/resources/webhooks.gen.js';
import type { RequestOptions } from '../core/resource.js';

/** The webhook a bot wants; `name` is its key: one webhook per name. */
export interface WebhookSpec {
  /** Identifies the webhook among the caller's own; keep it stable across deploys. */
  name: string;
  targetUrl: string;
  resource: WebhookResource;
  event: WebhookEvent;
  /** Signs each delivery; give it, so that the receiver can verify deliveries. */
  secret?: string;
  filter?: string;
}

/** The webhook operations `ensureWebhook` uses: `webex.webhooks` fits. */
export type WebhookOperations = Pick<WebhooksResourceBase, 'list' | 'create' | 'update' | 'delete'>;

/**
 * Creates the webhook named `spec.name`, or brings the existing one in line (idempotent, for start-up):
 * a changed `targetUrl` or `secret`, or an `inactive` status, is updated in place; a changed `resource`,
 * `event` or `filter` (which Webex cannot update) replaces it. Returns the webhook as Webex now holds it.
 */
export async function ensureWebhook(
  webex: { webhooks: WebhookOperations },
  spec: WebhookSpec,
  options?: RequestOptions,
): Promise<Webhook> {
  for (const field of ['name', 'targetUrl', 'resource', 'event'] as const) {
    if (typeof spec?.[field] !== 'string' || spec[field].trim() === '') {
      throw new WebexValidationError(
        'webhooks.ensure',
        field,
        `expected ${field} as a non-empty string, got ${JSON.stringify(spec?.[field])}`,
      );
    }
  }
  const webhooks = webex.webhooks;
  let existing: Webhook | undefined;
  for await (const webhook of webhooks.list(undefined, options)) {
    if (webhook.name === spec.name) {
      existing = webhook;
      break;
    }
  }
  if (existing?.id && !sameSubscription(existing, spec)) {
    await webhooks.delete(existing.id, options);
    existing = undefined;
  }
  if (!existing?.id) {
    const create: CreateWebhookRequest = {
      name: spec.name,
      targetUrl: spec.targetUrl,
      resource: spec.resource,
      event: spec.event,
    };
    if (spec.filter) create.filter = spec.filter;
    if (spec.secret) create.secret = spec.secret;
    return webhooks.create(create, options);
  }
  const secretChanged = spec.secret !== undefined && existing.secret !== spec.secret;
  if (existing.targetUrl === spec.targetUrl && !secretChanged && existing.status !== 'inactive') return existing;
  const update: UpdateWebhookRequest = { name: spec.name, targetUrl: spec.targetUrl };
  if (spec.secret) update.secret = spec.secret;
  // Webex turns a webhook off after repeated failed deliveries; a bot starting up wants it on again.
  if (existing.status === 'inactive') update.status = 'active';
  return webhooks.update(existing.id, update, options);
}

/** Whether the webhook listens to what the spec asks for: the fields Webex cannot change in place. */
function sameSubscription(webhook: Webhook, spec: WebhookSpec): boolean {
  return (
    webhook.resource === spec.resource &&
    webhook.event === spec.event &&
    (webhook.filter || undefined) === (spec.filter || undefined)
  );
}
