// Adaptive Card types for what bots send on Webex, and typed access to what a card submit brings back.
// Object types are `type` aliases, not interfaces, so a card is assignable to the API's open `content` object.
import type { AttachmentAction } from '@webex-ts/models';
import { WebexValidationError } from '../errors/classes.js';

/** The one attachment content type Webex takes. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Layout fields every element may carry. */
export type CardElementBase = {
  /** Spacing above the element. */
  spacing?: 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
  /** A line above the element. */
  separator?: boolean;
  isVisible?: boolean;
};

/** Text; `wrap: true` to show more than one line. */
export type TextBlock = CardElementBase & {
  type: 'TextBlock';
  text: string;
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  wrap?: boolean;
  horizontalAlignment?: 'left' | 'center' | 'right';
};

/** An image by public URL. */
export type CardImage = CardElementBase & {
  type: 'Image';
  url: string;
  altText?: string;
  size?: 'auto' | 'stretch' | 'small' | 'medium' | 'large';
};

/** Label/value pairs. */
export type FactSet = CardElementBase & { type: 'FactSet'; facts: { title: string; value: string }[] };

/** Fields every input has; `id` names its value in the submit's `inputs`. */
export type CardInputBase<Id extends string> = CardElementBase & {
  id: Id;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
};

/** A text field. */
export type InputText<Id extends string = string> = CardInputBase<Id> & {
  type: 'Input.Text';
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  maxLength?: number;
  style?: 'text' | 'tel' | 'url' | 'email';
};

/** A choice (radio buttons, a drop-down, or check boxes with `isMultiSelect`, whose values arrive comma-separated). */
export type InputChoiceSet<Id extends string = string> = CardInputBase<Id> & {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  value?: string;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded';
  placeholder?: string;
};

/** A check box; its value arrives as `valueOn` or `valueOff` (`"true"`/`"false"` by default). */
export type InputToggle<Id extends string = string> = CardInputBase<Id> & {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
};

/** A date picker; its value arrives as `YYYY-MM-DD`. */
export type InputDate<Id extends string = string> = CardInputBase<Id> & {
  type: 'Input.Date';
  value?: string;
  min?: string;
  max?: string;
  placeholder?: string;
};

/** Any input element. */
export type CardInput<Id extends string = string> =
  | InputText<Id>
  | InputChoiceSet<Id>
  | InputToggle<Id>
  | InputDate<Id>;

/** One column of a `ColumnSet`. */
export type Column<Id extends string = string> = {
  type: 'Column';
  width?: 'auto' | 'stretch' | number | `${number}px`;
  items: CardElement<Id>[];
};

/** Elements side by side. */
export type ColumnSet<Id extends string = string> = CardElementBase & { type: 'ColumnSet'; columns: Column<Id>[] };

/** Sends the card's input values (and `data`) to the app as an attachment action. */
export type ActionSubmit = {
  type: 'Action.Submit';
  title?: string;
  /** Extra values Webex merges into the submit's `inputs`, e.g. which of two buttons was pressed. */
  data?: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
};

/** Opens a link. */
export type ActionOpenUrl = { type: 'Action.OpenUrl'; title?: string; url: string };

/** A card action. */
export type CardAction = ActionSubmit | ActionOpenUrl;

/** Any element of a card's `body`; `Id` is the union of its inputs' ids. */
export type CardElement<Id extends string = string> = TextBlock | CardImage | FactSet | ColumnSet<Id> | CardInput<Id>;

/**
 * An Adaptive Card as Webex shows it (schema 1.3 at most). `Inputs` is the union of its input ids,
 * inferred by {@link adaptiveCard}, so a submit's values can be typed with {@link typedInputs}.
 */
export type AdaptiveCard<Inputs extends string = string> = {
  type: 'AdaptiveCard';
  version: '1.0' | '1.1' | '1.2' | '1.3';
  $schema?: string;
  body?: CardElement<Inputs>[];
  actions?: CardAction[];
  fallbackText?: string;
};

/** The input ids of a card built with {@link adaptiveCard}. */
export type CardInputIds<Card> = Card extends AdaptiveCard<infer Inputs> ? Inputs : never;

/** Returns the card as given, with its input ids kept as literal types: `adaptiveCard({ type: 'AdaptiveCard', … })`. */
export function adaptiveCard<const Inputs extends string>(card: AdaptiveCard<Inputs>): AdaptiveCard<Inputs> {
  return card;
}

/** The ids of every input in the card, including those inside columns, in document order. */
export function cardInputIds<Inputs extends string>(card: AdaptiveCard<Inputs>): Inputs[] {
  const ids: Inputs[] = [];
  const visit = (elements: readonly CardElement<Inputs>[] | undefined): void => {
    for (const element of elements ?? []) {
      if (element.type === 'ColumnSet') for (const column of element.columns) visit(column.items);
      else if (element.type.startsWith('Input.')) ids.push((element as CardInput<Inputs>).id);
    }
  };
  visit(card.body);
  return ids;
}

/**
 * The values of a card submit, typed by the card's input ids (or by the ids given), each checked to be
 * there as a string: `const { decision } = typedInputs(action, approvalCard)`.
 * Values from `Action.Submit` `data` can be asked for by listing their keys as ids.
 */
export function typedInputs<const Inputs extends string>(
  action: Pick<AttachmentAction, 'inputs'>,
  cardOrIds: AdaptiveCard<Inputs> | readonly Inputs[],
): Record<Inputs, string> {
  const ids = Array.isArray(cardOrIds)
    ? (cardOrIds as readonly Inputs[])
    : cardInputIds(cardOrIds as AdaptiveCard<Inputs>);
  const inputs = (action?.inputs ?? {}) as Record<string, unknown>;
  const missing = ids.filter((id) => typeof inputs[id] !== 'string');
  if (missing.length) {
    throw new WebexValidationError(
      'typedInputs',
      'inputs',
      `expected string values for ${ids.join(', ')}; missing or not a string: ${missing.join(', ')}. ` +
        'Check that the submit comes from the card you passed (compare action.messageId)',
    );
  }
  const out = {} as Record<Inputs, string>;
  for (const id of ids) out[id] = inputs[id] as string;
  return out;
}
