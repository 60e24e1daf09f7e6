// Hand-written type tests for the create, update and action methods of Webex Calling's premises call routing (dial
// plans, route groups, route lists, trunks, translation patterns, the call routing test), PSTN connections and phone
// numbers, and for what their listings iterate. Each `@ts-expect-error` line makes exactly one mistake, so
// `tsc -p packages/client` fails if that mistake ever compiles. Calling enums accept values beyond the known ones, so
// the mistakes are missing fields and wrong types, never a wrong enum value. Each such call fits on one line, so
// formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is
// sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingCallRoutingDestinationType,
  CallingDialPlan,
  CallingNumber,
  CallingRouteGroup,
  CallingRouteGroupLocation,
  CallingRouteGroupRouteLists,
  CallingRouteList,
  CallingTranslationPattern,
  CallingTrunk,
  CallingTrunkDialPlan,
  CallingTrunkLocation,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzRhMzdmYTJkLWYyZDctNDQwZi04Nzg1LTlmYWVlY2MzZjgwYw';
const trunkId = 'Y2lzY29zcGFyazovL3VzL1RSVU5LLzAzOWE3Yjg4LTcxY2YtNDJlMy04NDczLTI0OTQzMTI2YjljMw';
const routeGroupId = 'Y2lzY29zcGFyazovL3VzL1JPVVRFX0dST1VQL2ZiMzRjY2M1LTE1ZjUtNGE1Yy05YjFjLTNmMjcwNjU3MjBjZQ';
const routeListId = 'Y2lzY29zcGFyazovL3VzL1JPVVRFX0xJU1QvNWU3ZGI1MzAtOTZkMC00YmZmLTg5MGEtMGUwMWM4Nzk2NTcx';
const dialPlanId = 'Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi82ZTY5NDRkMy1iYmY1LTQwNGEtYTBhZS1iNGU1ODMzYmZhMDM';
const patternId = 'Y2lzY29zcGFyazovL3VzL1RSQU5TTEFUSU9OX1BBVFRFUk4vOTBjNjhlOTMtNWNkZi00ODZkLWJjMzYtYzI5N2Y4ODIxYTk2';

