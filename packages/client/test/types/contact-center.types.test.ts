// Hand-written type tests for the Contact Center resources' create, update and bulkSave methods, and for what their
// listings iterate. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that
// mistake ever compiles. Each such call fits on one line, so formatting cannot move the error away from its directive.
// The calls sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade
// wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterSite,
  ContactCenterSiteExport,
  ContactCenterSkill,
  ContactCenterTeam,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center create/update types', () => {
  it('contactCenter.skills.create, update and bulkSave', () => {
    const skills = webex.contactCenter.skills;
    const skill = { name: 'Spanish', serviceLevelThreshold: 30, active: true, skillType: 'Proficiency' } as const;
    if (false as boolean) {
      void skills.create(org, skill);
      void skills.update(org, 'id', { ...skill, version: 3, enumSkillValues: [{ name: 'Routers' }] });
      void skills.bulkSave(org, { items: [{ itemIdentifier: 1, item: skill }] });
      void skills.purgeInactive(org, { nextStartId: 'id' });
      // @ts-expect-error misspelled: `serviceLevel` is not a field of ContactCenterSkillRequest
      void skills.create(org, { ...skill, serviceLevel: 30 });
      // @ts-expect-error missing: `skillType` is required
      void skills.create(org, { name: 'Spanish', serviceLevelThreshold: 30, active: true });
      // @ts-expect-error enum: a `skillType` is Proficiency, Boolean, Text or enum
      void skills.update(org, 'id', { ...skill, skillType: 'Language' });
      // @ts-expect-error missing: an enum value needs its `name`
      void skills.create(org, { ...skill, skillType: 'enum', enumSkillValues: [{ description: 'Routers' }] });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void skills.list(org, { pageSize: '100' });
    }
    expect(skills.create).toBeTypeOf('function');
    expect(skills.update).toBeTypeOf('function');
    expect(skills.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.teams.create, update and bulkSave', () => {
    const teams = webex.contactCenter.teams;
    const team = {
      name: 'Madrid tier 1',
      teamType: 'AGENT',
      teamStatus: 'IN_SERVICE',
      active: true,
      siteId: 'site',
      rankQueuesForTeam: false,
    } as const;
    const { siteId: _siteId, ...noSite } = team;
    if (false as boolean) {
      void teams.create(org, { ...team, userIds: ['agent'] });
      void teams.update(org, 'id', { ...team, rankQueuesForTeam: true, queueRankings: [{ queueId: 'q', rank: 1 }] });
      void teams.bulkSave(org, { items: [{ itemIdentifier: 1, item: team, requestAction: 'SAVE' }] });
      void teams.list(org, { supervisorView: true, page: 0, pageSize: 50 });
      // @ts-expect-error missing: a team belongs to a site (`siteId`)
      void teams.create(org, noSite);
      // @ts-expect-error enum: a `teamType` is AGENT or CAPACITY
      void teams.create(org, { ...team, teamType: 'VIRTUAL' });
      // @ts-expect-error enum: a `teamStatus` is IN_SERVICE or NOT_AVAILABLE
      void teams.update(org, 'id', { ...team, teamStatus: 'ACTIVE' });
      // @ts-expect-error missing: a queue ranking needs its `rank`
      void teams.update(org, 'id', { ...team, queueRankings: [{ queueId: 'q' }] });
      // @ts-expect-error misspelled: `multimediaProfileId` is the site's spelling; a team's is `multiMediaProfileId`
      void teams.create(org, { ...team, multimediaProfileId: 'mmp' });
    }
    expect(teams.create).toBeTypeOf('function');
    expect(teams.update).toBeTypeOf('function');
  });

  it('contactCenter.sites.create, update and bulkSave', () => {
    const sites = webex.contactCenter.sites;
    const site = { name: 'Madrid', active: true, multimediaProfileId: 'mmp' };
    if (false as boolean) {
      void sites.create(org, site);
      void sites.update(org, 'id', { ...site, version: 2, description: 'Floors 2 to 4' });
      void sites.bulkSave(org, { items: [{ itemIdentifier: 1, item: site }] });
      // @ts-expect-error missing: `multimediaProfileId` is required
      void sites.create(org, { name: 'Madrid', active: true });
      // @ts-expect-error misspelled: `multiMediaProfileId` is the team's spelling; a site's is `multimediaProfileId`
      void sites.update(org, 'id', { name: 'Madrid', active: true, multiMediaProfileId: 'mmp' });
      // @ts-expect-error R4: `page` counts, so it is a number, not a string
      void sites.bulkExport(org, { page: '0' });
    }
    expect(sites.create).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, or of the envelope data', () => {
    expectTypeOf(webex.contactCenter.skills.listV1(org).first()).resolves.toEqualTypeOf<
      ContactCenterSkill | undefined
    >();
    expectTypeOf(webex.contactCenter.skills.list(org).first()).resolves.toEqualTypeOf<ContactCenterSkill | undefined>();
    expectTypeOf(webex.contactCenter.teams.list(org).first()).resolves.toEqualTypeOf<ContactCenterTeam | undefined>();
    expectTypeOf(webex.contactCenter.sites.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterSiteExport | undefined
    >();
    // The first version of the site listing is not paged: one promise of the whole array.
    expectTypeOf(webex.contactCenter.sites.listV1(org)).resolves.toEqualTypeOf<ContactCenterSite[]>();
  });
});
