// HMAC-SHA1, what Webex signs deliveries with. node:crypto where the runtime has it: a tenth of WebCrypto's cost per
// delivery, and a bot verifies every one. It is reached through `process.getBuiltinModule`, never a static import,
// because this module is bundled for browsers and edge runtimes too; those get WebCrypto.

/** The part of node:crypto used here. */
interface NodeCrypto {
  createHmac(
    algorithm: 'sha1',
    key: string,
  ): { update(data: string | Uint8Array): { digest(encoding: 'hex'): string } };
}

/** What a signature is computed over: the raw body, as text or bytes. */
export type SignedBody = string | Uint8Array | ArrayBuffer;

const encoder = /* @__PURE__ */ new TextEncoder();
// Looked up on first use, not at import: importing the client must not touch `process`.
let nodeCrypto: NodeCrypto | null | undefined;

function builtinCrypto(): NodeCrypto | null {
  if (nodeCrypto === undefined) {
    try {
      const runtime = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
      nodeCrypto = (runtime?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined) ?? null;
    } catch {
      // A runtime whose `process` imitation refuses the lookup has WebCrypto.
      nodeCrypto = null;
    }
  }
  return nodeCrypto;
}

/** The lower-case hex HMAC-SHA1 of `body` keyed with `secret`: at once where node:crypto is there, else through WebCrypto. */
export function hmacSha1Hex(secret: string, body: SignedBody): string | Promise<string> {
  const node = builtinCrypto();
  if (!node) return webCryptoHmacSha1Hex(secret, body);
  return node
    .createHmac('sha1', secret)
    .update(body instanceof ArrayBuffer ? new Uint8Array(body) : body)
    .digest('hex');
}

/** Imported keys by secret: importing costs more than signing a delivery, and a receiver has one secret (or a few). */
const signingKeys = new Map<string, Promise<CryptoKey>>();
const MAX_SIGNING_KEYS = 16;

function signingKey(secret: string): Promise<CryptoKey> {
  let key = signingKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
    // Many secrets in one process (a test suite, a multi-tenant app): keep the newest few.
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.delete(signingKeys.keys().next().value!);
    signingKeys.set(secret, key);
    // A failed import is not kept.
    key.catch(() => signingKeys.delete(secret));
  }
  return key;
}

/** {@link hmacSha1Hex} through WebCrypto, as browsers, Deno and edge runtimes compute it. */
export async function webCryptoHmacSha1Hex(secret: string, body: SignedBody): Promise<string> {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', await signingKey(secret), bytes as Uint8Array<ArrayBuffer>),
  );
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
