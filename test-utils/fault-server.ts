// A fault-injection server: a paged list of numbered items (Link rel="next"), where any request
// can be answered with a fault instead. Real sockets on loopback; it counts what it saw.
import type { ServerResponse } from 'node:http';
import { cutOff, json, startServer, type SeenRequest, type TestServer } from './http-server.js';

/** What the server does instead of answering normally. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'reset-before-headers' }
  | { kind: 'reset-during-body' }
  | { kind: 'truncated-body' }
  | { kind: 'stall' }
  | { kind: 'invalid-json' }
  | { kind: 'link'; link: string };

/** A running fault server over `total` items, `pageSize` per page. */
export interface FaultServer extends TestServer {
  /** Requests for each page number. */
  pageRequests(page: number): number;
  /** Requests it is holding unanswered (a `stall`) whose connection is still open. */
  held(): number;
}

/**
 * Starts the server. `faultFor(request, seen)` picks a fault for a request (or none);
 * pages are at `/v1/items?page=N` and items are the numbers 0…total-1.
 */
export async function startFaultServer(options: {
  total: number;
  pageSize: number;
  faultFor?: (page: number, attempt: number, request: SeenRequest) => Fault | undefined;
}): Promise<FaultServer> {
  const attempts = new Map<number, number>();
  let held = 0;
  let base = '';
  const server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get('page') ?? '0');
    const attempt = (attempts.get(page) ?? 0) + 1;
    attempts.set(page, attempt);
    const items = Array.from({ length: options.total }, (_, i) => i).slice(
      page * options.pageSize,
      (page + 1) * options.pageSize,
    );
    const more = (page + 1) * options.pageSize < options.total;
    const link = more ? `<${base}/v1/items?page=${page + 1}>; rel="next"` : undefined;
    const fault = options.faultFor?.(page, attempt, req);
    if (!fault) return json(res, 200, { items }, link ? { link } : {});
    if (fault.kind === 'stall') {
      held++;
      res.once('close', () => held--);
    }
    answerWithFault(res, fault, { items });
  });
  base = server.url;
  return { ...server, pageRequests: (page) => attempts.get(page) ?? 0, held: () => held };
}

function answerWithFault(res: ServerResponse, fault: Fault, body: unknown): void {
  const text = JSON.stringify(body);
  switch (fault.kind) {
    case 'status':
      json(
        res,
        fault.status,
        { message: `fault ${fault.status}`, trackingId: 'FAULT' },
        { trackingid: 'FAULT', ...fault.headers },
      );
      return;
    case 'reset-before-headers':
      res.socket?.destroy();
      return;
    case 'reset-during-body':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
      cutOff(res, text.slice(0, 5));
      return;
    case 'truncated-body': {
      // The socket, taken before `end` hands it back to the server for the next request on the connection; cut once
      // the whole (short) body is with the OS.
      const socket = res.socket;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length + 100) });
      res.end(text, () => socket?.destroy());
      return;
    }
    case 'stall':
      return; // never answers
    case 'invalid-json':
      res.writeHead(200, { 'content-type': 'application/json', trackingid: 'BAD-JSON' });
      res.end(text.slice(0, -1));
      return;
    case 'link':
      json(res, 200, body, { link: fault.link });
      return;
  }
}
