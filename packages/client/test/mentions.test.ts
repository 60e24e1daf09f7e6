import { HtmlRenderer, Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '@webex-ts/models';
import { WebexValidationError } from '../src/errors/classes.js';
import { encodeId } from '../src/ids/webex-ids.js';
import {
  commandText,
  escapeMarkdown,
  isMarkdownFragment,
  md,
  mention,
  mentions,
  rawMarkdown,
  replyTo,
} from '../src/messages/mentions.js';

const personId = encodeId({ type: 'PEOPLE', uuid: '7c1e0f52-3f0a-4a49-9d3e-1f6c0c9a8b21' });
const botUuid = 'b0b0b0b0-1111-2222-3333-444455556666';
const botId = encodeId({ type: 'PEOPLE', uuid: botUuid });
const roomId = encodeId({ type: 'ROOM', uuid: 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154' });
const messageId = encodeId({ type: 'MESSAGE', uuid: '0a1b2c3d-0000-1111-2222-333344445555' });

/** Reads markdown text back the way CommonMark shows it: backslash escapes and entities undone. */
function shown(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The `<@…>` mentions a markdown source holds, as Webex's parser would find them. */
const mentionsIn = (markdown: string): string[] => markdown.match(/<@[^>]*>/g) ?? [];

describe('mention.person', () => {
  it('uses personId for an id and personEmail for an email', () => {
    expect(mention.person(personId, 'Jane Doe').markdown).toBe(`<@personId:${personId}|Jane Doe>`);
    expect(mention.person('jane@example.com', 'Jane Doe').markdown).toBe('<@personEmail:jane@example.com|Jane Doe>');
    expect(mention.person(personId).kind).toBe('personId');
    expect(mention.person('jane@example.com').kind).toBe('personEmail');
  });

  it('leaves the name out when none is given, so Webex shows the person’s own', () => {
    expect(mention.person(personId).markdown).toBe(`<@personId:${personId}>`);
    expect(mention.person('jane@example.com', '  ').markdown).toBe('<@personEmail:jane@example.com>');
  });

  it('works in plain template strings too', () => {
    expect(`${mention.person('jane@example.com', 'Jane')}`).toBe('<@personEmail:jane@example.com|Jane>');
    expect(String(mention.all())).toBe('<@all>');
  });

  it.each([
    ['a|b>', 'a&#124;b&gt;'],
    ['</spark-mention>', '&lt;/spark-mention&gt;'],
    ['<@all>', '&lt;@all&gt;'],
    ['Eve\n<@all>\r\nHi', 'Eve &lt;@all&gt; Hi'],
    [
      '**bold** _it_ `code` [x](y) ~s~ \\',
      '&#42;&#42;bold&#42;&#42; &#95;it&#95; &#96;code&#96; &#91;x&#93;(y) &#126;s&#126; &#92;',
    ],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
  ])('escapes the hostile display name %j', (name, escaped) => {
    const m = mention.person(personId, name);
    expect(m.markdown).toBe(`<@personId:${personId}|${escaped}>`);
    // One mention, ended only by its own `>`; the name reads back as given (line breaks as spaces).
    expect(mentionsIn(m.markdown)).toEqual([m.markdown]);
    expect(shown(escaped)).toBe(name.replace(/[\r\n]+/g, ' '));
  });

  it('never lets a display name end the mention or start another (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
        const { markdown } = mention.person(personId, name);
        const head = `<@personId:${personId}`;
        const body = markdown.slice(head.length, -1);
        return (
          markdown.startsWith(head) &&
          markdown.endsWith('>') &&
          !/[<>\n\r`*_[\]\\]/.test(body) &&
          body.split('|').length <= 2
        );
      }),
    );
  });

  it.each([[''], ['   '], ['abc|def'], ['a>b'], ['<@all'], ['a b@example.com'], ['x&y']])(
    'refuses the target %j',
    (target) => {
      expect(() => mention.person(target, 'X')).toThrow(WebexValidationError);
      expect(() => mention.person(target, 'X')).toThrow(/expected a person id or email/);
    },
  );
});

describe('mention.all', () => {
  it('is <@all>', () => {
    expect(mention.all().markdown).toBe('<@all>');
    expect(mention.all().kind).toBe('all');
    expect(isMarkdownFragment(mention.all())).toBe(true);
  });
});

/** The HTML the CommonMark reference implementation makes of `markdown`. */
const render = (markdown: string): string => new HtmlRenderer().render(new Parser().parse(markdown));

/** Text as the HTML renderer writes it. */
const htmlText = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** What a reader sees of `value`: line breaks are line breaks, and CommonMark shows U+0000 as U+FFFD. */
const asShown = (value: string): string => value.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');

const PLACEHOLDER = 'XYZZY';

/** Templates a value goes into; `oneLine` where a line break in the value would end the template's block. */
const contexts: [name: string, template: (value: unknown) => string, oneLine?: boolean][] = [
  ['alone', (v) => md`${v}`],
  ['after a blank line', (v) => md`Intro\n\n${v}`],
  ['at the start of a line', (v) => md`Start\n${v} end`],
  ['at the start of the last line', (v) => md`Start\n${v}`],
  ['mid-line', (v) => md`Note: ${v} end`],
  ['in strong emphasis', (v) => md`Note: **${v}** end`],
  ['in emphasis', (v) => md`Note: _${v}_ end`],
  ['in a block quote', (v) => md`> ${v}`],
  ['in a list item', (v) => md`- ${v}`],
  ['in an ordered list item', (v) => md`1. ${v}`],
  ['in link text', (v) => md`See [${v}](https://example.com/a).`],
  ['before a link', (v) => md`${v}[docs](https://example.com/a)`],
  ['after a bracket', (v) => md`[docs]${v}`],
  ['next to a mention', (v) => md`${mention.all()}${v}${mention.person('jane@example.com', 'Jane')}`],
  ['in a heading', (v) => md`## ${v}`, true],
];

/** Renders `value` in `template` and expects exactly the value's text where the placeholder's text was. */
function expectShownAsText(template: (value: unknown) => string, value: string): void {
  const expected = render(template(PLACEHOLDER));
  expect(expected.split(PLACEHOLDER)).toHaveLength(2);
  expect(render(template(value))).toBe(expected.replace(PLACEHOLDER, () => htmlText(asShown(value))));
}

/** Strings made mostly of markdown's special characters and constructs, to hit them often. */
const markdownish = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...'\\`*_[]()<>&;#!|~=+-.:) \t\n\r0123456789aZ@/\u00a0\u3000\u0000é',
      '    ',
      '```',
      '~~~',
      '***',
      '---',
      '===',
      '1.',
      '2)',
      '&amp;',
      '&#65;',
      '&#x41;',
      '<@all>',
      '<@personId:abc|Eve>',
      '<div>',
      '<!-- x -->',
      '[x]: /u',
      '](https://evil.example)',
      'https://evil.example',
      '<https://evil.example>',
      '\n\n',
      '  \n',
      '\\\n',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
  ),
  minLength: 1,
  maxLength: 30,
});

describe('md', () => {
  // Each construct as user text, and what md makes of it: as few escapes as keep it text.
  it.each([
    ['indented code (four spaces)', '    code', '&#32;   code'],
    ['indented code (tab)', '\tcode', '&#9;code'],
    ['fenced code', '```js', '\\`\\`\\`js'],
    ['fenced code (tildes)', '~~~', '\\~\\~\\~'],
    ['ATX heading', '# heading', '\\# heading'],
    ['heading closing sequence', 'done #', 'done \\#'],
    ['a hash that starts nothing', 'Issue #42 in C#', 'Issue #42 in C#'],
    ['setext underline =', 'Title\n===', 'Title\n\\==='],
    ['setext underline -', 'Title\n---', 'Title\n\\---'],
    ['thematic break', '- - -', '\\- - -'],
    ['thematic break (stars)', '***', '\\*\\*\\*'],
    ['block quote', '> quoted', '&gt; quoted'],
    ['bullet -', '- item', '\\- item'],
    ['bullet +', '+ item', '\\+ item'],
    ['bullet *', '* item', '\\* item'],
    ['ordered item 1.', '1. item', '1\\. item'],
    ['ordered item 1)', '1) item', '1\\) item'],
    ['a number that starts nothing', 'Version 1.5 (beta) -2 +3', 'Version 1.5 (beta) -2 +3'],
    ['table delimiter row', 'a|b\n:-|-:', 'a\\|b\n\\:-\\|-:'],
    ['HTML block', '<div>\nhi\n</div>', '&lt;div&gt;\nhi\n&lt;/div&gt;'],
    ['inline HTML', 'a <b>bold</b>', 'a &lt;b&gt;bold&lt;/b&gt;'],
    ['HTML comment', '<!-- x -->', '&lt;!-- x --&gt;'],
    ['link reference definition', '[x]: https://evil.example', '\\[x\\]: https://evil.example'],
    ['inline link', '[link](https://evil.example)', '\\[link\\](https://evil.example)'],
    ['image', '![img](x.png)', '!\\[img\\](x.png)'],
    ['autolink', '<https://evil.example>', '&lt;https://evil.example&gt;'],
    ['named entity', '&amp; &copy;', '&amp;amp; &amp;copy;'],
    ['numeric references', '&#65; &#x41;', '&amp;#65; &amp;#x41;'],
    ['backslash escape', '\\*not\\*', '\\\\\\*not\\\\\\*'],
    ['emphasis', '*it* _it_', '\\*it\\* \\_it\\_'],
    ['strong emphasis', '**bold** __bold__', '\\*\\*bold\\*\\* \\_\\_bold\\_\\_'],
    ['code span', '`code`', '\\`code\\`'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['hard break (two spaces)', 'a  \nb', 'a &#32;&#10;b'],
    ['hard break (backslash)', 'a\\\nb', 'a\\\\\nb'],
    ['blank line (new paragraph)', 'a\n\nb', 'a&#10;\nb'],
    ['leading and trailing space', ' a ', '&#32;a&#32;'],
    ['line breaks at the ends', '\na\n', '&#10;a&#10;'],
    ['CR LF line breaks', 'a\r\nb\rc', 'a\nb\nc'],
    ['mention of everyone', '<@all>', '&lt;@all&gt;'],
    ['mention of a person', `<@personId:${personId}|Boss>`, `&lt;@personId:${personId}\\|Boss&gt;`],
    ['plain words', 'plain words, no marks!', 'plain words, no marks!'],
  ])('%s: %j becomes %j and shows as written everywhere', (_construct, input, escaped) => {
    expect(md`${input}`).toBe(escaped);
    expect(escapeMarkdown(input)).toBe(escaped);
    expect(mentionsIn(escaped)).toEqual([]);
    for (const [, template, oneLine] of contexts)
      if (!oneLine || !/[\r\n]/.test(input)) expectShownAsText(template, input);
  });

  it.each(contexts)('shows any text as written %s (property)', (_name, template, oneLine) => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })), (text) => {
        fc.pre(!oneLine || !/[\r\n]/.test(text));
        expectShownAsText(template, text);
        expect(mentionsIn(md`${text}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes a ( or : after a template ending in ], and a ! before one going on with [', () => {
    expect(md`[docs]${'(https://evil.example)'}`).toBe('[docs]\\(https://evil.example)');
    expect(md`[docs]${': https://evil.example'}`).toBe('[docs]\\: https://evil.example');
    expect(md`${'Done!'}[docs](https://example.com/a)`).toBe('Done\\![docs](https://example.com/a)');
    expect(md`${'Done!'}${rawMarkdown('[docs](https://example.com/a)')}`).toBe('Done\\![docs](https://example.com/a)');
    expect(md`${rawMarkdown('[docs]')}${'(x)'} ${'Wow!'}${'[y]'}`).toBe('[docs]\\(x) Wow!\\[y\\]');
    expect(md`${'(draft)'} ${'Done!'}`).toBe('(draft) Done!');
  });

  it('keeps the literal markdown and the mentions, and escapes the rest', () => {
    const who = mention.person('jane@example.com', 'Jane <@all>');
    const note = '*urgent* <@all>';
    expect(md`**Deploy done**, ${who}: ${note}`).toBe(
      '**Deploy done**, <@personEmail:jane@example.com|Jane &lt;@all&gt;>: \\*urgent\\* &lt;@all&gt;',
    );
    expect(mentionsIn(md`Deploy done, ${who} ${note} ${mention.all()}`)).toEqual([who.markdown, '<@all>']);
  });

  it('inserts rawMarkdown as it is, so md results can nest', () => {
    const inner = md`**${'a*b'}**`;
    expect(md`> ${rawMarkdown(inner)} ${inner}`).toBe(`> **a\\*b** ${escapeMarkdown(inner)}`);
  });

  it('escapes numbers, null and objects as their text', () => {
    expect(md`${1.5} ${null} ${undefined} ${{ toString: () => '<@all>' }}`).toBe('1.5 null undefined &lt;@all&gt;');
  });

  it('does not take a look-alike object for a mention', () => {
    const forged = { markdown: '<@all>', kind: 'all', toString: () => '<@all>' };
    expect(md`${forged}`).toBe('&lt;@all&gt;');
    expect(isMarkdownFragment(forged)).toBe(false);
  });

  it('never yields a mention or a raw < or > from user text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const out = md`Note: ${text}`;
        expect(out.startsWith('Note: ')).toBe(true);
        expect(out).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('mentions', () => {
  it('lists the people and groups a received message mentions', () => {
    const message: Message = {
      id: messageId,
      created: '2026-11-02T17:24:08.183Z',
      roomId,
      roomType: 'group',
      text: 'DeployBot ship it, everyone',
      personId,
      personEmail: 'ana@example.com',
      mentionedPeople: [botId, personId],
      mentionedGroups: ['all'],
    };
    expect(mentions(message)).toEqual({ people: [botId, personId], groups: ['all'], all: true });
  });

  it('gives empty lists and all: false when nothing is mentioned', () => {
    const message: Message = {
      id: messageId,
      roomId,
      roomType: 'direct',
      text: 'hi',
      personId,
      personEmail: 'ana@example.com',
      created: '2026-11-02T17:24:08.183Z',
    };
    expect(mentions(message)).toEqual({ people: [], groups: [], all: false });
    expect(mentions({ mentionedPeople: [botId] })).toEqual({ people: [botId], groups: [], all: false });
  });

  it('returns copies, not the message’s own arrays', () => {
    const message = { mentionedPeople: [botId] };
    mentions(message).people.push('x');
    expect(message.mentionedPeople).toEqual([botId]);
  });
});

describe('commandText', () => {
  it.each([
    ['DeployBot deploy prod', 'deploy prod'],
    ['deploybot   deploy prod  ', 'deploy prod'],
    ['  DEPLOYBOT deploy', 'deploy'],
    ['DeployBot', ''],
    ['DeployBot DeployBot status', 'DeployBot status'],
    ['deploy prod', 'deploy prod'],
    ['DeployBotter status', 'DeployBotter status'],
    ['please DeployBot status', 'please DeployBot status'],
  ])('reads %j as %j', (text, command) => {
    expect(commandText({ text }, 'DeployBot')).toBe(command);
  });

  it('copes with a message without text', () => {
    expect(commandText({}, 'DeployBot')).toBe('');
  });

  it('strips the name the sender’s client rendered, read from the html mention of botId', () => {
    const message: Message = {
      id: messageId,
      created: '2026-11-02T17:24:08.183Z',
      roomId,
      roomType: 'group',
      text: 'Deploy & Co. Bot status please',
      personId,
      personEmail: 'ana@example.com',
      html: `<p><spark-mention data-object-type="person" data-object-id="${botId}">Deploy &amp; Co. Bot</spark-mention> status please</p>`,
      mentionedPeople: [botId],
    };
    // The html's name differs from the bot's own display name: only botId finds it.
    expect(commandText(message, 'DeployBot', { botId })).toBe('status please');
    expect(commandText(message, 'DeployBot')).toBe(message.text);
  });

  it('matches the html mention by bare UUID as well as by id, and ignores other people', () => {
    const text = 'Deployer status';
    const forBot = `<p><spark-mention data-object-type="person" data-object-id="${botUuid}">Deployer</spark-mention> status</p>`;
    const forOther = `<p><spark-mention data-object-type="person" data-object-id="${personId}">Deployer</spark-mention> status</p>`;
    const forGroup = `<p><spark-mention data-object-type="groupMention" data-group-type="all">Deployer</spark-mention> status</p>`;
    expect(commandText({ text, html: forBot }, 'DeployBot', { botId })).toBe('status');
    expect(commandText({ text, html: forOther }, 'DeployBot', { botId })).toBe(text);
    expect(commandText({ text, html: forGroup }, 'DeployBot', { botId })).toBe(text);
  });
});

describe('replyTo', () => {
  it('gives the roomId and the message as parentId', () => {
    const message: Message = {
      id: messageId,
      roomId,
      text: 'hi',
      personId,
      personEmail: 'ana@example.com',
      created: '2026-11-02T17:24:08.183Z',
    };
    expect(replyTo(message)).toEqual({ roomId, parentId: messageId });
    expect({ ...replyTo({ id: 'm1', roomId: 'r1' }), markdown: 'ok' }).toEqual({
      roomId: 'r1',
      parentId: 'm1',
      markdown: 'ok',
    });
  });

  it('replies to a reply in the same thread', () => {
    expect(replyTo({ id: 'm2', roomId: 'r1', parentId: 'm1' })).toEqual({ roomId: 'r1', parentId: 'm1' });
  });

  it.each([[{ roomId: 'r1' }], [{ id: 'm1' }], [{ id: '', roomId: 'r1' }]])('refuses %j', (parent) => {
    expect(() => replyTo(parent)).toThrow(WebexValidationError);
    expect(() => replyTo(parent)).toThrow(/expected a message with an id and a roomId/);
  });
});
