// The websocket event source (experimental: built on an undocumented Webex service).
export { listenForEvents, type EventStream, type ListenForEventsOptions } from './listen.js';
export { socketTransport, type SocketTransport, type SocketTransportOptions } from './transport.js';
export type { RealtimeOptions, RealtimeTiming } from './options.js';
export type { RealtimeStatus } from './source.js';
export type { AccessTokenSource } from './tokens.js';
export type { BackfillOptions } from './backfill.js';
export type { BackoffPolicy } from './backoff.js';
export type { WebSocketConstructor, WebSocketLike } from './socket.js';
export type { SourceClient } from './events.js';
export { SOCKET_ENVELOPE_NAME } from './events.js';
export { DEFAULT_CATALOG_URL } from './catalog.js';
export { WEBEX_DOMAINS } from './trust.js';
export {
  RealtimeError,
  RealtimeAuthError,
  RealtimeClosedError,
  UntrustedUrlError,
  DeviceServiceError,
} from './errors.js';
