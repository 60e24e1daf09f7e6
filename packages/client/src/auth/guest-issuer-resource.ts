// `webex.guestIssuer`: a guest's access token from a JWT signed with the guest issuer's secret.
import type { GuestIssuerToken } from '@webex-ts/models';
import type { RequestOptions, ResourceCore } from '../core/resource.js';
import { WebexValidationError } from '../errors/classes.js';
import { fromBase64, toBase64Url } from '../ids/base64url.js';

/** The claims of a guest-issuer JWT. */
export interface GuestClaims {
  /** The guest's unique user id in your app: letters, digits and hyphens. */
  sub: string;
  /** The guest's display name. */
  name: string;
  /** The guest issuer id. */
  iss: string;
  /** Expiry, in Unix seconds. Default: one hour from now. */
  exp?: number;
}

/**
 * Signs a guest-issuer JWT (HS256) with Web Crypto. The issuer secret is
 * base64 and is decoded before use as the HMAC key.
 */
export async function signGuestJwt(claims: GuestClaims, secret: string): Promise<string> {
  if (!/^[A-Za-z0-9-]+$/.test(claims.sub))
    throw new WebexValidationError('guestIssuer.create', 'sub', 'sub must be letters, digits and hyphens');
  for (const name of ['name', 'iss'] as const) {
    if (!claims[name]) throw new WebexValidationError('guestIssuer.create', name, `${name} is required`);
  }
  let key: Uint8Array;
  try {
    key = fromBase64(secret);
  } catch {
    throw new WebexValidationError('guestIssuer.create', 'secret', 'secret must be the base64 guest issuer secret');
  }
  const encoder = new TextEncoder();
  const payload = {
    sub: claims.sub,
    name: claims.name,
    iss: claims.iss,
    exp: claims.exp ?? Math.floor(Date.now() / 1000) + 3600,
  };
  const unsigned = `${toBase64Url(encoder.encode(JSON.stringify({ typ: 'JWT', alg: 'HS256' })))}.${toBase64Url(encoder.encode(JSON.stringify(payload)))}`;
  const hmac = await crypto.subtle.importKey(
    'raw',
    key as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(unsigned)));
  return `${unsigned}.${toBase64Url(signature)}`;
}

/** Guest issuer logins (`POST /jwt/login`). Reached as `webex.guestIssuer`. Deprecated by Webex in favour of `guestManagement`. */
export class GuestIssuerResource {
  /** Built on a core from `new Webex()` or `createCore()`; the call sends the guest's JWT, not the core's token. */
  constructor(private readonly core: ResourceCore) {}

  /** Signs a JWT for the guest and exchanges it for the guest's access token. */
  async create(claims: GuestClaims & { secret: string }, options?: RequestOptions): Promise<GuestIssuerToken> {
    const jwt = await signGuestJwt(claims, claims.secret);
    return this.core.call<GuestIssuerToken>(
      'guestIssuer.create',
      'post',
      '/jwt/login',
      { headers: { Authorization: `Bearer ${jwt}` } },
      { ...options, anonymous: true },
    );
  }
}
