// Hand-written type tests for Contact Center's users, user profiles and resource collections: their create, update,
// patch and bulk methods, the body-taking lookups, and what their listings iterate. Each `@ts-expect-error` line makes
// exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one
// line, so formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`:
// nothing is sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterReference,
  ContactCenterResourceCollection,
  ContactCenterUser,
  ContactCenterUserProfile,
  ContactCenterUserWithDynamicSkill,
  ContactCenterUserWithModuleProfile,
  ContactCenterUserWithProfile,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center users, user profiles and resource collections: create/update types', () => {
  it('contactCenter.users.update, patch, bulkUpdate, bulkUpdateDynamicSkill and reskill', () => {
    const users = webex.contactCenter.users;
    const user = {
      firstName: 'Lucía',
      lastName: 'Ortega',
      email: 'lucia.ortega@example.com',
      ciUserId: 'ci',
      userProfileId: 'profile',
      contactCenterEnabled: true,
      active: true,
    } as const;
    const { ciUserId: _ciUserId, ...noCiUserId } = user;
    const { email: _email, ...noEmail } = user;
    if (false as boolean) {
      void users.update(org, 'id', { ...user, version: 7, teamIds: ['team'], userLevelBurnoutInclusion: 'EXCLUDED' });
      void users.patch(org, 'id', { skillProfileId: 'skills', userLevelWellnessBreakReminders: 'DISABLED' });
      void users.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: { ...user, id: 'id', siteId: 'site' } }] });
      void users.bulkUpdateDynamicSkill(org, 'skill', {
        items: [{ itemIdentifier: 1, item: { userId: 'u', proficiencyValue: 7 } }],
      });
      void users.reskill(org, 'id', {
        skillProfileId: 'skills',
        dynamicSkills: { add: [{ skillId: 's' }], remove: ['t'] },
      });
      // @ts-expect-error missing: `update` sends the person's Webex identity (`ciUserId`)
      void users.update(org, 'id', noCiUserId);
      // @ts-expect-error enum: an AI feature's inclusion is INCLUDED or EXCLUDED
      void users.update(org, 'id', { ...user, userLevelAutoCSATInclusion: 'YES' });
      // @ts-expect-error type: `active` is a boolean
      void users.update(org, 'id', { ...user, active: 'true' });
      // @ts-expect-error enum: break reminders are ENABLED or DISABLED, not ON
      void users.patch(org, 'id', { userLevelWellnessBreakReminders: 'ON' });
      // @ts-expect-error type: `teamIds` is a list of ids, not one id
      void users.patch(org, 'id', { teamIds: 'team' });
      // @ts-expect-error missing: a bulk item is a whole user, `email` included
      void users.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: noEmail }] });
      // @ts-expect-error type: the values to give an enum skill are a list, not one value
      void users.bulkUpdateDynamicSkill(org, 'skill', { items: [{ item: { userId: 'u', enumSkillValues: 'x' } }] });
      // @ts-expect-error type: the dynamic skills to take away are a list of skill ids
      void users.reskill(org, 'id', { dynamicSkills: { remove: 'skill' } });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void users.listV1(org, { pageSize: '100' });
    }
    expect(users.update).toBeTypeOf('function');
    expect(users.patch).toBeTypeOf('function');
    expect(users.bulkUpdate).toBeTypeOf('function');
    expect(users.bulkUpdateDynamicSkill).toBeTypeOf('function');
    expect(users.reskill).toBeTypeOf('function');
  });

  it('contactCenter.users.fetchBySkillRequirements and fetchDetailsByIds take their criteria as the body', () => {
    const users = webex.contactCenter.users;
    const requirement = { skillId: 'spanish', condition: 'GTE', skillValue: '7' };
    const { condition: _condition, ...noCondition } = requirement;
    if (false as boolean) {
      void users.fetchBySkillRequirements(org, { ...requirement, weight: 2 }, { page: 0, pageSize: 50 });
      void users.fetchDetailsByIds(org, { userIds: ['a', 'b'], queueId: 'queue' });
      // @ts-expect-error missing: a requirement says how to compare (`condition`)
      void users.fetchBySkillRequirements(org, noCondition);
      // @ts-expect-error type: `skillValue` is text whatever the skill's type
      void users.fetchBySkillRequirements(org, { ...requirement, skillValue: 7 });
      // @ts-expect-error type: `userIds` is a list of ids
      void users.fetchDetailsByIds(org, { userIds: 'a' });
    }
    expect(users.fetchBySkillRequirements).toBeTypeOf('function');
    expect(users.fetchDetailsByIds).toBeTypeOf('function');
  });

  it('contactCenter.userProfiles.create, update and bulkSave', () => {
    const profiles = webex.contactCenter.userProfiles;
    const profile = {
      name: 'Madrid supervisors',
      profileType: 'SUPERVISOR',
      active: true,
      permissionAccessLevel: 'SPECIFIC',
      resourceAccessLevel: 'ALL',
    } as const;
    const { resourceAccessLevel: _resourceAccessLevel, ...noResourceAccess } = profile;
    if (false as boolean) {
      void profiles.create(org, {
        ...profile,
        permissions: [{ name: 'Queues', access: 'VIEW' }],
        viewableFolderIds: [12],
      });
      void profiles.update(org, 'id', { ...profile, version: 4, resourceCollections: [{ id: 'rc', name: 'Madrid' }] });
      void profiles.bulkSave(org, { items: [{ itemIdentifier: 1, item: profile, requestAction: 'SAVE' }] });
      void profiles.getAcl(org, 'id', { names: ['Queues'] });
      // @ts-expect-error missing: a profile says how far it reaches entities (`resourceAccessLevel`)
      void profiles.create(org, noResourceAccess);
      // @ts-expect-error enum: there is no plain AGENT profile type (PREMIUM_AGENT or STANDARD_AGENT)
      void profiles.create(org, { ...profile, profileType: 'AGENT' });
      // @ts-expect-error enum: a permission's access is EDIT, VIEW, NONE, ENABLED or DISABLED
      void profiles.create(org, { ...profile, permissions: [{ name: 'Queues', access: 'READ' }] });
      // @ts-expect-error type: report folders are numbered, not named
      void profiles.update(org, 'id', { ...profile, editableFolderIds: ['12'] });
      // @ts-expect-error missing: a resource collection of the profile needs its `name`
      void profiles.update(org, 'id', { ...profile, resourceCollections: [{ id: 'rc' }] });
      // @ts-expect-error type: `names` is a list of names
      void profiles.getAcl(org, 'id', { names: 'Queues' });
    }
    expect(profiles.create).toBeTypeOf('function');
    expect(profiles.update).toBeTypeOf('function');
    expect(profiles.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.resourceCollections.create, update, bulkUpdate and updateResource', () => {
    const collections = webex.contactCenter.resourceCollections;
    const queues = { name: 'Queue', accessLevel: 'SPECIFIC' as const, ids: ['q'] };
    const collection = { name: 'Madrid operations', resources: [queues] };
    const filing = { resourceType: 'Queue', resourceId: 'q', resourceCollections: [{ id: 'rc' }] };
    const { resourceId: _resourceId, ...noResourceId } = filing;
    if (false as boolean) {
      void collections.create(org, collection);
      void collections.update(org, 'id', { ...collection, version: 2, description: 'Madrid queues' });
      void collections.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: { id: 'rc', name: 'Madrid' } }] });
      void collections.updateResource(org, filing);
      // @ts-expect-error missing: a collection has a `name`
      void collections.create(org, { resources: collection.resources });
      // @ts-expect-error enum: an access level is SPECIFIC, ALL, PROVISIONED_VALUE or NONE
      void collections.create(org, { name: 'Madrid', resources: [{ name: 'Queue', accessLevel: 'SOME' }] });
      // @ts-expect-error type: `ids` is a list of ids
      void collections.update(org, 'id', { name: 'M', resources: [{ name: 'Queue', accessLevel: 'ALL', ids: 'q' }] });
      // @ts-expect-error missing: an entry of `resources` says how much of its kind it takes (`accessLevel`)
      void collections.bulkUpdate(org, { items: [{ item: { id: 'rc', resources: [{ name: 'Queue' }] } }] });
      // @ts-expect-error missing: the entity to file needs its `resourceId`
      void collections.updateResource(org, noResourceId);
      // @ts-expect-error missing: each collection to file into is named by `id`
      void collections.updateResource(org, { ...filing, resourceCollections: [{}] });
    }
    expect(collections.create).toBeTypeOf('function');
    expect(collections.update).toBeTypeOf('function');
    expect(collections.bulkUpdate).toBeTypeOf('function');
    expect(collections.updateResource).toBeTypeOf('function');
  });

  it('listings iterate the items, and the lookups by Webex identity embed their version of the profile', () => {
    const users = webex.contactCenter.users;
    expectTypeOf(users.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterUser | undefined>();
    expectTypeOf(users.list(org).first()).resolves.toEqualTypeOf<ContactCenterUser | undefined>();
    expectTypeOf(users.listByDynamicSkill(org, 'skill').first()).resolves.toEqualTypeOf<
      ContactCenterUserWithDynamicSkill | undefined
    >();
    expectTypeOf(users.listReferences(org, 'id').first()).resolves.toEqualTypeOf<ContactCenterReference | undefined>();
    expectTypeOf(users.listWithProfiles(org)).resolves.toEqualTypeOf<ContactCenterUser[]>();
    expectTypeOf(users.getByCiUserId(org, 'ci')).resolves.toEqualTypeOf<ContactCenterUserWithProfile>();
    expectTypeOf(users.getByCiUserIdV1(org, 'ci')).resolves.toEqualTypeOf<ContactCenterUserWithModuleProfile>();
    expectTypeOf(webex.contactCenter.userProfiles.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterUserProfile | undefined
    >();
    expectTypeOf(webex.contactCenter.resourceCollections.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterResourceCollection | undefined
    >();
  });
});
