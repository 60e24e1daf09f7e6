export { Webex } from './webex.js';
export { createCore } from './create-core.js';
export type { Core } from './core/core.js';
export type { ResourceCore, OperationName, PagingConfig } from './core/resource.js';
export type { WebexOptions, RequestOptions, RequestEvent, ResponseEvent, Logger } from './options.js';
export { DEFAULT_BASE_URL, LONG_RETRY_WAIT_MS } from './options.js';
export {
  WebexError,
  WebexApiError,
  RateLimitError,
  MalformedResponseError,
  AccessTokenError,
  WebexTimeoutError,
  WebexConnectionError,
  WebexBodyReadError,
  WebexValidationError,
  FileInfectedError,
  FileUnscannableError,
  FileTooLargeError,
  redactUrl,
  type RateLimitErrorInit,
  type WebexErrorDetail,
  type SpecViolation,
} from './errors.js';
export { MESSAGE_MAX_BYTES, PEOPLE_MAX_IDS } from './checks.js';
export {
  ContentsApi,
  type ContentInfo,
  type ContentInfoOptions,
  type Download,
  type DownloadOptions,
} from './contents.js';
export { parseContentDisposition, safeFileName, type ContentDisposition } from './content-disposition.js';
export {
  AccessTokensApi,
  GuestIssuerApi,
  signGuestJwt,
  type OAuthCodeGrant,
  type OAuthRefreshGrant,
  type GuestClaims,
} from './auth.js';
export {
  MessagesApi,
  type CreateMessageInput,
  type MessageDestination,
  type MessageContent,
  type MessageFields,
  type ReplyInput,
  type LocalFile,
  type BrokenRule,
  type CheckedMessageInput,
  type CheckedReplyInput,
} from './messages.js';
export {
  ADAPTIVE_CARD_CONTENT_TYPE,
  adaptiveCard,
  cardInputIds,
  typedInputs,
  type AdaptiveCard,
  type CardElement,
  type CardElementBase,
  type CardAction,
  type CardInput,
  type CardInputBase,
  type CardInputIds,
  type TextBlock,
  type CardImage,
  type FactSet,
  type ColumnSet,
  type Column,
  type InputText,
  type InputChoiceSet,
  type InputToggle,
  type InputDate,
  type ActionSubmit,
  type ActionOpenUrl,
} from './cards.js';
export {
  createWebhookReceiver,
  WebhookDeliveryError,
  type RefusedOutcome,
  type WebhookReceiver,
  type WebhookReceiverOptions,
  type ReceivedWebhookEvent,
  type MessageCreatedEvent,
  type AttachmentActionEvent,
  type OtherWebhookEvent,
  type ReceivedMessage,
  type FailedDelivery,
  type ReceiverClient,
  type ReceiveResult,
  type ReceiveOutcome,
  type NodeRequestLike,
  type NodeResponseLike,
} from './webhook-receiver.js';
export { ensureWebhook, type WebhookSpec, type WebhookOperations } from './webhooks-ensure.js';
export { WebhooksApi } from './webhooks-api.js';
export { decodeId, encodeId, idKey, samePerson, teamIdToRoomId, WebexIdError, type WebexId } from './ids.js';
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
export {
  Paginated,
  PageLimitError,
  ForeignLinkError,
  PageFetchError,
  type Page,
  type RetryEvent,
} from '@webex-ts/paginate';
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
