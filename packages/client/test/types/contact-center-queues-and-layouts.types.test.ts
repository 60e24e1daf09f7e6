// Hand-written type tests for Contact Center's contact service queues and desktop layouts: their create, update, bulk
// and other body-taking methods, and what their listings iterate. Each `@ts-expect-error` line makes exactly one
// mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one line, so
// formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is
// sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterDesktopLayout,
  ContactCenterDesktopLayoutExport,
  ContactCenterDesktopLayoutRequest,
  ContactCenterQueue,
  ContactCenterQueueExport,
  ContactCenterQueueMembership,
  ContactCenterQueueRequest,
  ContactCenterQueueSkillMatchList,
  ContactCenterReference,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center queues and desktop layouts: create/update types', () => {
  it('contactCenter.queues.create, update, their first versions and the bulk methods', () => {
    const queues = webex.contactCenter.queues;
    const queue: ContactCenterQueueRequest = {
      name: 'Spanish support',
      queueType: 'INBOUND',
      checkAgentAvailability: true,
      channelType: 'TELEPHONY',
      serviceLevelThreshold: 30,
      maxActiveContacts: 50,
      maxTimeInQueue: 900,
      active: true,
      routingType: 'LONGEST_AVAILABLE_AGENT',
      queueRoutingType: 'TEAM_BASED',
      callDistributionGroups: [{ agentGroups: [{ teamId: 'team' }], order: 1, duration: 0 }],
    };
    const { callDistributionGroups: _groups, ...noGroups } = queue;
    const { name: _name, ...noName } = queue;
    if (false as boolean) {
      void queues.create(org, { ...queue, queueLevelSummariesInclusion: 'INCLUDED', personalizedAIRouting: {} });
      void queues.createV1(org, { ...queue, queueRoutingType: 'AGENT_BASED', agents: [{ id: 'agent' }] });
      void queues.update(org, 'id', {
        ...queue,
        version: 3,
        routingType: 'SKILLS_BASED',
        skillBasedRoutingType: 'BEST_AVAILABLE_AGENT',
        queueRoutingType: 'SKILL_BASED',
        queueSkillRequirements: [{ skillId: 'skill', condition: 'IS', skillValue: 'true', weight: 1 }],
        callDistributionGroups: [],
      });
      void queues.updateV1(org, 'id', { ...queue, version: 3, personalizedAIRouting: { aiRoutingMode: 'EVALUATION' } });
      void queues.bulkSave(org, { items: [{ itemIdentifier: 1, item: queue, requestAction: 'SAVE' }] });
      void queues.bulkSaveV1(org, { items: [{ itemIdentifier: 1, item: queue }] });
      void queues.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: { ...queue, active: false } }] });
      void queues.reassignAgents(org, 'id', { add: ['agent-1'], remove: ['agent-2'] });
      void queues.listByDynamicSkills(org, {
        skillProfileId: 'sp',
        dynamicSkills: [{ skillId: 's', booleanValue: true }],
      });
      void queues.listManuallyAssignable(org, { teamId: 'team' });
      void queues.countByAssistantSkill(org, { assistantSkillIds: ['assistant'] }, { page: 0, pageSize: 20 });
      void queues.listV1(org, { channelTypes: ['TELEPHONY', 'CHAT'], page: 0, pageSize: 50 });
      // @ts-expect-error missing: every queue has distribution groups (an empty list when it is not team-based)
      void queues.create(org, noGroups);
      // @ts-expect-error enum: `channelType` has no SMS (SOCIAL_CHANNEL carries messaging services)
      void queues.create(org, { ...queue, channelType: 'SMS' });
      // @ts-expect-error enum: `queueRoutingType` is TEAM_BASED, SKILL_BASED or AGENT_BASED, not QUEUE_BASED
      void queues.createV1(org, { ...queue, queueRoutingType: 'QUEUE_BASED' });
      // @ts-expect-error type: `serviceLevelThreshold` counts seconds, so it is a number
      void queues.update(org, 'id', { ...queue, serviceLevelThreshold: '30' });
      // @ts-expect-error missing: a skill requirement needs the `skillValue` it compares with
      void queues.update(org, 'id', { ...queue, queueSkillRequirements: [{ skillId: 'skill', condition: 'IS' }] });
      // @ts-expect-error missing: an agent of an agent-based queue is given by its `id`
      void queues.updateV1(org, 'id', { ...queue, agents: [{ ciUserId: 'ci' }] });
      // @ts-expect-error missing: a bulk item's queue still needs its `name`
      void queues.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: noName }] });
      // @ts-expect-error missing: the export is of the inbound or the outbound queues, so `type` is required
      void queues.bulkExport(org, {});
      // @ts-expect-error enum: the export's `type` is INBOUND or OUTBOUND
      void queues.bulkExport(org, { type: 'BOTH' });
      // @ts-expect-error type: `add` is a list of user ids, not one id
      void queues.reassignAgents(org, 'id', { add: 'agent-1' });
      // @ts-expect-error type: `channelTypes` is a list, even of one channel
      void queues.listV1(org, { channelTypes: 'TELEPHONY' });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void queues.list(org, { pageSize: '100' });
    }
    expect(queues.create).toBeTypeOf('function');
    expect(queues.update).toBeTypeOf('function');
    expect(queues.bulkSave).toBeTypeOf('function');
    expect(queues.reassignAgents).toBeTypeOf('function');
  });

  it('contactCenter.desktopLayouts.create, update and bulkSave', () => {
    const layouts = webex.contactCenter.desktopLayouts;
    const layout: ContactCenterDesktopLayoutRequest = {
      name: 'Madrid agents',
      editedBy: 'Ana García',
      jsonFileName: 'madrid-agents.json',
      jsonFileContent: JSON.stringify({ version: '0.0.6', appTitle: 'Madrid support' }),
      global: false,
      status: true,
      defaultJsonModified: true,
      validated: true,
      teamIds: ['team'],
    };
    const { jsonFileContent: _content, ...noContent } = layout;
    const { editedBy: _editedBy, ...noEditor } = layout;
    if (false as boolean) {
      void layouts.create(org, layout);
      void layouts.update(org, 'id', { ...layout, version: 2, description: 'Adds the CRM page' });
      void layouts.bulkSave(org, { items: [{ itemIdentifier: 1, item: layout, requestAction: 'SAVE' }] });
      void layouts.purgeInactive(org, { nextStartId: 'id' });
      // @ts-expect-error missing: a layout is its JSON content (`jsonFileContent`)
      void layouts.create(org, noContent);
      // @ts-expect-error type: `jsonFileContent` is the JSON serialized to a string, not an object
      void layouts.create(org, { ...layout, jsonFileContent: { appTitle: 'Madrid support' } });
      // @ts-expect-error type: `teamIds` is a list of team ids
      void layouts.update(org, 'id', { ...layout, teamIds: 'team' });
      // @ts-expect-error missing: a bulk item's layout still says who edited it (`editedBy`)
      void layouts.bulkSave(org, { items: [{ itemIdentifier: 1, item: noEditor }] });
    }
    expect(layouts.create).toBeTypeOf('function');
    expect(layouts.update).toBeTypeOf('function');
    expect(layouts.bulkSave).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, of the envelope data or of the export', () => {
    const queues = webex.contactCenter.queues;
    expectTypeOf(queues.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterQueue | undefined>();
    expectTypeOf(queues.listV2(org).first()).resolves.toEqualTypeOf<ContactCenterQueue | undefined>();
    expectTypeOf(queues.list(org).first()).resolves.toEqualTypeOf<ContactCenterQueue | undefined>();
    expectTypeOf(queues.bulkExport(org, { type: 'INBOUND' }).first()).resolves.toEqualTypeOf<
      ContactCenterQueueExport | undefined
    >();
    expectTypeOf(queues.listReferences(org, 'id').first()).resolves.toEqualTypeOf<ContactCenterReference | undefined>();
    expectTypeOf(queues.listAgentBasedByUser(org, 'user').first()).resolves.toEqualTypeOf<
      ContactCenterQueueMembership | undefined
    >();
    // Not paged: the whole envelope comes back at once.
    expectTypeOf(queues.listBySkillProfile(org, 'profile')).resolves.toEqualTypeOf<ContactCenterQueueSkillMatchList>();
    expectTypeOf(webex.contactCenter.desktopLayouts.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterDesktopLayout | undefined
    >();
    expectTypeOf(webex.contactCenter.desktopLayouts.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterDesktopLayoutExport | undefined
    >();
  });
});
