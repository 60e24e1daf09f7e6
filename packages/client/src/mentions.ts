import { samePerson } from './ids.js';
import { WebexValidationError } from './errors.js';

// A registered symbol would let any JSON-ish object forge the brand; a module-local one cannot be forged.
const FRAGMENT = Symbol('webex.markdownFragment');

/** Markdown that `md` inserts as it is: a mention, or author-written markdown passed through `rawMarkdown`. */
export interface MarkdownFragment {
  readonly [FRAGMENT]: true;
  /** The markdown itself. */
  readonly markdown: string;
  /** The markdown itself, so a fragment also works in plain template strings. */
  toString(): string;
}

/** A mention built by `mention.person` or `mention.all`. */
export interface Mention extends MarkdownFragment {
  /** `personId`, `personEmail` or `all`. */
  readonly kind: 'personId' | 'personEmail' | 'all';
}

function fragment<T extends object>(markdown: string, extra: T): MarkdownFragment & T {
  return Object.freeze({ ...extra, [FRAGMENT]: true as const, markdown, toString: () => markdown });
}

/** Whether `value` is a mention or other fragment that `md` inserts unescaped. */
export function isMarkdownFragment(value: unknown): value is MarkdownFragment {
  return typeof value === 'object' && value !== null && (value as Partial<MarkdownFragment>)[FRAGMENT] === true;
}

/**
 * Marks markdown the author wrote (never user input) as safe for `md` to insert unescaped,
 * e.g. to nest one `md` result in another.
 */
export function rawMarkdown(markdown: string): MarkdownFragment {
  if (typeof markdown !== 'string') throw new TypeError(`rawMarkdown: expected a string, got ${typeof markdown}`);
  return fragment(markdown, {});
}

// Webex HTML-decodes the display name, so entities show as the characters they stand for; `|` and
// markdown characters are encoded too so that a name can neither end the mention nor format the text.
const NAME_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '*': '&#42;',
  _: '&#95;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '~': '&#126;',
};

