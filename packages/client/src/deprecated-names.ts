// Names the client had before every class `webex` holds was named `…Resource`; each goes in 0.3.0.
import { AccessTokensResource } from './auth/access-tokens-resource.js';
import { GuestIssuerResource } from './auth/guest-issuer-resource.js';
import { ContentsResource } from './files/contents-resource.js';
import { MessagesResource } from './messages/messages-resource.js';
import { WebhooksResource } from './webhooks/webhooks-resource.js';

/** @deprecated Renamed `MessagesResource` (the class of `webex.messages`). Goes in 0.3.0. */
export const MessagesApi = MessagesResource;
/** @deprecated Renamed `MessagesResource` (the class of `webex.messages`). Goes in 0.3.0. */
export type MessagesApi = MessagesResource;
/** @deprecated Renamed `WebhooksResource` (the class of `webex.webhooks`). Goes in 0.3.0. */
export const WebhooksApi = WebhooksResource;
/** @deprecated Renamed `WebhooksResource` (the class of `webex.webhooks`). Goes in 0.3.0. */
export type WebhooksApi = WebhooksResource;
/** @deprecated Renamed `ContentsResource` (the class of `webex.contents`). Goes in 0.3.0. */
export const ContentsApi = ContentsResource;
/** @deprecated Renamed `ContentsResource` (the class of `webex.contents`). Goes in 0.3.0. */
export type ContentsApi = ContentsResource;
/** @deprecated Renamed `AccessTokensResource` (the class of `webex.accessTokens`). Goes in 0.3.0. */
export const AccessTokensApi = AccessTokensResource;
/** @deprecated Renamed `AccessTokensResource` (the class of `webex.accessTokens`). Goes in 0.3.0. */
export type AccessTokensApi = AccessTokensResource;
/** @deprecated Renamed `GuestIssuerResource` (the class of `webex.guestIssuer`). Goes in 0.3.0. */
export const GuestIssuerApi = GuestIssuerResource;
/** @deprecated Renamed `GuestIssuerResource` (the class of `webex.guestIssuer`). Goes in 0.3.0. */
export type GuestIssuerApi = GuestIssuerResource;
