// Calling's reports go to the Calling analytics origin: requests, paging links, redirects and the token. Two loopback
// servers stand for webexapis.com and analytics-calling.webexapis.com.
import { linkPaging } from '@webex-ts/paginate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, type SeenRequest, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { ForeignLinkError, Webex, WebexConnectionError, createCallingAnalyticsCore } from '../src/index.js';

const WINDOW = { startTime: '2026-05-12T13:00:00.000Z', endTime: '2026-05-12T20:00:00.000Z' };
const record = (reportId: string) => ({ 'Report ID': reportId, 'Call ID': `call-${reportId}`, Duration: 42 });

let webexHost: TestServer;
let analyticsHost: TestServer;
/** What each server answers next; by default an empty page. */
let answerWebex: (request: SeenRequest, response: Parameters<typeof json>[0]) => void;
let answerAnalytics: typeof answerWebex;

beforeEach(async () => {
  vi.stubEnv('WEBEX_CALLING_ANALYTICS_BASE_URL', '');
  answerWebex = (_, response) => json(response, 200, {});
  answerAnalytics = (_, response) => json(response, 200, { items: [] });
  webexHost = await startServer((request, response) => answerWebex(request, response));
  analyticsHost = await startServer((request, response) => answerAnalytics(request, response));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([webexHost.close(), analyticsHost.close()]);
});

const bothHosts = (options = {}) =>
  new Webex({
    accessToken: 'token-1',
    baseUrl: webexHost.url,
    callingAnalytics: { baseUrl: analyticsHost.url },
    maxRetries: 0,
    ...options,
  });
const paths = (server: TestServer) => server.requests.map((request) => `${request.method} ${request.url}`);
const pathOf = (request: SeenRequest) => new URL(request.url, 'http://x').pathname;

describe('routing by host', () => {
  it("sends the call history to the analytics origin under /v1, with the token and the window's query", async () => {
    answerAnalytics = (_, response) => json(response, 200, { items: [record('r1')] });
    const webex = bothHosts();
    await webex.rooms.get('Y2lzY29zcGFyazovL3VzL1JPT00vYQ');
    const records = await webex.calling.detailedCallHistory.listFeed({ ...WINDOW, locations: 'San Jose' }).toArray();
    expect(records.map((found) => found['Report ID'])).toEqual(['r1']);
    await webex.calling.detailedCallHistory.listStream(WINDOW).toArray();
    expect(paths(webexHost)).toEqual(['GET /rooms/Y2lzY29zcGFyazovL3VzL1JPT00vYQ']);
    expect(analyticsHost.requests.map(pathOf)).toEqual(['/v1/cdr_feed', '/v1/cdr_stream']);
    const query = new URL(analyticsHost.requests[0]!.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ ...WINDOW, locations: 'San Jose' });
    for (const request of [...webexHost.requests, ...analyticsHost.requests])
      expect(request.headers.authorization).toBe('Bearer token-1');
  });

  it("is not moved by the API's baseUrl: without its own setting it is the commercial analytics host", () => {
    vi.stubEnv('WEBEX_ACCESS_TOKEN', '');
    const core = createCallingAnalyticsCore({ accessToken: 't', baseUrl: webexHost.url });
    expect(core.baseUrl).toBe('https://analytics-calling.webexapis.com');
  });
});

describe('paging stays on its host', () => {
  it('follows next links on the analytics host, asking only it', async () => {
    answerAnalytics = (request, response) => {
      const cursor = new URL(request.url, 'http://x').searchParams.get('cursor');
      if (cursor === null) {
        const next = `${analyticsHost.url}/v1/cdr_feed?${new URLSearchParams({ ...WINDOW, cursor: 'page-2' })}`;
        return json(response, 200, { items: [record('a'), record('b')] }, { link: `<${next}>; rel="next"` });
      }
      json(response, 200, { items: [record('c')] });
    };
    const records = await bothHosts()
      .calling.detailedCallHistory.listFeed({ ...WINDOW, max: 2 })
      .toArray();
    expect(records.map((found) => found['Report ID'])).toEqual(['a', 'b', 'c']);
    expect(analyticsHost.requests).toHaveLength(2);
    expect(webexHost.requests).toEqual([]);
  });

  it('refuses an analytics page link to webexapis.com, which never hears of it', async () => {
    answerAnalytics = (_, response) =>
      json(response, 200, { items: [record('a')] }, { link: `<${webexHost.url}/rooms?cursor=x>; rel="next"` });
    await expect(bothHosts().calling.detailedCallHistory.listStream(WINDOW).toArray()).rejects.toThrow(
      ForeignLinkError,
    );
    expect(webexHost.requests).toEqual([]);
  });

  it('refuses a link from the core a slim bundle builds too', async () => {
    answerAnalytics = (_, response) =>
      json(response, 200, { items: [record('a')] }, { link: `<${webexHost.url}/v1/cdr_feed?page=2>; rel="next"` });
    const core = createCallingAnalyticsCore({
      accessToken: 'token-1',
      callingAnalytics: { baseUrl: analyticsHost.url },
    });
    const listing = core.list(
      'calling.detailedCallHistory.listFeed',
      '/v1/cdr_feed',
      { params: { query: WINDOW } },
      undefined,
      linkPaging,
    );
    await expect(listing.toArray()).rejects.toThrow(ForeignLinkError);
    expect(webexHost.requests).toEqual([]);
  });

  it('refuses a Webex page link to the analytics host, which never hears of it', async () => {
    answerWebex = (_, response) =>
      json(response, 200, { items: [{ id: 'r' }] }, { link: `<${analyticsHost.url}/rooms?cursor=x>; rel="next"` });
    await expect(bothHosts().rooms.list().toArray()).rejects.toThrow(ForeignLinkError);
    expect(analyticsHost.requests).toEqual([]);
  });
});

describe('redirects and the token', () => {
  it('refuses the answer of a redirect to another origin; the token never reaches it', async () => {
    answerAnalytics = (_, response) => {
      response.writeHead(302, { location: `${webexHost.url.replace('127.0.0.1', 'localhost')}/stolen` });
      response.end();
    };
    const call = bothHosts().calling.detailedCallHistory.listFeed(WINDOW).toArray();
    await expect(call).rejects.toThrow(WebexConnectionError);
    for (const request of webexHost.requests) expect(request.headers.authorization).toBeUndefined();
  });

  it('refreshes on webexapis.com after a 401 from the analytics host, never on the analytics host', async () => {
    answerWebex = (request, response) => {
      if (request.url === '/access_token')
        return json(response, 200, { access_token: 'token-2', expires_in: 3600, refresh_token: 'refresh-2' });
      json(response, 200, { id: 'r' });
    };
    answerAnalytics = (request, response) =>
      request.headers.authorization === 'Bearer token-2'
        ? json(response, 200, { items: [record('r2')] })
        : json(response, 401, { message: 'expired' });
    const webex = bothHosts({ refreshToken: 'refresh-1', clientId: 'id', clientSecret: 'secret' });
    const records = await webex.calling.detailedCallHistory.listFeed(WINDOW).toArray();
    expect(records.map((found) => found['Report ID'])).toEqual(['r2']);
    expect(paths(webexHost)).toEqual(['POST /access_token']);
    expect(analyticsHost.requests.map(pathOf)).toEqual(['/v1/cdr_feed', '/v1/cdr_feed']);
    await webex.rooms.get('r');
    expect(webexHost.requests.at(-1)?.headers.authorization).toBe('Bearer token-2');
  });
});