function escapeDisplayName(name: string): string {
  // A mention is one line; line breaks (and other control characters) in a name become spaces.
  const oneLine = name.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return oneLine.replace(/[&<>"'|*_`[\]\\~]/g, (ch) => NAME_ENTITIES[ch]!);
}

// Ids and emails cannot be escaped inside a mention, so anything that could end it or start another is refused.
const UNSAFE_TARGET = /[\s<>|&\\`]/;

/** Builders for Webex mentions, to interpolate in `md` or to use as markdown directly. */
export const mention = {
  /**
   * Mentions a person by id, or by email when the value holds an `@`:
   * `<@personId:ID|Name>` or `<@personEmail:EMAIL|Name>`. Without a name Webex shows the person's own.
   */
  person(idOrEmail: string, displayName?: string): Mention {
    if (typeof idOrEmail !== 'string' || idOrEmail.trim() === '' || UNSAFE_TARGET.test(idOrEmail.trim())) {
      throw new WebexValidationError(
        'mention.person',
        'idOrEmail',
        `expected a person id or email without spaces, '<', '>', '|', '&', '\\' or backticks, got ${JSON.stringify(idOrEmail)}`,
      );
    }
    const target = idOrEmail.trim();
    const kind = target.includes('@') ? 'personEmail' : 'personId';
    const name = displayName === undefined || displayName === null ? '' : escapeDisplayName(String(displayName));
    return fragment(name ? `<@${kind}:${target}|${name}>` : `<@${kind}:${target}>`, { kind });
  },
  /** Mentions everyone in a group room: `<@all>`. */
  all(): Mention {
    return fragment('<@all>', { kind: 'all' as const });
  },
};

// `<`, `>` and `&` become entities rather than backslash escapes: a backslash keeps the raw `<@…>`
// characters in the source, where Webex's mention parser could still see them.
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const TEXT_SPECIAL = /[&<>\\`*_{}[\]()#+\-.!|~=]/g;

/** Escapes plain text so that Webex shows it as written: no markdown, no mentions, no links. */
export function escapeMarkdown(text: string): string {
  return String(text).replace(TEXT_SPECIAL, (ch) => TEXT_ENTITIES[ch] ?? `\\${ch}`);
}

/**
 * Tagged template for message markdown: the literal parts are markdown, each interpolated value is
 * escaped as plain text, except mentions and `rawMarkdown` fragments, which are inserted as they are.
 * `md\`Deploy done, ${mention.person(email, name)}: ${userText}\``
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += isMarkdownFragment(value) ? value.markdown : escapeMarkdown(String(value));
    out += strings[i + 1] ?? '';
  });
  return out;
}

/** The mention fields of a received message. */
export interface MentionedMessage {
  mentionedPeople?: string[];
  mentionedGroups?: string[];
}

/** Who a received message mentions. */
export interface Mentions {
  /** Ids of the people mentioned (`mentionedPeople`). */
  people: string[];
  /** Groups mentioned (`mentionedGroups`), such as `all`. */
  groups: string[];
  /** Whether everyone in the room was mentioned (`<@all>`). */
  all: boolean;
}

/** Who a received message mentions: `mentions(message).people.includes(me.id)`. */
export function mentions(message: MentionedMessage): Mentions {
  const people = [...(message.mentionedPeople ?? [])];
  const groups = [...(message.mentionedGroups ?? [])];
  return { people, groups, all: groups.includes('all') };
}

/** Options of `commandText`. */
export interface CommandTextOptions {
  /** The bot's person id; with it the name the sender's client used is read from the message's `html`. */
  botId?: string;
}

const HTML_ENTITY = /&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeHtmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(HTML_ENTITY, (entity, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return codePoint(parseInt(lower.slice(2), 16), entity);
    if (lower.startsWith('#')) return codePoint(parseInt(lower.slice(1), 10), entity);
    return NAMED[lower] ?? entity;
  });
}

function codePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

const SPARK_MENTION = /<spark-mention\b([^>]*)>([\s\S]*?)<\/spark-mention>/gi;

/** The names the html shows for mentions of `botId`, as the sender's client rendered them. */
function renderedNames(html: string, botId: string): string[] {
  const names: string[] = [];
  for (const [, attrs = '', inner = ''] of html.matchAll(SPARK_MENTION)) {
    const type = /data-object-type\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    const id = /data-object-id\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    if (type?.toLowerCase() === 'person' && id && samePerson(decodeHtmlText(id), botId)) {
      const name = decodeHtmlText(inner).trim();
      if (name) names.push(name);
    }
  }
  return names;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The command a message gives a bot: its `text` without the bot's own mention at the start
 * (in group rooms the text begins with the bot's name as the sender's client rendered it), trimmed.
 * `commandText(message, 'DeployBot', { botId })` → `'deploy prod'`.
 */
export function commandText(
  message: { text?: string; html?: string },
  botName: string,
  options: CommandTextOptions = {},
): string {
  const text = (message.text ?? '').trim();
  const candidates = [...(options.botId && message.html ? renderedNames(message.html, options.botId) : []), botName]
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => name.trim())
    // Longest first, so "Deploy Bot" wins over "Deploy" when both could match.
    .sort((a, b) => b.length - a.length);
  for (const name of candidates) {
    const head = text.slice(0, name.length);
    const next = text.slice(name.length, name.length + 1);
    // The name must be a whole word: "Deploy" does not strip the start of "Deployment".
    if (head.toLocaleLowerCase() === name.toLocaleLowerCase() && !WORD_CHAR.test(next)) {
      return text.slice(name.length).trim();
    }
  }
  return text;
}

/** What `replyTo` needs of the message being replied to. */
export interface ReplyParent {
  id?: string;
  roomId?: string;
  parentId?: string;
}

/**
 * `{ roomId, parentId }` to spread into `messages.create` so the new message goes into the thread of `parent`.
 * A reply to a reply goes into the same thread, because Webex threads are one level deep.
 */
export function replyTo(parent: ReplyParent): { roomId: string; parentId: string } {
  const { id, roomId, parentId } = parent ?? {};
  if (typeof id !== 'string' || id === '' || typeof roomId !== 'string' || roomId === '') {
    throw new WebexValidationError(
      'replyTo',
      'parent',
      `expected a message with an id and a roomId, got id ${JSON.stringify(id)} and roomId ${JSON.stringify(roomId)}`,
    );
  }
  return { roomId, parentId: typeof parentId === 'string' && parentId !== '' ? parentId : id };
}
