// What a handler is given: the event, who and where, and ways to answer. One builder per kind of event.
import {
  typedInputs,
  type AdaptiveCard,
  type AttachmentAction,
  type AttachmentActionEvent,
  type CreateMessageInput,
  type Download,
  type DownloadOptions,
  type MembershipWebhookData,
  type Message,
  type MessageDestination,
  type OtherWebhookEvent,
  type ReceivedMessage,
  type ReceivedWebhookEvent,
  type ReplyInput,
  type RoomType,
  type Webex,
} from '@webex-ts/client';
import { CARD_ID_FIELD, cardIdOf, type RecentMap, withCardId } from './card-routes.js';
import { idKey } from './ids.js';

/** What to post: a string is markdown (build it with the client's `md` when it holds what people typed), or any message content (`{ text }`, `{ markdown, files }`, `{ card, text }` …). */
export type Content = string | ReplyInput;

/** The room an event happened in. */
export interface RoomRef {
  id: string;
  /** `direct` (1:1) or `group`; undefined when the event does not say (a card submit). */
  type: RoomType | undefined;
}

/** Who did it: the sender of a message, the submitter of a card, whoever added or removed someone. */
export interface Sender {
  id: string;
  /** Known for messages; for other events only when an access rule needed it (card submits carry only an id). */
  email: string | undefined;
}

/** Handles card submits; `Inputs` are the card's input ids when the card is known. */
export type CardSubmitHandler<Inputs extends string = string> = (ctx: CardSubmitContext<Inputs>) => unknown;

/** Options of `sendCard`. */
export interface SendCardOptions<Inputs extends string = string> {
  /** What clients that cannot show cards display; Webex needs it beside every card. */
  fallbackText: string;
  /**
   * Handles this card's submits, matched by the id of the message that carries it. Remembered in memory only
   * (the last `rememberCards`, default 1000): a restart forgets it. For cards that must outlive the process, use
   * `cardId` and `bot.onCardSubmit(cardId, …)`.
   */
  onSubmit?: CardSubmitHandler<Inputs>;
  /** A stable id written into each `Action.Submit`'s data (`__card`), routed to `bot.onCardSubmit(cardId, …)`, restarts or not. */
  cardId?: string;
}

/** Options of `ctx.sendCard`. */
export interface ContextCardOptions<Inputs extends string = string> extends SendCardOptions<Inputs> {
  /** Post the card in the thread of the message being handled (when there is one) instead of the room. */
  inThread?: boolean;
}

/** What every handler is given. */
export interface BotContext {
  /** The event as the transport delivered it. */
  readonly event: ReceivedWebhookEvent;
  /** The bot's client, for anything else. */
  readonly webex: Webex;
  readonly room: RoomRef;
  readonly sender: Sender;
  /** Aborted when `bot.stop()` gives up waiting; the context's own requests use it. Pass it to long work of your own. */
  readonly signal: AbortSignal;
  /** Posts in the room (not in a thread). */
  say(content: Content): Promise<Message>;
  /** Posts an adaptive card in the room; `onSubmit` or `cardId` route its submits back. */
  sendCard<const Inputs extends string>(
    card: AdaptiveCard<Inputs>,
    options: ContextCardOptions<Inputs>,
  ): Promise<Message>;
}

/** A message for the bot (or an edited one), its mention stripped. */
export interface MessageContext extends BotContext {
  readonly message: ReceivedMessage;
  /** The text without the bot's own mention at the start, trimmed: `deploy prod` for `DeployBot deploy prod`. */
  readonly text: string;
  /** URLs of the files the message carries; download one with `download(i)`. */
  readonly files: readonly string[];
  /** Whether the message mentions the bot. */
  readonly mentioned: boolean;
  /** Answers in the message's thread. */
  reply(content: Content): Promise<Message>;
  /** Starts downloading `files[index]` (default the first) through `webex.contents`; read `body` once. */
  download(index?: number, options?: DownloadOptions): Promise<Download>;
}

/** A message that matched a command. */
export interface CommandContext extends MessageContext {
  /** The command's name as registered (not an alias). */
  readonly command: string;
  /** The words after the command; "double quotes" keep spaces. */
  readonly args: readonly string[];
  /** Everything after the command, trimmed. */
  readonly argText: string;
}

