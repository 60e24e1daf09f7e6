// Hand-written type tests for Contact Center's subscriptions, outbound campaigns (dialer campaigns, contact lists,
// DNC lists), flows and Journey workspaces: the create, update and other writing methods, and what the listings give.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterFlow,
  ContactCenterFlowSummary,
  ContactCenterJourneySubscriptionList,
  ContactCenterJourneyWorkspace,
  ContactCenterEstimatedWaitTime,
  ContactCenterNotificationSubscription,
  ContactCenterSubscription,
  ContactCenterSubscriptionV1,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center subscriptions, outbound campaigns, flows and Journey workspaces: write types', () => {
  it('contactCenter.subscriptions.create, update and their first versions', () => {
    const subscriptions = webex.contactCenter.subscriptions;
    const subscription = {
      name: 'CRM agent sync',
      eventTypes: ['agent:login', 'agent:logout'],
      destinationUrl: 'https://crm.example.com/webhooks/wxcc',
      resourceVersion: 'agent:1.0.0',
    };
    const { resourceVersion: _resourceVersion, ...firstVersion } = subscription;
    if (false as boolean) {
      void subscriptions.create({ ...subscription, secret: 's3cret', description: 'Agent states for the CRM' });
      void subscriptions.update('id', { status: 'inactive', resourceVersion: 'agent:1.0.0' });
      void subscriptions.createV1(firstVersion);
      void subscriptions.updateV1('id', { eventTypes: ['task:new'], status: 'active' });
      void subscriptions.list({ orgId: org });
      // @ts-expect-error missing: the second version names the payload version (`resourceVersion`)
      void subscriptions.create(firstVersion);
      // @ts-expect-error missing: an update of the second version names the payload version too
      void subscriptions.update('id', { status: 'active' });
      // @ts-expect-error enum: a subscription is active or inactive, never paused
      void subscriptions.update('id', { status: 'paused', resourceVersion: 'agent:1.0.0' });
      // @ts-expect-error type: `eventTypes` is a list, even of one event type
      void subscriptions.createV1({ ...firstVersion, eventTypes: 'agent:login' });
      // @ts-expect-error misspelled: the first version has no `resourceVersion` to change
      void subscriptions.updateV1('id', { resourceVersion: 'agent:1.0.0' });
    }
    expect(subscriptions.create).toBeTypeOf('function');
    expect(subscriptions.updateV1).toBeTypeOf('function');
  });

  it('contactCenter.campaigns.start, update and stop', () => {
    const campaigns = webex.contactCenter.campaigns;
    const campaign = {
      id: 'spring-renewals-2025',
      vendorVersion: 'Webex Campaign 1.0',
      campaignType: 'progressive',
      dialingRate: 1.5,
      entryPointId: 'ep',
      dialingListFetchURL: 'https://campaign.example.com/lists/spring',
      outdialANI: '+14155550100',
      recordCount: 100,
    };
    const { recordCount: _recordCount, ...noRecordCount } = campaign;
    const change = { dialingRate: 2, dialingListFetchURL: campaign.dialingListFetchURL, outdialANI: '+14155550100' };
    const { outdialANI: _outdialANI, ...noAni } = change;
    if (false as boolean) {
      void campaigns.start({ ...campaign, callProgressAnalysisParams: { cpaEnabled: true, amdEnabled: true } });
      void campaigns.update('spring-renewals-2025', { ...change, previewActionsDisabled: ['skip'] });
      void campaigns.stop('spring-renewals-2025');
      // @ts-expect-error missing: the dialer must know how many contacts to fetch at once (`recordCount`)
      void campaigns.start(noRecordCount);
      // @ts-expect-error type: `dialingRate` is a number of contacts per agent, not text
      void campaigns.start({ ...campaign, dialingRate: '1.5' });
      // @ts-expect-error missing: an update names the caller id again (`outdialANI`)
      void campaigns.update('spring-renewals-2025', noAni);
    }
    expect(campaigns.start).toBeTypeOf('function');
    expect(campaigns.stop).toBeTypeOf('function');
  });

  it('contactCenter.contactLists and contactCenter.dncLists', () => {
    const lists = webex.contactCenter.contactLists;
    const dnc = webex.contactCenter.dncLists;
    const contact = { contactAttributes: [{ fieldName: 'phone', value: '+14155550123' }] };
    if (false as boolean) {
      void lists.create('campaign', { supportedChannels: ['Voice', 'SMS'], activationTimeLagMinutes: 30 });
      void lists.addContacts('campaign', 'list', { contacts: [contact] });
      void lists.updateContactStatus('campaign', 'list', 'contact', { contactStatus: 'CLOSED' });
      void lists.updateStatus('campaign', 'list', { contactListStatus: 'Expired' });
      void lists.list('campaign', { status: 'Active', source: 'API' });
      void dnc.addPhoneNumber('Global', { phoneNumber: '+14155550123', source: 'IVR opt-out' });
      // @ts-expect-error missing: a contact list says which channels it is for (`supportedChannels`)
      void lists.create('campaign', { activationTimeLagMinutes: 30 });
      // @ts-expect-error enum: a campaign reaches contacts by Voice, SMS or Email, not Fax
      void lists.create('campaign', { supportedChannels: ['Fax'] });
      // @ts-expect-error missing: a contact is its attributes (`contactAttributes`)
      void lists.addContacts('campaign', 'list', { contacts: [{}] });
      // @ts-expect-error enum: closing is the only status change a contact takes
      void lists.updateContactStatus('campaign', 'list', 'contact', { contactStatus: 'OPEN' });
      // @ts-expect-error enum: `source` filters by how a list came, and Excel is not one of them
      void lists.list('campaign', { source: 'Excel' });
      // @ts-expect-error missing: a DNC entry says where the opt-out came from (`source`)
      void dnc.addPhoneNumber('Global', { phoneNumber: '+14155550123' });
    }
    expect(lists.addContacts).toBeTypeOf('function');
    expect(dnc.removePhoneNumber).toBeTypeOf('function');
  });

  it('contactCenter.flows.publish and import, and contactCenter.journeyWorkspaces.create and update', () => {
    const flows = webex.contactCenter.flows;
    const workspaces = webex.contactCenter.journeyWorkspaces;
    if (false as boolean) {
      void flows.publish(org, 'project', 'flow', { comment: 'Adds the Spanish menu', tagIds: ['live'] });
      void flows.import(org, 'project', { file: new Blob(['{"name":"Billing main menu"}']) }, { overwrite: 'true' });
      void workspaces.create({ name: 'Retail', description: 'Customers of the shop' });
      void workspaces.update('workspace', { name: 'Retail', description: 'Customers of the shop and stores' });
      // @ts-expect-error type: `tagIds` is a list of tag ids
      void flows.publish(org, 'project', 'flow', { tagIds: 'live' });
      // @ts-expect-error missing: an import sends the exported file (`file`)
      void flows.import(org, 'project', {});
      // @ts-expect-error R4: the page size (`size`) counts, so it is a number
      void flows.list(org, 'project', { size: '50' });
      // @ts-expect-error missing: a workspace is created with a description
      void workspaces.create({ name: 'Retail' });
      // @ts-expect-error type: a workspace's name is text
      void workspaces.update('workspace', { name: 7, description: 'Customers of the shop' });
    }
    expect(flows.import).toBeTypeOf('function');
    expect(workspaces.update).toBeTypeOf('function');
  });

  it('listings iterate their items; the other reads give the answer whole', () => {
    // Behind `if`, like the calls above: each expectTypeOf(...) would otherwise send its request.
    if (false as boolean) {
      expectTypeOf(webex.contactCenter.flows.list(org, 'project').first()).resolves.toEqualTypeOf<
        ContactCenterFlowSummary | undefined
      >();
      expectTypeOf(webex.contactCenter.journeyWorkspaces.list().first()).resolves.toEqualTypeOf<
        ContactCenterJourneyWorkspace | undefined
      >();
      expectTypeOf(webex.contactCenter.subscriptions.list())
        .resolves.toHaveProperty('data')
        .toEqualTypeOf<ContactCenterSubscription[] | undefined>();
      expectTypeOf(webex.contactCenter.subscriptions.listV1())
        .resolves.toHaveProperty('data')
        .toEqualTypeOf<ContactCenterSubscriptionV1[] | undefined>();
      expectTypeOf(
        webex.contactCenter.journeySubscriptions.list('workspace'),
      ).resolves.toEqualTypeOf<ContactCenterJourneySubscriptionList>();
      // A 204 (too few samples) has no body, and a publish may answer 201 without one.
      expectTypeOf(
        webex.contactCenter.estimatedWaitTime.get({ queueId: 'queue', lookbackMinutes: 30 }),
      ).resolves.toEqualTypeOf<ContactCenterEstimatedWaitTime | undefined>();
      expectTypeOf(webex.contactCenter.flows.publish(org, 'project', 'flow', {})).resolves.toEqualTypeOf<
        ContactCenterFlow | undefined
      >();
      expectTypeOf(webex.contactCenter.journeySubscriptions.delete('workspace')).resolves.toEqualTypeOf<string>();
      expectTypeOf(
        webex.contactCenter.realtime.subscribe(),
      ).resolves.toEqualTypeOf<ContactCenterNotificationSubscription>();
    }
  });
});
