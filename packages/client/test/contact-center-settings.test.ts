// Where Contact Center operations go: the `contactCenter` option, then the environment, each checked before anything
// is sent, so that no value can move the host.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contactCenterBaseUrl } from '../src/config/hosts.js';
import {
  CONTACT_CENTER_REGIONS,
  createContactCenterCore,
  type WebexOptions,
  WebexValidationError,
} from '../src/index.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** No Contact Center variables, whatever the machine running the tests has set. */
function cleanEnvironment(): void {
  vi.stubEnv('WEBEX_CONTACT_CENTER_REGION', '');
  vi.stubEnv('WEBEX_CONTACT_CENTER_BASE_URL', '');
}

function refusal(options: WebexOptions): WebexValidationError {
  try {
    contactCenterBaseUrl(options);
  } catch (error) {
    if (error instanceof WebexValidationError) return error;
    throw error;
  }
  throw new Error('expected a WebexValidationError');
}

describe('the Contact Center origin', () => {
  it.each(CONTACT_CENTER_REGIONS.map((region) => [region]))('region %s is its regional host', (region) => {
    cleanEnvironment();
    expect(contactCenterBaseUrl({ contactCenter: { region } })).toBe(`https://api.wxcc-${region}.cisco.com`);
  });

  it('takes a base URL as given, without a trailing slash: a region not listed yet, a proxy, a mock', () => {
    cleanEnvironment();
    const baseUrl = 'https://api.wxcc-xx9.cisco.com/';
    expect(contactCenterBaseUrl({ contactCenter: { baseUrl } })).toBe('https://api.wxcc-xx9.cisco.com');
    expect(contactCenterBaseUrl({ contactCenter: { baseUrl: 'http://127.0.0.1:4010' } })).toBe('http://127.0.0.1:4010');
  });

  it('is none when neither the option nor the environment gives one; baseUrl does not move it', () => {
    cleanEnvironment();
    expect(contactCenterBaseUrl({ baseUrl: 'https://api.wxcc-eu1.cisco.com' })).toBeUndefined();
    expect(contactCenterBaseUrl({ contactCenter: {} })).toBeUndefined();
  });

  it('reads the environment when the option says nothing, and the option wins over it', () => {
    cleanEnvironment();
    vi.stubEnv('WEBEX_CONTACT_CENTER_REGION', 'eu2');
    expect(contactCenterBaseUrl({})).toBe('https://api.wxcc-eu2.cisco.com');
    expect(contactCenterBaseUrl({ contactCenter: { region: 'jp1' } })).toBe('https://api.wxcc-jp1.cisco.com');
    vi.stubEnv('WEBEX_CONTACT_CENTER_REGION', '');
    vi.stubEnv('WEBEX_CONTACT_CENTER_BASE_URL', 'http://localhost:4010/');
    expect(contactCenterBaseUrl({})).toBe('http://localhost:4010');
  });

  it.each([
    ['us1.evil.example#', ''],
    ['us1/..', ''],
    ['us1@evil', ''],
    ['US1', ' (got "US1")'],
    ['', ''],
    ['eu3', ' (got "eu3")'],
  ])('refuses the region %j, naming the option and the regions known', (region, shown) => {
    cleanEnvironment();
    const error = refusal({ contactCenter: { region: region as 'us1' } });
    expect(error.parameter).toBe('contactCenter.region');
    expect(error.message).toBe(
      `new Webex: contactCenter.region must be one of us1, eu1, eu2, anz1, ca1, jp1, sg1${shown}; for a region not listed, give contactCenter: { baseUrl: 'https://api.wxcc-<region>.cisco.com' }`,
    );
  });

  it('refuses the same values from the environment, naming the variable', () => {
    cleanEnvironment();
    vi.stubEnv('WEBEX_CONTACT_CENTER_REGION', 'us1.evil.example#');
    expect(refusal({}).parameter).toBe('WEBEX_CONTACT_CENTER_REGION');
  });

  it.each([
    ['http://api.wxcc-us1.example.test', 'uses plain http to a host other than loopback'],
    ['https://user:secret@api.wxcc-us1.cisco.com', 'must not carry credentials'],
    ['https://api.wxcc-us1.cisco.com/?token=secret', 'must not carry a query or a fragment'],
    ['api.wxcc-us1.cisco.com', 'must be an absolute http(s) URL, like https://api.wxcc-eu1.cisco.com'],
  ])('refuses the base URL %s as baseUrl is refused, without echoing it', (baseUrl, rule) => {
    cleanEnvironment();
    const error = refusal({ contactCenter: { baseUrl } });
    expect(error.parameter).toBe('contactCenter.baseUrl');
    expect(error.message).toContain(`contactCenter.baseUrl ${rule}`);
    expect(error.message).not.toContain('secret');
  });

  it('refuses a region and a base URL together, at either level', () => {
    cleanEnvironment();
    const both = refusal({ contactCenter: { region: 'us1', baseUrl: 'https://api.wxcc-us1.cisco.com' } });
    expect(both.message).toBe('new Webex: give contactCenter.region or contactCenter.baseUrl, not both');
    vi.stubEnv('WEBEX_CONTACT_CENTER_REGION', 'us1');
    vi.stubEnv('WEBEX_CONTACT_CENTER_BASE_URL', 'https://api.wxcc-us1.cisco.com');
    expect(refusal({}).parameter).toBe('WEBEX_CONTACT_CENTER_REGION|WEBEX_CONTACT_CENTER_BASE_URL');
  });
});

describe('createContactCenterCore', () => {
  it('is bound to the Contact Center origin', () => {
    cleanEnvironment();
    expect(createContactCenterCore({ accessToken: 't', contactCenter: { region: 'anz1' } }).baseUrl).toBe(
      'https://api.wxcc-anz1.cisco.com',
    );
  });

  it('refuses to build without an origin, naming the option and the variables', () => {
    cleanEnvironment();
    expect(() => createContactCenterCore({ accessToken: 't' })).toThrow(
      expect.objectContaining({
        name: 'WebexValidationError',
        parameter: 'contactCenter',
        message: expect.stringContaining('WEBEX_CONTACT_CENTER_REGION or WEBEX_CONTACT_CENTER_BASE_URL'),
      }),
    );
  });
});
