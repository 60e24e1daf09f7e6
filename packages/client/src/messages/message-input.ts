// What `messages.create` and `messages.reply` take, and the type-level rules that make a broken call name its rule.
import type { MessageAttachment } from '@webex-ts/models';
import type { LocalFile } from '../files/local-file.js';
import type { AdaptiveCard } from './cards.js';

/** Where a message goes: exactly one of `roomId`, `toPersonId`, `toPersonEmail`. */
export type MessageDestination =
  | { roomId: string; toPersonId?: never; toPersonEmail?: never }
  | { toPersonId: string; roomId?: never; toPersonEmail?: never }
  | { toPersonEmail: string; roomId?: never; toPersonId?: never };

/** Every content field, all optional: what each member of {@link MessageContent} starts from. */
export interface MessageFields<File = LocalFile> {
  /** Reply in the thread of this message. */
  parentId?: string;
  /** Plain text; at most 7439 bytes of UTF-8. The fallback when a card is attached. */
  text?: string;
  /** Markdown; at most 7439 bytes of UTF-8. */
  markdown?: string;
  /** One file: a public URL, a local path, a `Blob`/`File`, or `{ data, name }`. */
  files?: [File] | File[];
  /** One adaptive card as the API takes it; or use `card`. */
  attachments?: MessageAttachment[];
  /** One adaptive card; needs `text` as the fallback for clients that cannot show cards. */
  card?: AdaptiveCard;
}

/** A message's content: at least one of `text`, `markdown`, `files`, `attachments`, or a `card` with its fallback `text`. */
export type MessageContent<File = LocalFile> =
  | (MessageFields<File> & { text: string; card?: undefined })
  | (MessageFields<File> & { markdown: string; card?: undefined })
  | (MessageFields<File> & { files: [File] | File[]; card?: undefined })
  | (MessageFields<File> & { attachments: MessageAttachment[]; card?: undefined })
  | (Omit<MessageFields<File>, 'attachments'> & { card: AdaptiveCard; text: string; attachments?: never });

/**
 * A message to create. TypeScript checks the first two rules; all are checked again before sending:
 * - exactly one destination: `roomId`, `toPersonId` or `toPersonEmail`;
 * - some content: `text`, `markdown`, `files`, `attachments`, or `card` (with `text` as its fallback);
 * - `text` and `markdown` at most 7439 bytes of UTF-8 each;
 * - at most one file and one card.
 */
export type CreateMessageInput<File = LocalFile> = MessageDestination & MessageContent<File>;

/** What `messages.reply` sends: the content only; the room and the thread come from the parent. */
export type ReplyInput = MessageContent;

declare const brokenRule: unique symbol;

/**
 * The type a field gets when a call breaks one of the rules of `messages.create` or `messages.reply`. No value has
 * it, so the compiler's error quotes the rule: `Type 'string' is not assignable to type 'BrokenRule<"messages.create:
 * give exactly one of roomId, toPersonId, toPersonEmail">'`.
 */
export interface BrokenRule<Rule extends string> {
  readonly [brokenRule]: Rule;
}

type DestinationKey = 'roomId' | 'toPersonId' | 'toPersonEmail';
type ContentKey = 'text' | 'markdown' | 'files' | 'attachments' | 'card';
/** The keys of `Body` given a value: present, and not typed `undefined` (or `never`) only. */
type GivenKeys<Body> = {
  [Key in keyof Body]-?: [Exclude<Body[Key], undefined>] extends [never] ? never : Key;
}[keyof Body];
type IsUnion<Keys, All = Keys> = Keys extends unknown ? ([All] extends [Keys] ? false : true) : never;

/** What a message's content breaks, as the fields to mark; `undefined` when it keeps every content rule. */
type ContentRules<Operation extends string, Given> = [Extract<Given, ContentKey>] extends [never]
  ? Record<
      'text',
      BrokenRule<`${Operation}: give some content: text, markdown, files, attachments, or a card with text`>
    >
  : 'card' extends Given
    ? 'text' extends Given
      ? 'attachments' extends Given
        ? Record<
            'attachments',
            BrokenRule<`${Operation}: give card or attachments, not both; a message carries one card`>
          >
        : undefined
      : Record<'text', BrokenRule<`${Operation}: a card needs text as the fallback for clients that cannot show cards`>>
    : undefined;

// Literal types, not aliases of BrokenRule<…>: the compiler prints an alias by its name, and the rule must show.
type OneDestination = 'messages.create: give exactly one of roomId, toPersonId, toPersonEmail';
type NoDestination = "messages.reply: give no roomId, toPersonId or toPersonEmail; the reply goes to the parent's room";

/** What a message to create breaks, as the fields to mark; `undefined` when it keeps every rule the types check. */
type CreateRules<Given> = [Extract<Given, DestinationKey>] extends [never]
  ? Record<'roomId', BrokenRule<OneDestination>>
  : true extends IsUnion<Extract<Given, DestinationKey>>
    ? Record<Extract<Given, DestinationKey>, BrokenRule<OneDestination>>
    : ContentRules<'messages.create', Given>;

/** What a reply breaks, as the fields to mark; `undefined` when it keeps every rule the types check. */
type ReplyRules<Given> = [Extract<Given, DestinationKey>] extends [never]
  ? ContentRules<'messages.reply', Given>
  : Record<Extract<Given, DestinationKey>, BrokenRule<NoDestination>>;

/** `Valid` when nothing is `Broken`; else `Body` with the broken fields marked, and every field for an editor to offer. */
type Checked<Body, Broken, Valid, Fields> = [Broken] extends [undefined] ? Valid : Body & Broken & Fields;

/**
 * The parameter type of `messages.create` for a call passing `Body`: {@link CreateMessageInput} (so every field is
 * checked as usual) when `Body` keeps the destination and content rules, else `Body` with the offending fields typed
 * {@link BrokenRule}, so the compiler's error names the rule instead of a member of the union. With nothing to infer
 * from (`Parameters<…>`, an `any` argument) it is {@link CreateMessageInput}.
 */
export type CheckedMessageInput<Body> = unknown extends Body
  ? CreateMessageInput
  : Body extends unknown
    ? Checked<
        Body,
        CreateRules<GivenKeys<Body>>,
        CreateMessageInput,
        MessageFields & Partial<Record<DestinationKey, string>>
      >
    : never;

/** The parameter type of `messages.reply` for a call passing `Body`: like {@link CheckedMessageInput}, for {@link ReplyInput}. */
export type CheckedReplyInput<Body> = unknown extends Body
  ? ReplyInput
  : Body extends unknown
    ? Checked<Body, ReplyRules<GivenKeys<Body>>, ReplyInput, MessageFields>
    : never;
