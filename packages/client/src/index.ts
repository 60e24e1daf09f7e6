export { Webex } from './webex.js';
export { createCore } from './create-core.js';
export type { Core } from './core/core.js';
export type { ResourceCore, OperationName, PagingConfig } from './core/resource.js';
export type { WebexOptions, RequestOptions, RequestEvent, ResponseEvent, Logger } from './options.js';
export { DEFAULT_BASE_URL } from './options.js';
export {
  WebexError,
  WebexApiError,
  RateLimitError,
  MalformedResponseError,
  AccessTokenError,
  WebexTimeoutError,
  WebexConnectionError,
  WebexValidationError,
  redactUrl,
  type WebexErrorDetail,
} from './errors.js';
export { MESSAGE_MAX_BYTES, PEOPLE_MAX_IDS } from './checks.js';
export { AccessTokensApi, GuestIssuerApi, signGuestJwt, type OAuthCodeGrant, type OAuthRefreshGrant, type GuestClaims } from './auth.js';
export { MessagesApi, type CreateMessageInput, type LocalFile } from './messages.js';
export { decodeId, encodeId, teamIdToRoomId, WebexIdError, type WebexId } from './ids.js';
export {
  verifyWebhookSignature,
  parseWebhookEvent,
  isKnownWebhookEvent,
  WebhookPayloadError,
  SIGNATURE_HEADER,
  type WebhookEnvelope,
  type KnownWebhookEvent,
  type UnknownWebhookEvent,
  type KnownWebhookResource,
  type UnknownWebhookResource,
  type UnknownWebhookEventName,
  type MessageWebhookData,
  type MembershipWebhookData,
  type RoomWebhookData,
  type AttachmentActionWebhookData,
  type MeetingWebhookData,
} from './webhooks.js';
export * from './gen/resources.gen.js';
export type { paths, components, operations } from './gen/openapi.gen.js';
export { Paginated, PageLimitError, ForeignLinkError, type Page, type RetryEvent } from '@webex-ts/paginate';
export type * from '@webex-ts/models';
export {
  mention,
  md,
  escapeMarkdown,
  rawMarkdown,
  isMarkdownFragment,
  mentions,
  commandText,
  replyTo,
  type Mention,
  type MarkdownFragment,
  type Mentions,
  type MentionedMessage,
  type CommandTextOptions,
  type ReplyParent,
} from './mentions.js';
