import { describe, expect, it } from 'vitest';
import { camelCase, nestedName, pascalCase, pascalWords, singular } from '../../src/ir/names.js';

describe('pascalCase and camelCase', () => {
  it.each([
    ['team-memberships', 'TeamMemberships', 'teamMemberships'],
    ['listRooms', 'ListRooms', 'listRooms'],
    ['admin-audit-events', 'AdminAuditEvents', 'adminAuditEvents'],
    ['scim.users.list', 'ScimUsersList', 'scimUsersList'],
  ])('%s', (given, pascal, camel) => {
    expect(pascalCase(given)).toBe(pascal);
    expect(camelCase(given)).toBe(camel);
  });
});

describe('singular', () => {
  it.each([
    ['addresses', 'address'],
    ['phoneNumbers', 'phoneNumber'],
    ['sipAddresses', 'sipAddress'],
    ['files', 'file'],
    ['categories', 'category'],
    ['status', 'status'],
    ['boxes', 'box'],
  ])('singular(%s) = %s', (given, want) => expect(singular(given)).toBe(want));
});

describe('pascalWords', () => {
  it.each([
    ['EventThresholdConfig', ['Event', 'Threshold', 'Config']],
    ['SIPAddress', ['SIP', 'Address']],
    ['DeviceCallMppBacklightTimer68XX78XX', ['Device', 'Call', 'Mpp', 'Backlight', 'Timer68', 'XX78', 'XX']],
    ['Ata', ['Ata']],
    ['', []],
  ])('%s', (given, want) => {
    expect(pascalWords(given)).toEqual(want);
    expect(pascalWords(given).join('')).toBe(given);
  });
});

describe('nestedName', () => {
  const cases: [string, { parent: string; property: string; want: string }][] = [
    ['appends the property', { parent: 'Widget', property: 'size', want: 'WidgetSize' }],
    [
      'drops a word the property repeats',
      {
        parent: 'VideoMeshUpdateEventThresholdsRequestEventThreshold',
        property: 'thresholdConfig',
        want: 'VideoMeshUpdateEventThresholdsRequestEventThresholdConfig',
      },
    ],
    ['drops every word repeated', { parent: 'DeviceCallAta', property: 'ataDtmfMode', want: 'DeviceCallAtaDtmfMode' }],
    [
      'drops the longest run repeated',
      { parent: 'RoomMeetingInfo', property: 'meetingInfoLink', want: 'RoomMeetingInfoLink' },
    ],
    ['keeps the last word of the property', { parent: 'JobError', property: 'error', want: 'JobErrorError' }],
    [
      'keeps what only looks alike: words compare whole',
      { parent: 'DeviceCallLayout', property: 'layouts', want: 'DeviceCallLayoutLayouts' },
    ],
    ['keeps a repeat that is not at the join', { parent: 'ModeLayout', property: 'mode', want: 'ModeLayoutMode' }],
    [
      'spells keys that are no identifiers in Pascal case',
      {
        parent: 'ScimUser',
        property: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        want: 'ScimUserUrnIetfParamsScimSchemasExtensionEnterprise20User',
      },
    ],
  ];
  it.each(cases)('%s', (_name, { parent, property, want }) => {
    expect(nestedName(parent, property)).toBe(want);
  });
});
