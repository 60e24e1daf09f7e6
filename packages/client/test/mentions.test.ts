import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '@webex-ts/models';
import { WebexValidationError } from '../src/errors.js';
import { encodeId } from '../src/ids.js';
import {
  commandText,
  escapeMarkdown,
  isMarkdownFragment,
  md,
  mention,
  mentions,
  rawMarkdown,
  replyTo,
} from '../src/mentions.js';

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

describe('md', () => {
  it.each([
    ['<@all>', '&lt;@all&gt;'],
    [`<@personId:${personId}|Boss>`, `&lt;@personId:${personId}\\|Boss&gt;`],
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_it_', '\\_it\\_'],
    ['`code`', '\\`code\\`'],
    ['[link](https://evil.example)', '\\[link\\]\\(https://evil\\.example\\)'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['a | b', 'a \\| b'],
    ['back\\slash', 'back\\\\slash'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['&lt;@all&gt;', '&amp;lt;@all&amp;gt;'],
    ['![img](x)', '\\!\\[img\\]\\(x\\)'],
    ['Title\n===', 'Title\n\\=\\=\\='],
    ['plain words, no marks', 'plain words, no marks'],
  ])('escapes %j', (input, escaped) => {
    expect(md`${input}`).toBe(escaped);
    expect(escapeMarkdown(input)).toBe(escaped);
    expect(shown(escaped)).toBe(input);
    expect(mentionsIn(escaped)).toEqual([]);
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
    expect(md`${1.5} ${null} ${undefined} ${{ toString: () => '<@all>' }}`).toBe('1\\.5 null undefined &lt;@all&gt;');
  });

  it('does not take a look-alike object for a mention', () => {
    const forged = { markdown: '<@all>', kind: 'all', toString: () => '<@all>' };
    expect(md`${forged}`).toBe('&lt;@all&gt;');
    expect(isMarkdownFragment(forged)).toBe(false);
  });

  it('shows any user text as written and never yields a mention (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const out = md`Note: ${text}`;
        expect(out.startsWith('Note: ')).toBe(true);
        expect(shown(out.slice('Note: '.length))).toBe(text);
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
