// Hand-written type tests for Contact Center's Journey resources (identities, profiles, actions, events): their create,
// update and publish methods, what their listings iterate and what their streams yield. Each `@ts-expect-error` line
// makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on
// one line, so formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`:
// nothing is sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterJourneyAction,
  ContactCenterJourneyEvent,
  ContactCenterJourneyPerson,
  ContactCenterJourneyProfileTemplate,
  ContactCenterJourneyProfileView,
} from '../../src/index.js';
import { EventStream, Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const workspace = '64f0c2a9e1b7d35a8c4e9f21';
const person = '6512b7e0c4a9d81f3e2a5c07';
const template = '64f0c3b1d2e8a47f9c1b5e33';

describe('contact center journey: create, update and publish types', () => {
  it('contactCenter.journeyIdentities.create, update, addIdentities, removeIdentities, merge and createOrMerge', () => {
    const identities = webex.contactCenter.journeyIdentities;
    if (false as boolean) {
      void identities.create(workspace, { firstName: 'Lucía', phone: ['+34915550123'], customerId: ['CRM-100482'] });
      void identities.update(workspace, person, [
        { op: 'replace', path: '/lastName', value: 'Fernández Ruiz' },
        { op: 'remove', path: '/phone/0' },
      ]);
      void identities.addIdentities(workspace, person, { email: ['lucia@example.org'] });
      void identities.removeIdentities(workspace, person, { temporaryId: ['web-7f3a9c'] });
      void identities.merge(workspace, person, { personIdsToMerge: ['6512b8a4f0c3e27b91d4a6e5'] });
      void identities.createOrMerge(workspace, { override: true, socialId: ['@lucia'], phone: ['+34915550123'] });
      void identities.list(workspace, { personId: person, sortBy: 'lastName', page: 0, pageSize: 50 });
      // @ts-expect-error type: aliases are lists, so `phone` is an array of strings
      void identities.create(workspace, { phone: '+34915550123' });
      // @ts-expect-error enum: a JSON Patch operation here is add, remove or replace (no move)
      void identities.update(workspace, person, [{ op: 'move', path: '/email/0' }]);
      // @ts-expect-error missing: every JSON Patch operation names its `path`
      void identities.update(workspace, person, [{ op: 'replace', value: 'Ana' }]);
      // @ts-expect-error misspelled: `emails` is not a kind of alias (`email` is)
      void identities.addIdentities(workspace, person, { emails: ['lucia@example.org'] });
      // @ts-expect-error missing: a merge lists the persons to merge (`personIdsToMerge`)
      void identities.merge(workspace, person, {});
      // @ts-expect-error type: `override` is a boolean
      void identities.createOrMerge(workspace, { override: 'yes', phone: ['+34915550123'] });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void identities.listByAliases(workspace, '+34915550123', { pageSize: '50' });
    }
    expect(identities.create).toBeTypeOf('function');
    expect(identities.update).toBeTypeOf('function');
    expect(identities.merge).toBeTypeOf('function');
  });

  it('contactCenter.journeyProfiles.createTemplate and updateTemplate', () => {
    const profiles = webex.contactCenter.journeyProfiles;
    const attribute = {
      displayName: 'Calls in the last 7 days',
      version: '1.0',
      event: 'task:ended',
      metaDataType: 'string',
      metaData: 'channelType',
      limit: 1000,
      lookBackDurationType: 'days',
      lookBackPeriod: 7,
      aggregationMode: 'Count',
      verbose: false,
    };
    const { verbose: _verbose, ...noVerbose } = attribute;
    const textPeriod = { ...attribute, lookBackPeriod: '7' };
    const textArgs = { ...attribute, rules: { args: "'Calls' GTE 3" } };
    if (false as boolean) {
      void profiles.createTemplate(workspace, { name: 'Loyalty', attributes: [attribute] });
      void profiles.updateTemplate(workspace, template, {
        name: 'Loyalty',
        attributes: [{ ...attribute, widgetAttributes: { type: 'table' }, rules: { logic: 'AND', args: ['x GT 3'] } }],
      });
      // @ts-expect-error missing: a template lists its `attributes`
      void profiles.createTemplate(workspace, { name: 'Loyalty' });
      // @ts-expect-error missing: an attribute says whether it is `verbose`
      void profiles.createTemplate(workspace, { name: 'Loyalty', attributes: [noVerbose] });
      // @ts-expect-error type: `lookBackPeriod` is a number of units
      void profiles.updateTemplate(workspace, template, { name: 'Loyalty', attributes: [textPeriod] });
      // @ts-expect-error type: a rule's `args` are a list of conditions
      void profiles.updateTemplate(workspace, template, { name: 'Loyalty', attributes: [textArgs] });
    }
    expect(profiles.createTemplate).toBeTypeOf('function');
    expect(profiles.updateTemplate).toBeTypeOf('function');
  });

  it('contactCenter.journeyActions.create and update', () => {
    const actions = webex.contactCenter.journeyActions;
    const action = { name: 'Third call today', rules: { logic: 'SINGLE', args: ["'Calls' GTE 3"] } };
    if (false as boolean) {
      void actions.create(workspace, template, { ...action, actionTriggers: [{ type: 'Webhook' }], isActive: true });
      void actions.update(workspace, template, 'action', { ...action, cooldownPeriodInMinutes: 720 });
      // @ts-expect-error missing: an action has `rules`
      void actions.create(workspace, template, { name: 'Third call today' });
      // @ts-expect-error missing: a trigger names its `type`
      void actions.create(workspace, template, { ...action, actionTriggers: [{}] });
      // @ts-expect-error type: the cool-down is a number of minutes
      void actions.update(workspace, template, 'action', { ...action, cooldownPeriodInMinutes: '720' });
    }
    expect(actions.create).toBeTypeOf('function');
    expect(actions.update).toBeTypeOf('function');
  });

  it('contactCenter.journeyEvents.publish', () => {
    const events = webex.contactCenter.journeyEvents;
    const event = {
      id: 'order-88213',
      specversion: '1.0',
      type: 'order:placed',
      source: 'shop.example.com',
      identity: 'lucia.fernandez@example.com',
      identitytype: 'email',
      datacontenttype: 'application/json',
      data: { amount: 129.9, currency: 'EUR' },
    };
    const { identity: _identity, ...noIdentity } = event;
    if (false as boolean) {
      void events.publish(event, { workspaceId: workspace });
      void events.publish(
        { ...event, time: '2024-12-09T18:03:10Z', previousidentity: 'web-7f3a9c' },
        { workspaceId: workspace },
      );
      // @ts-expect-error missing: an event names the customer by an alias (`identity`)
      void events.publish(noIdentity, { workspaceId: workspace });
      // @ts-expect-error missing: publishing names the workspace (`workspaceId`)
      void events.publish(event, {});
      // @ts-expect-error type: the fields Contact Center's own events fill in are text
      void events.publish({ ...event, data: { agentId: 42 } }, { workspaceId: workspace });
    }
    expect(events.publish).toBeTypeOf('function');
  });

  it('listings iterate the items of the envelope data', () => {
    expectTypeOf(webex.contactCenter.journeyIdentities.list(workspace).first()).resolves.toEqualTypeOf<
      ContactCenterJourneyPerson | undefined
    >();
    expectTypeOf(webex.contactCenter.journeyIdentities.listByAliases(workspace, 'a').first()).resolves.toEqualTypeOf<
      ContactCenterJourneyPerson | undefined
    >();
    expectTypeOf(webex.contactCenter.journeyProfiles.listTemplates(workspace).first()).resolves.toEqualTypeOf<
      ContactCenterJourneyProfileTemplate | undefined
    >();
    expectTypeOf(webex.contactCenter.journeyActions.list(workspace).first()).resolves.toEqualTypeOf<
      ContactCenterJourneyAction | undefined
    >();
    expectTypeOf(webex.contactCenter.journeyEvents.list(workspace).first()).resolves.toEqualTypeOf<
      ContactCenterJourneyEvent | undefined
    >();
  });

  it('streams yield the model of each event, and are not promises', () => {
    const views = webex.contactCenter.journeyProfiles.stream(workspace, '+34915550123', template);
    expectTypeOf(views).toEqualTypeOf<EventStream<ContactCenterJourneyProfileView>>();
    expectTypeOf(views).toMatchTypeOf<AsyncIterable<ContactCenterJourneyProfileView>>();
    expectTypeOf(
      webex.contactCenter.journeyProfiles.streamByTemplateName(workspace, '+34915550123', 'Loyalty'),
    ).toEqualTypeOf<EventStream<ContactCenterJourneyProfileView>>();
    expectTypeOf(webex.contactCenter.journeyEvents.stream(workspace, '+34915550123')).toEqualTypeOf<
      EventStream<ContactCenterJourneyEvent>
    >();
    if (false as boolean) {
      // @ts-expect-error misspelled: a stream's query takes `filter` and `data`; it does not page
      void webex.contactCenter.journeyEvents.stream(workspace, '+34915550123', { page: 0 });
    }
    expect(views).toBeInstanceOf(EventStream);
  });
});
