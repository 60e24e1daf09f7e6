// `POST /messages`, and `PUT`/`DELETE /messages/{id}` of messages the mock holds: Prism checks the request first (a
// request that breaks the spec gets Prism's answer, violations and all), then the mock answers from its store.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './answers.js';
import type { BotMessages } from './bot-messages.js';
import { askPrism, type PrismTarget, sendPrismAnswer } from './forward.js';
import { readMessageRequest } from './message-request.js';
import { decodeSegment } from '../path-segment.js';
import { parseJson } from './json-body.js';

/** A message write the mock keeps. */
export type MessageWrite = { kind: 'create' } | { kind: 'edit' | 'delete'; id: string };

/** The write `method path` is, when the mock keeps it: every create, and edits and deletes of held messages. */
export function messageWriteOf(method: string, path: string, messages: BotMessages): MessageWrite | undefined {
  if (method === 'POST' && path === '/messages') return { kind: 'create' };
  const id = /^\/messages\/([^/]+)$/.exec(path)?.[1];
  if (!id || (method !== 'PUT' && method !== 'DELETE')) return undefined;
  const held = messages.held(decodeSegment(id));
  if (!held) return undefined;
  return { kind: method === 'PUT' ? 'edit' : 'delete', id: held.id };
}

/** Who wrote the answer: Prism (a refusal, or a delete's empty 204) or the mock (the stored message). */
export interface WriteOutcome {
  status: number;
  answeredBy: 'prism' | 'mock';
}

/** Passes the write to Prism and, when Prism accepted it, applies it to the store and answers with the result. */
export async function answerMessageWrite(
  write: MessageWrite,
  prism: PrismTarget,
  messages: BotMessages,
  request: IncomingMessage,
  raw: Buffer,
  response: ServerResponse,
): Promise<WriteOutcome> {
  const method = request.method ?? 'POST';
  const answer = await askPrism(prism, request, raw, response);
  if (!answer) return { status: 502, answeredBy: 'mock' };
  const passOn = (): WriteOutcome => ({ status: sendPrismAnswer(response, answer), answeredBy: 'prism' });
  if (answer.status < 200 || answer.status >= 300) return passOn();
  if (write.kind === 'delete') {
    messages.delete(write.id);
    // Prism's 204 is already what Webex answers a delete.
    return passOn();
  }
  const { fields, uploads } = await readMessageRequest(raw, request.headers['content-type']);
  if (write.kind === 'create') {
    const message = messages.create(fields, uploads, parseJson(answer.body));
    return { status: sendJson(response, 200, message, method), answeredBy: 'mock' };
  }
  const edited = messages.edit(write.id, fields);
  if (edited === 'not-own')
    return {
      status: sendError(response, 403, 'Only the author of a message can edit it.', method),
      answeredBy: 'mock',
    };
  if (edited === 'not-held') return passOn();
  return { status: sendJson(response, 200, edited, method), answeredBy: 'mock' };
}
