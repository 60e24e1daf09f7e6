// Webex.fromRefreshToken and Webex.fromOAuthCode against a loopback token endpoint: the form the
// server receives, and the bearer token the next call carries.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type SeenRequest, type TestServer } from '../../../test-utils/http-server.js';
import { Webex, WebexValidationError, type AccessToken } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A token endpoint that hands out `AT-<n>` / `RT-<n>` on each exchange, and an API
 * (`GET /people/me`) that accepts only the latest access token.
 */
async function startOAuthServer(): Promise<TestServer> {
  let issued = 0;
  let current = '';
  return startServer((req, res) => {
    if (req.method === 'POST' && req.url === '/access_token') {
      issued++;
      current = `AT-${issued}`;
      return json(res, 200, {
        access_token: current,
        expires_in: 1209599,
        refresh_token: `RT-${issued}`,
        refresh_token_expires_in: 7776000,
        token_type: 'Bearer',
      });
    }
    if (req.headers.authorization !== `Bearer ${current}`)
      return json(res, 401, {
        message: 'The request requires a valid access token set in the Authorization request header.',
      });
    json(res, 200, { id: 'PERSON-1', displayName: 'Ada' });
  });
}

const exchanges = (s: TestServer) => s.requests.filter((r) => r.url === '/access_token');
const form = (r: SeenRequest) => Object.fromEntries(new URLSearchParams(r.body));

describe('Webex.fromRefreshToken', () => {
  it('posts the refresh form and the next call carries the new token', async () => {
    server = await startOAuthServer();
    const heard: AccessToken[] = [];
    const webex = await Webex.fromRefreshToken(
      { clientId: 'CLIENT-ID', clientSecret: 'CLIENT-SECRET', refreshToken: 'STORED-RT' },
      { baseUrl: server.url, onTokens: (tokens) => void heard.push(tokens) },
    );
    const [exchange] = exchanges(server);
    expect(exchange).toBeDefined();
    expect(exchange!.method).toBe('POST');
    expect(exchange!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(exchange!.headers.authorization).toBeUndefined();
    expect(form(exchange!)).toEqual({
      grant_type: 'refresh_token',
      client_id: 'CLIENT-ID',
      client_secret: 'CLIENT-SECRET',
      refresh_token: 'STORED-RT',
    });
    expect(heard.map((t) => t.access_token)).toEqual(['AT-1']);

    const me = await webex.people.me();
    expect(me.id).toBe('PERSON-1');
    const call = server.requests.at(-1)!;
    expect(call.url).toBe('/people/me');
    expect(call.headers.authorization).toBe('Bearer AT-1');
  });

  it('refuses an empty refresh token before sending anything', async () => {
    server = await startOAuthServer();
    const error = await Webex.fromRefreshToken(
      { clientId: 'C', clientSecret: 'S', refreshToken: '' },
      { baseUrl: server.url },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexValidationError);
    expect(error).toMatchObject({ operation: 'accessTokens.refresh', parameter: 'refreshToken' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('Webex.fromOAuthCode', () => {
  const grant = {
    clientId: 'CLIENT-ID',
    clientSecret: 'CLIENT-SECRET',
    code: 'AUTH-CODE',
    redirectUri: 'https://app.example/callback',
  };

  it('posts the code form and the next call carries the new token', async () => {
    server = await startOAuthServer();
    const webex = await Webex.fromOAuthCode(grant, { baseUrl: server.url });
    const [exchange] = exchanges(server);
    expect(exchange!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(exchange!.headers.authorization).toBeUndefined();
    expect(form(exchange!)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'CLIENT-ID',
      client_secret: 'CLIENT-SECRET',
      code: 'AUTH-CODE',
      redirect_uri: 'https://app.example/callback',
    });

    await webex.people.me();
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer AT-1');
  });

  it('after a 401 refreshes with the refresh token it was given, and replays with the newer token', async () => {
    server = await startOAuthServer();
    const heard: string[] = [];
    const webex = await Webex.fromOAuthCode(grant, {
      baseUrl: server.url,
      onTokens: (t) => void heard.push(t.access_token),
    });
    await webex.people.me();
    // Someone else refreshes (AT-2 now current): this client's AT-1 gets a 401.
    await fetch(`${server.url}/access_token`, { method: 'POST' });
    const me = await webex.people.me();
    expect(me.id).toBe('PERSON-1');

    const refresh = exchanges(server)[2]!;
    expect(form(refresh)).toEqual({
      grant_type: 'refresh_token',
      client_id: 'CLIENT-ID',
      client_secret: 'CLIENT-SECRET',
      refresh_token: 'RT-1',
    });
    const calls = server.requests.filter((r) => r.url === '/people/me').map((r) => r.headers.authorization);
    expect(calls).toEqual(['Bearer AT-1', 'Bearer AT-1', 'Bearer AT-3']);
    expect(heard).toEqual(['AT-1', 'AT-3']);
  });
});
