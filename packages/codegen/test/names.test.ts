import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, propertyKey, singular } from '../src/ir/names.js';

describe('names', () => {
  it.each([
    ['team-memberships', 'TeamMemberships', 'teamMemberships'],
    ['listRooms', 'ListRooms', 'listRooms'],
    ['admin-audit-events', 'AdminAuditEvents', 'adminAuditEvents'],
  ])('%s', (given, pascal, camel) => {
    expect(pascalCase(given)).toBe(pascal);
    expect(camelCase(given)).toBe(camel);
  });

  it.each([
    ['addresses', 'address'],
    ['phoneNumbers', 'phoneNumber'],
    ['sipAddresses', 'sipAddress'],
    ['files', 'file'],
    ['categories', 'category'],
    ['status', 'status'],
    ['boxes', 'box'],
  ])('singular(%s) = %s', (given, want) => expect(singular(given)).toBe(want));

  it('quotes keys that are not identifiers', () => {
    expect(propertyKey('roomId')).toBe('roomId');
    expect(propertyKey('urn:scim:schemas:core')).toBe("'urn:scim:schemas:core'");
    expect(propertyKey("it's")).toBe("'it\\'s'");
  });
});
