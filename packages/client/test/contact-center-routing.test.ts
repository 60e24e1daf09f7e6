// Each operation goes to its own host's origin: requests, paging links, redirects and the token. Two loopback servers
// stand for webexapis.com and a Contact Center regional host.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, type SeenRequest, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  ForeignLinkError,
  Webex,
  WebexConnectionError,
  WebexValidationError,
  createContactCenterCore,
} from '../src/index.js';
import { linkPaging } from '@webex-ts/paginate';

const ORG = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
const SKILL = '6b1e0f3c-29d8-4a57-b6e4-0c9f2a7d8e15';
const skill = (id: string) => ({ id, name: `skill ${id.slice(0, 4)}`, skillType: 'Boolean' });

let webexHost: TestServer;
let contactCenterHost: TestServer;
/** What each server answers next; by default an empty JSON object. */
let answerWebex: (request: SeenRequest, response: Parameters<typeof json>[0]) => void;
let answerContactCenter: typeof answerWebex;

beforeEach(async () => {
  vi.stubEnv('WEBEX_CONTACT_CENTER_REGION', '');
  vi.stubEnv('WEBEX_CONTACT_CENTER_BASE_URL', '');
  answerWebex = (_, response) => json(response, 200, {});
  answerContactCenter = (_, response) => json(response, 200, {});
  webexHost = await startServer((request, response) => answerWebex(request, response));
  contactCenterHost = await startServer((request, response) => answerContactCenter(request, response));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([webexHost.close(), contactCenterHost.close()]);
});

const bothHosts = (options = {}) =>
  new Webex({
    accessToken: 'token-1',
    baseUrl: webexHost.url,
    contactCenter: { baseUrl: contactCenterHost.url },
    maxRetries: 0,
    ...options,
  });
const paths = (server: TestServer) => server.requests.map((request) => `${request.method} ${request.url}`);

describe('routing by host', () => {
  it("sends each operation to its own host's origin, with the token, and UUID ids as they are", async () => {
    answerContactCenter = (_, response) => json(response, 200, skill(SKILL));
    const webex = bothHosts();
    await webex.rooms.get('Y2lzY29zcGFyazovL3VzL1JPT00vYQ');
    expect((await webex.contactCenter.skills.get(ORG, SKILL)).id).toBe(SKILL);
    expect(paths(webexHost)).toEqual(['GET /rooms/Y2lzY29zcGFyazovL3VzL1JPT00vYQ']);
    expect(paths(contactCenterHost)).toEqual([`GET /organization/${ORG}/skill/${SKILL}`]);
    for (const request of [...webexHost.requests, ...contactCenterHost.requests])
      expect(request.headers.authorization).toBe('Bearer token-1');
  });

  it('refuses a Contact Center call without an origin, naming the option, before anything is sent', async () => {
    const webex = new Webex({ accessToken: 'token-1', baseUrl: webexHost.url });
    const call = webex.contactCenter.skills.get(ORG, SKILL);
    await expect(call).rejects.toThrow(WebexValidationError);
    await expect(call).rejects.toMatchObject({
      operation: 'contactCenter.skills.get',
      parameter: 'contactCenter',
      message: expect.stringContaining('contactCenter: { region }'),
    });
    expect(() => webex.contactCenter.teams.list(ORG)).toThrow(WebexValidationError);
    await webex.rooms.get('r');
    // The messaging host saw its own call only: nothing of Contact Center went to the origin that was configured.
    expect(paths(webexHost)).toEqual(['GET /rooms/r']);
  });

  it('refuses a region that would change the host at construction, before anything is sent', () => {
    expect(
      () =>
        new Webex({
          accessToken: 't',
          baseUrl: webexHost.url,
          contactCenter: { region: 'us1.evil.example#' as 'us1' },
        }),
    ).toThrow(WebexValidationError);
    expect(webexHost.requests).toEqual([]);
  });
});

describe('paging stays on its host', () => {
  it('iterates page-numbered envelopes to the totals, asking only the Contact Center host', async () => {
    const pages = [[skill('a0000000'), skill('a1111111')], [skill('a2222222')]];
    answerContactCenter = (request, response) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 0);
      json(response, 200, { meta: { page, pageSize: 2, totalPages: 2, totalRecords: 3 }, data: pages[page] ?? [] });
    };
    const names = [];
    for await (const found of bothHosts().contactCenter.skills.list(ORG, { pageSize: 2 })) names.push(found.id);
    expect(names).toEqual(['a0000000', 'a1111111', 'a2222222']);
    expect(paths(contactCenterHost)).toEqual([
      `GET /organization/${ORG}/v2/skill?pageSize=2`,
      `GET /organization/${ORG}/v2/skill?pageSize=2&page=1`,
    ]);
    expect(webexHost.requests).toEqual([]);
  });

  it('iterates bare-array pages until a short one', async () => {
    answerContactCenter = (request, response) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 0);
      json(response, 200, page === 0 ? [skill('b0000000'), skill('b1111111')] : [skill('b2222222')]);
    };
    const all = await bothHosts().contactCenter.skills.listV1(ORG, { pageSize: 2 }).toArray();
    expect(all.map((found) => found.id)).toEqual(['b0000000', 'b1111111', 'b2222222']);
    expect(contactCenterHost.requests).toHaveLength(2);
  });

  it('refuses a Contact Center page link to the other host, which never hears of it', async () => {
    answerContactCenter = (_, response) =>
      json(response, 200, { items: [skill('c0000000')] }, { link: `<${webexHost.url}/rooms?page=2>; rel="next"` });
    const core = createContactCenterCore({ accessToken: 'token-1', contactCenter: { baseUrl: contactCenterHost.url } });
    const listing = core.list(
      'contactCenter.skills.list',
      '/organization/{orgid}/skill',
      { params: { path: { orgid: ORG } } },
      undefined,
      linkPaging,
    );
    await expect(listing.toArray()).rejects.toThrow(ForeignLinkError);
    expect(webexHost.requests).toEqual([]);
  });

  it('refuses a Webex page link to the Contact Center host, which never hears of it', async () => {
    answerWebex = (_, response) =>
      json(response, 200, { items: [{ id: 'r' }] }, { link: `<${contactCenterHost.url}/rooms?cursor=x>; rel="next"` });
    await expect(bothHosts().rooms.list().toArray()).rejects.toThrow(ForeignLinkError);
    expect(contactCenterHost.requests).toEqual([]);
  });
});

