import { describe, expect, it } from 'vitest';
import { escapeComment, propertyKey, stringLiteral, wrapProse } from '../src/escape.js';

describe('stringLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['a\\b', "'a\\\\b'"],
    ['two\nlines\r', "'two\\nlines\\r'"],
  ])('%j → %s', (given, want) => expect(stringLiteral(given)).toBe(want));
});

describe('propertyKey', () => {
  it.each([
    ['roomId', 'roomId'],
    ['$ref', '$ref'],
    ['urn:scim:schemas:core', "'urn:scim:schemas:core'"],
    ["it's", "'it\\'s'"],
    ['2fa', "'2fa'"],
  ])('%s → %s', (given, want) => expect(propertyKey(given)).toBe(want));
});

describe('escapeComment and wrapProse', () => {
  it('keeps prose from closing a comment', () => {
    expect(escapeComment('a */ b')).toBe('a *\\/ b');
  });

  it('wraps on spaces at the width, keeping indentation and words longer than the width', () => {
    expect(wrapProse('one two three four', 9)).toBe('one two\nthree\nfour');
    expect(wrapProse('  - one two three', 10)).toBe('  - one\n  two\n  three');
    expect(wrapProse('unbreakable-word here', 5)).toBe('unbreakable-word\nhere');
  });
});
