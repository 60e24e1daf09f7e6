// Hand-written type tests for the admin resources' create and update methods.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods. Bodies whose fields are all optional have no "missing field" case.
import { describe, expect, it } from 'vitest';
import type { ResourceGroupMembershipUpdateRequest, WorkspaceLocationCreateRequest } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const ORG = 'O';
const USER = ['urn:ietf:params:scim:schemas:core:2.0:User'];
const GROUP = ['urn:ietf:params:scim:schemas:core:2.0:Group'];

describe('admin create/update types', () => {
  it('dataSources.create and update (no required field, no enum)', () => {
    if (false as boolean) {
      void webex.dataSources.create({
        audience: 'a',
        nonce: 'n',
        schemaId: 'S',
        subject: 's',
        tokenLifetimeMinutes: 60,
      });
      void webex.dataSources.update('D', { status: 'disabled', errorMessage: 'paused', url: 'https://example.com/ds' });
      // @ts-expect-error misspelled: `tokenLifetimeMinute` is not a field of DataSourceCreateRequest
      void webex.dataSources.create({ audience: 'a', tokenLifetimeMinute: 60 });
      // @ts-expect-error misspelled: `schemaID` is not a field of DataSourceUpdateRequest
      void webex.dataSources.update('D', { audience: 'a', schemaID: 'S' });
    }
    expect(webex.dataSources.create).toBeTypeOf('function');
    expect(webex.dataSources.update).toBeTypeOf('function');
  });

  it('groups.create and update', () => {
    const patch = ['urn:ietf:params:scim:api:messages:2.0:PatchOp'];
    if (false as boolean) {
      void webex.groups.create({ schemas: GROUP, displayName: 'Sales', members: [{ value: 'P', type: 'user' }] });
      void webex.groups.update('G', {
        schemas: patch,
        Operations: [{ op: 'add', path: 'roles', value: [{ type: 'role', value: 'R' }] }],
      });
      // @ts-expect-error misspelled: `displayname` is not a field of CreateGroupRequest
      void webex.groups.create({ schemas: GROUP, displayname: 'Sales' });
      // @ts-expect-error missing: `schemas` is required
      void webex.groups.create({ displayName: 'Sales' });
      // @ts-expect-error misspelled: `operations` is not a field of UpdateGroupRequest (the API spells it `Operations`)
      void webex.groups.update('G', { schemas: patch, operations: [{ op: 'add' }] });
      // @ts-expect-error missing: `Operations` is required
      void webex.groups.update('G', { schemas: patch });
      // @ts-expect-error enum: a patch `op` is add, replace or remove
      void webex.groups.update('G', { schemas: patch, Operations: [{ op: 'delete' }] });
      // @ts-expect-error enum: an inheritance's `type` is only 'role'
      void webex.groups.update('G', { schemas: patch, Operations: [{ op: 'add', value: [{ type: 'group' }] }] });
    }
    expect(webex.groups.create).toBeTypeOf('function');
    expect(webex.groups.update).toBeTypeOf('function');
  });

  it('identityOrganizations.update', () => {
    const schemas = ['urn:cisco:codev:identity:organization:core:1.0'];
    if (false as boolean) {
      void webex.identityOrganizations.update(ORG, { schemas, displayName: 'Acme', preferredLanguage: 'en_US' });
      // @ts-expect-error misspelled: `preferedLanguage` is not a field of IdentityOrganizationUpdateRequest
      void webex.identityOrganizations.update(ORG, { schemas, displayName: 'Acme', preferedLanguage: 'en_US' });
      // @ts-expect-error missing: `displayName` is required
      void webex.identityOrganizations.update(ORG, { schemas });
    }
    expect(webex.identityOrganizations.update).toBeTypeOf('function');
  });

  it('organizationContacts.create and update', () => {
    const schemas = 'urn:cisco:codev:identity:contact:core:1.0';
    const email = 'ada@example.com';
    if (false as boolean) {
      void webex.organizationContacts.create(ORG, {
        schemas,
        source: 'CH',
        displayName: 'Ada',
        primaryContactMethod: 'EMAIL',
        emails: [{ value: email, type: 'work' }],
      });
      void webex.organizationContacts.update(ORG, 'C', {
        schemas,
        source: 'Webex4Broadworks',
        phoneNumbers: [{ value: '+1 555 0100', type: 'mobile' }],
      });
      // @ts-expect-error misspelled: `avatarUrl` is not a field of OrganizationContactCreateRequest (it is `avatarURL`)
      void webex.organizationContacts.create(ORG, { schemas, source: 'CH', avatarUrl: 'https://example.com/a.png' });
      // @ts-expect-error missing: `source` is required
      void webex.organizationContacts.create(ORG, { schemas, displayName: 'Ada' });
      // @ts-expect-error enum: `source` is CH or Webex4Broadworks
      void webex.organizationContacts.create(ORG, { schemas, source: 'LDAP' });
      // @ts-expect-error enum: `primaryContactMethod` is SIPADDRESS, EMAIL, PHONE or IMS (upper case)
      void webex.organizationContacts.create(ORG, { schemas, source: 'CH', primaryContactMethod: 'email' });
      // @ts-expect-error misspelled: `groupId` is not a field of OrganizationContactUpdateRequest (it is `groupIds`)
      void webex.organizationContacts.update(ORG, 'C', { schemas, source: 'CH', groupId: ['G'] });
      // @ts-expect-error missing: `schemas` is required
      void webex.organizationContacts.update(ORG, 'C', { source: 'CH' });
      // @ts-expect-error enum: an email's `type` is work, home, room or other
      void webex.organizationContacts.update(ORG, 'C', { schemas, source: 'CH', emails: [{ type: 'office' }] });
    }
    expect(webex.organizationContacts.create).toBeTypeOf('function');
    expect(webex.organizationContacts.update).toBeTypeOf('function');
  });

  it('organizationSettings.update (no required field, no enum)', () => {
    if (false as boolean) {
      void webex.organizationSettings.update(ORG, { key: 'allowGuestAccess', value: true });
      // @ts-expect-error misspelled: `name` is not a field of OrganizationSettingUpdateRequest (it is `key`)
      void webex.organizationSettings.update(ORG, { name: 'allowGuestAccess', value: true });
    }
    expect(webex.organizationSettings.update).toBeTypeOf('function');
  });

  it('partner.reports.create', () => {
    const startDate = '2026-11-01';
    const endDate = '2026-11-30';
    if (false as boolean) {
      void webex.partner.reports.create({ templateId: 130, startDate, endDate }, { onBehalfOfSubPartnerOrgId: 'S' });
      // @ts-expect-error misspelled: `templateID` is not a field of PartnerReportCreateRequest
      void webex.partner.reports.create({ templateID: 130, startDate, endDate });
      // @ts-expect-error missing: `endDate` is required
      void webex.partner.reports.create({ templateId: 130, startDate });
    }
    expect(webex.partner.reports.create).toBeTypeOf('function');
  });

  it('reports.create', () => {
    if (false as boolean) {
      void webex.reports.create({ templateId: 130, startDate: '2026-11-01', endDate: '2026-11-30', siteList: 'a' });
      // @ts-expect-error misspelled: `sites` is not a field of ReportCreateRequest (it is `siteList`)
      void webex.reports.create({ templateId: 130, sites: 'acme.webex.com' });
      // @ts-expect-error missing: `templateId` is required
      void webex.reports.create({ startDate: '2026-11-01' });
    }
    expect(webex.reports.create).toBeTypeOf('function');
  });

  it('resourceGroupMemberships.update', () => {
    const base: Omit<ResourceGroupMembershipUpdateRequest, 'personOrgId' | 'status'> = {
      resourceGroupId: 'RG',
      licenseId: 'L',
      personId: 'P',
    };
    if (false as boolean) {
      void webex.resourceGroupMemberships.update('M', { ...base, personOrgId: ORG, status: 'pending' });
      // @ts-expect-error misspelled: `personOrgID` is not a field of ResourceGroupMembershipUpdateRequest
      void webex.resourceGroupMemberships.update('M', { ...base, personOrgID: ORG, status: 'pending' });
      // @ts-expect-error missing: `status` is required
      void webex.resourceGroupMemberships.update('M', { ...base, personOrgId: ORG });
      // @ts-expect-error enum: `status` is pending, activated or error
      void webex.resourceGroupMemberships.update('M', { ...base, personOrgId: ORG, status: 'active' });
    }
    expect(webex.resourceGroupMemberships.update).toBeTypeOf('function');
  });

  it('scim.groups.create and update', () => {
    if (false as boolean) {
      void webex.scim.groups.create(ORG, { schemas: GROUP, displayName: 'Sales', members: [{ value: 'U' }] });
      void webex.scim.groups.update(ORG, 'G', { schemas: GROUP, displayName: 'Sales EMEA' });
      // @ts-expect-error misspelled: `externalID` is not a field of ScimGroupRequest
      void webex.scim.groups.create(ORG, { schemas: GROUP, displayName: 'Sales', externalID: 'x' });
      // @ts-expect-error missing: `displayName` is required
      void webex.scim.groups.create(ORG, { schemas: GROUP });
      // @ts-expect-error misspelled: `member` is not a field of ScimGroupRequest (it is `members`)
      void webex.scim.groups.update(ORG, 'G', { schemas: GROUP, displayName: 'Sales', member: [] });
      // @ts-expect-error missing: `schemas` is required
      void webex.scim.groups.update(ORG, 'G', { displayName: 'Sales' });
    }
    expect(webex.scim.groups.create).toBeTypeOf('function');
    expect(webex.scim.groups.update).toBeTypeOf('function');
  });

  it('scim.users.create and update', () => {
    const userName = 'ada@example.com';
    const user = { schemas: USER, userName };
    if (false as boolean) {
      void webex.scim.users.create(ORG, {
        schemas: USER,
        userName,
        userType: 'user',
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        emails: [{ value: userName, type: 'work', primary: true }],
        phoneNumbers: [{ value: '+1 555 0100', type: 'mobile' }],
      });
      void webex.scim.users.update(ORG, 'U', { schemas: USER, userName, userType: 'room', active: false });
      // @ts-expect-error misspelled: `username` is not a field of ScimUserRequest (it is `userName`)
      void webex.scim.users.create(ORG, { schemas: USER, username: userName, userType: 'user' });
      // @ts-expect-error missing: `userType` is required
      void webex.scim.users.create(ORG, { schemas: USER, userName });
      // @ts-expect-error enum: `userType` is user, room, external_calling or calling_service
      void webex.scim.users.create(ORG, { schemas: USER, userName, userType: 'guest' });
      // @ts-expect-error enum: an email's `type` is work, home, room or other
      void webex.scim.users.create(ORG, { ...user, userType: 'user', emails: [{ type: 'private' }] });
      // @ts-expect-error misspelled: `timeZone` is not a field of ScimUserRequest (it is `timezone`)
      void webex.scim.users.update(ORG, 'U', { schemas: USER, userName, userType: 'user', timeZone: 'UTC' });
      // @ts-expect-error missing: `userName` is required
      void webex.scim.users.update(ORG, 'U', { schemas: USER, userType: 'user' });
      // @ts-expect-error enum: a phone number's `type` is work, home, mobile, work_extension, fax, pager or other
      void webex.scim.users.update(ORG, 'U', { ...user, userType: 'user', phoneNumbers: [{ type: 'cell' }] });
    }
    expect(webex.scim.users.create).toBeTypeOf('function');
    expect(webex.scim.users.update).toBeTypeOf('function');
  });

  it('workspaceLocations.create and update', () => {
    const base: Omit<WorkspaceLocationCreateRequest, 'countryCode' | 'latitude'> = {
      displayName: 'HQ',
      address: '1 Main St',
      longitude: -122.1,
    };
    if (false as boolean) {
      void webex.workspaceLocations.create({ ...base, countryCode: 'US', latitude: 37.4, cityName: 'San Jose' });
      void webex.workspaceLocations.update('L', { ...base, countryCode: 'US', latitude: 37.4, id: 'L' });
      // @ts-expect-error misspelled: `country` is not a field of WorkspaceLocationCreateRequest (it is `countryCode`)
      void webex.workspaceLocations.create({ ...base, country: 'US', latitude: 37.4 });
      // @ts-expect-error missing: `latitude` is required
      void webex.workspaceLocations.create({ ...base, countryCode: 'US' });
      // @ts-expect-error misspelled: `lat` is not a field of WorkspaceLocationUpdateRequest (it is `latitude`)
      void webex.workspaceLocations.update('L', { ...base, countryCode: 'US', lat: 37.4 });
      // @ts-expect-error missing: `countryCode` is required
      void webex.workspaceLocations.update('L', { ...base, latitude: 37.4 });
    }
    expect(webex.workspaceLocations.create).toBeTypeOf('function');
    expect(webex.workspaceLocations.update).toBeTypeOf('function');
  });
});
