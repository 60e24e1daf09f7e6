// What the compiler SAYS when a call to messages.create or messages.reply breaks a rule: the error must name the rule
// (not "Type 'string' is not assignable to type 'undefined'", nor ask for a card). messages.types.test.ts checks THAT
// these calls fail; this file compiles each call with the TypeScript compiler API and reads the diagnostic's text.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const testDir = dirname(fileURLToPath(import.meta.url));

const ONE_DESTINATION = 'messages.create: give exactly one of roomId, toPersonId, toPersonEmail';
const SOME_CONTENT = 'give some content: text, markdown, files, attachments, or a card with text';
const CARD_TEXT = 'a card needs text as the fallback for clients that cannot show cards';

// [name, call, the rule its error must quote]; each call runs in front of the same prelude.
const broken: [string, string, string][] = [
  [
    'roomId and toPersonEmail',
    "webex.messages.create({ roomId, toPersonEmail: 'ana@example.com', text: 'hi' })",
    ONE_DESTINATION,
  ],
  ['roomId and toPersonId', "webex.messages.create({ roomId, toPersonId: 'P', markdown: '**hi**' })", ONE_DESTINATION],
  [
    'all three destinations',
    "webex.messages.create({ roomId, toPersonId: 'P', toPersonEmail: 'a@b.c', text: 'hi' })",
    ONE_DESTINATION,
  ],
  ['no destination', "webex.messages.create({ text: 'hi' })", ONE_DESTINATION],
  ['no content', 'webex.messages.create({ roomId })', `messages.create: ${SOME_CONTENT}`],
  ['only a thread', "webex.messages.create({ roomId, parentId: 'M' })", `messages.create: ${SOME_CONTENT}`],
  ['a card without text', 'webex.messages.create({ roomId, card })', `messages.create: ${CARD_TEXT}`],
  [
    'a card with markdown only',
    "webex.messages.create({ roomId, markdown: '**m**', card })",
    `messages.create: ${CARD_TEXT}`,
  ],
  [
    'a card and attachments',
    "webex.messages.create({ roomId, text: 't', card, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] })",
    'messages.create: give card or attachments, not both',
  ],
  [
    'a reply with a destination',
    "webex.messages.reply('M', { roomId, text: 'hi' })",
    'messages.reply: give no roomId, toPersonId or toPersonEmail',
  ],
  ['a reply without content', "webex.messages.reply('M', {})", `messages.reply: ${SOME_CONTENT}`],
  ['a reply with a card and no text', "webex.messages.reply('M', { card })", `messages.reply: ${CARD_TEXT}`],
];

// Calls that must keep compiling, each with no diagnostic at all.
const valid: [string, string][] = [
  ['text to a room', "webex.messages.create({ roomId, text: 'hi' })"],
  ['markdown by email', "webex.messages.create({ toPersonEmail: 'ana@example.com', markdown: '**hi**' })"],
  ['a URL to a person', "webex.messages.create({ toPersonId: 'P', files: ['https://example.com/a.pdf'] })"],
  ['a Blob', "webex.messages.create({ roomId, files: [new Blob(['x'])] })"],
  [
    'a card with its text',
    "webex.messages.create({ roomId, text: 'fallback', markdown: '**m**', card, parentId: 'M' })",
  ],
  [
    'an inline card',
    "webex.messages.create({ roomId, text: 't', card: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'x' }] } })",
  ],
  ['a body typed CreateMessageInput', 'webex.messages.create(body)'],
  [
    'a spread destination',
    "webex.messages.create({ ...(Math.random() > 0.5 ? { roomId } : { toPersonId: 'P' }), text: 'hi' })",
  ],
  ['a reply', "webex.messages.reply('M', { text: 'fallback', card })"],
];

const prelude = [
  "import { adaptiveCard, Webex, type CreateMessageInput, type Message } from '../src/index.js';",
  "const webex = new Webex({ accessToken: 't', baseUrl: 'http://127.0.0.1:9' });",
  "const roomId = 'R';",
  "const card = adaptiveCard({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Approve?' }] });",
  'declare const body: CreateMessageInput;',
  // The answer keeps its type: a call that compiles gives a Message.
  'export const sent: Promise<Message> =',
].join('\n');

