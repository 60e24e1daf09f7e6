// The webhooks created through the mock: what `POST /webhooks` asked for, so that simulated events reach their targetUrl.
import { randomUUID } from 'node:crypto';
import { encodeId } from '@webex-ts/client';

/** A webhook registered through the mock (`POST /webhooks` that Prism accepted), as the simulator delivers to it. */
export interface RecordedWebhook {
  /** The mock's own id for it (Prism answers every create with its one example, so that id names nothing). */
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  /** Signs each delivery (`X-Spark-Signature`); without one, deliveries go unsigned, as from Webex. */
  secret?: string;
  /** Always `active`: Webex alone turns a webhook off, after failed deliveries, and the mock never does. */
  status: 'active';
  /** ISO time of the create. */
  created: string;
}

/** The recorded webhooks of one mock, in order of creation. */
export class WebhookRegistry {
  readonly #hooks: RecordedWebhook[] = [];

  /**
   * Records a create that Prism accepted. The same subscription created again (same name, targetUrl, resource, event
   * and filter: a bot restarting, whose `webhooks.list` against Prism never shows its own) replaces the earlier one.
   */
  create(body: unknown, now: Date): RecordedWebhook | undefined {
    if (!isObject(body)) return undefined;
    const { name, targetUrl, resource, event, filter, secret } = body;
    if (![name, targetUrl, resource, event].every((value) => typeof value === 'string')) return undefined;
    const hook: RecordedWebhook = {
      id: encodeId({ type: 'WEBHOOK', uuid: randomUUID() }),
      name: name as string,
      targetUrl: targetUrl as string,
      resource: resource as string,
      event: event as string,
      status: 'active',
      created: now.toISOString(),
    };
    if (typeof filter === 'string' && filter) hook.filter = filter;
    if (typeof secret === 'string' && secret) hook.secret = secret;
    const same = this.#hooks.findIndex(
      (other) =>
        other.name === hook.name &&
        other.targetUrl === hook.targetUrl &&
        other.resource === hook.resource &&
        other.event === hook.event &&
        other.filter === hook.filter,
    );
    if (same === -1) this.#hooks.push(hook);
    else this.#hooks[same] = hook;
    return hook;
  }

  /** Applies a `PUT /webhooks/{id}` (name, targetUrl, secret) to the recorded webhook of that id, if any. */
  update(id: string, body: unknown): void {
    const hook = this.#hooks.find((candidate) => candidate.id === id);
    if (!hook || !isObject(body)) return;
    if (typeof body.name === 'string') hook.name = body.name;
    if (typeof body.targetUrl === 'string') hook.targetUrl = body.targetUrl;
    if (typeof body.secret === 'string') hook.secret = body.secret;
  }

  /** Forgets the recorded webhook of that id (`DELETE /webhooks/{id}`), if any. */
  delete(id: string): void {
    const at = this.#hooks.findIndex((hook) => hook.id === id);
    if (at !== -1) this.#hooks.splice(at, 1);
  }

  /** Copies of every recorded webhook. */
  all(): RecordedWebhook[] {
    return this.#hooks.map((hook) => ({ ...hook }));
  }

  /** Whether any webhook (whatever its filter) listens to `resource`/`event`. */
  listens(resource: string, event: string): boolean {
    return this.#hooks.some((hook) => subscribes(hook, resource, event));
  }

  /** The webhooks that take this event: resource and event (or `all`), and the filter met by `data`. */
  matching(resource: string, event: string, data: Record<string, unknown>, botId: string): RecordedWebhook[] {
    return this.#hooks
      .filter((hook) => subscribes(hook, resource, event) && filterMatches(hook.filter, data, botId))
      .map((hook) => ({ ...hook }));
  }
}

function subscribes(hook: RecordedWebhook, resource: string, event: string): boolean {
  return (hook.resource === resource || hook.resource === 'all') && (hook.event === event || hook.event === 'all');
}

/**
 * Whether `data` meets a webhook filter (`roomId=…&personEmail=…`): every condition must hold. `mentionedPeople`
 * takes ids or `me` (the bot), `hasFiles` `true`/`false`, emails compare without case; a field `data` lacks fails.
 */
export function filterMatches(filter: string | undefined, data: Record<string, unknown>, botId: string): boolean {
  if (!filter) return true;
  for (const [key, value] of new URLSearchParams(filter)) {
    if (key === 'mentionedPeople') {
      const mentioned = Array.isArray(data.mentionedPeople) ? data.mentionedPeople : [];
      const wanted = value.split(',').map((id) => (id === 'me' ? botId : id));
      if (!wanted.every((id) => mentioned.includes(id))) return false;
    } else if (key === 'hasFiles') {
      const has = Array.isArray(data.files) && data.files.length > 0;
      if (String(has) !== value) return false;
    } else {
      const got = data[key];
      if (got === undefined || got === null) return false;
      const same = key.toLowerCase().endsWith('email')
        ? String(got).toLowerCase() === value.toLowerCase()
        : String(got) === value;
      if (!same) return false;
    }
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
