// One tiny adapter over the runtime's WebSocket: the global one where there is one (Node 22+, Bun, Deno, browsers),
// else the `ws` package, loaded only then (through a specifier bundlers do not follow, so edge bundles never pull it).
// Both speak the WHATWG API used here: addEventListener, send, close; text frames arrive as strings.

/** The part of a WebSocket this library uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

/** A WebSocket class: `globalThis.WebSocket`, the `ws` package's, or any other with the WHATWG API. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The readyState of an open socket, in every implementation. */
export const OPEN = 1;

let loaded: Promise<WebSocketConstructor> | undefined;

/** The WebSocket class to use: the one given, the global one, or `ws`. */
export function webSocketClass(given: WebSocketConstructor | undefined): Promise<WebSocketConstructor> {
  if (given) return Promise.resolve(given);
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (typeof global === 'function') return Promise.resolve(global);
  loaded ??= loadWs().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function loadWs(): Promise<WebSocketConstructor> {
  const specifier = 'ws';
  try {
    const module = (await import(/* @vite-ignore */ specifier)) as {
      default?: WebSocketConstructor;
      WebSocket?: WebSocketConstructor;
    };
    const found = module.WebSocket ?? module.default;
    if (typeof found !== 'function') throw new TypeError('the ws module has no WebSocket class');
    return found;
  } catch (error) {
    throw new TypeError(
      'this runtime has no global WebSocket and the ws package could not be loaded: install ws, or pass a WebSocket class (the webSocket option)',
      { cause: error },
    );
  }
}

/** The text of a message event: strings as they are, binary frames decoded as UTF-8. */
export function frameText(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return undefined;
}