describe('redirects and the token', () => {
  it('refuses the answer of a redirect to another origin; the token never reaches it', async () => {
    answerContactCenter = (_, response) => {
      response.writeHead(302, { location: `${webexHost.url.replace('127.0.0.1', 'localhost')}/stolen` });
      response.end();
    };
    const call = bothHosts().contactCenter.skills.get(ORG, SKILL);
    await expect(call).rejects.toThrow(WebexConnectionError);
    await expect(call).rejects.toThrow(/redirected to http:\/\/localhost:\d+, not http:\/\/127\.0\.0\.1:\d+/);
    for (const request of webexHost.requests) expect(request.headers.authorization).toBeUndefined();
  });

  it('shares one refresh between hosts: a 401 from Contact Center refreshes on webexapis.com, then both use the new token', async () => {
    let refreshed = false;
    answerWebex = (request, response) => {
      if (request.url === '/access_token') {
        refreshed = true;
        return json(response, 200, { access_token: 'token-2', expires_in: 3600, refresh_token: 'refresh-2' });
      }
      json(response, 200, { id: 'r' });
    };
    answerContactCenter = (request, response) =>
      request.headers.authorization === 'Bearer token-2' ? json(response, 200, skill(SKILL)) : json(response, 401, {});
    const webex = bothHosts({ refreshToken: 'refresh-1', clientId: 'id', clientSecret: 'secret' });
    expect((await webex.contactCenter.skills.get(ORG, SKILL)).id).toBe(SKILL);
    expect(refreshed).toBe(true);
    await webex.rooms.get('r');
    expect(webexHost.requests.at(-1)?.headers.authorization).toBe('Bearer token-2');
    // The refresh went anonymously to webexapis.com: never to the Contact Center host.
    expect(paths(contactCenterHost)).toEqual([
      `GET /organization/${ORG}/skill/${SKILL}`,
      `GET /organization/${ORG}/skill/${SKILL}`,
    ]);
  });
});

describe('createHttp through a Webex', () => {
  it("sends a path another host serves to that host's origin, with the token; the API's own paths stay home", async () => {
    answerContactCenter = (_, response) => json(response, 200, skill(SKILL));
    const { createHttp } = await import('../src/http.js');
    const http = createHttp(bothHosts());
    const { data } = await http.GET('/organization/{orgid}/skill/{id}', {
      params: { path: { orgid: ORG, id: SKILL } },
    });
    expect(data?.id).toBe(SKILL);
    await http.POST('/organization/{orgid}/skill', {
      params: { path: { orgid: ORG } },
      body: { name: 'Spanish', skillType: 'TEXT' } as never,
    });
    await http.GET('/rooms', { params: { query: { max: 2 } } });
    expect(paths(contactCenterHost)).toEqual([
      `GET /organization/${ORG}/skill/${SKILL}`,
      `POST /organization/${ORG}/skill`,
    ]);
    expect(JSON.parse(contactCenterHost.requests[1]!.body)).toEqual({ name: 'Spanish', skillType: 'TEXT' });
    expect(paths(webexHost)).toEqual(['GET /rooms?max=2']);
    for (const request of [...webexHost.requests, ...contactCenterHost.requests])
      expect(request.headers.authorization).toBe('Bearer token-1');
  });

  it('refuses a Contact Center path without its origin, naming the option, and sends nothing', async () => {
    const { createHttp } = await import('../src/http.js');
    const http = createHttp(new Webex({ accessToken: 'token-1', baseUrl: webexHost.url, maxRetries: 0 }));
    const refused = http.GET('/organization/{orgid}/skill/{id}', { params: { path: { orgid: ORG, id: SKILL } } });
    await expect(refused).rejects.toBeInstanceOf(WebexValidationError);
    await expect(refused).rejects.toThrow(/contactCenter/);
    expect(webexHost.requests).toEqual([]);
  });
});

describe('hostOfPath', () => {
  it("names each operation's own host for its path filled in, and no host for the API's own paths", async () => {
    const { operations } = await import('../src/gen/operations.gen.js');
    const { hostOfPath } = await import('../src/http-routes.js');
    const wrong = Object.entries(operations)
      .map(([name, operation]) => [name, operation.host, hostOfPath(operation.path.replace(/\{[^}]+\}/g, 'x-1'))])
      .filter(([, want, got]) => want !== got);
    expect(wrong).toEqual([]);
    expect(Object.values(operations).filter((operation) => operation.host === 'contactCenter').length).toBeGreaterThan(
      300,
    );
  });
});
