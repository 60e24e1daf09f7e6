// The OAuth token exchange (`POST /access_token`, form-encoded, without the client's token):
// used by `webex.accessTokens` and by the refresh after a 401.
import type { AccessToken } from '@webex-ts/models';
import type { Core } from '../core/core.js';
import { parseBody } from '../errors/from-response.js';
import type { RequestOptions } from '../config/options.js';

/** Sends one token exchange and returns the tokens. */
export async function exchangeToken(
  core: Core,
  form: Record<string, string>,
  options?: RequestOptions,
): Promise<AccessToken> {
  const [request, sent] = await core.request(
    'post',
    '/access_token',
    { body: new URLSearchParams(form), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
    { ...options, anonymous: true },
  );
  return parseBody(request, sent.response, sent.body) as AccessToken;
}