/** A message that matched a `hears` pattern. */
export interface HearsContext extends MessageContext {
  /** The match: `match[1]`, `match.groups?.env`. */
  readonly match: RegExpExecArray;
}

/** A card submit. */
export interface CardSubmitContext<Inputs extends string = string> extends BotContext {
  readonly event: AttachmentActionEvent;
  readonly action: AttachmentAction;
  /** The submitted values as Webex sent them (input values and the submit action's `data`), without `__card`. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /**
   * The values typed by the card's input ids, each checked to be a string (`WebexValidationError` when one is
   * missing): known when the card was sent with `onSubmit`, or given to `onCardSubmit(…, { inputs })`.
   */
  readonly values: Record<Inputs, string>;
  /** The stable id the card carried (`__card`), if any. */
  readonly cardId: string | undefined;
  /** The id of the message that carries the card. */
  readonly cardMessageId: string;
  /** Answers in the card message's thread. */
  reply(content: Content): Promise<Message>;
}

/** Someone joined or left a room, or the bot was added or removed. */
export interface MembershipContext extends BotContext {
  readonly event: OtherWebhookEvent;
  readonly membership: MembershipWebhookData;
  /** Who joined or left (the bot itself for `added`/`removed`); `sender` is who did it. */
  readonly person: { id: string; email: string | undefined; displayName: string | undefined };
}

/** A message was deleted; Webex sends only ids. */
export interface MessageDeletedContext extends BotContext {
  readonly event: OtherWebhookEvent;
  readonly messageId: string;
}

/** Any other event (rooms, meetings, unknown resources): read `event.envelope`. */
export interface EventContext extends BotContext {
  readonly event: OtherWebhookEvent;
}

/** A card the bot posted, remembered so its submits find their handler and replies their thread. */
export interface SentCard {
  roomId: string;
  parentId: string | undefined;
  onSubmit: CardSubmitHandler<string> | undefined;
  /** The card as given (its input ids type the submit's values). */
  card: AdaptiveCard<string>;
}

/** What the builders need from the bot. */
export interface ContextDeps {
  webex: Webex;
  signal: AbortSignal;
  cards: RecentMap<string, SentCard>;
}

/** A string as markdown, or the content as given. */
export function toContent(content: Content, where: string): ReplyInput {
  if (typeof content === 'string') return { markdown: content };
  if (content === null || typeof content !== 'object' || Array.isArray(content))
    throw new TypeError(
      `${where}: expected markdown as a string or message content such as { text: 'hi' }, got ${content === null ? 'null' : typeof content}`,
    );
  return content;
}

/** Posts a card to `destination` and remembers it; shared by `ctx.sendCard` and `bot.sendCard`. */
export async function postCard<Inputs extends string>(
  deps: ContextDeps,
  destination: MessageDestination & { parentId?: string },
  card: AdaptiveCard<Inputs>,
  options: SendCardOptions<Inputs>,
  where: string,
): Promise<Message> {
  if (typeof options?.fallbackText !== 'string' || options.fallbackText.trim() === '') {
    throw new TypeError(
      `${where}: give { fallbackText }, what clients that cannot show cards display, e.g. sendCard(card, { fallbackText: 'Approve the deploy?' })`,
    );
  }
  const sent = options.cardId === undefined ? card : withCardId(card, options.cardId);
  const message = await deps.webex.messages.create(
    { ...destination, text: options.fallbackText, card: sent } as CreateMessageInput,
    { signal: deps.signal },
  );
  deps.cards.set(idKey(message.id), {
    roomId: message.roomId,
    parentId: message.parentId,
    onSubmit: options.onSubmit as CardSubmitHandler<string> | undefined,
    card,
  });
  return message;
}

/** The parts every context shares. */
function baseContext(
  deps: ContextDeps,
  event: ReceivedWebhookEvent,
  room: RoomRef,
  sender: Sender,
  thread: { id: string; roomId: string; parentId?: string | undefined } | undefined,
): BotContext {
  const { webex, signal } = deps;
  return {
    event,
    webex,
    room,
    sender,
    signal,
    say: (content) => webex.messages.create({ roomId: room.id, ...toContent(content, 'ctx.say') }, { signal }),
    sendCard: (card, options) => {
      const inThread = options?.inThread && thread ? replyTarget(thread) : undefined;
      return postCard(deps, inThread ?? { roomId: room.id }, card, options, 'ctx.sendCard');
    },
  };
}

