// Hand-written type tests for the Contact Center profile resources (multimedia, skill and desktop profiles): their
// create, update and bulkSave methods, and what their listings iterate. Each `@ts-expect-error` line makes exactly one
// mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one line, so
// formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is
// sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterDesktopProfile,
  ContactCenterDesktopProfileExport,
  ContactCenterMultimediaProfile,
  ContactCenterMultimediaProfileExport,
  ContactCenterSkillProfile,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center profile create/update types', () => {
  it('contactCenter.multimediaProfiles.create, update and bulkSave', () => {
    const profiles = webex.contactCenter.multimediaProfiles;
    const profile = {
      name: 'Voice and chat',
      chat: 3,
      email: 0,
      telephony: 1,
      social: 0,
      active: true,
      blendingModeEnabled: true,
      blendingMode: 'BLENDED',
    };
    const { blendingMode: _blendingMode, ...noBlendingMode } = profile;
    if (false as boolean) {
      void profiles.create(org, profile);
      void profiles.update(org, 'id', {
        ...profile,
        version: 2,
        manuallyAssignable: { telephony: 1, chat: 2, email: 0, social: 0 },
      });
      void profiles.bulkSave(org, { items: [{ itemIdentifier: 1, item: profile, requestAction: 'SAVE' }] });
      void profiles.purgeInactive(org, { nextStartId: 'id' });
      // @ts-expect-error missing: `blendingMode` is required
      void profiles.create(org, noBlendingMode);
      // @ts-expect-error type: a channel's limit is a number, not a string
      void profiles.create(org, { ...profile, chat: '3' });
      // @ts-expect-error missing: the manually assignable counts need all four channels (`social` left out)
      void profiles.update(org, 'id', { ...profile, manuallyAssignable: { telephony: 1, chat: 2, email: 0 } });
      // @ts-expect-error misspelled: `voice` is not a field; the voice channel is `telephony`
      void profiles.create(org, { ...profile, voice: 1 });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void profiles.list(org, { pageSize: '100' });
    }
    expect(profiles.create).toBeTypeOf('function');
    expect(profiles.update).toBeTypeOf('function');
    expect(profiles.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.skillProfiles.create, update and bulkSave', () => {
    const profiles = webex.contactCenter.skillProfiles;
    const spanish = { skillId: 'skill', booleanValue: false, proficiencyValue: 8 };
    const profile = { name: 'Bilingual support', activeSkills: [spanish] };
    const { booleanValue: _booleanValue, ...noBoolean } = spanish;
    if (false as boolean) {
      void profiles.create(org, profile);
      void profiles.create(org, { name: 'Nothing yet', activeSkills: [] });
      void profiles.update(org, 'id', { ...profile, version: 2, activeEnumSkills: [{ enumSkillValueId: 'value' }] });
      void profiles.bulkSave(org, { items: [{ itemIdentifier: 1, item: profile }] });
      void profiles.get(org, 'id', { includeSkillDetails: true });
      // @ts-expect-error missing: `activeSkills` is required, even if empty
      void profiles.create(org, { name: 'Bilingual support' });
      // @ts-expect-error missing: an active skill needs its `booleanValue`
      void profiles.create(org, { name: 'Bilingual support', activeSkills: [noBoolean] });
      // @ts-expect-error missing: an active enum skill needs its `enumSkillValueId`
      void profiles.update(org, 'id', { ...profile, activeEnumSkills: [{ enumSkillId: 'skill' }] });
      // @ts-expect-error misspelled: `skills` is not a field; the values are `activeSkills`
      void profiles.create(org, { ...profile, skills: [spanish] });
    }
    expect(profiles.create).toBeTypeOf('function');
    expect(profiles.update).toBeTypeOf('function');
    expect(profiles.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.desktopProfiles.create, update and bulkSave', () => {
    const profiles = webex.contactCenter.desktopProfiles;
    const profile = {
      name: 'Tier 1 agents',
      parentType: 'ORGANIZATION',
      accessWrapUpCode: 'ALL',
      accessIdleCode: 'ALL',
      accessQueue: 'SPECIFIC',
      accessEntryPoint: 'ALL',
      accessBuddyTeam: 'NONE',
      agentDNValidation: 'PROVISIONED_VALUE',
      viewableStatistics: { accessQueueStats: 'ALL', accessTeamStats: 'ALL' },
      active: true,
    } as const;
    const { viewableStatistics: _stats, ...noStatistics } = profile;
    if (false as boolean) {
      void profiles.create(org, { ...profile, queues: ['queue'], loginVoiceOptions: ['BROWSER', 'AGENT_DN'] });
      void profiles.update(org, 'id', { ...profile, version: 4, parentType: 'SITE', siteId: 'site' });
      void profiles.bulkSave(org, { items: [{ itemIdentifier: 1, item: profile }] });
      void profiles.purgeInactive(org);
      // @ts-expect-error missing: `viewableStatistics` is required on create
      void profiles.create(org, noStatistics);
      // @ts-expect-error enum: a `parentType` is ORGANIZATION or SITE
      void profiles.create(org, { ...profile, parentType: 'TEAM' });
      // @ts-expect-error enum: an access field is SPECIFIC, ALL, PROVISIONED_VALUE or NONE
      void profiles.update(org, 'id', { ...profile, accessQueue: 'SOME' });
      // @ts-expect-error enum: a login voice option is AGENT_DN, EXTENSION or BROWSER
      void profiles.create(org, { ...profile, loginVoiceOptions: ['PHONE'] });
      // @ts-expect-error missing: the viewable statistics need `accessTeamStats`
      void profiles.create(org, { ...profile, viewableStatistics: { accessQueueStats: 'ALL' } });
    }
    expect(profiles.create).toBeTypeOf('function');
    expect(profiles.update).toBeTypeOf('function');
    expect(profiles.bulkSave).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, or of the envelope data', () => {
    const cc = webex.contactCenter;
    expectTypeOf(cc.multimediaProfiles.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterMultimediaProfile | undefined
    >();
    expectTypeOf(cc.multimediaProfiles.listV1(org).first()).resolves.toEqualTypeOf<
      ContactCenterMultimediaProfile | undefined
    >();
    expectTypeOf(cc.multimediaProfiles.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterMultimediaProfileExport | undefined
    >();
    expectTypeOf(cc.skillProfiles.list(org).first()).resolves.toEqualTypeOf<ContactCenterSkillProfile | undefined>();
    expectTypeOf(cc.skillProfiles.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterSkillProfile | undefined>();
    expectTypeOf(cc.desktopProfiles.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterDesktopProfile | undefined
    >();
    expectTypeOf(cc.desktopProfiles.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterDesktopProfileExport | undefined
    >();
  });
});
