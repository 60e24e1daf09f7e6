import type { JSDocStructure, OptionalKind } from 'ts-morph';
import { escapeComment, wrapProse } from '../escape.js';
import type { IrDocs } from '../ir/types.js';

const FORMAT_NOTES: Record<string, string> = {
  'date-time': 'An ISO 8601 date-time string.',
  date: 'An ISO 8601 date string.',
  email: 'An email address.',
  uri: 'A URL.',
  url: 'A URL.',
};

/** JSDoc for a declaration: the spec description, a note on the format, and `@deprecated`. */
export function docsOf(docs: IrDocs, extra: string[] = []): OptionalKind<JSDocStructure>[] {
  const lines = [docs.description, docs.format ? FORMAT_NOTES[docs.format] : undefined, ...extra].filter(
    (line): line is string => Boolean(line),
  );
  const tags = docs.deprecated ? [{ tagName: 'deprecated' }] : [];
  if (!lines.length && !tags.length) return [];
  return [{ description: lines.map((line) => wrapProse(escapeComment(line))).join('\n\n'), tags }];
}
