// The names README examples use without defining them (the prose around them says what they are), with a type for each,
// and for the few a runnable example may use, a value that works against the mock.

/** How one free name is declared in front of an example. */
export interface FreeName {
  /** Declaration without `declare`/`;`: `const roomId: string`, or a type alias `type paths = …`. */
  declaration: string;
  /** A TypeScript expression giving it a value when the example runs against the mock; none: the example cannot run. */
  value?: string;
}

const client = "import('@webex-ts/client')";
const plain = (value?: string): FreeName => (value === undefined ? { declaration: '' } : { declaration: '', value });
// A Prism-shaped room id (base64 of ciscospark://us/ROOM/…): the mock accepts any string, Webex would want this shape.
const ROOM_ID = "'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0'";

const table: Record<string, FreeName> = {
  // ids and plain strings
  roomId: plain(ROOM_ID),
  id: plain(ROOM_ID),
  orgId: plain(),
  workspaceLocationId: plain(),
  workspaceId: plain(),
  locationId: plain("'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2E'"),
  personId: plain("'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h'"),
  deviceId: plain(),
  issuerId: plain(),
  secret: plain(),
  targetUrl: plain(),
  toPersonEmail: plain("'ana@example.com'"),
  email: plain("'ana@example.com'"),
  accessToken: plain("process.env.WEBEX_ACCESS_TOKEN ?? 'test'"),
  token: plain(),
  baseUrl: plain(),
  from: plain(),
  to: plain(),
  // OAuth
  clientId: plain(),
  clientSecret: plain(),
  code: plain(),
  redirectUri: plain(),
  refreshToken: plain(),
  store: { declaration: `const store: { save(tokens: ${client}.AccessToken): void | Promise<void> }` },
  save: { declaration: `const save: (tokens: ${client}.AccessToken) => void | Promise<void>` },
  // webhook handlers
  rawBody: { declaration: 'const rawBody: string | Uint8Array' },
  request: { declaration: "const request: import('node:http').IncomingMessage" },
  bytes: { declaration: 'const bytes: Uint8Array<ArrayBuffer>' },
  // resources answered earlier in the prose
  webex: { declaration: `const webex: ${client}.Webex`, value: `new (await import('@webex-ts/client')).Webex()` },
  message: { declaration: `const message: ${client}.Message` },
  room: { declaration: `const room: ${client}.Room` },
  team: { declaration: `const team: ${client}.Team` },
  card: { declaration: `const card: ${client}.AdaptiveCard` },
  log: { declaration: 'const log: (...parts: unknown[]) => void', value: 'console.log' },
  // what a README's first example imports and the fragments after it use
  Webex: { declaration: `const Webex: typeof ${client}.Webex`, value: `(await import('@webex-ts/client')).Webex` },
  paginate: { declaration: "const paginate: typeof import('@webex-ts/paginate').paginate" },
  // the openapi-fetch client of the paginate README (its first example makes one)
  paths: { declaration: "type paths = import('@webex-ts/client/http').paths" },
  client: { declaration: "const client: import('@webex-ts/client/http').WebexHttp" },
};

/** The known free name `name`, or undefined when README examples may not use it without defining it. */
export function freeName(name: string): FreeName | undefined {
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!entry) return undefined;
  return entry.declaration === '' ? { ...entry, declaration: `const ${name}: string` } : entry;
}

/** Every known free name, for the message that lists what an example may use. */
export function knownFreeNames(): string[] {
  return Object.keys(table).sort();
}
