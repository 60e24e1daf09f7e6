// One webhook delivery as Webex makes it: the envelope as JSON, signed with the webhook's secret, POSTed to targetUrl.
import { createHmac, randomUUID } from 'node:crypto';
import { encodeId } from '@webex-ts/client';
import type { SimulatedEnvelope, WebhookDelivery } from './types.js';

/** The `X-Spark-Signature` of a delivery: hex HMAC-SHA1 of the raw body bytes, keyed with the webhook's secret. */
export function webhookSignature(body: string | Uint8Array, secret: string): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}

/** The webhook fields of an envelope: a recorded webhook, or one made up for a delivery to an explicit URL. */
export interface EnvelopeWebhook {
  id: string;
  name: string;
  targetUrl: string;
  filter?: string;
  status: string;
  created: string;
}

/** Who the envelope says owns the webhook (the bot) and who acted. */
export interface EnvelopeParties {
  /** The bot's person id (`createdBy`). */
  botId: string;
  orgId: string;
  actorId: string;
}

// The app Webex names in `appId` for webhooks made with a bot's own token; a made-up id of the right shape.
const APP_ID = encodeId({ type: 'APPLICATION', uuid: 'c0ffee00-7e57-4b07-9a11-5eb40c0dee01' });

/** The envelope Webex POSTs for one event and one webhook, fields in Webex's order. */
export function envelopeOf(
  webhook: EnvelopeWebhook,
  resource: string,
  event: string,
  data: Record<string, unknown>,
  parties: EnvelopeParties,
): SimulatedEnvelope {
  return {
    id: webhook.id,
    name: webhook.name,
    targetUrl: webhook.targetUrl,
    resource,
    event,
    ...(webhook.filter ? { filter: webhook.filter } : {}),
    orgId: parties.orgId,
    createdBy: parties.botId,
    appId: APP_ID,
    ownedBy: 'creator',
    status: webhook.status,
    created: webhook.created,
    actorId: parties.actorId,
    data,
  };
}

/** A webhook made up for a delivery to an explicit URL (`to`): the mock never recorded one. */
export function adHocWebhook(targetUrl: string, now: Date): EnvelopeWebhook {
  return {
    id: encodeId({ type: 'WEBHOOK', uuid: randomUUID() }),
    name: 'webex-mock simulate',
    targetUrl,
    status: 'active',
    created: now.toISOString(),
  };
}

/** POSTs the envelope, signed when there is a secret; never throws: an unreachable target is reported in `error`. */
export async function deliver(
  envelope: SimulatedEnvelope,
  webhookId: string,
  secret: string | undefined,
  timeoutMs: number,
): Promise<WebhookDelivery> {
  const body = JSON.stringify(envelope);
  const delivery: WebhookDelivery = { url: envelope.targetUrl, webhookId, envelope, body };
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'webex-mock',
  };
  if (secret) {
    delivery.signature = webhookSignature(body, secret);
    headers['X-Spark-Signature'] = delivery.signature;
  }
  try {
    const response = await fetch(envelope.targetUrl, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    delivery.status = response.status;
    delivery.responseBody = await response.text();
  } catch (error) {
    delivery.error =
      error instanceof Error && error.name === 'TimeoutError'
        ? `${envelope.targetUrl} did not answer within ${timeoutMs} ms`
        : `${envelope.targetUrl} could not be reached: ${reason(error)}`;
  }
  return delivery;
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
