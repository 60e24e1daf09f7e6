// Hand-written type tests for the create, update and bulkSave methods of the Contact Center entry points, business
// hours and holiday lists, and for what their listings iterate. Each `@ts-expect-error` line makes exactly one
// mistake, so `tsc -p packages/client` fails if that mistake ever compiles; each such call fits on one line. The calls
// sit behind `if (false as boolean)`: nothing is sent, and at run time each test only checks the façade's wiring.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterBusinessHours,
  ContactCenterBusinessHoursExport,
  ContactCenterBusinessHoursRequest,
  ContactCenterBusinessHoursShift,
  ContactCenterEntryPoint,
  ContactCenterEntryPointExport,
  ContactCenterHolidayList,
  ContactCenterHolidayListHoliday,
  ContactCenterHolidayListRequest,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center entry point, business hours and holiday list types', () => {
  it('contactCenter.entryPoints.create, update and bulkSave', () => {
    const entryPoints = webex.contactCenter.entryPoints;
    const entryPoint = {
      name: 'Sales line',
      entryPointType: 'INBOUND',
      channelType: 'TELEPHONY',
      socialChannelType: 'WHATSAPP',
      active: true,
      serviceLevelThreshold: 30,
      maximumActiveContacts: 200,
      controlFlowScriptUrl: 'https://flows.example.com/sales',
      overflowNumber: '+34910000000',
      imiOrgType: 'MIXED_MODE',
      assetId: 'asset',
    } as const;
    const { assetId: _assetId, ...noAsset } = entryPoint;
    if (false as boolean) {
      void entryPoints.create(org, { ...entryPoint, flowOverrideSettings: [{ name: 'greeting', type: 'STRING' }] });
      void entryPoints.update(org, 'id', { ...entryPoint, version: 4, timezone: 'Europe/Madrid' });
      void entryPoints.bulkSave(org, { items: [{ itemIdentifier: 1, item: entryPoint, requestAction: 'SAVE' }] });
      void entryPoints.bulkExport(org, { type: 'OUTBOUND', page: 0 });
      void entryPoints.purgeInactive(org, { nextStartId: 'id' });
      void entryPoints.get(org, 'id', { includeNames: true });
      void entryPoints.listV1(org, { channelTypes: ['TELEPHONY', 'CHAT'], pageSize: 50 });
      void entryPoints.list(org, { search: 'sales', provisioningView: true, includeCount: true });
      // @ts-expect-error missing: `assetId` is required
      void entryPoints.create(org, noAsset);
      // @ts-expect-error misspelled: `maxActiveContacts` is not a field of ContactCenterEntryPointRequest
      void entryPoints.create(org, { ...entryPoint, maxActiveContacts: 200 });
      // @ts-expect-error enum: a `channelType` is TELEPHONY, EMAIL, FAX, CHAT, VIDEO, OTHERS or SOCIAL_CHANNEL
      void entryPoints.update(org, 'id', { ...entryPoint, channelType: 'SMS' });
      // @ts-expect-error enum: an `entryPointType` is INBOUND or OUTBOUND
      void entryPoints.create(org, { ...entryPoint, entryPointType: 'BOTH' });
      // @ts-expect-error missing: a flow override setting needs its `type`
      void entryPoints.create(org, { ...entryPoint, flowOverrideSettings: [{ name: 'greeting' }] });
      // @ts-expect-error type: `serviceLevelThreshold` is a number of seconds, not a string
      void entryPoints.update(org, 'id', { ...entryPoint, serviceLevelThreshold: '30' });
      // @ts-expect-error missing: a bulk export says whether it wants the INBOUND or the OUTBOUND entry points
      void entryPoints.bulkExport(org, { page: 0 });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void entryPoints.list(org, { pageSize: '100' });
    }
    expect(entryPoints.create).toBeTypeOf('function');
    expect(entryPoints.update).toBeTypeOf('function');
    expect(entryPoints.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.businessHours.create, update and bulkSave', () => {
    const businessHours = webex.contactCenter.businessHours;
    const weekdays: ContactCenterBusinessHoursShift = { name: 'Weekdays', days: ['MON', 'FRI'], startTime: '09:00' };
    const hours: ContactCenterBusinessHoursRequest = {
      name: 'Madrid office hours',
      timezone: 'Europe/Madrid',
      workingHours: [weekdays],
    };
    if (false as boolean) {
      void businessHours.create(org, { ...hours, holidaysId: 'holidays', overridesId: 'overrides' });
      void businessHours.update(org, 'id', { ...hours, version: 1, description: 'Madrid' });
      void businessHours.bulkSave(org, { items: [{ itemIdentifier: 1, item: hours }] });
      void businessHours.list(org, { sort: 'name,asc', includeCount: true });
      // @ts-expect-error missing: `timezone` is required
      void businessHours.create(org, { name: 'Madrid office hours', workingHours: [weekdays] });
      // @ts-expect-error missing: `workingHours` is required
      void businessHours.create(org, { name: 'Madrid office hours', timezone: 'Europe/Madrid' });
      // @ts-expect-error enum: a day is SUN, MON, TUE, WED, THU, FRI or SAT
      void businessHours.update(org, 'id', { ...hours, workingHours: [{ name: 'Weekdays', days: ['MONDAY'] }] });
      // @ts-expect-error missing: a shift needs its `days`
      void businessHours.create(org, { ...hours, workingHours: [{ name: 'Weekdays', startTime: '09:00' }] });
      // @ts-expect-error misspelled: `holidayListId` is not a field of ContactCenterBusinessHoursRequest
      void businessHours.create(org, { ...hours, holidayListId: 'holidays' });
    }
    expect(businessHours.create).toBeTypeOf('function');
    expect(businessHours.update).toBeTypeOf('function');
    expect(businessHours.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.holidayLists.create, update and bulkSave', () => {
    const holidayLists = webex.contactCenter.holidayLists;
    const newYear: ContactCenterHolidayListHoliday = {
      name: "New Year's Day",
      startDate: '2025-01-01',
      frequency: 'Yearly',
      recurrence: { interval: 1, specificDayOfMonth: 1, specificMonth: 'JAN' },
    };
    const may = { interval: 1, specificDayOfMonth: 1, specificMonth: 'May' } as const;
    const list: ContactCenterHolidayListRequest = { name: 'Spanish public holidays', holidays: [newYear] };
    if (false as boolean) {
      void holidayLists.create(org, list);
      void holidayLists.update(org, 'id', { ...list, version: 2, description: 'Spain' });
      void holidayLists.bulkSave(org, { items: [{ itemIdentifier: 1, item: list }] });
      void holidayLists.create(org, { ...list, holidays: [{ name: 'Last Monday of May', frequency: 'Yearly' }] });
      // @ts-expect-error missing: `holidays` is required
      void holidayLists.create(org, { name: 'Spanish public holidays' });
      // @ts-expect-error enum: a `frequency` is DontRepeat, Daily, Weekly, Monthly or Yearly
      void holidayLists.update(org, 'id', { ...list, holidays: [{ ...newYear, frequency: 'Annually' }] });
      // @ts-expect-error missing: a recurrence needs its `interval`
      void holidayLists.create(org, { ...list, holidays: [{ ...newYear, recurrence: { specificMonth: 'JAN' } }] });
      // @ts-expect-error enum: a `specificMonth` is a three-letter month such as JAN
      void holidayLists.create(org, { ...list, holidays: [{ name: 'Labour Day', recurrence: may }] });
      // @ts-expect-error missing: a holiday needs its `name`
      void holidayLists.create(org, { ...list, holidays: [{ startDate: '2025-01-01' }] });
    }
    expect(holidayLists.create).toBeTypeOf('function');
    expect(holidayLists.update).toBeTypeOf('function');
    expect(holidayLists.bulkSave).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, or of the envelope data', () => {
    const { entryPoints, businessHours, holidayLists } = webex.contactCenter;
    expectTypeOf(entryPoints.list(org).first()).resolves.toEqualTypeOf<ContactCenterEntryPoint | undefined>();
    expectTypeOf(entryPoints.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterEntryPoint | undefined>();
    expectTypeOf(entryPoints.bulkExport(org, { type: 'INBOUND' }).first()).resolves.toEqualTypeOf<
      ContactCenterEntryPointExport | undefined
    >();
    expectTypeOf(businessHours.list(org).first()).resolves.toEqualTypeOf<ContactCenterBusinessHours | undefined>();
    expectTypeOf(businessHours.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterBusinessHours | undefined>();
    expectTypeOf(businessHours.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterBusinessHoursExport | undefined
    >();
    expectTypeOf(holidayLists.list(org).first()).resolves.toEqualTypeOf<ContactCenterHolidayList | undefined>();
    expectTypeOf(holidayLists.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterHolidayList | undefined>();
  });
});