/** The options of packages/client/tsconfig.json, with or without `exactOptionalPropertyTypes`. */
function compilerOptions(exactOptionalPropertyTypes: boolean): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(testDir, '../tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('packages/client/tsconfig.json could not be read');
  return { ...config.options, exactOptionalPropertyTypes, noEmit: true };
}

/** A language service over `files` (virtual, next to this test) and the real sources they import. */
function languageService(files: ReadonlyMap<string, string>, options: ts.CompilerOptions): ts.LanguageService {
  const read = (name: string) => files.get(name) ?? ts.sys.readFile(name);
  return ts.createLanguageService({
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = read(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => testDir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => files.has(name) || ts.sys.fileExists(name),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
}

/** Compiles every call, each in its own file after the prelude, and returns each file's diagnostics as text. */
function compileCalls(calls: readonly string[], exactOptionalPropertyTypes: boolean): string[][] {
  const files = new Map(
    calls.map((call, index) => [join(testDir, `__rule-case-${index}.ts`), `${prelude}\n  ${call};\n`]),
  );
  const program = languageService(files, compilerOptions(exactOptionalPropertyTypes)).getProgram()!;
  return [...files.keys()].map((name) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(name))
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  );
}

/** The property names an editor offers where `|` stands in `call` (written after the prelude). */
function completionsAt(call: string): string[] {
  const name = join(testDir, '__completion-case.ts');
  const text = `${prelude}\n  ${call.replace('|', '')};\n`;
  const position = prelude.length + 3 + call.indexOf('|');
  const completions = languageService(new Map([[name, text]]), compilerOptions(true)).getCompletionsAtPosition(
    name,
    position,
    {},
  );
  return (completions?.entries ?? []).map((entry) => entry.name).sort();
}

describe.each([false, true])('messages compile errors (exactOptionalPropertyTypes: %s)', (exact) => {
  let brokenErrors: string[][] = [];
  let validErrors: string[][] = [];
  beforeAll(() => {
    const all = compileCalls([...broken.map(([, call]) => call), ...valid.map(([, call]) => call)], exact);
    brokenErrors = all.slice(0, broken.length);
    validErrors = all.slice(broken.length);
  }, 60_000);

  it.each(broken.map(([name, call, rule], index) => [name, call, rule, index] as const))(
    '%s: the error names the rule',
    (_name, call, rule, index) => {
      const errors = brokenErrors[index]!;
      expect(errors, `${call} compiled`).not.toEqual([]);
      const text = errors.join('\n');
      expect(text, `${call}: the error does not name the rule`).toContain(rule);
      expect(text).not.toContain("not assignable to type 'undefined'");
      expect(text).not.toMatch(/missing the following properties/);
    },
  );

  it.each(valid.map(([name, call], index) => [name, call, index] as const))('%s: compiles', (_name, call, index) => {
    expect(validErrors[index], `${call} does not compile`).toEqual([]);
  });
});

describe('messages.create and reply in an editor', () => {
  it('offers every field while the call is still incomplete (and so breaks a rule)', () => {
    expect(completionsAt('webex.messages.create({ roomId, | })')).toEqual(
      expect.arrayContaining(['attachments', 'card', 'files', 'markdown', 'parentId', 'text']),
    );
    expect(completionsAt('webex.messages.create({ | })')).toEqual(
      expect.arrayContaining(['roomId', 'toPersonId', 'toPersonEmail', 'text', 'markdown', 'files', 'card']),
    );
    expect(completionsAt("webex.messages.reply('M', { | })")).toEqual(
      expect.arrayContaining(['attachments', 'card', 'files', 'markdown', 'parentId', 'text']),
    );
  });

  it('offers the fields of a card element inside an inline card', () => {
    const call =
      "webex.messages.create({ roomId, text: 't', card: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', | }] } })";
    expect(completionsAt(call)).toEqual(expect.arrayContaining(['text', 'wrap', 'weight']));
  });
});
