// Which handler a card submit goes to: by the message that carried the card (remembered in memory, bounded), or by a
// stable id the card carries in its submit data (survives restarts).
import type { AdaptiveCard } from '@webex-ts/client';

/** The `Action.Submit` data field that carries a card's stable id; Webex merges it into the submit's `inputs`. */
export const CARD_ID_FIELD = '__card';

/**
 * The card with `{ __card: cardId }` added to the `data` of each of its `Action.Submit` actions, so that a submit
 * names its card even after a restart: `bot.onCardSubmit(cardId, handler)` receives it. The card given is not changed.
 */
export function withCardId<C extends AdaptiveCard<string>>(card: C, cardId: string): C {
  if (typeof cardId !== 'string' || cardId.trim() === '')
    throw new TypeError(`withCardId: expected the card id as a non-empty string, got ${JSON.stringify(cardId)}`);
  const actions = card.actions ?? [];
  if (!actions.some((action) => action.type === 'Action.Submit')) {
    throw new TypeError(
      `withCardId: the card has no Action.Submit to carry the id "${cardId}"; ` +
        "add one, e.g. actions: [{ type: 'Action.Submit', title: 'Send' }]",
    );
  }
  return {
    ...card,
    actions: actions.map((action) =>
      action.type === 'Action.Submit' ? { ...action, data: { ...action.data, [CARD_ID_FIELD]: cardId } } : action,
    ),
  };
}

/** The stable id a submit carries, if any. */
export function cardIdOf(inputs: Record<string, unknown> | undefined): string | undefined {
  const id = inputs?.[CARD_ID_FIELD];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A map that keeps the `capacity` most recently set keys, dropping the oldest first. */
export class RecentMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new TypeError(`createBot: rememberCards should be a whole number >= 0, got ${String(capacity)}`);
  }

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  get size(): number {
    return this.#entries.size;
  }
}
