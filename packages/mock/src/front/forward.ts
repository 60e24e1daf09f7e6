// Passing a request to Prism and its answer back as it came: status, every header (`sl-violations` too) and body.
import { Agent, type IncomingMessage, request, type ServerResponse } from 'node:http';
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
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'host' || name === 'content-length') continue;
    headers[name] = value;
  }
  headers.host = `${target.host}:${target.port}`;
  if (body.length > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(incoming.method ?? 'GET'))
    headers['content-length'] = String(body.length);
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: target.host,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers,
        agent: target.agent,
      },
      (answer) => {
        const raw: string[] = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          const name = answer.rawHeaders[i]!;
          if (!HOP_BY_HOP.has(name.toLowerCase())) raw.push(name, answer.rawHeaders[i + 1]!);
        }
        const status = answer.statusCode ?? 502;
        response.writeHead(status, answer.statusMessage, raw);
        answer.pipe(response);
        answer.once('end', () => resolve(status));
        answer.once('error', () => {
          response.destroy();
          resolve(status);
        });
      },
    );
    outgoing.once('error', (error) => {
      if (response.headersSent) response.destroy();
      else
        sendError(
          response,
          502,
          `webex-mock: Prism (http://${target.host}:${target.port}) did not answer: ${error.message}`,
          incoming.method,
        );
      resolve(502);
    });
    outgoing.end(body);
  });
}
