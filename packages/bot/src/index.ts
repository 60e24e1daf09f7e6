export { createBot, Bot } from './bot.js';
export type {
  BotEvents,
  BotEventKind,
  BotIdentity,
  BotOptions,
  BotSettings,
  CommandOptions,
  HearsOptions,
  Refusal,
  StopOptions,
  StopResult,
} from './bot.js';
export type {
  BotContext,
  CardSubmitContext,
  CardSubmitHandler,
  CommandContext,
  Content,
  ContextCardOptions,
  EventContext,
  HearsContext,
  MembershipContext,
  MessageContext,
  MessageDeletedContext,
  RoomRef,
  SendCardOptions,
  Sender,
} from './context.js';
export type { AccessRules, RefusalReason } from './access.js';
export {
  helpText,
  parseCommandLine,
  splitArgs,
  type HelpEntry,
  type HelpTextOptions,
  type CommandLine,
} from './commands.js';
export { withCardId, CARD_ID_FIELD } from './card-routes.js';
export type { QueueLimits } from './queue.js';
export { BotUnavailableError, type UnavailableReason } from './errors.js';
export type { BotTransport, TransportContext } from './transport.js';
export {
  webhookTransport,
  type WebhookTransport,
  type WebhookTransportOptions,
  type ListenOptions,
  type ListeningServer,
  type WebhookSpecOptions,
} from './webhook-transport.js';
export {
  listenForEvents,
  socketTransport,
  SOCKET_ENVELOPE_NAME,
  DEFAULT_CATALOG_URL,
  WEBEX_DOMAINS,
  RealtimeError,
  RealtimeAuthError,
  RealtimeClosedError,
  UntrustedUrlError,
  DeviceServiceError,
  type EventStream,
  type ListenForEventsOptions,
  type SocketTransport,
  type SocketTransportOptions,
  type RealtimeOptions,
  type RealtimeTiming,
  type RealtimeStatus,
  type AccessTokenSource,
  type BackfillOptions,
  type BackoffPolicy,
  type WebSocketConstructor,
  type WebSocketLike,
  type SourceClient,
} from './realtime/index.js';
