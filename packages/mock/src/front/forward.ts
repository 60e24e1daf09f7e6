// Passing a request to Prism and its answer back as it came: status, every header (`sl-violations` too) and body.
import { Agent, type IncomingMessage, type IncomingHttpHeaders, request, type ServerResponse } from 'node:http';
import { sendError } from './answers.js';

// Hop-by-hop headers belong to each connection, not to the message.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'upgrade',
  'trailer',
]);

/** Where Prism listens, and one keep-alive agent for every forwarded request. */
export interface PrismTarget {
  host: string;
  port: number;
  agent: Agent;
}

/** A target for Prism on `host:port`. */
export function prismTarget(host: string, port: number): PrismTarget {
  return { host, port, agent: new Agent({ keepAlive: true }) };
}

/** Prism's whole answer, read before anything is written back: for the requests whose answer the mock may replace. */
export interface PrismAnswer {
  status: number;
  statusMessage: string | undefined;
  /** Name, value, name, value… as Prism sent them, without hop-by-hop headers. */
  rawHeaders: string[];
  body: Buffer;
}

/**
 * Sends the request (its body already read) to Prism and streams the answer back unchanged; resolves with the status
 * once the answer is written. Prism out of reach is a 502 naming it.
 */
export function forwardToPrism(
  target: PrismTarget,
  incoming: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = send(target, incoming, body, (answer) => {
      const status = answer.statusCode ?? 502;
      response.writeHead(status, answer.statusMessage, endToEnd(answer.rawHeaders));
      answer.pipe(response);
      answer.once('end', () => resolve(status));
      answer.once('error', () => {
        response.destroy();
        resolve(status);
      });
    });
    outgoing.once('error', (error) => {
      if (response.headersSent) response.destroy();
      else unreachable(target, error, incoming.method, response);
      resolve(502);
    });
  });
}

/**
 * Asks Prism and reads its whole answer, writing nothing: the caller decides whether it goes back as it came
 * ({@link sendPrismAnswer}) or is replaced. Undefined, after answering 502, when Prism is out of reach.
 */
export function askPrism(
  target: PrismTarget,
  incoming: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<PrismAnswer | undefined> {
  return new Promise((resolve, reject) => {
    const outgoing = send(target, incoming, body, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.once('error', reject);
      answer.once('end', () =>
        resolve({
          status: answer.statusCode ?? 502,
          statusMessage: answer.statusMessage,
          rawHeaders: endToEnd(answer.rawHeaders),
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.once('error', (error) => {
      unreachable(target, error, incoming.method, response);
      resolve(undefined);
    });
  });
}

/** Writes an answer read by {@link askPrism} back unchanged; returns its status. */
export function sendPrismAnswer(response: ServerResponse, answer: PrismAnswer): number {
  // Read whole, the body is sent at once: its length replaces any chunked framing Prism chose.
  const headers: string[] = [];
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    const name = answer.rawHeaders[i]!;
    if (name.toLowerCase() !== 'content-length') headers.push(name, answer.rawHeaders[i + 1]!);
  }
  headers.push('Content-Length', String(answer.body.length));
  response.writeHead(answer.status, answer.statusMessage, headers);
  response.end(answer.body);
  return answer.status;
}

function send(
  target: PrismTarget,
  incoming: IncomingMessage,
  body: Buffer,
  onAnswer: (answer: IncomingMessage) => void,
) {
  const outgoing = request(
    {
      host: target.host,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: requestHeaders(target, incoming.headers, incoming.method, body),
      agent: target.agent,
    },
    onAnswer,
  );
  outgoing.end(body);
  return outgoing;
}

function requestHeaders(
  target: PrismTarget,
  given: IncomingHttpHeaders,
  method: string | undefined,
  body: Buffer,
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'host' || name === 'content-length') continue;
    headers[name] = value;
  }
  headers.host = `${target.host}:${target.port}`;
  if (body.length > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method ?? 'GET'))
    headers['content-length'] = String(body.length);
  return headers;
}

function endToEnd(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, rawHeaders[i + 1]!);
  }
  return kept;
}

function unreachable(target: PrismTarget, error: Error, method: string | undefined, response: ServerResponse): void {
  sendError(
    response,
    502,
    `webex-mock: Prism (http://${target.host}:${target.port}) did not answer: ${error.message}`,
    method,
  );
}
