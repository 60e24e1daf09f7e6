// Hand-written type tests for the Webex Wholesale resources' create, update and precheck methods.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods.
import { describe, expect, it } from 'vitest';
import type { WholesaleCustomerCreateRequest, WholesaleSubscriberPackage } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const SUB_PARTNER = { onBehalfOfSubPartnerOrgId: 'SP' };

describe('wholesale create/update types', () => {
  it('wholesale.billingReports.create (and the list filters)', () => {
    const billingStartDate = '2026-10-01';
    const billingEndDate = '2026-10-31';
    const reports = webex.wholesale.billingReports;
    if (false as boolean) {
      void reports.create({ billingStartDate, billingEndDate, type: 'CUSTOMER', internal: false });
      void reports.list({ type: 'USER', status: 'COMPLETED', sortBy: 'billingStartDate', max: 50 });
      // @ts-expect-error misspelled: `billingStart` is not a field of WholesaleBillingReportCreateRequest
      void reports.create({ billingStart: billingStartDate, billingEndDate });
      // @ts-expect-error missing: `billingEndDate` is required
      void reports.create({ billingStartDate });
      // @ts-expect-error enum: a report `type` is PARTNER, CUSTOMER or USER
      void reports.list({ type: 'ORGANIZATION' });
      // @ts-expect-error enum: a report `status` is IN_PROGRESS, COMPLETED or FAILED
      void reports.list({ status: 'DONE' });
      // @ts-expect-error R4: `max` counts, so it is a number, not a string
      void reports.list({ max: '50' });
    }
    expect(webex.wholesale.billingReports.create).toBeTypeOf('function');
  });

  it('wholesale.customers.create, update and precheck', () => {
    const address = { addressLine1: '48 Harbour Street', city: 'Portland', stateOrProvince: 'OR', country: 'US' };
    const location = { name: 'Portland HQ', address, timezone: 'America/Los_Angeles', language: 'en_us' };
    const { timezone: _timezone, ...noTimezone } = location;
    const base: Omit<WholesaleCustomerCreateRequest, 'packages' | 'externalId'> = {
      provisioningId: 'PROV',
      address,
      customerInfo: { name: 'Harbour Freight', primaryEmail: 'admin@harbourfreight.example.com' },
      provisioningParameters: { calling: { location }, packages: { limits: { webex_calling: 50 } } },
    };
    const customers = webex.wholesale.customers;
    if (false as boolean) {
      void customers.create({ ...base, packages: ['webex_calling'], externalId: 'CRM-1' }, SUB_PARTNER);
      void customers.update('C', { packages: ['webex_calling', 'webex_meetings'], externalId: 'CRM-2' });
      void customers.precheck({ address, customerInfo: { primaryEmail: 'a@example.com' } });
      void customers.list({ status: ['provisioned', 'error'], offset: 100, max: 100 });
      // @ts-expect-error missing: `externalId` is required
      void customers.create({ ...base, packages: ['webex_calling'] });
      // @ts-expect-error enum: `webex_calls` is not a wholesale package
      void customers.create({ ...base, packages: ['webex_calls'], externalId: 'CRM-1' });
      // @ts-expect-error misspelled: `externalID` is not a field of WholesaleCustomerCreateRequest
      void customers.create({ ...base, packages: ['webex_calling'], externalID: 'CRM-1' });
      // @ts-expect-error missing: an address to provision with needs a `city`
      void customers.precheck({ address: { addressLine1: '48 Harbour Street', country: 'US' } });
      // @ts-expect-error missing: a calling location needs a `timezone`
      void customers.update('C', { packages: [], provisioningParameters: { calling: { location: noTimezone } } });
      // @ts-expect-error missing: `packages` is required (the complete set the customer keeps)
      void customers.update('C', { externalId: 'CRM-2' });
      // @ts-expect-error missing: `address` is required to precheck
      void customers.precheck({ externalId: 'CRM-1' });
      // @ts-expect-error R4: `offset` counts, so it is a number, not a string
      void customers.list({ offset: '100' });
    }
    expect(webex.wholesale.customers.create).toBeTypeOf('function');
    expect(webex.wholesale.customers.update).toBeTypeOf('function');
    expect(webex.wholesale.customers.precheck).toBeTypeOf('function');
  });

  it('wholesale.subscribers.create, update, precheck and sendConsentMoveEmail', () => {
    const email = 'maria.santos@harbourfreight.example.com';
    const provisioningParameters = { firstName: 'Maria', lastName: 'Santos', primaryPhoneNumber: '+15035550142' };
    const subscribers = webex.wholesale.subscribers;
    const customerId = 'C';
    if (false as boolean) {
      void subscribers.create({ customerId, email, package: 'webex_calling', provisioningParameters });
      const packages: WholesaleSubscriberPackage[] = ['webex_calling', 'attendant_console'];
      void subscribers.create({ customerId, email, packages, provisioningParameters }, SUB_PARTNER);
      void subscribers.update('S', { package: 'attendant_console', provisioningParameters: { extension: '142' } });
      void subscribers.precheck({ email, customerInfo: { primaryEmail: 'admin@example.com' } });
      void subscribers.sendConsentMoveEmail('S', SUB_PARTNER);
      // @ts-expect-error missing: `provisioningParameters` is required
      void subscribers.create({ customerId, email, package: 'webex_calling' });
      // @ts-expect-error enum: the single `package` of a new subscriber cannot be an add-on such as attendant_console
      void subscribers.create({ customerId, email, package: 'attendant_console', provisioningParameters });
      // @ts-expect-error enum: `webex_calling_pro` is not a wholesale package
      void subscribers.update('S', { packages: ['webex_calling_pro'] });
      // @ts-expect-error misspelled: `firstName` cannot change on update (it is not in its provisioningParameters)
      void subscribers.update('S', { provisioningParameters: { firstName: 'Maria' } });
      // @ts-expect-error missing: `email` is required to precheck
      void subscribers.precheck({ customerId: 'C' });
      // @ts-expect-error missing: a precheck's `customerInfo` needs `primaryEmail`
      void subscribers.precheck({ email, customerInfo: {} });
    }
    expect(webex.wholesale.subscribers.create).toBeTypeOf('function');
    expect(webex.wholesale.subscribers.update).toBeTypeOf('function');
    expect(webex.wholesale.subscribers.sendConsentMoveEmail).toBeTypeOf('function');
  });

  it('wholesale.subPartners.list takes integer paging', () => {
    if (false as boolean) {
      void webex.wholesale.subPartners.list({ provisioningState: 'active', offset: 0, max: 50 });
      // @ts-expect-error R4: `max` counts, so it is a number, not a string
      void webex.wholesale.subPartners.list({ max: '50' });
    }
    expect(webex.wholesale.subPartners.list).toBeTypeOf('function');
  });
});
