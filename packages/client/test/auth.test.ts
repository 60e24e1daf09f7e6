import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { signGuestJwt, Webex, WebexApiError } from '../src/index.js';
import type { AccessToken } from '../src/index.js';
import { mockClient } from './mock.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('OAuth against the Prism mock (form-encoded bodies validated)', () => {
  const { webex, violations } = mockClient();
  afterEach(() => expect(violations).toEqual([]));

  it('accessTokens.get exchanges a code', async () => {
    const tokens = await webex.accessTokens.get({
      clientId: 'C1',
      clientSecret: 'S1',
      code: 'CODE',
      redirectUri: 'https://app.example/cb',
    });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('accessTokens.refresh trades a refresh token', async () => {
    expect(
      (await webex.accessTokens.refresh({ clientId: 'C1', clientSecret: 'S1', refreshToken: 'R1' })).expires_in,
    ).toBeGreaterThan(0);
  });

  it('Webex.fromOAuthCode returns a ready client and reports the tokens', async () => {
    const seen: AccessToken[] = [];
    const client = await Webex.fromOAuthCode(
      { clientId: 'C1', clientSecret: 'S1', code: 'CODE', redirectUri: 'https://app.example/cb' },
      { baseUrl: webex.baseUrl, onTokens: (t) => void seen.push(t) },
    );
    expect(seen).toHaveLength(1);
    expect((await client.people.me()).id).toBeTruthy();
  });

  it('guestIssuer.create signs a JWT and logs in with it', async () => {
    const token = await webex.guestIssuer.create({ sub: 'guest-1', name: 'Ada', iss: 'ISSUER', secret: btoa('k') });
    expect(token.token).toBeTruthy();
  });
});

describe('form encoding and headers, seen by a local server', () => {
  it('sends the exchange form-encoded, without the client token', async () => {
    server = await startServer((_req, res) => json(res, 200, { access_token: 'A2', expires_in: 10 }));
    const webex = new Webex({ accessToken: 'OLD', baseUrl: server.url });
    await webex.accessTokens.get({
      clientId: 'C 1',
      clientSecret: 'S&1',
      code: 'CODE',
      redirectUri: 'https://app.example/cb',
    });
    const [request] = server.requests;
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'C 1',
      client_secret: 'S&1',
      code: 'CODE',
      redirect_uri: 'https://app.example/cb',
    });
  });
});

describe('refresh and replay after a 401', () => {
  async function tokenServer() {
    let current = 'T1';
    let refreshes = 0;
    server = await startServer((req, res) => {
      if (req.url === '/access_token') {
        refreshes++;
        current = `T${refreshes + 1}`;
        return json(res, 200, { access_token: current, expires_in: 1209600, refresh_token: `R${refreshes + 1}` });
      }
      if (req.headers.authorization !== `Bearer ${current}`)
        return json(res, 401, { message: 'expired' }, { trackingid: 'T-401' });
      json(res, 200, { id: 'me', body: req.body });
    });
    return { refreshes: () => refreshes };
  }

  it('refreshes once, replays the request (body intact) and hands over the new tokens', async () => {
    const counter = await tokenServer();
    const stored: AccessToken[] = [];
    const webex = new Webex({
      accessToken: 'EXPIRED',
      baseUrl: server!.url,
      clientId: 'C1',
      clientSecret: 'S1',
      refreshToken: 'R1',
      onTokens: (tokens) => void stored.push(tokens),
    });
    const message = await webex.messages.create({ roomId: 'r', text: 'after refresh' });
    expect(message).toMatchObject({ id: 'me' });
    expect(JSON.parse((message as { body?: string }).body!)).toEqual({ roomId: 'r', text: 'after refresh' });
    expect(counter.refreshes()).toBe(1);
    expect(stored.map((t) => t.access_token)).toEqual(['T2']);
    const refresh = server!.requests.find((r) => r.url === '/access_token')!;
    expect(new URLSearchParams(refresh.body).get('refresh_token')).toBe('R1');
  });

  it('shares one refresh between concurrent calls', async () => {
    const counter = await tokenServer();
    const webex = new Webex({
      accessToken: 'EXPIRED',
      baseUrl: server!.url,
      clientId: 'C1',
      clientSecret: 'S1',
      refreshToken: 'R1',
    });
    await Promise.all([webex.people.me(), webex.people.me(), webex.people.me()]);
    expect(counter.refreshes()).toBe(1);
  });

  it('without refresh credentials a 401 is thrown as it is', async () => {
    await tokenServer();
    const webex = new Webex({ accessToken: 'EXPIRED', baseUrl: server!.url });
    await expect(webex.people.me()).rejects.toMatchObject({ status: 401, trackingId: 'T-401' });
    await expect(webex.people.me()).rejects.toBeInstanceOf(WebexApiError);
  });
});

describe('signGuestJwt', () => {
  it('matches a known HS256 vector (computed independently)', async () => {
    const jwt = await signGuestJwt(
      { sub: 'guest-42', name: 'Ada Guest', iss: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hYmM', exp: 1893456000 },
      'Z3Vlc3QtaXNzdWVyLXNlY3JldC1rZXktMDEyMzQ1Njc4OQ==',
    );
    expect(jwt).toBe(
      'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJndWVzdC00MiIsIm5hbWUiOiJBZGEgR3Vlc3QiLCJpc3MiOiJZMmx6WTI5emNHRnlhem92TDNWekwwOVNSMEZPU1ZwQlZFbFBUaTloWW1NIiwiZXhwIjoxODkzNDU2MDAwfQ.SHaXbt4aeDl16jhmhRyR02geRRFOrlYQZ7xNIyG9x-g',
    );
  });

  it('sends the JWT, not the client token, to /jwt/login', async () => {
    server = await startServer((_req, res) => json(res, 200, { token: 'G1', expiresIn: 3600 }));
    const webex = new Webex({ accessToken: 'CLIENT', baseUrl: server.url });
    await webex.guestIssuer.create({ sub: 'g-1', name: 'Ada', iss: 'I', secret: btoa('key'), exp: 1893456000 });
    expect(server.requests[0]!.headers.authorization).toMatch(/^Bearer eyJ0eXAiOiJKV1Qi/);
  });

  it('checks the subject', async () => {
    await expect(signGuestJwt({ sub: 'not ok!', name: 'A', iss: 'I' }, btoa('k'))).rejects.toThrow(
      /sub must be letters, digits and hyphens/,
    );
  });
});
