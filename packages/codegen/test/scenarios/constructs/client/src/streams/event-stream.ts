// The scenario's stream methods return the client's own `EventStream`, as the repository's do.
export { EventStream } from '../../../../../../../client/src/streams/event-stream.js';
