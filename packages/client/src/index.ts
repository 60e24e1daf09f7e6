export { Webex } from './webex.js';
export { createCore, createContactCenterCore, createCallingAnalyticsCore } from './create-core.js';
export type { Core } from './core/core.js';
export type {
  ResourceCore,
  OperationName,
  PagingConfig,
  PagingFactory,
  PagingNames,
  RequestOptions,
  CallInput,
  CallOptions,
  HttpMethod,
  Streamed,
} from './core/resource.js';
export type {
  WebexOptions,
  CoreOptions,
  ContactCenterOptions,
  ContactCenterRegion,
  CallingAnalyticsOptions,
  RequestEvent,
  ResponseEvent,
  Logger,
} from './config/options.js';
export { DEFAULT_BASE_URL, LONG_RETRY_WAIT_MS, CONTACT_CENTER_REGIONS } from './config/options.js';
export type { HostName } from './core/operation-info.js';
export {
  WebexError,
  WebexApiError,
  RateLimitError,
  MalformedResponseError,
  MalformedStreamError,
  AccessTokenError,
  WebexTimeoutError,
  WebexConnectionError,
  WebexBodyReadError,
  WebexValidationError,
  FileInfectedError,
  FileUnscannableError,
  FileTooLargeError,
  type RateLimitErrorInit,
  type WebexErrorDetail,
  type SpecViolation,
} from './errors/classes.js';
export { redactUrl } from './errors/redact-url.js';
export { EventStream } from './streams/event-stream.js';
export {
  waitForJob,
  type CallingJobResource,
  type CallingJobErrorsAnswer,
  type WaitForJobOptions,
} from './calling/jobs.js';
export { CallingJobError, CallingJobTimeoutError } from './calling/job-errors.js';
export { readServerSentEvents, type ServerSentEvent } from './streams/server-sent-events.js';
export { MESSAGE_MAX_BYTES, PEOPLE_MAX_IDS } from './checks.js';
export {
  ContentsResource,
  type ContentInfo,
  type ContentInfoOptions,
  type Download,
  type DownloadOptions,
} from './files/contents-resource.js';
export { parseContentDisposition, safeFileName, type ContentDisposition } from './files/content-disposition.js';
export { AccessTokensResource, type OAuthCodeGrant, type OAuthRefreshGrant } from './auth/access-tokens-resource.js';
export { GuestIssuerResource, signGuestJwt, type GuestClaims } from './auth/guest-issuer-resource.js';
export { MessagesResource } from './messages/messages-resource.js';
export type {
  CreateMessageInput,
  MessageDestination,
  MessageContent,
  MessageFields,
  ReplyInput,
  BrokenRule,
  CheckedMessageInput,
  CheckedReplyInput,
} from './messages/message-input.js';
export type { LocalFile } from './files/local-file.js';
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
} from './messages/cards.js';
export { WebhookDeliveryError, type RefusedOutcome } from './webhooks/delivery-error.js';
export type { NodeRequestLike, NodeResponseLike } from './webhooks/node-adapter.js';
export {
  createWebhookReceiver,
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
} from './webhooks/receiver.js';
export { ensureWebhook, type WebhookSpec, type WebhookOperations } from './webhooks/ensure.js';
export { WebhooksResource } from './webhooks/webhooks-resource.js';
export { decodeId, encodeId, idKey, samePerson, teamIdToRoomId, WebexIdError, type WebexId } from './ids/webex-ids.js';
export { verifyWebhookSignature, SIGNATURE_HEADER } from './webhooks/signature.js';
export {
  parseWebhookEvent,
  isKnownWebhookEvent,
  WebhookPayloadError,
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
} from './webhooks/envelope.js';
export * from './gen/resources.gen.js';
export { MessagesApi, WebhooksApi, ContentsApi, AccessTokensApi, GuestIssuerApi } from './deprecated-names.js';
export {
  Paginated,
  PageLimitError,
  ForeignLinkError,
  PageFetchError,
  RequestGate,
  type GateOptions,
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
} from './messages/mentions.js';
