// Adaptive Card types and typed card submits.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  adaptiveCard,
  cardInputIds,
  typedInputs,
  type AdaptiveCard,
  type CardInputIds,
} from '../src/messages/cards.js';
import { WebexValidationError } from '../src/index.js';

const approval = adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.3',
  body: [
    { type: 'TextBlock', text: 'Deploy build 412 to production?', weight: 'bolder', wrap: true },
    { type: 'FactSet', facts: [{ title: 'Build', value: '412' }] },
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.ChoiceSet',
              id: 'decision',
              style: 'expanded',
              choices: [
                { title: 'Approve', value: 'approve' },
                { title: 'Reject', value: 'reject' },
              ],
            },
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'Image', url: 'https://example.com/logo.png', altText: 'logo' }],
        },
      ],
    },
    { type: 'Input.Text', id: 'comment', placeholder: 'Why?', isMultiline: true },
    { type: 'Input.Toggle', id: 'notify', title: 'Tell the team' },
    { type: 'Input.Date', id: 'when' },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Send', data: { build: '412' } },
    { type: 'Action.OpenUrl', title: 'Diff', url: 'https://example.com/diff' },
  ],
});

describe('adaptiveCard', () => {
  it('keeps the input ids as a type', () => {
    expectTypeOf<CardInputIds<typeof approval>>().toEqualTypeOf<'decision' | 'comment' | 'notify' | 'when'>();
    expectTypeOf(approval).toMatchTypeOf<AdaptiveCard>();
  });

  it('refuses what is not an Adaptive Card element (compile time)', () => {
    const typeOnly = () => {
      // @ts-expect-error a TextBlock needs its text
      adaptiveCard({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock' }] });
      // @ts-expect-error an input needs an id
      adaptiveCard({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Input.Text' }] });
      // @ts-expect-error Webex shows schema 1.3 at most
      adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [] });
      // @ts-expect-error not an action Webex cards take
      adaptiveCard({ type: 'AdaptiveCard', version: '1.3', actions: [{ type: 'Action.Execute', title: 'x' }] });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it('lists the input ids, columns included, in order', () => {
    expect(cardInputIds(approval)).toEqual(['decision', 'comment', 'notify', 'when']);
    expect(cardInputIds({ type: 'AdaptiveCard', version: '1.0' })).toEqual([]);
  });
});

describe('typedInputs', () => {
  const submit = {
    inputs: { decision: 'approve', comment: 'ship it', notify: 'true', when: '2026-12-03', build: '412' },
  };

  it('types and returns the card’s inputs', () => {
    const inputs = typedInputs(submit, approval);
    expectTypeOf(inputs).toEqualTypeOf<Record<'decision' | 'comment' | 'notify' | 'when', string>>();
    expect(inputs).toEqual({ decision: 'approve', comment: 'ship it', notify: 'true', when: '2026-12-03' });
  });

  it('takes ids instead of the card, for Action.Submit data', () => {
    const inputs = typedInputs(submit, ['decision', 'build']);
    expectTypeOf(inputs).toEqualTypeOf<Record<'decision' | 'build', string>>();
    expect(inputs).toEqual({ decision: 'approve', build: '412' });
    const typeOnly = () => {
      // @ts-expect-error `reason` was not asked for
      void typedInputs(submit, ['decision']).reason;
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it.each([
    ['a missing input', { inputs: { decision: 'approve' } }, /missing or not a string: comment, notify, when/],
    [
      'an input that is not a string',
      { inputs: { decision: 1, comment: '', notify: 'false', when: '' } },
      /missing or not a string: decision/,
    ],
    ['no inputs at all', {}, /missing or not a string: decision, comment, notify, when/],
  ])('refuses %s, naming the ids', (_name, action, message) => {
    expect(() => typedInputs(action, approval)).toThrow(WebexValidationError);
    expect(() => typedInputs(action, approval)).toThrow(message);
  });
});
