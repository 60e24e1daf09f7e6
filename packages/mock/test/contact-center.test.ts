// Contact Center through the mock and the validating proxy: one mock serves both hosts' paths, and a proxy checks
// the operations of its upstream's host only.
import { fileURLToPath } from 'node:url';
import { Webex, WebexApiError } from '@webex-ts/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { hostOfUpstream } from '../src/contract/hosts.js';
import { type ContractProxy, startProxy } from '../src/contract/proxy.js';
import { useWebexMock } from '../src/vitest.js';

const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const ORG = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
const SKILL = '6b1e0f3c-29d8-4a57-b6e4-0c9f2a7d8e15';

describe('the mock serves both hosts', () => {
  const mock = useWebexMock();
  const client = () =>
    new Webex({ accessToken: 'test', baseUrl: mock.url, contactCenter: { baseUrl: mock.url }, maxRetries: 0 });

  it('answers Contact Center operations with their examples, and pages stop at the envelope totals', async () => {
    const webex = client();
    const skills = await webex.contactCenter.skills.list(ORG).toArray();
    expect(skills.map((skill) => skill.name)).toEqual(['Spanish', 'Priority customer']);
    expect((await webex.contactCenter.teams.get(ORG, SKILL)).teamType).toBe('AGENT');
    expect((await webex.people.me()).displayName).toBeTruthy();
  });

  it("refuses a Contact Center request that breaks the spec, as it does Webex's", async () => {
    const create = client().contactCenter.skills.create(ORG, { name: 'Spanish' } as never);
    await expect(create).rejects.toThrow(WebexApiError);
    // Prism answers with the spec's 400 (Contact Center's error body) and says what was wrong.
    await expect(create).rejects.toMatchObject({
      status: 400,
      violations: expect.arrayContaining([expect.objectContaining({ location: ['request', 'body'] })]),
    });
  });
});

describe('the proxy checks the operations of its upstream host', () => {
  let upstream: TestServer;
  let contactCenter: ContractProxy;
  let webex: ContractProxy;

  beforeAll(async () => {
    upstream = await startServer((request, response) => {
      if (request.url.startsWith(`/organization/${ORG}/skill/`))
        return json(response, 200, { id: SKILL, name: 'Spanish', skillType: 'Language' });
      json(response, 200, { id: 'r1', title: 'Dev Room', type: 'group', created: '2026-10-18T09:12:41.508Z' });
    });
    contactCenter = await startProxy({ upstream: upstream.url, upstreamHost: 'contactCenter', spec });
    webex = await startProxy({ upstream: upstream.url, spec });
  });

  afterAll(async () => {
    await Promise.all([contactCenter.stop(), webex.stop()]);
    await upstream.close();
  });

  it('checks a Contact Center answer against the spec: an enum value it does not list is a violation', async () => {
    await fetch(`${contactCenter.url}/organization/${ORG}/skill/${SKILL}`);
    expect(contactCenter.violations()).toEqual([
      expect.objectContaining({
        operation: 'contactCenter.skills.get',
        rule: 'enum',
        where: 'response',
        pointer: '/skillType',
      }),
    ]);
  });

  it("reports another host's operation as unknown on each proxy, naming the host it belongs to", async () => {
    await fetch(`${contactCenter.url}/rooms/r1`);
    await fetch(`${webex.url}/organization/${ORG}/skill/${SKILL}`);
    expect(contactCenter.violations().at(-1)).toMatchObject({
      operation: 'rooms.get',
      rule: 'unknown-operation',
      message:
        "rooms.get is served from the webex host, not this upstream's (contactCenter); proxy it with upstreamHost webex",
    });
    expect(webex.violations()).toEqual([
      expect.objectContaining({
        operation: 'contactCenter.skills.get',
        rule: 'unknown-operation',
        message: expect.stringContaining('served from the contactCenter host'),
      }),
    ]);
  });

  it("tells the host from the upstream URL: Contact Center's, Calling analytics', and no look-alike", () => {
    expect(hostOfUpstream('https://api.wxcc-eu1.cisco.com')).toBe('contactCenter');
    expect(hostOfUpstream('https://api.wxcc-eu1.cisco.com/')).toBe('contactCenter');
    expect(hostOfUpstream('https://api.wxcc-eu1.cisco.com.evil.example')).toBe('webex');
    expect(hostOfUpstream('https://webexapis.com/v1')).toBe('webex');
    expect(hostOfUpstream('https://analytics-calling.webexapis.com')).toBe('callingAnalytics');
  });

  it('refuses a host it does not know', async () => {
    await expect(startProxy({ upstream: upstream.url, upstreamHost: 'contactCentre', spec })).rejects.toThrow(
      'upstreamHost must be one of webex, callingAnalytics, contactCenter (got "contactCentre")',
    );
  });
});
