import type { Difference } from './compare.js';

/**
 * One rule of ours (numbered in the Rules of specs/README.md) that makes our specs differ from Webex's documents
 * on purpose. A rule covers one kind of difference, and within it only what the rule says: naming R1 accepts a
 * required `id` nobody upstream requires, never a changed type or a new field.
 */
export interface DivergenceRule {
  id: string;
  /** The kind of difference it covers. */
  kind: Difference['kind'];
  /** What it covers, in words, for reports and error messages. */
  covers: string;
  matches(difference: Difference): boolean;
}

/** Query parameters that page a list; our specs type them as integers wherever a document types them. */
export const PAGING_PARAMETERS = new Set([
  'max',
  'offset',
  'start',
  'page',
  'pageSize',
  'limit',
  'count',
  'startIndex',
]);

const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

export const DIVERGENCE_RULES: readonly DivergenceRule[] = [
  {
    id: 'R1',
    kind: 'required',
    covers: 'an answer field `id` or `created` that we require and the document leaves optional',
    matches: (d) =>
      d.kind === 'required' &&
      d.where === 'response' &&
      d.ours &&
      !d.upstream &&
      ['id', 'created'].includes(lastSegment(d.name)),
  },
  {
    id: 'R2',
    kind: 'required',
    covers: 'an answer field we require with its evidence in `x-required-because`, and the document leaves optional',
    matches: (d) => d.kind === 'required' && d.where === 'response' && d.ours && !d.upstream && d.because !== undefined,
  },
  {
    id: 'R3',
    kind: 'required',
    covers: 'an answer field the document requires and we leave optional for want of evidence',
    matches: (d) => d.kind === 'required' && d.where === 'response' && !d.ours && d.upstream,
  },
  {
    id: 'R4',
    kind: 'type',
    covers: `a paging query parameter (${[...PAGING_PARAMETERS].join(', ')}) we type as an integer and the document as a string`,
    matches: (d) =>
      d.kind === 'type' &&
      d.where === 'query' &&
      PAGING_PARAMETERS.has(d.name) &&
      d.ours === 'number' &&
      d.upstream === 'string',
  },
];
