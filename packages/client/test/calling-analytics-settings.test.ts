// Where Calling analytics operations go: the `callingAnalytics` option, then the environment, then the commercial
// host, each checked before anything is sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callingAnalyticsBaseUrl } from '../src/config/calling-analytics-host.js';
import { createHostCores } from '../src/create-core.js';
import { createCallingAnalyticsCore, type WebexOptions, WebexValidationError } from '../src/index.js';

const COMMERCIAL = 'https://analytics-calling.webexapis.com';
const GOVERNMENT = 'https://analytics-calling-gov.webexapis.com';

/** No Calling analytics variable, whatever the machine running the tests has set. */
beforeEach(() => {
  vi.stubEnv('WEBEX_CALLING_ANALYTICS_BASE_URL', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function refusal(options: WebexOptions): WebexValidationError {
  try {
    callingAnalyticsBaseUrl(options);
  } catch (error) {
    if (error instanceof WebexValidationError) return error;
    throw error;
  }
  throw new Error('expected a WebexValidationError');
}

describe('the Calling analytics origin', () => {
  it("is the commercial host without a setting, whatever the API's baseUrl", () => {
    expect(callingAnalyticsBaseUrl({})).toBe(COMMERCIAL);
    expect(callingAnalyticsBaseUrl({ baseUrl: 'http://127.0.0.1:4010' })).toBe(COMMERCIAL);
    expect(callingAnalyticsBaseUrl({ callingAnalytics: {} })).toBe(COMMERCIAL);
    expect(callingAnalyticsBaseUrl({ callingAnalytics: { government: false } })).toBe(COMMERCIAL);
  });

  it("is Webex for Government's host with government: true", () => {
    expect(callingAnalyticsBaseUrl({ callingAnalytics: { government: true } })).toBe(GOVERNMENT);
  });

  it('takes a base URL as given, without a trailing slash: a proxy, a mock', () => {
    expect(callingAnalyticsBaseUrl({ callingAnalytics: { baseUrl: 'https://cdr-proxy.example.test/' } })).toBe(
      'https://cdr-proxy.example.test',
    );
    expect(callingAnalyticsBaseUrl({ callingAnalytics: { baseUrl: 'http://127.0.0.1:4010' } })).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('reads the environment when the option names no host, and the option wins over it', () => {
    vi.stubEnv('WEBEX_CALLING_ANALYTICS_BASE_URL', 'http://localhost:4010/');
    expect(callingAnalyticsBaseUrl({})).toBe('http://localhost:4010');
    expect(callingAnalyticsBaseUrl({ callingAnalytics: { government: true } })).toBe(GOVERNMENT);
    expect(callingAnalyticsBaseUrl({ callingAnalytics: { baseUrl: 'http://127.0.0.1:4011' } })).toBe(
      'http://127.0.0.1:4011',
    );
  });

  it.each([
    ['http://analytics.example.test', 'uses plain http to a host other than loopback'],
    ['https://user:secret@analytics-calling.webexapis.com', 'must not carry credentials'],
    ['https://analytics-calling.webexapis.com/?token=secret', 'must not carry a query or a fragment'],
    [
      'analytics-calling.webexapis.com',
      'must be an absolute http(s) URL, like https://analytics-calling.webexapis.com',
    ],
  ])('refuses the base URL %s as baseUrl is refused, without echoing it', (baseUrl, rule) => {
    const error = refusal({ callingAnalytics: { baseUrl } });
    expect(error.parameter).toBe('callingAnalytics.baseUrl');
    expect(error.message).toContain(`callingAnalytics.baseUrl ${rule}`);
    expect(error.message).not.toContain('secret');
  });

  it('refuses the same values from the environment, naming the variable', () => {
    vi.stubEnv('WEBEX_CALLING_ANALYTICS_BASE_URL', 'https://user:secret@analytics-calling.webexapis.com');
    const error = refusal({});
    expect(error.parameter).toBe('WEBEX_CALLING_ANALYTICS_BASE_URL');
    expect(error.message).not.toContain('secret');
  });

  it('refuses government and a base URL together: they name different hosts', () => {
    const both = refusal({ callingAnalytics: { government: true, baseUrl: COMMERCIAL } });
    expect(both.message).toBe('new Webex: give callingAnalytics.government or callingAnalytics.baseUrl, not both');
  });
});

describe('the cores bound to it', () => {
  it('createCallingAnalyticsCore is bound to the analytics origin', () => {
    expect(createCallingAnalyticsCore({ accessToken: 't' }).baseUrl).toBe(COMMERCIAL);
    expect(createCallingAnalyticsCore({ accessToken: 't', callingAnalytics: { government: true } }).baseUrl).toBe(
      GOVERNMENT,
    );
  });

  it('new Webex() has a core for the analytics host beside the API’s own', () => {
    const { core, hosts } = createHostCores({ accessToken: 't', callingAnalytics: { government: true } });
    expect(core.baseUrl).toBe('https://webexapis.com/v1');
    expect((hosts.callingAnalytics as { baseUrl?: string }).baseUrl).toBe(GOVERNMENT);
  });
});
