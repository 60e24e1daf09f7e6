// Content-Disposition as servers really send it (RFC 6266 and RFC 8187, plus the common mistakes).
import { describe, expect, it } from 'vitest';
import { parseContentDisposition, safeFileName } from '../src/files/content-disposition.js';

/** A header value as fetch hands it over: each byte of the raw UTF-8 as one Latin-1 character. */
const rawUtf8 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe('parseContentDisposition', () => {
  const cases: [
    name: string,
    { given: string | null; want: { type: string; filename: string | undefined } | undefined },
  ][] = [
    [
      'quoted filename',
      { given: 'attachment; filename="report.pdf"', want: { type: 'attachment', filename: 'report.pdf' } },
    ],
    [
      'token filename',
      { given: 'attachment; filename=report.pdf', want: { type: 'attachment', filename: 'report.pdf' } },
    ],
    [
      'filename* UTF-8 is preferred over filename, whichever comes first',
      {
        given: `attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf; filename="EUR rates.pdf"`,
        want: { type: 'attachment', filename: '€ rates.pdf' },
      },
    ],
    [
      'filename* after filename still wins',
      {
        given: `attachment; filename="EUR rates.pdf"; filename*=utf-8'en'%E2%82%AC%20rates.pdf`,
        want: { type: 'attachment', filename: '€ rates.pdf' },
      },
    ],
    [
      'filename* ISO-8859-1',
      {
        given: `attachment; filename*=iso-8859-1'de'Gr%FC%DFe.txt`,
        want: { type: 'attachment', filename: 'Grüße.txt' },
      },
    ],
    [
      'filename* with an unknown charset falls back to filename',
      {
        given: `attachment; filename*=koi8-r''%C1.txt; filename="a.txt"`,
        want: { type: 'attachment', filename: 'a.txt' },
      },
    ],
    [
      'filename* with broken percent-encoding falls back to filename',
      {
        given: `attachment; filename*=UTF-8''%E2%82.txt; filename="fallback.txt"`,
        want: { type: 'attachment', filename: 'fallback.txt' },
      },
    ],
    [
      'escapes in a quoted string',
      {
        given: String.raw`attachment; filename="say \"hi\" \\ bye.txt"`,
        want: { type: 'attachment', filename: 'say "hi" \\ bye.txt' },
      },
    ],
    [
      'semicolons and equals signs inside quotes',
      { given: 'attachment; filename="a;b=c.txt"; size=3', want: { type: 'attachment', filename: 'a;b=c.txt' } },
    ],
    [
      'parameter names and type are case-insensitive',
      { given: 'ATTACHMENT; FileName="X.PDF"', want: { type: 'attachment', filename: 'X.PDF' } },
    ],
    [
      'inline, with whitespace around everything',
      { given: '  inline ;  filename = "a b.txt"  ', want: { type: 'inline', filename: 'a b.txt' } },
    ],
    [
      'raw UTF-8 bytes in filename (common, not RFC) read as UTF-8',
      {
        given: `attachment; filename="${rawUtf8('résumé.pdf')}"`,
        want: { type: 'attachment', filename: 'résumé.pdf' },
      },
    ],
    [
      'Latin-1 bytes that are not UTF-8 stay Latin-1',
      { given: 'attachment; filename="caf\u00e9.txt"', want: { type: 'attachment', filename: 'café.txt' } },
    ],
    [
      'the first of a repeated parameter wins',
      {
        given: 'attachment; filename="one.txt"; filename="two.txt"',
        want: { type: 'attachment', filename: 'one.txt' },
      },
    ],
    ['no file name', { given: 'attachment', want: { type: 'attachment', filename: undefined } }],
    ['no type, parameters only', { given: 'filename="bare.txt"', want: { type: '', filename: 'bare.txt' } }],
    [
      'an unterminated quote runs to the end',
      { given: 'attachment; filename="open.txt', want: { type: 'attachment', filename: 'open.txt' } },
    ],
    [
      'a parameter without a value is skipped',
      { given: 'attachment; junk; filename=ok.txt', want: { type: 'attachment', filename: 'ok.txt' } },
    ],
    ['empty header', { given: '  ', want: undefined }],
    ['no header', { given: null, want: undefined }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(parseContentDisposition(given)).toEqual(want);
  });
});

describe('safeFileName', () => {
  const cases: [given: string | undefined, want: string | undefined][] = [
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['/etc/cron.d/evil', 'evil'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['..', undefined],
    ['dir/..', undefined],
    ['.', undefined],
    ['', undefined],
    ['a\u0000b\nc.txt', 'abc.txt'],
    ['a\u009b31mb\u0085\u007fc.txt', 'a31mbc.txt'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['.hidden', '.hidden'],
    [undefined, undefined],
  ];
  it.each(cases)('%j → %j', (given, want) => {
    expect(safeFileName(given)).toBe(want);
  });
});
