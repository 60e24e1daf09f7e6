// The validating proxy: forwards every request to the upstream unchanged and checks both directions against the spec.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { checkRequest, checkResponse, type PlacedIssue } from './check-exchange.js';
import { hostNames, hostOfOperation, hostOfUpstream } from './hosts.js';
import { redactPath } from './redact.js';
import { loadSpec } from './spec.js';
import type { ContractViolation } from './violation.js';

/** Options of `startProxy`. */
export interface ProxyOptions {
  /** Where to forward, e.g. `https://webexapis.com/v1` (the path prefix is kept). */
  upstream: string;
  /**
   * Which of the API's hosts the upstream is, so that only its operations are checked (a request for another
   * host's path is an `unknown-operation`): `webex` (webexapis.com) or `contactCenter`. Default: the host whose
   * server the upstream URL fits (`https://api.wxcc-eu1.cisco.com` is `contactCenter`), else `webex`.
   */
  upstreamHost?: string;
  /** Port on the host; a free one when omitted. */
  port?: number;
  /** Host to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Spec to check against. Default: the client's bundled spec. */
  spec?: string;
  /** Called for each violation as it is found (the `webex-mock proxy` command prints them). */
  onViolation?: (violation: ContractViolation) => void;
  /** The fetch used to reach the upstream. Default: the global one. */
  fetch?: typeof fetch;
  /**
   * How long the upstream has to answer in full (status, headers and body), in ms; past it the proxy gives up
   * and answers 504 naming the timeout. Default 30 000 (shorter than the client's own 60 s, so the 504 is seen).
   */
  upstreamTimeoutMs?: number;
}

/** A running proxy. Point a client's `baseUrl` at `url`. */
export interface ContractProxy {
  url: string;
  port: number;
  /** Every violation so far, oldest first. */
  violations(): ContractViolation[];
  /** How many requests went through. */
  requests(): number;
  stop(): Promise<void>;
}

// Hop-by-hop headers belong to each connection, not to the message; `accept-encoding` is dropped so the upstream answers
// in plain bytes the proxy can check and pass on as they came.
const REQUEST_SKIP = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'content-length',
  'accept-encoding',
]);
const RESPONSE_SKIP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'set-cookie',
]);

const DEFAULT_UPSTREAM_TIMEOUT = 30_000;
// setTimeout's own limit: a longer delay fires at once.
const MAX_TIMER = 2 ** 31 - 1;

/** Starts a proxy on loopback that forwards to `upstream` and records every contract violation on the way. */
export async function startProxy(options: ProxyOptions): Promise<ContractProxy> {
  const upstream = parseUpstream(options.upstream);
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMER)
    throw new TypeError(
      `upstreamTimeoutMs should be a whole number of ms from 1 to ${MAX_TIMER}, got ${String(options.upstreamTimeoutMs)}`,
    );
  const apiHost = options.upstreamHost ?? hostOfUpstream(upstream.base);
  if (!hostNames().includes(apiHost))
    throw new TypeError(`upstreamHost must be one of ${hostNames().join(', ')} (got ${JSON.stringify(apiHost)})`);
  const spec = loadSpec(options.spec);
  const send = options.fetch ?? fetch;
  const found: ContractViolation[] = [];
  let count = 0;
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    count++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const routed = spec.find(method, url.pathname);
    // An operation of another host is none of this upstream's: its path reaching here is a mistake to report.
    const elsewhere = routed && hostOfOperation(routed.operation.label);
    const match = elsewhere === apiHost ? routed : undefined;
    const unknown = (message: string): PlacedIssue[] => [
      { where: 'request', part: 'path', pointer: '', rule: 'unknown-operation', message },
    ];
    const issues: PlacedIssue[] = match
      ? checkRequest(spec, match.operation, match.pathParams, url.searchParams, req.headers['content-type'] ?? '', body)
      : routed
        ? unknown(
            `${routed.operation.label} is served from the ${elsewhere} host, not this upstream's (${apiHost}); proxy it with upstreamHost ${elsewhere}`,
          )
        : unknown(`the spec has no ${method} operation for this path`);

    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || REQUEST_SKIP.has(name)) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    let answer: Response;
    let answerBody: Buffer;
    // One deadline for the whole answer: an upstream that sends its headers and then stalls is as stuck as a silent one.
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      answer = await send(`${upstream.base}${url.pathname}${url.search}`, {
        method,
        headers,
        body: body.length > 0 && method !== 'GET' && method !== 'HEAD' ? body : undefined,
        redirect: 'manual',
        signal,
      });
      answerBody = Buffer.from(await answer.arrayBuffer());
    } catch (error) {
      if (signal.aborted) {
        res.writeHead(504, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            message: `webex-mock proxy: the upstream ${upstream.shown} did not answer in full within ${timeoutMs} ms`,
          }),
        );
        record(issues, undefined);
        return;
      }
      res.writeHead(502, { 'content-type': 'application/json' });
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      res.end(
        JSON.stringify({ message: `webex-mock proxy could not reach the upstream ${upstream.shown}: ${reason}` }),
      );
      record(issues, undefined);
      return;
    }
    if (match) issues.push(...checkResponse(spec, match.operation, answer.status, answer.headers, answerBody));
    // Recorded before the answer leaves, so a caller that awaited its request sees the violations.
    record(issues, answer.status);

    res.statusCode = answer.status;
    answer.headers.forEach((value, name) => {
      if (RESPONSE_SKIP.has(name)) return;
      res.setHeader(name, name === 'link' ? rewriteLink(value, upstream.base, origin) : value);
    });
    const cookies = answer.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    if (answerBody.length) res.setHeader('content-length', answerBody.length);
    res.end(answerBody);

    function record(list: PlacedIssue[], status: number | undefined) {
      for (const issue of list) {
        const violation: ContractViolation = {
          operation: (match ?? routed)?.operation.label ?? '(unknown)',
          method,
          path: redactPath(`${url.pathname}${url.search}`),
          status,
          where: issue.where,
          part: issue.part,
          pointer: issue.pointer,
          rule: issue.rule,
          message: issue.message,
        };
        found.push(violation);
        options.onViolation?.(violation);
      }
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          message: `webex-mock proxy failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    port,
    violations: () => [...found],
    requests: () => count,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function parseUpstream(raw: string): { base: string; shown: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('upstream must be an absolute http(s) URL such as https://webexapis.com/v1');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`upstream must be an http(s) URL such as https://webexapis.com/v1 (got a ${url.protocol} URL)`);
  if (url.username || url.password || url.search || url.hash)
    throw new TypeError(
      'upstream must be a plain base URL: no credentials, query or fragment (e.g. https://webexapis.com/v1)',
    );
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { base, shown: base };
}

/** Points each `Link` target under the upstream base at the proxy instead, so paging keeps going through it. */
export function rewriteLink(value: string, upstreamBase: string, proxyOrigin: string): string {
  return value.replace(/<([^>]*)>/g, (whole, target: string) => {
    if (target === upstreamBase) return `<${proxyOrigin}>`;
    for (const joint of ['/', '?']) {
      if (target.startsWith(upstreamBase + joint)) return `<${proxyOrigin}${target.slice(upstreamBase.length)}>`;
    }
    return whole;
  });
}
