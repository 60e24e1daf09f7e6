import { describe, expect, it } from 'vitest';
import { docsOf } from '../../src/emit/docs.js';
import type { IrDocs } from '../../src/ir/types.js';

const cases: [string, { given: IrDocs; extra?: string[]; want: ReturnType<typeof docsOf> }][] = [
  ['nothing to say: no JSDoc', { given: {}, want: [] }],
  ['a description', { given: { description: 'A room.' }, want: [{ description: 'A room.', tags: [] }] }],
  [
    'a format with a note, and extra paragraphs',
    {
      given: { description: 'When.', format: 'date-time' },
      extra: ['More.'],
      want: [{ description: 'When.\n\nAn ISO 8601 date-time string.\n\nMore.', tags: [] }],
    },
  ],
  ['a format without a note', { given: { format: 'int32' }, want: [] }],
  ['deprecated only', { given: { deprecated: true }, want: [{ description: '', tags: [{ tagName: 'deprecated' }] }] }],
  [
    'prose that would end the comment',
    { given: { description: 'a */ b' }, want: [{ description: 'a *\\/ b', tags: [] }] },
  ],
];

describe('docsOf', () => {
  it.each(cases)('%s', (_name, { given, extra, want }) => {
    expect(docsOf(given, extra)).toEqual(want);
  });
});
