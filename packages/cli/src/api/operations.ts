// The operations `webex api` can call: the client's generated operation table, read as data.
import { type OperationInfo, type OperationName, operations } from '@webex-ts/client/operations';

/** One callable operation: its table entry and its name. */
export interface Operation extends OperationInfo {
  /** `rooms.list`, `scim.users.get`. */
  readonly name: OperationName;
}

/**
 * How an operation calls the core: a listing, a stream of events (server-sent events, read as they come), one text
 * answer, or one JSON answer (or none).
 */
export function callKind(operation: OperationInfo): 'list' | 'stream' | 'callText' | 'call' {
  if (operation.paging) return 'list';
  if (operation.stream === 'sse') return 'stream';
  return operation.answer?.contentType === 'text/plain' ? 'callText' : 'call';
}

/**
 * Fixed headers a call sends: the body's content type, when it is not JSON (a JSON Patch, say), and, for a stream,
 * its answer's content type as what it accepts (`text/event-stream`), as the generated methods send them.
 */
export function fixedHeaders(operation: OperationInfo): Record<string, string> {
  const type = operation.body?.contentType;
  const answer = operation.stream ? operation.answer?.contentType : undefined;
  return {
    ...(type && type !== 'application/json' ? { 'Content-Type': type } : {}),
    ...(answer ? { Accept: answer } : {}),
  };
}

/** Every operation's name, in alphabetical order. */
export function operationNames(): OperationName[] {
  return (Object.keys(operations) as OperationName[]).sort((a, b) => a.localeCompare(b));
}

/** The operation called `name`, or undefined when there is none. */
export function findOperation(name: string): Operation | undefined {
  if (!Object.hasOwn(operations, name)) return undefined;
  const known = name as OperationName;
  return { name: known, ...operations[known] };
}