describe('calling routing, PSTN and numbers: create/update types', () => {
  it('calling.dialPlans.create, update, updateDialPatterns and validateDialPatterns', () => {
    const dialPlans = webex.calling.dialPlans;
    const plan = { name: 'San Jose CUCM cluster', routeId: routeGroupId, routeType: 'ROUTE_GROUP' } as const;
    const { routeType: _routeType, ...noRouteType } = plan;
    if (false as boolean) {
      void dialPlans.create({ ...plan, dialPatterns: ['+1408555XXXX'] }, { orgId: 'org' });
      void dialPlans.update(dialPlanId, { ...plan, routeType: 'TRUNK', routeId: trunkId });
      void dialPlans.updateDialPatterns(dialPlanId, { dialPatterns: [{ dialPattern: '+1408555XXXX', action: 'ADD' }] });
      void dialPlans.updateDialPatterns(dialPlanId, { deleteAllDialPatterns: true });
      void dialPlans.validateDialPatterns({ dialPatterns: ['+1408555XXXX'] });
      void dialPlans.list({ dialPlanName: 'San', trunkName: 'gateway', start: 0, max: 50 });
      // @ts-expect-error missing: a dial plan needs its `routeType`
      void dialPlans.create(noRouteType);
      // @ts-expect-error missing: `update` needs the route too, not only the name
      void dialPlans.update(dialPlanId, { name: 'Renamed' });
      // @ts-expect-error type: `dialPatterns` is a list of patterns, not one string
      void dialPlans.create({ ...plan, dialPatterns: '+1408555XXXX' });
      // @ts-expect-error type: `deleteAllDialPatterns` is a boolean
      void dialPlans.updateDialPatterns(dialPlanId, { deleteAllDialPatterns: 'true' });
      // @ts-expect-error missing: `validateDialPatterns` needs the patterns to check
      void dialPlans.validateDialPatterns({});
      // @ts-expect-error R4: `start` counts, so it is a number, not a string
      void dialPlans.list({ start: '0' });
    }
    expect(dialPlans.create).toBeTypeOf('function');
    expect(dialPlans.updateDialPatterns).toBeTypeOf('function');
  });

  it('calling.routeGroups.create and update', () => {
    const routeGroups = webex.calling.routeGroups;
    const gateway = { id: trunkId, locationId, priority: 1 };
    if (false as boolean) {
      void routeGroups.create({ name: 'West coast gateways', localGateways: [gateway] });
      void routeGroups.update(routeGroupId, {
        name: 'West coast',
        localGateways: [gateway, { ...gateway, priority: 2 }],
      });
      void routeGroups.listRouteLists(routeGroupId, { name: 'San', max: 10 });
      // @ts-expect-error missing: a route group needs its trunks (`localGateways`)
      void routeGroups.create({ name: 'West coast gateways' });
      // @ts-expect-error missing: a gateway of a route group is named by its trunk `id`
      void routeGroups.update(routeGroupId, { name: 'West', localGateways: [{ locationId, priority: 1 }] });
      // @ts-expect-error type: `priority` is a number
      void routeGroups.create({ name: 'West', localGateways: [{ ...gateway, priority: 'first' }] });
    }
    expect(routeGroups.create).toBeTypeOf('function');
    expect(routeGroups.getUsage).toBeTypeOf('function');
  });

  it('calling.routeLists.create, update and updateNumbers', () => {
    const routeLists = webex.calling.routeLists;
    const list = { name: 'San Jose DI numbers', locationId, routeGroupId };
    const { routeGroupId: _routeGroupId, ...noRouteGroup } = list;
    if (false as boolean) {
      void routeLists.create(list);
      void routeLists.update(routeListId, { name: 'San Jose numbers' });
      void routeLists.updateNumbers(routeListId, { numbers: [{ number: '+14085551200', action: 'ADD' }] });
      void routeLists.updateNumbers(routeListId, { deleteAllNumbers: true });
      // @ts-expect-error missing: a route list needs its `routeGroupId`
      void routeLists.create(noRouteGroup);
      // @ts-expect-error type: `numbers` holds objects with an action, not bare numbers
      void routeLists.updateNumbers(routeListId, { numbers: ['+14085551200'] });
      // @ts-expect-error type: `name` is text
      void routeLists.update(routeListId, { name: 42 });
    }
    expect(routeLists.updateNumbers).toBeTypeOf('function');
  });

  it('calling.trunks.create, update and validateFqdnAndDomain', () => {
    const trunks = webex.calling.trunks;
    const trunk = {
      name: 'San Jose gateway',
      locationId,
      password: 'S3cret-password!',
      trunkType: 'REGISTERING',
    } as const;
    const { password: _password, ...noPassword } = trunk;
    if (false as boolean) {
      void trunks.create({ ...trunk, deviceType: 'Cisco Unified Border Element', maxConcurrentCalls: 500 });
      void trunks.create({ ...trunk, trunkType: 'CERTIFICATE_BASED', address: 'lgw.example.com', port: 5061 });
      void trunks.update(trunkId, {
        name: 'San Jose gateway',
        password: 'N3w-password!',
        pChargeInfoSupportPolicy: 'DISABLED',
      });
      void trunks.validateFqdnAndDomain({ address: 'lgw.example.com', domain: 'example.com', port: 5061 });
      void trunks.list({ name: 'San Jose gateway,Seattle gateway', trunkType: 'REGISTERING' });
      // @ts-expect-error missing: a trunk needs the `password` its gateway registers with
      void trunks.create(noPassword);
      // @ts-expect-error missing: `update` needs the password as well as the name
      void trunks.update(trunkId, { name: 'San Jose gateway' });
      // @ts-expect-error type: `port` is a number
      void trunks.validateFqdnAndDomain({ address: 'lgw.example.com', port: '5061' });
      // @ts-expect-error type: `dualIdentitySupportEnabled` is a boolean
      void trunks.create({ ...trunk, dualIdentitySupportEnabled: 'yes' });
    }
    expect(trunks.create).toBeTypeOf('function');
    expect(trunks.listTypes).toBeTypeOf('function');
  });

  it('calling.translationPatterns.create, update and their location forms', () => {
    const patterns = webex.calling.translationPatterns;
    const pattern = { name: 'Reception short code', matchingPattern: '9999', replacementPattern: '+14085550100' };
    const { replacementPattern: _replacement, ...noReplacement } = pattern;
    if (false as boolean) {
      void patterns.create(pattern);
      void patterns.createForLocation(locationId, pattern);
      void patterns.update(patternId, { name: 'Front desk short code' });
      void patterns.updateForLocation(locationId, patternId, { replacementPattern: '+14085550101' });
      void patterns.list({ limitToLocationId: locationId, limitToOrgLevelEnabled: 'false', max: 20 });
      // @ts-expect-error missing: a translation pattern needs its `replacementPattern`
      void patterns.create(noReplacement);
      // @ts-expect-error missing: the location form needs the location id before the pattern
      void patterns.createForLocation(pattern);
      // @ts-expect-error type: `matchingPattern` is text
      void patterns.updateForLocation(locationId, patternId, { matchingPattern: 9999 });
    }
    expect(patterns.createForLocation).toBeTypeOf('function');
  });

  it('calling.callRouting.test', () => {
    const routing = webex.calling.callRouting;
    const call = { originatorId: trunkId, originatorType: 'TRUNK', destination: '+14085551234' } as const;
    const { destination: _destination, ...noDestination } = call;
    if (false as boolean) {
      void routing.test({ ...call, originatorNumber: '+12065550100', includeAppliedServices: true });
      // @ts-expect-error missing: a test call needs its `destination`
      void routing.test(noDestination);
      // @ts-expect-error type: `includeAppliedServices` is a boolean
      void routing.test({ ...call, includeAppliedServices: 1 });
    }
    expectTypeOf<'PBX_USER'>().toMatchTypeOf<CallingCallRoutingDestinationType>();
    expectTypeOf<'A_DESTINATION_TYPE_NEWER_THAN_THE_SPEC'>().toMatchTypeOf<CallingCallRoutingDestinationType>();
    expect(routing.test).toBeTypeOf('function');
  });

  it('calling.pstn connection and emergency addresses', () => {
    const pstn = webex.calling.pstn;
    const address = { address1: '170 W Tasman Dr', city: 'San Jose', state: 'CA', postalCode: '95134', country: 'US' };
    const addressId = 'Y2lzY29zcGFyazovL3VzL0VNRVJHRU5DWV9BRERSRVNTLzk1MTE3OWEwLTMyMTMtNGIzNC04NTIzLTI1NzVkMGRkMTVkNg';
    if (false as boolean) {
      void pstn.updateConnection(locationId, { premiseRouteType: 'ROUTE_GROUP', premiseRouteId: routeGroupId });
      void pstn.listConnectionOptions(locationId, { serviceTypes: ['MOBILE_NUMBERS'] });
      void pstn.createEmergencyAddress(locationId, address);
      void pstn.lookupEmergencyAddress(locationId, { ...address, address2: 'Building 10' });
      void pstn.updateEmergencyAddress(locationId, addressId, address);
      void pstn.updateNumberEmergencyAddress('+14085551234', { emergencyAddress: address });
      // @ts-expect-error type: the connection option `id` is text
      void pstn.updateConnection(locationId, { id: 7 });
      // @ts-expect-error type: `serviceTypes` is a list of services, not one
      void pstn.listConnectionOptions(locationId, { serviceTypes: 'MOBILE_NUMBERS' });
      // @ts-expect-error type: a number's emergency address is an address object, not a line of text
      void pstn.updateNumberEmergencyAddress('+14085551234', { emergencyAddress: '170 W Tasman Dr' });
      // @ts-expect-error missing: updating an emergency address needs the address id after the location
      void pstn.updateEmergencyAddress(locationId, address);
    }
    expect(pstn.getConnection).toBeTypeOf('function');
  });

  it('calling.numbers.add, updateState, remove and validate', () => {
    const numbers = webex.calling.numbers;
    const phoneNumbers = ['+14085551300', '+14085551301'];
    if (false as boolean) {
      void numbers.add(locationId, { phoneNumbers, numberType: 'DID', state: 'INACTIVE' });
      void numbers.updateState(locationId, { phoneNumbers, action: 'ACTIVATE' });
      void numbers.remove(locationId, { phoneNumbers });
      void numbers.validate({ phoneNumbers });
      void numbers.list({ locationId, available: true, ownerType: 'CALL_QUEUE', max: 100 });
      // @ts-expect-error missing: `add` needs the numbers
      void numbers.add(locationId, { numberType: 'DID' });
      // @ts-expect-error type: `phoneNumbers` is a list, not one number
      void numbers.remove(locationId, { phoneNumbers: '+14085551300' });
      // @ts-expect-error missing: `updateState` needs the numbers, not only the action
      void numbers.updateState(locationId, { action: 'DEACTIVATE' });
      // @ts-expect-error type: `available` is a boolean
      void numbers.list({ available: 'true' });
    }
    expect(numbers.add).toBeTypeOf('function');
  });

  it('listings iterate the items of their field', () => {
    const calling = webex.calling;
    expectTypeOf(calling.dialPlans.list().first()).resolves.toEqualTypeOf<CallingDialPlan | undefined>();
    expectTypeOf(calling.routeGroups.list().first()).resolves.toEqualTypeOf<CallingRouteGroup | undefined>();
    expectTypeOf(calling.routeGroups.listDialPlanLocations(routeGroupId).first()).resolves.toEqualTypeOf<
      CallingRouteGroupLocation | undefined
    >();
    expectTypeOf(calling.routeGroups.listRouteLists(routeGroupId).first()).resolves.toEqualTypeOf<
      CallingRouteGroupRouteLists | undefined
    >();
    expectTypeOf(calling.routeLists.list().first()).resolves.toEqualTypeOf<CallingRouteList | undefined>();
    expectTypeOf(calling.routeLists.listNumbers(routeListId).first()).resolves.toEqualTypeOf<string | undefined>();
    expectTypeOf(calling.trunks.list().first()).resolves.toEqualTypeOf<CallingTrunk | undefined>();
    expectTypeOf(calling.trunks.listCallToExtensionLocations(trunkId).first()).resolves.toEqualTypeOf<
      CallingTrunkLocation | undefined
    >();
    expectTypeOf(calling.trunks.listDialPlans(trunkId).first()).resolves.toEqualTypeOf<
      CallingTrunkDialPlan | undefined
    >();
    expectTypeOf(calling.translationPatterns.list().first()).resolves.toEqualTypeOf<
      CallingTranslationPattern | undefined
    >();
    expectTypeOf(calling.numbers.list().first()).resolves.toEqualTypeOf<CallingNumber | undefined>();
  });
});
