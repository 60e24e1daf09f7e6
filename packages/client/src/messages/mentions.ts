import { samePerson } from '../ids/webex-ids.js';
import { WebexValidationError } from '../errors/classes.js';

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
// Characters that mean something anywhere in a line: escapes, code spans, emphasis, strikethrough,
// links, table cells, entities, HTML, autolinks and mentions.
const INLINE_SPECIAL = /[\\`*_[\]|~&<>]/;
// What a line's first characters can start: a heading (`#`), a list item (`-`, `+`, `1.`, `1)`), a setext
// underline (`===`, `---`), a thematic break (`- - -`) or a table's delimiter row (`:--|--:`).
// Escaping one character of it is enough; anything that starts with `*`, `_`, `>`, `<`, `` ` `` or `~` is
// escaped everywhere anyway.
const BLOCK_START = /^(?:#+|[-+])(?=\s|$)|^=+\s*$|^[-:][-:|\s]*$/;
const ORDERED_ITEM = /^\d*[.)](?=\s|$)/;
// A run of `#` that ends a line would be the closing sequence of a heading the line is in.
const HEADING_CLOSE = /(?:^|[ \t])(#+)[ \t]*$/;

/** Index of the character in `line` that would start a block, if any. */
function blockMarker(line: string): number | undefined {
  if (BLOCK_START.test(line)) return 0;
  const ordered = ORDERED_ITEM.exec(line);
  return ordered ? ordered[0].length - 1 : undefined;
}

/** One line of text as markdown that shows it as written. */
function escapeLine(line: string): string {
  const marker = blockMarker(line);
  const closing = HEADING_CLOSE.exec(line);
  const closingAt = closing ? closing.index + closing[0].indexOf('#') : undefined;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    // CommonMark drops whitespace at either end of a line (and four spaces start a code block, two at
    // the end a line break); written as a character reference it stays, and stays text.
    if (/\s/.test(ch) && (i === 0 || i === line.length - 1)) out += `&#${ch.codePointAt(0)};`;
    else if (INLINE_SPECIAL.test(ch)) out += TEXT_ENTITIES[ch] ?? `\\${ch}`;
    else if (i === marker || i === closingAt) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/**
 * Escapes plain text so that Webex shows it as written: no markdown, no mentions, no links, at the
 * start of a line or in the middle of one (`md` also minds a `]` before it and a `[` after it).
 * Line breaks stay line breaks (CR LF and CR become LF). A line break that would make a blank line
 * (and so a new paragraph), one at the start or end of the text, and one after a space (which
 * renderers would drop, or count towards a hard break) is written `&#10;`: the same line break in
 * the rendered text, and the text stays in the block it was put in.
 */
export function escapeMarkdown(text: string): string {
  const lines = String(text).split(/\r\n?|\n/);
  let out = escapeLine(lines[0]!);
  let lineHasText = lines[0] !== '';
  lines.slice(1).forEach((line, i) => {
    const literal = lineHasText && line !== '' && !/[ \t]$/.test(lines[i]!);
    out += (literal ? '\n' : '&#10;') + escapeLine(line);
    lineHasText ||= line !== '';
  });
  return out;
}

/**
 * Tagged template for message markdown: the literal parts are markdown, each interpolated value is
 * escaped as plain text, except mentions and `rawMarkdown` fragments, which are inserted as they are.
 * `md\`Deploy done, ${mention.person(email, name)}: ${userText}\``
 *
 * A value is text wherever it goes: in a paragraph, list item, quote, heading, emphasis or link text.
 * It is not code or a URL: inside a code span or an autolink of the template its escapes would show.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = '';
  let textEnd = -1;
  const add = (markdown: string) => {
    // After a value that ends in `!`, a `[` would make the link that follows an image.
    if (textEnd === out.length && out.endsWith('!') && markdown.startsWith('[')) out = `${out.slice(0, -1)}\\!`;
    out += markdown;
  };
  values.forEach((value, i) => {
    add(strings[i] ?? '');
    if (isMarkdownFragment(value)) {
      add(value.markdown);
      return;
    }
    let text = escapeMarkdown(String(value));
    // After a `]`, a `(` or `:` would make a link or a link definition of what the brackets hold.
    if (out.endsWith(']') && /^[(:]/.test(text)) text = `\\${text}`;
    add(text);
    textEnd = out.length;
  });
  add(strings[values.length] ?? '');
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
