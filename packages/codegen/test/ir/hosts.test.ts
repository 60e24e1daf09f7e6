// Where each resource file is served: its `servers` and `x-sdk-host` checked against the hosts the client knows.
import { describe, expect, it } from 'vitest';
import { validateSpecs } from '../../src/ir/validate.js';
import { SpecError } from '../../src/load/bundle.js';
import { bundleOf, resourceFile } from '../spec-files.js';

const CONTACT_CENTER = "servers: [{ url: 'https://api.wxcc-{region}.cisco.com' }]\n";
const CALLING_ANALYTICS = "servers: [{ url: 'https://analytics-calling.webexapis.com' }]\n";
const KNOWN =
  'contactCenter: https://api.wxcc-{region}.cisco.com; callingAnalytics: https://analytics-calling.webexapis.com';
const check = (files: Record<string, string>) => validateSpecs(bundleOf(files));
const fileWith = (extra: string) => ({ 'a/things.yaml': resourceFile('/things', { extra }) });

function refuses(files: Record<string, string>, message: string): void {
  expect(() => check(files)).toThrow(expect.objectContaining({ name: SpecError.name, message }));
}

describe('the host of a resource file', () => {
  it.each([
    ['no servers: the root host', '', undefined],
    ['the server of a known host, which names it', CONTACT_CENTER, 'contactCenter'],
    ['the server and x-sdk-host agreeing', `x-sdk-host: contactCenter\n${CONTACT_CENTER}`, 'contactCenter'],
    ['the Calling analytics server', `x-sdk-host: callingAnalytics\n${CALLING_ANALYTICS}`, 'callingAnalytics'],
  ])('%s', (_, extra, host) => {
    const [resource] = check(fileWith(extra)).resources;
    expect(resource?.host).toBe(host);
  });

  it("is the first server's host: a second server (Webex for Government's) is an alternative the client offers", () => {
    const servers =
      "servers: [{ url: 'https://analytics-calling.webexapis.com' }, { url: 'https://analytics-calling-gov.webexapis.com' }]\n";
    const [resource] = check(fileWith(`x-sdk-host: callingAnalytics\n${servers}`)).resources;
    expect(resource?.host).toBe('callingAnalytics');
  });

  it("refuses an x-sdk-host that is not its server's host", () => {
    refuses(
      fileWith(`x-sdk-host: callingAnalytics\n${CONTACT_CENTER}`),
      "a/things.yaml: x-sdk-host callingAnalytics does not match its server, which is contactCenter's (https://api.wxcc-{region}.cisco.com)",
    );
  });

  it('refuses a server no host of the client has, naming the hosts it knows', () => {
    refuses(
      fileWith("servers: [{ url: 'https://api.wxcc-{region}.cisco.com.evil.example' }]\n"),
      `a/things.yaml: servers declares https://api.wxcc-{region}.cisco.com.evil.example, which is no host the client knows (${KNOWN}); leave servers out for the root's server`,
    );
  });

  it('refuses an unknown x-sdk-host', () => {
    refuses(
      fileWith(`x-sdk-host: contactCentre\n${CONTACT_CENTER}`),
      `a/things.yaml: x-sdk-host "contactCentre" is no host the client knows (${KNOWN})`,
    );
  });

  it('refuses x-sdk-host without the server, which the file must declare', () => {
    refuses(
      fileWith('x-sdk-host: contactCenter\n'),
      'a/things.yaml: x-sdk-host contactCenter needs its server at the top of the file: servers: [{ url: https://api.wxcc-{region}.cisco.com }]',
    );
  });

  it('refuses a server on one path or operation: a host is chosen per file', () => {
    const files = {
      'a/things.yaml': resourceFile('/things', {
        extra: CONTACT_CENTER,
        operation: ['x-sdk-method: list', "servers: [{ url: 'https://other.example.test' }]"],
      }),
    };
    refuses(
      files,
      'a/things.yaml (opthings): declares the server https://other.example.test on its path or operation; a server is declared once, at the top of a resource file',
    );
  });

  it('refuses a root x-sdk-hosts entry for a host the client does not know: its responses would be unused', () => {
    const root = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\nx-sdk-hosts: { contactCentre: {} }\npaths: {}\n";
    refuses(
      { 'webex.yaml': root, ...fileWith('') },
      `webex.yaml: x-sdk-hosts names "contactCentre", which is no host the client knows (${KNOWN})`,
    );
  });
});