/** Where a reply to `message` goes: its thread (Webex threads are one level deep). */
function replyTarget(message: { id: string; roomId: string; parentId?: string | undefined }): {
  roomId: string;
  parentId: string;
} {
  return { roomId: message.roomId, parentId: message.parentId || message.id };
}

/** The context of a message (new or edited). */
export function messageContext(
  deps: ContextDeps,
  event: ReceivedWebhookEvent,
  message: ReceivedMessage,
  details: { room: RoomRef; text: string; mentioned: boolean },
): MessageContext {
  const { webex, signal } = deps;
  const files = message.files ? [...message.files] : [];
  const base = baseContext(
    deps,
    event,
    details.room,
    { id: message.personId ?? '', email: message.personEmail },
    message,
  );
  // Added to the base rather than spread into a new object: spreading costs V8 about a µs, on every message.
  return Object.assign(base, {
    message,
    text: details.text,
    files,
    mentioned: details.mentioned,
    reply: (content: Content) => webex.messages.reply(message, toContent(content, 'ctx.reply'), { signal }),
    download(index = 0, options: DownloadOptions = {}): Promise<Download> {
      const url = files[index];
      if (url === undefined) {
        return Promise.reject(
          new RangeError(
            `ctx.download: the message carries ${files.length} file(s), so there is no file ${index}; use an index below ${files.length}`,
          ),
        );
      }
      const both = options.signal ? AbortSignal.any([options.signal, signal]) : signal;
      return webex.contents.download(url, { ...options, signal: both });
    },
  });
}

/** The context of a card submit; `inputsOf` is the card (or ids) that types `values`, when known. */
export function cardSubmitContext<Inputs extends string>(
  deps: ContextDeps,
  event: AttachmentActionEvent,
  sender: Sender,
  known: SentCard | undefined,
  inputsOf: AdaptiveCard<Inputs> | readonly Inputs[] | undefined,
): CardSubmitContext<Inputs> {
  const { webex, signal } = deps;
  const { action } = event;
  const { [CARD_ID_FIELD]: _cardId, ...inputs } = (action.inputs ?? {}) as Record<string, unknown>;
  const roomId = action.roomId ?? event.envelope.data.roomId;
  const thread = known ? { id: action.messageId, roomId: known.roomId, parentId: known.parentId } : undefined;
  const base = baseContext(deps, event, { id: roomId, type: undefined }, sender, thread);
  return {
    ...base,
    event,
    action,
    inputs,
    get values(): Record<Inputs, string> {
      const ids = inputsOf ?? (Object.keys(inputs).filter((key) => typeof inputs[key] === 'string') as Inputs[]);
      return typedInputs({ inputs }, ids);
    },
    cardId: cardIdOf(action.inputs as Record<string, unknown> | undefined),
    cardMessageId: action.messageId,
    // A card the bot did not post in this process: its thread is learned by fetching the card's message.
    reply: (content) =>
      webex.messages.reply(thread ?? action.messageId, toContent(content, 'ctx.reply'), {
        signal,
      }),
  };
}

/** The context of a membership event. */
export function membershipContext(
  deps: ContextDeps,
  event: OtherWebhookEvent,
  membership: MembershipWebhookData,
  sender: Sender,
): MembershipContext {
  const room = { id: membership.roomId, type: membership.roomType };
  return {
    ...baseContext(deps, event, room, sender, undefined),
    event,
    membership,
    person: { id: membership.personId, email: membership.personEmail, displayName: membership.personDisplayName },
  };
}

/** The context of a deleted message. */
export function messageDeletedContext(
  deps: ContextDeps,
  event: OtherWebhookEvent,
  room: RoomRef,
  sender: Sender,
  messageId: string,
): MessageDeletedContext {
  return { ...baseContext(deps, event, room, sender, undefined), event, messageId };
}

/** The context of any other event. */
export function eventContext(deps: ContextDeps, event: OtherWebhookEvent, room: RoomRef, sender: Sender): EventContext {
  return { ...baseContext(deps, event, room, sender, undefined), event };
}
