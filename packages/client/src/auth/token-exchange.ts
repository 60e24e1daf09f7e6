// The OAuth token exchange (`POST /access_token`, form-encoded, without the client's token):
// used by `webex.accessTokens` and by the refresh after a 401.
import type { AccessToken } from '@webex-ts/models';
import type { RequestOptions, ResourceCore } from '../core/resource.js';

/** Sends one token exchange (`operation` names it in errors: `accessTokens.get`) and returns the tokens. */
export function exchangeToken(
  core: ResourceCore,
  operation: string,
  form: Record<string, string>,
  options?: RequestOptions,
): Promise<AccessToken> {
  return core.call<AccessToken>(
    operation,
    'post',
    '/access_token',
    { body: new URLSearchParams(form), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
    { ...options, anonymous: true },
  );
}
