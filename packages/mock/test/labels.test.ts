import { operations } from '@webex-ts/client/operations';
import { describe, expect, it } from 'vitest';
import { operationLabels } from '../src/contract/labels.js';
import { loadSpec } from '../src/contract/spec.js';

describe('operation labels', () => {
  const spec = loadSpec();

  it('name every operation of the bundled spec the client generated as the client does', () => {
    const generated = spec.operations.filter((operation) => !operation.hidden);
    expect(generated.map((operation) => operation.label).sort()).toEqual(Object.keys(operations).sort());
    for (const operation of generated) {
      const entry = operations[operation.label as keyof typeof operations];
      expect(`${entry.method} ${entry.path}`).toBe(`${operation.method.toLowerCase()} ${operation.template}`);
    }
  });

  it.each([
    ['GET', '/rooms/abc', 'rooms.get'],
    ['GET', '/people/me', 'people.me'],
    ['GET', '/identity/scim/o1/v2/Users/u1', 'scim.users.get'],
    // Hidden operations have no generated method: their tag and operationId name them.
    ['POST', '/access_token', 'accessTokens.exchangeAccessToken'],
  ])('%s %s is %s', (method, path, label) => {
    expect(spec.find(method, path)?.operation.label).toBe(label);
  });

  it('key the table by lower-case method and path template, one key per operation', () => {
    const labels = operationLabels();
    expect(labels.size).toBe(Object.keys(operations).length);
    expect(labels.get('get /rooms/{roomId}')).toBe('rooms.get');
  });
});
