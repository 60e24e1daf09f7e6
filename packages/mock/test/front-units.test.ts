// The front's pure decisions, table-driven: which webhook filter an event meets, and how a file name is announced.
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../src/front/contents.js';
import { filterMatches } from '../src/front/webhooks.js';

const BOT = 'BOT-ID';
const data = {
  id: 'M1',
  roomId: 'ROOM-1',
  roomType: 'group',
  personId: 'ANA',
  personEmail: 'Ana@Example.com',
  mentionedPeople: [BOT, 'EVE'],
  files: ['http://mock/contents/C1'],
};

describe('filterMatches', () => {
  it.each<[string, { filter: string | undefined; given?: Record<string, unknown>; want: boolean }]>([
    ['no filter', { filter: undefined, want: true }],
    ['an empty filter', { filter: '', want: true }],
    ['the same room', { filter: 'roomId=ROOM-1', want: true }],
    ['another room', { filter: 'roomId=ROOM-2', want: false }],
    ['every condition must hold', { filter: 'roomId=ROOM-1&roomType=direct', want: false }],
    ['both hold', { filter: 'roomType=group&personId=ANA', want: true }],
    ['emails without case', { filter: 'personEmail=ana@example.COM', want: true }],
    ['an encoded value', { filter: 'personEmail=ana%40example.com', want: true }],
    ['mentionedPeople=me is the bot', { filter: 'mentionedPeople=me', want: true }],
    ['mentionedPeople lists must all be in', { filter: 'mentionedPeople=me,EVE', want: true }],
    ['someone not mentioned', { filter: 'mentionedPeople=ZOE', want: false }],
    [
      'mentionedPeople on a message mentioning nobody',
      { filter: 'mentionedPeople=me', given: { id: 'M2' }, want: false },
    ],
    ['hasFiles=true with files', { filter: 'hasFiles=true', want: true }],
    ['hasFiles=false with files', { filter: 'hasFiles=false', want: false }],
    ['hasFiles=false without', { filter: 'hasFiles=false', given: { id: 'M2' }, want: true }],
    ['a field the event lacks', { filter: 'messageId=X', want: false }],
  ])('%s', (_, { filter, given = data, want }) => {
    expect(filterMatches(filter, given, BOT)).toBe(want);
  });
});

describe('contentDisposition', () => {
  it.each([
    ['plain ASCII', 'report.pdf', 'attachment; filename="report.pdf"'],
    ['spaces stay', 'Q3 report.pdf', 'attachment; filename="Q3 report.pdf"'],
    [
      'quotes and backslashes go in filename*',
      'a"b\\c.txt',
      `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`,
    ],
    ['not ASCII', 'résumé.pdf', `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`],
    ["RFC 8187 escapes ' ( ) *", "it's (1)*.txt", `attachment; filename="it's (1)*.txt"`],
    ['…also when filename* is needed', "é's.txt", `attachment; filename="_'s.txt"; filename*=UTF-8''%C3%A9%27s.txt`],
  ])('%s', (_, name, want) => {
    expect(contentDisposition(name)).toBe(want);
  });
});
