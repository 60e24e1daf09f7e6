// Configuration that cannot surprise: where baseUrl comes from, and the API roots refused before anything is sent.
import { afterEach, describe, expect, it } from 'vitest';
import { Webex, WebexValidationError } from '../src/index.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('baseUrl: option, then WEBEX_BASE_URL, then the default', () => {
  it('takes the option over the environment, the environment over the default', () => {
    process.env.WEBEX_BASE_URL = 'http://127.0.0.1:4010';
    expect(new Webex({ accessToken: 't' }).baseUrl).toBe('http://127.0.0.1:4010');
    expect(new Webex({ accessToken: 't', baseUrl: 'https://api.example.com/v1/' }).baseUrl).toBe(
      'https://api.example.com/v1',
    );
    delete process.env.WEBEX_BASE_URL;
    expect(new Webex({ accessToken: 't' }).baseUrl).toBe('https://webexapis.com/v1');
  });
});

describe('an API root that would leak or send the token in clear is refused at construction', () => {
  it.each([
    ['not a URL', 'webexapis.com/v1', /absolute http\(s\) URL/],
    ['another scheme', 'ftp://webexapis.com/v1', /must use https/],
    ['credentials', 'https://user:pw-SECRET@webexapis.com/v1', /must not carry credentials/],
    ['a query', 'https://webexapis.com/v1?access_token=SECRET', /query or a fragment/],
    ['a fragment', 'https://webexapis.com/v1#SECRET', /query or a fragment/],
    ['plain http to another host', 'http://webex.example.com/v1', /plain http to a host other than loopback/],
  ])('%s', (_name, baseUrl, rule) => {
    let error: unknown;
    try {
      new Webex({ accessToken: 't', baseUrl });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WebexValidationError);
    expect(error).toMatchObject({ parameter: 'baseUrl' });
    expect(String((error as Error).message)).toMatch(rule);
    // The message names the rule, never the URL (which may hold a secret).
    expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toContain('SECRET');
  });

  it('allows plain http to loopback, and elsewhere only when asked', () => {
    expect(new Webex({ accessToken: 't', baseUrl: 'http://localhost:4010' }).baseUrl).toBe('http://localhost:4010');
    expect(new Webex({ accessToken: 't', baseUrl: 'http://[::1]:4010' }).baseUrl).toBe('http://[::1]:4010');
    expect(new Webex({ accessToken: 't', baseUrl: 'http://rig.example.com', allowInsecureHttp: true }).baseUrl).toBe(
      'http://rig.example.com',
    );
  });
});
